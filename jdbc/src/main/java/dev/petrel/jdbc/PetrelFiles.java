package dev.petrel.jdbc;

import dev.petrel.Petrel;
import dev.petrel.api.Database;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import dev.petrel.vfs.jvm.FileVfs;

/**
 * Opens Petrel databases by path on the JVM: {@code ":memory:"} (or the empty string) for a private in-memory
 * database, anything else as a file through {@link FileVfs}. The one place that picks the VFS, shared by the driver
 * and the shell.
 */
public final class PetrelFiles {
    private PetrelFiles() {
    }

    /** Whether {@code path} names a private in-memory database. */
    public static boolean isMemory(String path) {
        return path == null || path.isEmpty() || Petrel.MEMORY_PATH.equals(path);
    }

    /**
     * Opens {@code path}; with {@code readOnly} the file must exist and any write fails with
     * {@code SQLITE_READONLY}.
     *
     * @throws dev.petrel.api.PetrelException {@code SQLITE_CANTOPEN} if the file cannot be opened
     */
    public static Database open(String path, boolean readOnly) {
        if (isMemory(path)) {
            return Petrel.openMemory();
        }
        Vfs files = new FileVfs();
        return Petrel.open(readOnly ? new ReadOnlyVfs(files) : files, path);
    }

    /**
     * Opens every file read-only and never creates one: creating a journal or WAL (the start of a write) fails
     * with {@code SQLITE_READONLY}, as SQLite reports a write to a read-only database.
     */
    private static final class ReadOnlyVfs implements Vfs {
        private final Vfs base;

        ReadOnlyVfs(Vfs base) {
            this.base = base;
        }

        @Override
        public String name() {
            return base.name();
        }

        @Override
        public VfsFile open(String path, int flags) {
            if ((flags & OPEN_MAIN_DB) == 0 && (flags & OPEN_CREATE) != 0 && !base.exists(path)) {
                throw new dev.petrel.api.PetrelException(dev.petrel.api.ResultCode.READONLY, null);
            }
            return base.open(path, (flags & ~(OPEN_CREATE | OPEN_READWRITE)) | OPEN_READONLY);
        }

        @Override
        public void delete(String path) {
            throw new dev.petrel.api.PetrelException(dev.petrel.api.ResultCode.READONLY, null);
        }

        @Override
        public boolean exists(String path) {
            return base.exists(path);
        }
    }
}
