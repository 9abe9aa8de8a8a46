package dev.petrel.opfs;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.vfs.MemoryVfs;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.JSObject;

/**
 * A {@link Vfs} over the browser's Origin Private File System: the database file, its rollback journal and its WAL
 * are OPFS files reached through {@code FileSystemSyncAccessHandle}s that the worker opened beforehand.
 *
 * <p>Contract with the worker (see {@link SyncAccessHandles}): before the engine opens database {@code name}, the
 * worker creates sync access handles for {@code name}, {@code name-journal} and {@code name-wal} and registers them
 * in {@code self.petrelOpfs}; it closes them only after the engine has closed the database. The Web Lock that elects
 * the owning tab guarantees no other context writes these files meanwhile (OPFS itself allows one sync handle per
 * file), so the locks of {@link VfsFile} only arbitrate between connections inside this worker.
 *
 * <p>Invariants:
 * <ol>
 *   <li>OPFS removal ({@code removeEntry}) is asynchronous and cannot run while a handle is open, so
 *       {@link #delete} of a registered file truncates it to zero bytes and flushes; a registered journal or WAL of
 *       zero bytes is reported as not existing. For a rollback journal this is exactly SQLite's TRUNCATE commit
 *       point; an empty journal is never hot.</li>
 *   <li>Paths the worker did not register (temporary files, super-journals) live in memory ({@link MemoryVfs}); they
 *       never need to survive the worker.</li>
 *   <li>Lock state is per path and shared by every handle opened on that path by this VFS.</li>
 * </ol>
 */
public final class OpfsVfs implements Vfs {
    private final MemoryVfs scratch = new MemoryVfs("opfs-scratch");
    private final Map<String, LockTable> locks = new HashMap<>();

    @Override
    public String name() {
        return "opfs";
    }

    /** Whether the worker registered an OPFS handle for {@code path}. */
    public static boolean isRegistered(String path) {
        return SyncAccessHandles.lookup(path) != null;
    }

    @Override
    public VfsFile open(String path, int flags) {
        JSObject handle = SyncAccessHandles.lookup(path);
        if (handle == null) {
            if ((flags & OPEN_MAIN_DB) != 0) {
                throw new PetrelException(ResultCode.CANTOPEN, "unable to open database file");
            }
            return scratch.open(path, flags);
        }
        LockTable table = locks.get(path);
        if (table == null) {
            table = new LockTable();
            locks.put(path, table);
        }
        return new OpfsFile(path, handle, table, (flags & OPEN_READONLY) != 0);
    }

    @Override
    public void delete(String path) {
        JSObject handle = SyncAccessHandles.lookup(path);
        if (handle == null) {
            scratch.delete(path);
            return;
        }
        if (SyncAccessHandles.truncate(handle, 0) < 0 || SyncAccessHandles.flush(handle) < 0) {
            throw PetrelException.ioError(ResultCode.IOERR_DELETE, SyncAccessHandles.lastError());
        }
    }

    @Override
    public boolean exists(String path) {
        JSObject handle = SyncAccessHandles.lookup(path);
        if (handle == null) {
            return scratch.exists(path);
        }
        if (path.endsWith("-journal") || path.endsWith("-wal")) {
            return SyncAccessHandles.size(handle) > 0;
        }
        return true;
    }

    /** SQLite's lock levels for one file, across the handles of this VFS (as {@link MemoryVfs} keeps them). */
    static final class LockTable {
        int sharedCount;
        OpfsFile reservedHolder;
        OpfsFile pendingHolder;
        OpfsFile exclusiveHolder;
    }
}
