package dev.petrel.vfs.jvm;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.vfs.LockTable;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Vfs} over real files on the JVM: positional I/O through one {@link FileChannel} per file, SQLite's lock
 * levels between the connections of this JVM, and byte-range file locks between processes.
 *
 * <p>Locking, two layers:
 * <ol>
 *   <li>In this JVM, every handle of one file (by real path) shares a {@link LockTable} with SQLite's rules.</li>
 *   <li>Against other processes the JVM holds the strongest of those levels as POSIX byte-range locks at SQLite's
 *       offsets, so Petrel and SQLite processes exclude each other: SHARED is a shared lock on the 510-byte shared
 *       range at {@code 0x40000002} (taken while briefly holding a shared lock on the PENDING byte
 *       {@code 0x40000000}), RESERVED an exclusive lock on byte {@code 0x40000001}, PENDING an exclusive lock on
 *       the PENDING byte, EXCLUSIVE an exclusive lock on the shared range.</li>
 * </ol>
 * Because closing any channel of a file drops every lock the JVM holds on it, all handles of a file share one
 * channel, closed with the last handle. Handles are used from one thread at a time; the registry of open files is
 * synchronized so connections on different threads can open and close files.
 */
public final class FileVfs implements Vfs {
    /** SQLite's PENDING byte: the first byte of the lock-byte page (offset 2^30). */
    static final long PENDING_BYTE = 0x40000000L;
    static final long RESERVED_BYTE = PENDING_BYTE + 1;
    static final long SHARED_FIRST = PENDING_BYTE + 2;
    static final long SHARED_SIZE = 510;
    /** Reported sector size (the journal header is padded to it). */
    static final int SECTOR_SIZE = 4096;

    private static final Map<String, SharedFile> OPEN_FILES = new HashMap<>();

    @Override
    public String name() {
        return "file";
    }

    @Override
    public VfsFile open(String path, int flags) {
        Path p = Paths.get(path);
        boolean create = (flags & OPEN_CREATE) != 0;
        boolean readOnly = (flags & OPEN_READONLY) != 0;
        if (Files.isDirectory(p)) {
            throw new PetrelException(ResultCode.CANTOPEN_ISDIR, ResultCode.CANTOPEN.defaultMessage());
        }
        if (!Files.exists(p) && !create) {
            throw new PetrelException(ResultCode.CANTOPEN, null);
        }
        synchronized (OPEN_FILES) {
            try {
                if (!Files.exists(p)) {
                    Files.createFile(p);
                }
                String key = p.toRealPath().toString();
                SharedFile shared = OPEN_FILES.get(key);
                if (shared == null) {
                    boolean writable = Files.isWritable(p);
                    RandomAccessFile raf = new RandomAccessFile(p.toFile(), writable ? "rw" : "r");
                    shared = new SharedFile(key, raf, writable);
                    OPEN_FILES.put(key, shared);
                }
                shared.refs++;
                return new Handle(p, shared, readOnly || !shared.writable, (flags & OPEN_DELETE_ON_CLOSE) != 0);
            } catch (IOException e) {
                throw new PetrelException(ResultCode.CANTOPEN, null, e);
            }
        }
    }

    @Override
    public void delete(String path) {
        try {
            Files.deleteIfExists(Paths.get(path));
        } catch (IOException e) {
            throw PetrelException.ioError(ResultCode.IOERR_DELETE, e.toString());
        }
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(Paths.get(path), LinkOption.NOFOLLOW_LINKS);
    }

    /** One open file of this JVM: its channel, in-process lock table and OS locks. */
    private static final class SharedFile {
        final String key;
        final RandomAccessFile raf;
        final FileChannel channel;
        final boolean writable;
        final LockTable locks = new LockTable();
        int refs;
        int osLevel = VfsFile.LOCK_NONE;
        FileLock sharedRange;
        FileLock reservedByte;
        FileLock pendingByte;

        SharedFile(String key, RandomAccessFile raf, boolean writable) {
            this.key = key;
            this.raf = raf;
            this.channel = raf.getChannel();
            this.writable = writable;
        }

        /** Raises the OS locks to {@code target}; on failure puts them back and returns false. */
        boolean raiseOs(int target) throws IOException {
            int start = osLevel;
            if (target >= VfsFile.LOCK_SHARED && osLevel < VfsFile.LOCK_SHARED) {
                FileLock gate = tryLock(PENDING_BYTE, 1, true);
                if (gate == null) {
                    return false;
                }
                try {
                    sharedRange = tryLock(SHARED_FIRST, SHARED_SIZE, true);
                } finally {
                    gate.release();
                }
                if (sharedRange == null) {
                    return false;
                }
                osLevel = VfsFile.LOCK_SHARED;
            }
            if (target >= VfsFile.LOCK_RESERVED && osLevel < VfsFile.LOCK_RESERVED) {
                reservedByte = tryLock(RESERVED_BYTE, 1, false);
                if (reservedByte == null) {
                    lowerOs(start);
                    return false;
                }
                osLevel = VfsFile.LOCK_RESERVED;
            }
            if (target >= VfsFile.LOCK_PENDING && osLevel < VfsFile.LOCK_PENDING) {
                pendingByte = tryLock(PENDING_BYTE, 1, false);
                if (pendingByte == null) {
                    lowerOs(start);
                    return false;
                }
                osLevel = VfsFile.LOCK_PENDING;
            }
            if (target >= VfsFile.LOCK_EXCLUSIVE && osLevel < VfsFile.LOCK_EXCLUSIVE) {
                sharedRange.release();
                sharedRange = tryLock(SHARED_FIRST, SHARED_SIZE, false);
                if (sharedRange == null) {
                    sharedRange = tryLock(SHARED_FIRST, SHARED_SIZE, true);
                    lowerOs(start);
                    return false;
                }
                osLevel = VfsFile.LOCK_EXCLUSIVE;
            }
            return true;
        }

