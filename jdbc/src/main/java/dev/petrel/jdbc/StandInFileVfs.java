package dev.petrel.jdbc;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * A minimal JVM file {@link Vfs} used until module {@code jvm-vfs} ({@code dev.petrel.vfs.jvm.FileVfs}) is merged:
 * plain {@link RandomAccessFile}s, with locks kept per handle only (no cross-process locking).
 *
 * <p>Contract: as {@link Vfs}; with {@code readOnly} every file is opened read-only and a write raises
 * {@code SQLITE_READONLY}. Only {@link PetrelFiles} creates it, so swapping it for the real VFS is a one-line change.
 */
final class StandInFileVfs implements Vfs {
    private final boolean readOnly;

    StandInFileVfs(boolean readOnly) {
        this.readOnly = readOnly;
    }

    @Override
    public String name() {
        return "petrel-jdbc-standin";
    }

    @Override
    public VfsFile open(String path, int flags) {
        File f = new File(path);
        boolean writable = !readOnly && (flags & OPEN_READONLY) == 0;
        if (!f.exists() && (!writable || (flags & OPEN_CREATE) == 0)) {
            throw new PetrelException(ResultCode.CANTOPEN, null);
        }
        if (f.isDirectory()) {
            throw new PetrelException(ResultCode.CANTOPEN_ISDIR, ResultCode.CANTOPEN.defaultMessage());
        }
        try {
            return new FileHandle(f, new RandomAccessFile(f, writable ? "rw" : "r"), writable,
                    (flags & OPEN_DELETE_ON_CLOSE) != 0);
        } catch (IOException e) {
            throw new PetrelException(ResultCode.CANTOPEN, null, e);
        }
    }

    @Override
    public void delete(String path) {
        if (readOnly) {
            throw new PetrelException(ResultCode.READONLY, null);
        }
        File f = new File(path);
        if (f.exists() && !f.delete()) {
            throw PetrelException.ioError(ResultCode.IOERR_DELETE, "cannot delete " + path);
        }
    }

    @Override
    public boolean exists(String path) {
        return new File(path).exists();
    }

    /** One open file; its lock level is bookkeeping only. */
    private static final class FileHandle implements VfsFile {
        private final File file;
        private final RandomAccessFile raf;
        private final boolean writable;
        private final boolean deleteOnClose;
        private int lockLevel = LOCK_NONE;
        private boolean closed;

        FileHandle(File file, RandomAccessFile raf, boolean writable, boolean deleteOnClose) {
            this.file = file;
            this.raf = raf;
            this.writable = writable;
            this.deleteOnClose = deleteOnClose;
        }

        @Override
        public int read(long offset, byte[] dst, int dstOff, int len) {
            try {
                long size = raf.length();
                int have = (int) Math.max(0, Math.min(len, size - offset));
                if (have > 0) {
                    raf.seek(offset);
                    raf.readFully(dst, dstOff, have);
                }
                java.util.Arrays.fill(dst, dstOff + have, dstOff + len, (byte) 0);
                return have;
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_READ, e.toString());
            }
        }

        private void checkWritable() {
            if (!writable) {
                throw new PetrelException(ResultCode.READONLY, null);
            }
        }

        @Override
        public void write(long offset, byte[] src, int srcOff, int len) {
            checkWritable();
            try {
                raf.seek(offset);
                raf.write(src, srcOff, len);
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_WRITE, e.toString());
            }
        }

        @Override
        public void truncate(long size) {
            checkWritable();
            try {
                raf.setLength(size);
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_TRUNCATE, e.toString());
            }
        }

        @Override
        public void sync(int flags) {
            if (!writable) {
                return;
            }
            try {
                raf.getFD().sync();
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_FSYNC, e.toString());
            }
        }

        @Override
        public long size() {
            try {
                return raf.length();
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_FSTAT, e.toString());
            }
        }

        @Override
        public boolean lock(int level) {
            if (level > LOCK_SHARED && !writable) {
                throw new PetrelException(ResultCode.READONLY, null);
            }
            lockLevel = Math.max(lockLevel, level);
            return true;
        }

        @Override
        public void unlock(int level) {
            lockLevel = Math.min(lockLevel, level);
        }

        @Override
        public int lockLevel() {
            return lockLevel;
        }

        @Override
        public boolean checkReservedLock() {
            return lockLevel >= LOCK_RESERVED;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                raf.close();
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_CLOSE, e.toString());
            } finally {
                if (deleteOnClose) {
                    file.delete();
                }
            }
        }
    }
}
