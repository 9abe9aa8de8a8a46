package dev.petrel.opfs;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.vfs.VfsFile;
import java.util.Arrays;
import org.teavm.jso.JSObject;

/**
 * One open file of {@link OpfsVfs}: {@link VfsFile} over a {@code FileSystemSyncAccessHandle}, with bytes moved by
 * {@link PageTransfer}.
 *
 * <p>Closing this object releases its locks but leaves the OPFS handle open: the handle belongs to the worker,
 * which closes it after the database (invariant of {@link OpfsVfs}). {@link #sync} maps to {@code flush()}, which
 * is OPFS's only durability barrier.
 */
final class OpfsFile implements VfsFile {
    private static final double MAX_SAFE_OFFSET = 9007199254740991.0;

    private final String path;
    private final JSObject handle;
    private final OpfsVfs.LockTable locks;
    private final boolean readOnly;
    private int lockLevel = LOCK_NONE;
    private boolean closed;

    OpfsFile(String path, JSObject handle, OpfsVfs.LockTable locks, boolean readOnly) {
        this.path = path;
        this.handle = handle;
        this.locks = locks;
        this.readOnly = readOnly;
    }

    private void checkOpen() {
        if (closed) {
            throw PetrelException.misuse("file is closed: " + path);
        }
    }

    private PetrelException ioError(ResultCode code) {
        return PetrelException.ioError(code, path + ": " + SyncAccessHandles.lastError());
    }

    @Override
    public int read(long offset, byte[] dst, int dstOff, int len) {
        checkOpen();
        if (offset < 0 || len < 0 || dstOff < 0 || dstOff > dst.length - len || offset > MAX_SAFE_OFFSET) {
            throw PetrelException.ioError(ResultCode.IOERR_READ, "bad read range");
        }
        int n = PageTransfer.read(handle, offset, dst, dstOff, len);
        if (n < 0) {
            throw ioError(ResultCode.IOERR_READ);
        }
        if (n < len) {
            Arrays.fill(dst, dstOff + n, dstOff + len, (byte) 0);
        }
        return n;
    }

    @Override
    public void write(long offset, byte[] src, int srcOff, int len) {
        checkOpen();
        if (readOnly) {
            throw new PetrelException(ResultCode.READONLY, null);
        }
        if (offset < 0 || len < 0 || srcOff < 0 || srcOff > src.length - len || offset > MAX_SAFE_OFFSET) {
            throw PetrelException.ioError(ResultCode.IOERR_WRITE, "bad write range");
        }
        int n = PageTransfer.write(handle, offset, src, srcOff, len);
        if (n != len) {
            throw ioError(ResultCode.IOERR_WRITE);
        }
    }

    @Override
    public void truncate(long size) {
        checkOpen();
        if (size < 0 || SyncAccessHandles.truncate(handle, size) < 0) {
            throw ioError(ResultCode.IOERR_TRUNCATE);
        }
    }

    @Override
    public void sync(int flags) {
        checkOpen();
        if (SyncAccessHandles.flush(handle) < 0) {
            throw ioError(ResultCode.IOERR_FSYNC);
        }
    }

    @Override
    public long size() {
        checkOpen();
        double s = SyncAccessHandles.size(handle);
        if (s < 0) {
            throw ioError(ResultCode.IOERR_FSTAT);
        }
        return (long) s;
    }

    @Override
    public boolean lock(int level) {
        checkOpen();
        if (level <= lockLevel) {
            return true;
        }
        if (level == LOCK_SHARED) {
            if ((locks.exclusiveHolder != null && locks.exclusiveHolder != this)
                    || (locks.pendingHolder != null && locks.pendingHolder != this)) {
                return false;
            }
            locks.sharedCount++;
        } else if (level == LOCK_RESERVED) {
            if (locks.reservedHolder != null && locks.reservedHolder != this) {
                return false;
            }
            locks.reservedHolder = this;
        } else if (level == LOCK_PENDING || level == LOCK_EXCLUSIVE) {
            if ((locks.reservedHolder != null && locks.reservedHolder != this)
                    || (locks.exclusiveHolder != null && locks.exclusiveHolder != this)) {
                return false;
            }
            locks.reservedHolder = this;
            locks.pendingHolder = this;
            int othersShared = locks.sharedCount - (lockLevel >= LOCK_SHARED ? 1 : 0);
            if (level == LOCK_EXCLUSIVE) {
                if (othersShared > 0) {
                    lockLevel = LOCK_PENDING;
                    return false;
                }
                locks.exclusiveHolder = this;
            }
        }
        lockLevel = level;
        return true;
    }

    @Override
    public void unlock(int level) {
        if (level >= lockLevel) {
            return;
        }
        if (lockLevel >= LOCK_RESERVED && level < LOCK_RESERVED) {
            if (locks.reservedHolder == this) {
                locks.reservedHolder = null;
            }
            if (locks.pendingHolder == this) {
                locks.pendingHolder = null;
            }
            if (locks.exclusiveHolder == this) {
                locks.exclusiveHolder = null;
            }
        }
        if (lockLevel >= LOCK_SHARED && level < LOCK_SHARED) {
            locks.sharedCount--;
        }
        lockLevel = level;
    }

    @Override
    public int lockLevel() {
        return lockLevel;
    }

    @Override
    public boolean checkReservedLock() {
        return locks.reservedHolder != null && locks.reservedHolder != this;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        unlock(LOCK_NONE);
        closed = true;
    }
}
