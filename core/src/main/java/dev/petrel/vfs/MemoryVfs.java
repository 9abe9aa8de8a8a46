package dev.petrel.vfs;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Vfs} whose files live in Java heap memory: the VFS behind {@code :memory:} databases, unit tests and
 * the base that the fault-injecting VFS wraps.
 *
 * <p>Files outlive their handles (until deleted or the VFS is dropped), so a test can close a database and open
 * it again. Locks are tracked per file across all handles of this VFS with SQLite's rules ({@link LockTable}):
 * many SHARED, at most one RESERVED or PENDING, PENDING keeps new SHARED out, EXCLUSIVE alone. {@code sync} is a
 * no-op: memory has no power loss ({@link FaultInjectingVfs} simulates one).
 */
public final class MemoryVfs implements Vfs {
    private final String name;
    private final Map<String, FileData> files = new HashMap<>();

    public MemoryVfs() {
        this("memory");
    }

    public MemoryVfs(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public VfsFile open(String path, int flags) {
        FileData data = files.get(path);
        if (data == null) {
            if ((flags & OPEN_CREATE) == 0) {
                throw new PetrelException(ResultCode.CANTOPEN, null);
            }
            data = new FileData();
            files.put(path, data);
        }
        return new Handle(path, data, (flags & OPEN_DELETE_ON_CLOSE) != 0, (flags & OPEN_READONLY) != 0);
    }

    @Override
    public void delete(String path) {
        files.remove(path);
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path);
    }

    /** The names of the files that exist, for tests and listings. */
    public List<String> list() {
        return new ArrayList<>(files.keySet());
    }

    /** A copy of a file's bytes (tests compare files and hand them to real SQLite). */
    public byte[] snapshot(String path) {
        FileData data = files.get(path);
        if (data == null) {
            return null;
        }
        byte[] copy = new byte[(int) data.size];
        System.arraycopy(data.bytes, 0, copy, 0, copy.length);
        return copy;
    }

    /** Creates or replaces a file with the given bytes. */
    public void put(String path, byte[] bytes) {
        FileData data = new FileData();
        data.bytes = bytes.clone();
        data.size = bytes.length;
        files.put(path, data);
    }

    /** The bytes and lock table of one file, shared by all its handles. */
    private static final class FileData {
        byte[] bytes = new byte[0];
        long size;
        final LockTable locks = new LockTable();

        void ensureCapacity(long needed) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw PetrelException.ioError(ResultCode.IOERR_WRITE, "memory file larger than 2 GiB");
            }
            if (needed > bytes.length) {
                long grown = Math.max(needed, Math.min((long) bytes.length * 2, Integer.MAX_VALUE - 8));
                byte[] bigger = new byte[(int) Math.max(grown, 4096)];
                System.arraycopy(bytes, 0, bigger, 0, (int) size);
                bytes = bigger;
            }
        }
    }

    private final class Handle implements VfsFile {
        private final String path;
        private final FileData data;
        private final boolean deleteOnClose;
        private final boolean readOnly;
        private int lockLevel = LOCK_NONE;
        private boolean closed;

        Handle(String path, FileData data, boolean deleteOnClose, boolean readOnly) {
            this.path = path;
            this.data = data;
            this.deleteOnClose = deleteOnClose;
            this.readOnly = readOnly;
        }

        private void checkOpen() {
            if (closed) {
                throw PetrelException.misuse("file is closed: " + path);
            }
        }

        @Override
        public int read(long offset, byte[] dst, int dstOff, int len) {
            checkOpen();
            if (offset < 0 || len < 0) {
                throw PetrelException.ioError(ResultCode.IOERR_READ, "bad read range");
            }
            long available = Math.max(0, Math.min(len, data.size - offset));
            if (available > 0) {
                System.arraycopy(data.bytes, (int) offset, dst, dstOff, (int) available);
            }
            if (available < len) {
                java.util.Arrays.fill(dst, dstOff + (int) available, dstOff + len, (byte) 0);
            }
            return (int) available;
        }

        @Override
        public void write(long offset, byte[] src, int srcOff, int len) {
            checkOpen();
            if (readOnly) {
                throw new PetrelException(ResultCode.READONLY, null);
            }
            if (offset < 0 || len < 0) {
                throw PetrelException.ioError(ResultCode.IOERR_WRITE, "bad write range");
            }
            long end = offset + len;
            data.ensureCapacity(end);
            if (offset > data.size) {
                java.util.Arrays.fill(data.bytes, (int) data.size, (int) offset, (byte) 0);
            }
            System.arraycopy(src, srcOff, data.bytes, (int) offset, len);
            if (end > data.size) {
                data.size = end;
            }
        }

        @Override
        public void truncate(long size) {
            checkOpen();
            if (size < 0) {
                throw PetrelException.ioError(ResultCode.IOERR_TRUNCATE, "negative size");
            }
            if (size > data.size) {
                data.ensureCapacity(size);
                java.util.Arrays.fill(data.bytes, (int) data.size, (int) size, (byte) 0);
            }
            data.size = size;
        }

        @Override
        public void sync(int flags) {
            checkOpen();
        }

        @Override
        public long size() {
            checkOpen();
            return data.size;
        }

        @Override
        public boolean lock(int level) {
            checkOpen();
            lockLevel = data.locks.lock(this, lockLevel, level);
            return lockLevel >= level;
        }

        @Override
        public void unlock(int level) {
            data.locks.unlock(this, lockLevel, level);
            lockLevel = Math.min(lockLevel, level);
        }

        @Override
        public int lockLevel() {
            return lockLevel;
        }

        @Override
        public boolean checkReservedLock() {
            return data.locks.reservedHeld();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            unlock(LOCK_NONE);
            closed = true;
            if (deleteOnClose) {
                files.remove(path);
            }
        }
    }
}