        void lowerOs(int target) throws IOException {
            if (osLevel >= VfsFile.LOCK_EXCLUSIVE && target < VfsFile.LOCK_EXCLUSIVE) {
                sharedRange.release();
                // Still holding PENDING, so no other process can have taken the shared range meanwhile.
                sharedRange = target >= VfsFile.LOCK_SHARED ? tryLock(SHARED_FIRST, SHARED_SIZE, true) : null;
            }
            if (target < VfsFile.LOCK_PENDING && pendingByte != null) {
                pendingByte.release();
                pendingByte = null;
            }
            if (target < VfsFile.LOCK_RESERVED && reservedByte != null) {
                reservedByte.release();
                reservedByte = null;
            }
            if (target < VfsFile.LOCK_SHARED && sharedRange != null) {
                sharedRange.release();
                sharedRange = null;
            }
            osLevel = Math.min(osLevel, target);
        }

        private FileLock tryLock(long pos, long size, boolean shared) throws IOException {
            try {
                return channel.tryLock(pos, size, shared || !writable);
            } catch (OverlappingFileLockException e) {
                return null;
            }
        }
    }

    private static final class Handle implements VfsFile {
        private final Path path;
        private final SharedFile file;
        private final boolean readOnly;
        private final boolean deleteOnClose;
        private int lockLevel = LOCK_NONE;
        private boolean closed;

        Handle(Path path, SharedFile file, boolean readOnly, boolean deleteOnClose) {
            this.path = path;
            this.file = file;
            this.readOnly = readOnly;
            this.deleteOnClose = deleteOnClose;
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
            ByteBuffer buf = ByteBuffer.wrap(dst, dstOff, len);
            int total = 0;
            try {
                while (total < len) {
                    int n = file.channel.read(buf, offset + total);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_READ, e.toString());
            }
            if (total < len) {
                java.util.Arrays.fill(dst, dstOff + total, dstOff + len, (byte) 0);
            }
            return total;
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
            ByteBuffer buf = ByteBuffer.wrap(src, srcOff, len);
            try {
                long pos = offset;
                while (buf.hasRemaining()) {
                    pos += file.channel.write(buf, pos);
                }
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_WRITE, e.toString());
            }
        }

        @Override
        public void truncate(long size) {
            checkOpen();
            if (size < 0) {
                throw PetrelException.ioError(ResultCode.IOERR_TRUNCATE, "negative size");
            }
            try {
                file.raf.setLength(size);
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_TRUNCATE, e.toString());
            }
        }

        @Override
        public void sync(int flags) {
            checkOpen();
            if (readOnly) {
                return;
            }
            try {
                file.channel.force(flags == SYNC_FULL);
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_FSYNC, e.toString());
            }
        }

        @Override
        public long size() {
            checkOpen();
            try {
                return file.channel.size();
            } catch (IOException e) {
                throw PetrelException.ioError(ResultCode.IOERR_FSTAT, e.toString());
            }
        }

        @Override
        public boolean lock(int level) {
            checkOpen();
            if (level <= lockLevel) {
                return true;
            }
            synchronized (OPEN_FILES) {
                int before = lockLevel;
                int got = file.locks.lock(this, lockLevel, level);
                try {
                    if (got > before && !file.raiseOs(file.locks.strongest())) {
                        file.locks.unlock(this, got, before);
                        got = before;
                    }
                } catch (IOException e) {
                    file.locks.unlock(this, got, before);
                    throw PetrelException.ioError(ResultCode.IOERR_LOCK, e.toString());
                }
                lockLevel = got;
                return got >= level;
            }
        }

        @Override
        public void unlock(int level) {
            if (level >= lockLevel) {
                return;
            }
            synchronized (OPEN_FILES) {
                file.locks.unlock(this, lockLevel, level);
                lockLevel = level;
                try {
                    file.lowerOs(file.locks.strongest());
                } catch (IOException e) {
                    throw PetrelException.ioError(ResultCode.IOERR_UNLOCK, e.toString());
                }
            }
        }

        @Override
        public int lockLevel() {
            return lockLevel;
        }

        @Override
        public boolean checkReservedLock() {
            checkOpen();
            synchronized (OPEN_FILES) {
                if (file.locks.reservedHeld()) {
                    return true;
                }
                if (file.osLevel >= LOCK_RESERVED) {
                    return false;
                }
                // Another process holds RESERVED if we cannot lock its byte ourselves.
                try {
                    FileLock probe = file.tryLock(RESERVED_BYTE, 1, !file.writable);
                    if (probe == null) {
                        return true;
                    }
                    probe.release();
                    return false;
                } catch (IOException e) {
                    throw PetrelException.ioError(ResultCode.IOERR_LOCK, e.toString());
                }
            }
        }

        @Override
        public int sectorSize() {
            return SECTOR_SIZE;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            unlock(LOCK_NONE);
            closed = true;
            synchronized (OPEN_FILES) {
                if (--file.refs == 0) {
                    OPEN_FILES.remove(file.key);
                    try {
                        file.raf.close();
                    } catch (IOException e) {
                        throw PetrelException.ioError(ResultCode.IOERR_CLOSE, e.toString());
                    }
                }
            }
            if (deleteOnClose) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw PetrelException.ioError(ResultCode.IOERR_DELETE, e.toString());
                }
            }
        }
    }
}
