package dev.petrel.vfs;

/**
 * An open file of a {@link Vfs}: bytes at 64-bit offsets, a size, durability, and SQLite's five lock levels.
 *
 * <p>Contract with the pager:
 * <ol>
 *   <li>{@link #read} of a range past the end of file fills the missing tail with zeros and returns the number of
 *       bytes that really existed (a short read, not an error).</li>
 *   <li>{@link #write} may extend the file; a gap between the old end and the write is zero-filled.</li>
 *   <li>A write is durable only after {@link #sync} returns. A power loss may drop or tear any write made after the
 *       last sync (this is what the fault-injecting VFS simulates); the pager's commit protocol relies on nothing
 *       else.</li>
 *   <li>Locks follow SQLite's levels ({@link #LOCK_NONE} &lt; {@link #LOCK_SHARED} &lt; {@link #LOCK_RESERVED} &lt;
 *       {@link #LOCK_PENDING} &lt; {@link #LOCK_EXCLUSIVE}); {@link #lock} returns false if another connection holds
 *       a conflicting lock (the caller turns that into {@code SQLITE_BUSY}).</li>
 * </ol>
 * Failures throw {@link dev.petrel.api.PetrelException} with an {@code SQLITE_IOERR_*} code.
 */
public interface VfsFile {
    int LOCK_NONE = 0;
    int LOCK_SHARED = 1;
    int LOCK_RESERVED = 2;
    int LOCK_PENDING = 3;
    int LOCK_EXCLUSIVE = 4;

    /** Sync flag: an ordinary sync ({@code PRAGMA synchronous=NORMAL}). */
    int SYNC_NORMAL = 0x2;
    /** Sync flag: a full sync ({@code PRAGMA synchronous=FULL}). */
    int SYNC_FULL = 0x3;

    /**
     * Reads {@code len} bytes at {@code offset} into {@code dst[dstOff..]}.
     *
     * @return the number of bytes that existed in the file; the rest of the range is zero-filled
     */
    int read(long offset, byte[] dst, int dstOff, int len);

    /** Writes {@code len} bytes of {@code src[srcOff..]} at {@code offset}. */
    void write(long offset, byte[] src, int srcOff, int len);

    /** Sets the file size, cutting or zero-extending. */
    void truncate(long size);

    /** Makes every write so far durable. */
    void sync(int flags);

    /** The current size in bytes. */
    long size();

    /**
     * Raises the lock to {@code level}; returns false if a conflicting lock is held elsewhere. A failed attempt at
     * {@link #LOCK_EXCLUSIVE} may leave the handle at {@link #LOCK_PENDING} (which keeps new readers out), as in
     * SQLite; the caller lowers it again with {@link #unlock}.
     */
    boolean lock(int level);

    /** Lowers the lock to {@code level} (any level below the current one; a higher level is ignored). */
    void unlock(int level);

    /** The lock level this handle holds. */
    int lockLevel();

    /** Whether any connection holds a RESERVED or higher lock on the file. */
    boolean checkReservedLock();

    /** The file's preferred I/O unit in bytes (the sector size used for journal headers). */
    default int sectorSize() {
        return 4096;
    }

    /** Closes the handle, releasing its locks. Closing twice is harmless. */
    void close();
}
