package dev.petrel.pager;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.vfs.SplitMix64;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * The pager: turns page numbers into cached page images and makes the page changes of a write transaction atomic
 * and durable, with a rollback journal or a write-ahead log, in SQLite's file formats.
 *
 * <p>Contract with the layer above (the B-tree):
 * <ul>
 *   <li>Reads happen in a read transaction ({@link #beginRead}/{@link #endRead}; {@link #get}, {@link #pageCount}
 *       and {@link #getHeaderInt} start one if none is open, and it lasts until {@link #endRead}), writes in a write
 *       transaction ({@link #beginWrite}, then {@link #commit} or {@link #rollback}; these end the read transaction
 *       too unless it was begun before the write). A read transaction sees one snapshot of the database until it
 *       ends, and holds SHARED meanwhile. A lock that cannot be had is {@code SQLITE_BUSY}; the transaction state is
 *       then as before the call.</li>
 *   <li>{@link #get} and {@link #allocate} return a pinned {@link Page}; every pin is undone by {@link #release}.
 *       {@link #markWritable} must precede any change to a page's bytes.</li>
 *   <li>{@link #commit} makes every change durable at once; {@link #rollback} undoes them all, page images, page
 *       count and header. If commit fails with an I/O error the transaction is rolled back before the error is
 *       thrown; with {@code SQLITE_BUSY} it stays open so the caller may retry.</li>
 *   <li>{@link #openSavepoint}, {@link #releaseSavepoint}, {@link #rollbackToSavepoint} nest inside a write
 *       transaction (statement atomicity and SQL SAVEPOINT).</li>
 *   <li>Page 1 holds the 100-byte header; fields are read and written through {@link #getHeaderInt} /
 *       {@link #setHeaderInt} with the offsets of {@link FileHeader}. The pager maintains the change counter,
 *       in-header database size, version-valid-for, SQLite version, freelist fields and WAL version bytes.</li>
 * </ul>
 * Not thread-safe: one connection, one thread. Several pagers may open the same files through one VFS; they
 * coordinate through the VFS locks, and in WAL mode each keeps its own WAL index (one process owns the database).
 *
 * <p>Invariants:
 * <ol>
 *   <li>(J1) Rollback-journal modes: no database page is overwritten before the journal holding its original image,
 *       and the journal header's record count covering it, are synced (per {@link Synchronous}).</li>
 *   <li>(J2) The commit point is the end of the journal (delete, truncate or zeroed header), after the database
 *       file is synced. A journal left behind with a valid header is hot and is rolled back by the next reader.</li>
 *   <li>(J3) Each page is journaled at most once per transaction, and only if it existed when the transaction
 *       began; pages past that size are removed by truncating to the initial size.</li>
 *   <li>(C1) A pinned page is never evicted; a dirty page is evicted only after being spilled (journal synced and
 *       page written, or appended to the WAL as a non-commit frame).</li>
 *   <li>(S1) A savepoint keeps the image of each page as it was when the savepoint opened, captured at the first
 *       {@link #markWritable} after that; rolling back restores those images and the page count.</li>
 *   <li>The lock-byte page ({@link #lockBytePgno}) is never allocated; in auto-vacuum databases neither are
 *       pointer-map pages.</li>
 * </ol>
 *
 * <p>State machine:
 * <pre>
 *   NONE --beginRead--> READ --beginWrite--> WRITE --commit/rollback--> READ (if beginRead came first) or NONE
 *     ^                  |                     |
 *     +-----endRead------+      I/O error in rollback: ERROR; the next beginRead rolls back again, then READ
 * </pre>
 * Locks: READ holds SHARED on the database file, WRITE holds RESERVED (the single-writer lock, also in WAL mode),
 * commit in a rollback mode takes EXCLUSIVE to write the database; a checkpoint takes EXCLUSIVE briefly.
 *
 * <p>MVCC seam: the pager offers page-level snapshot isolation and a single writer, nothing more. A later MVCC layer
 * for BEGIN CONCURRENT keeps row versions above the B-trees, reads through a pager read transaction (its snapshot)
 * plus its own version store, and at commit (or its own checkpoint) replays the winning row changes through the
 * ordinary B-tree API inside one pager write transaction; neither the B-tree nor the pager changes. The hooks it
 * needs are already here: {@link #beginRead}/{@link #endRead} pin a snapshot, {@link #beginWrite} serializes the
 * writers, and {@link #getHeaderInt} of the change counter tells it whether the B-trees moved under a snapshot.
 */
public final class Pager {
    /** SQLite's default cache size: -2000 means 2000 KiB. */
    public static final int DEFAULT_CACHE_SIZE = -2000;
    /** Default {@code PRAGMA wal_autocheckpoint}, in frames. */
    public static final int DEFAULT_WAL_AUTOCHECKPOINT = 1000;
    /** Bytes 24..39 of the header: change counter and the fields a reader compares to see foreign commits. */
    private static final int CHANGE_PROBE_BYTES = 16;
    /** Smallest usable page size SQLite accepts (page size minus reserved bytes). */
    private static final int MIN_USABLE_SIZE = 480;
    /** WAL mode value of header bytes 18 and 19. */
    private static final int WAL_FORMAT_VERSION = 2;
    /** Rollback-journal value of header bytes 18 and 19. */
    private static final int LEGACY_FORMAT_VERSION = 1;

    private final Vfs vfs;
    private final String path;
    private final String journalPath;
    private final String walPath;
    private final VfsFile file;
    private final SplitMix64 random;
    private final PageCache cache;
    /** {@link #spill} as the cache's callback, made once (it is passed on every page access). */
    private final PageCache.Spiller spiller = this::spill;
    private final PageAllocator allocator = new PageAllocator(this);
    private int pageSize;
    private int reservedBytes;
    private int cacheSizeSetting = DEFAULT_CACHE_SIZE;
    private JournalMode journalMode = JournalMode.DELETE;
    private Synchronous synchronous = Synchronous.FULL;
    private int walAutoCheckpoint = DEFAULT_WAL_AUTOCHECKPOINT;
    private boolean checkpointOnClose = true;
    private PetrelException lastAutoCheckpointError;

    private int pageCount;
    private int dbOrigSize;
    private boolean readTxn;
    private boolean readBeforeWrite;
    private boolean writeTxn;
    private boolean txnChanged;
    private boolean headerUpdated;
    private boolean errorState;
    /** The journal a failed rollback still has to play back (ERROR state), or null. */
    private RollbackJournal errorJournal;
    private boolean closed;

    private RollbackJournal journal;
    private boolean journalStarted;
    private final BitSet journaled = new BitSet();
    /** Rollback modes: this transaction has overwritten database pages (a spill or a failed commit). */
    private boolean dbFileTouched;
    private final byte[] changeProbe = new byte[CHANGE_PROBE_BYTES];
    private boolean changeProbeValid;
    private Wal wal;
    /**
     * Whether this write transaction appends to the WAL. The first transaction of a new database in WAL mode goes
     * through a rollback journal into the database file instead, as SQLite's does: SQLite ignores a WAL beside an
     * empty database file.
     */
    private boolean txnUsesWal;
    /** Set while header bytes 18/19 still say WAL but the pager has already left WAL mode. */
    private boolean leavingWal;

    private final SavepointStack savepoints = new SavepointStack();
    private int generation;

    private Pager(Vfs vfs, String path, VfsFile file, int defaultPageSize) {
        this.vfs = vfs;
        this.path = path;
        this.journalPath = path + "-journal";
        this.walPath = path + "-wal";
        this.file = file;
        this.pageSize = defaultPageSize;
        this.random = new SplitMix64(System.nanoTime() ^ ((long) path.hashCode() << 32));
        this.cache = new PageCache(cachePages(DEFAULT_CACHE_SIZE, defaultPageSize));
    }

    /**
     * Opens the database file {@code path} of {@code vfs}, creating it if absent, and rolls back a hot journal or
     * recovers the WAL. A new (empty) database gets {@code defaultPageSize} at its first write transaction.
     *
     * @throws PetrelException {@code SQLITE_NOTADB} if the file has no valid header
     */
    public static Pager open(Vfs vfs, String path, int defaultPageSize) {
        if (!FileHeader.isValidPageSize(defaultPageSize)) {
            throw PetrelException.misuse("bad page size: " + defaultPageSize);
        }
        VfsFile file = vfs.open(path, Vfs.OPEN_MAIN_DB | Vfs.OPEN_READWRITE | Vfs.OPEN_CREATE);
        Pager pager = new Pager(vfs, path, file, defaultPageSize);
        try {
            if (file.lock(VfsFile.LOCK_SHARED)) {
                try {
                    pager.rollbackHotJournal();
                    pager.readHeaderAndMode();
                } finally {
                    file.unlock(VfsFile.LOCK_NONE);
                }
            }
        } catch (PetrelException e) {
            if (pager.wal != null) {
                pager.wal.close();
            }
            file.close();
            throw e;
        }
        return pager;
    }

    // ---- header and geometry ----------------------------------------------------------------------------------

    /** Reads and validates the header on disk (or page 1 in the WAL of a database whose file is still empty). */
    private void readHeaderAndMode() {
        long size = file.size();
        byte[] header = new byte[FileHeader.HEADER_SIZE];
        if (size >= FileHeader.HEADER_SIZE) {
            file.read(0, header, 0, header.length);
            validateHeader(header);
        } else if (size > 0) {
            throw new PetrelException(ResultCode.NOTADB, null);
        }
        boolean walHeader = size > 0 && (header[FileHeader.WRITE_VERSION_OFFSET] == WAL_FORMAT_VERSION
                || header[FileHeader.READ_VERSION_OFFSET] == WAL_FORMAT_VERSION);
        if (wal == null && !leavingWal && (walHeader || (size == 0 && vfs.exists(walPath)))) {
            Wal w = Wal.open(vfs, walPath, size > 0 ? pageSize : 0, random);
            if (walHeader || w.mxFrame() > 0) {
                wal = w;
                journalMode = JournalMode.WAL;
                if (size == 0) {
                    pageSize = w.pageSize();
                    byte[] page1 = new byte[pageSize];
                    w.readFrame(w.find(1), page1);
                    System.arraycopy(page1, 0, header, 0, header.length);
                    validateHeader(header);
                }
            } else {
                w.close();
            }
        }
        cache.setCapacity(cachePages(cacheSizeSetting, pageSize));
    }

    private void validateHeader(byte[] header) {
        if (!FileHeader.hasMagic(header)) {
            throw new PetrelException(ResultCode.NOTADB, null);
        }
        int ps = FileHeader.pageSizeOf(header);
        int reserved = header[FileHeader.RESERVED_BYTES_OFFSET] & 0xff;
        if (!FileHeader.isValidPageSize(ps) || ps - reserved < MIN_USABLE_SIZE) {
            throw new PetrelException(ResultCode.NOTADB, null);
        }
        if ((header[FileHeader.READ_VERSION_OFFSET] & 0xff) > WAL_FORMAT_VERSION) {
            // A read version this library does not know: SQLite 3.53 reports "file is not a database" here.
            throw new PetrelException(ResultCode.NOTADB, null);
        }
        pageSize = ps;
        reservedBytes = reserved;
    }

    /** Database size in pages as the file says: the in-header size when valid, else the file size. */
    private int pagesOnDisk() {
        long size = file.size();
        if (size < FileHeader.HEADER_SIZE) {
            return 0;
        }
        byte[] h = new byte[FileHeader.HEADER_SIZE];
        file.read(0, h, 0, h.length);
        long inHeader = Bytes.getInt(h, FileHeader.DATABASE_SIZE_OFFSET) & 0xffffffffL;
        boolean valid = inHeader > 0 && Bytes.getInt(h, FileHeader.CHANGE_COUNTER_OFFSET)
                == Bytes.getInt(h, FileHeader.VERSION_VALID_FOR_OFFSET);
        long fromSize = pageSize == 0 ? 0 : size / pageSize;
        long pages = valid ? inHeader : fromSize;
        if (pages > Integer.MAX_VALUE) {
            throw PetrelException.corrupt(1, "database size " + pages + " pages");
        }
        return (int) pages;
    }

    private int computePageCount() {
        int onDisk = pagesOnDisk();
        return wal != null ? wal.pageCount(onDisk) : onDisk;
    }

    /** Whether the database has no pages yet (page 1 will be created by the first write transaction). */
    public boolean isEmpty() {
        if (!readTxn && !writeTxn) {
            beginRead();
            try {
                return pageCount == 0;
            } finally {
                endRead();
            }
        }
        return pageCount == 0;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Bytes reserved at the end of each page (header offset 20). */
    public int reservedBytes() {
        return reservedBytes;
    }

    /** The usable size of a page: page size minus the reserved bytes at its end. */
    public int usableSize() {
        return pageSize - reservedBytes;
    }

    /** The database size in pages as this transaction sees it (starts a read transaction if none is open). */
    public int pageCount() {
        if (!readTxn && !closed) {
            beginRead();
        }
        return pageCount;
    }

    /** The page number of the lock-byte page, the page holding file offset 2^30; it never holds data. */
    public int lockBytePgno() {
        return (int) (FileHeader.LOCK_BYTE_OFFSET / pageSize) + 1;
    }

    /** Sets the page size of an empty database; ignored once page 1 exists (as SQLite does outside VACUUM). */
    public void setPageSize(int size) {
        if (pageCount == 0 && !writeTxn && FileHeader.isValidPageSize(size) && size - reservedBytes >= MIN_USABLE_SIZE
                && file.size() == 0 && (wal == null || wal.mxFrame() == 0)) {
            pageSize = size;
            if (wal != null) {
                wal.setPageSize(size);
            }
            cache.setCapacity(cachePages(cacheSizeSetting, pageSize));
        }
    }

    /** Sets the reserved bytes per page of an empty database (0..255); ignored once page 1 exists. */
    public void setReservedBytes(int bytes) {
        if (pageCount == 0 && !writeTxn && bytes >= 0 && bytes <= 255 && pageSize - bytes >= MIN_USABLE_SIZE
                && file.size() == 0) {
            reservedBytes = bytes;
        }
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    public JournalMode journalMode() {
        return journalMode;
    }

    public Synchronous synchronous() {
        return synchronous;
    }

    public void setSynchronous(Synchronous level) {
        synchronous = level;
    }

    /** The cache size setting: pages if positive, KiB if negative (as {@code PRAGMA cache_size}). */
    public int cacheSize() {
        return cacheSizeSetting;
    }

    /** Sets the cache size: {@code n > 0} pages, {@code n < 0} means {@code -n} KiB. At least 2 pages are kept. */
    public void setCacheSize(int n) {
        cacheSizeSetting = n;
        cache.setCapacity(cachePages(n, pageSize));
    }

    private static int cachePages(int setting, int pageSize) {
        if (setting >= 0) {
            return setting;
        }
        long kib = -(long) setting;
        return (int) Math.min(Integer.MAX_VALUE, kib * 1024 / Math.max(pageSize, 1));
    }

    /** Pages currently held by the cache (tests check the bound). */
    public int cachedPages() {
        return cache.size();
    }

    public int walAutoCheckpoint() {
        return walAutoCheckpoint;
    }

    /** Frames after which a commit runs a PASSIVE checkpoint; 0 or less turns it off. */
    public void setWalAutoCheckpoint(int frames) {
        walAutoCheckpoint = frames;
    }

    /** Whether {@link #close} checkpoints and deletes the WAL (default true, as SQLite does). */
    public void setCheckpointOnClose(boolean on) {
        checkpointOnClose = on;
    }

    /** The error of the last automatic checkpoint (its commit had already succeeded), or null. */
    public PetrelException lastAutoCheckpointError() {
        return lastAutoCheckpointError;
    }

    // ---- read transactions ------------------------------------------------------------------------------------

    public void beginRead() {
        checkOpen();
        if (readTxn) {
            return;
        }
        if (!file.lock(VfsFile.LOCK_SHARED)) {
            throw new PetrelException(ResultCode.BUSY, null);
        }
        try {
            if (errorState) {
                recoverFromError();
            }
            rollbackHotJournal();
            if (wal != null) {
                List<Integer> changed = wal.refresh();
                invalidate(changed);
            } else {
                byte[] probe = new byte[CHANGE_PROBE_BYTES];
                file.read(FileHeader.CHANGE_COUNTER_OFFSET, probe, 0, probe.length);
                if (!changeProbeValid || !java.util.Arrays.equals(probe, changeProbe)) {
                    invalidate(null);
                    readHeaderAndMode();
                    System.arraycopy(probe, 0, changeProbe, 0, probe.length);
                    changeProbeValid = true;
                }
            }
            pageCount = computePageCount();
        } catch (PetrelException e) {
            file.unlock(VfsFile.LOCK_NONE);
            throw e;
        }
        readTxn = true;
    }

    public void endRead() {
        if (writeTxn || !readTxn) {
            return;
        }
        readTxn = false;
        file.unlock(VfsFile.LOCK_NONE);
    }

    public boolean inReadTransaction() {
        return readTxn;
    }

    public boolean inWriteTransaction() {
        return writeTxn;
    }

    /** Drops cached pages another connection changed: those listed, or all if {@code changed} is null. */
    private void invalidate(List<Integer> changed) {
        if (changed == null) {
            for (Page p : cache.all()) {
                if (p.pinCount == 0) {
                    cache.remove(p.pgno());
                }
            }
            return;
        }
        for (int pgno : changed) {
            Page p = cache.get(pgno);
            if (p != null && p.pinCount == 0) {
                cache.remove(pgno);
            }
        }
    }

    /** Rolls back a hot journal left by a crashed writer (J2); needs and then gives up EXCLUSIVE. */
    private void rollbackHotJournal() {
        if (!vfs.exists(journalPath) || file.checkReservedLock() || !RollbackJournal.isHot(vfs, journalPath)) {
            return;
        }
        if (!file.lock(VfsFile.LOCK_EXCLUSIVE)) {
            file.unlock(VfsFile.LOCK_SHARED);
            throw new PetrelException(ResultCode.BUSY, null);
        }
        try {
            JournalMode ending = journalMode.hasJournalFile() ? journalMode : JournalMode.DELETE;
            RollbackJournal.rollbackHot(vfs, journalPath, file, ending, synchronous);
            invalidate(null);
            changeProbeValid = false;
        } finally {
            file.unlock(VfsFile.LOCK_SHARED);
        }
    }

    // ---- write transactions -----------------------------------------------------------------------------------

    /** Starts a write transaction; an empty database gets page 1 with a fresh header here. */
    public void beginWrite() {
        checkOpen();
        if (writeTxn) {
            return;
        }
        boolean hadRead = readTxn;
        beginRead();
        if (!file.lock(VfsFile.LOCK_RESERVED)) {
            if (!hadRead) {
                endRead();
            }
            throw new PetrelException(ResultCode.BUSY, null);
        }
        try {
            if (wal != null) {
                startWalWrite(hadRead);
            }
        } catch (PetrelException e) {
            file.unlock(VfsFile.LOCK_SHARED);
            if (!hadRead) {
                endRead();
            }
            throw e;
        }
        readBeforeWrite = hadRead;
        writeTxn = true;
        dbOrigSize = pageCount;
        txnUsesWal = wal != null && !(pageCount == 0 && wal.mxFrame() == 0);
        txnChanged = false;
        headerUpdated = false;
        dbFileTouched = false;
        journalStarted = false;
        journaled.clear();
        savepoints.clear();
        generation++;
        if (pageCount == 0) {
            createPage1();
        }
    }

    private void startWalWrite(boolean hadRead) {
        List<Integer> changed = wal.refresh();
        if (changed == null || !changed.isEmpty()) {
            if (hadRead) {
                throw new PetrelException(ResultCode.BUSY_SNAPSHOT, null);
            }
            invalidate(changed);
            pageCount = computePageCount();
        }
        if (wal.fullyBackfilled() && tryExclusive(VfsFile.LOCK_RESERVED)) {
            file.unlock(VfsFile.LOCK_RESERVED);
            wal.restart();
        }
        wal.beginWrite();
    }

    /** Tries for EXCLUSIVE; on failure goes back to {@code fallback} and returns false. */
    private boolean tryExclusive(int fallback) {
        if (file.lock(VfsFile.LOCK_EXCLUSIVE)) {
            return true;
        }
        file.unlock(fallback);
        return false;
    }

    private void createPage1() {
        beginChange();
        Page page1 = new Page(1, new byte[pageSize]);
        FileHeader.initialize(page1, pageSize, reservedBytes);
        if (journalMode == JournalMode.WAL) {
            page1.putU8(FileHeader.WRITE_VERSION_OFFSET, WAL_FORMAT_VERSION);
            page1.putU8(FileHeader.READ_VERSION_OFFSET, WAL_FORMAT_VERSION);
        }
        page1.writableGeneration = generation;
        cache.put(page1);
        cache.markDirty(page1);
        pageCount = 1;
    }

    /** Makes every change of the write transaction durable at once. */
    public void commit() {
        checkOpen();
        if (!writeTxn) {
            return;
        }
        if (!txnChanged && pageCount == dbOrigSize) {
            endWrite();
            return;
        }
        try {
            updateHeaderForCommit();
            if (txnUsesWal) {
                commitToWal();
            } else {
                commitToDatabase();
            }
        } catch (PetrelException e) {
            if (e.primaryCode() == ResultCode.BUSY) {
                throw e;
            }
            try {
                rollbackChanges();
            } catch (PetrelException second) {
                e.addSuppressed(second);
            } finally {
                endWrite();
            }
            throw e;
        }
        endWrite();
        if (wal != null && walAutoCheckpoint > 0 && wal.mxFrame() >= walAutoCheckpoint) {
            try {
                checkpoint(CheckpointMode.PASSIVE);
                lastAutoCheckpointError = null;
            } catch (PetrelException e) {
                // The commit is durable in the WAL; a failed automatic checkpoint is retried by the next one.
                lastAutoCheckpointError = e;
            }
        }
    }

    private void updateHeaderForCommit() {
        if (headerUpdated) {
            return;
        }
        Page page1 = get(1);
        try {
            markWritable(page1);
            int counter = page1.getInt(FileHeader.CHANGE_COUNTER_OFFSET) + 1;
            page1.putInt(FileHeader.CHANGE_COUNTER_OFFSET, counter);
            page1.putInt(FileHeader.VERSION_VALID_FOR_OFFSET, counter);
            page1.putInt(FileHeader.DATABASE_SIZE_OFFSET, pageCount);
            page1.putInt(FileHeader.SQLITE_VERSION_OFFSET, FileHeader.SQLITE_VERSION_NUMBER);
        } finally {
            release(page1);
        }
        headerUpdated = true;
    }

    /** Rollback-journal commit: (J1) journal synced, then database written and synced, then (J2) journal ended. */
    private void commitToDatabase() {
        List<Page> dirty = cache.dirtyPages();
        journal.syncForWrite(synchronous);
        if (!file.lock(VfsFile.LOCK_EXCLUSIVE)) {
            throw new PetrelException(ResultCode.BUSY, null);
        }
        dbFileTouched = true;
        for (Page p : dirty) {
            if (p.pgno() <= pageCount) {
                file.write((long) (p.pgno() - 1) * pageSize, p.data, 0, pageSize);
            }
        }
        long bytes = (long) pageCount * pageSize;
        if (file.size() > bytes) {
            file.truncate(bytes);
        }
        if (synchronous != Synchronous.OFF) {
            file.sync(synchronous == Synchronous.FULL ? VfsFile.SYNC_FULL : VfsFile.SYNC_NORMAL);
        }
        journal.finish(journalMode, synchronous);
        for (Page p : dirty) {
            p.dirty = false;
        }
        Page page1 = cache.get(1);
        if (page1 != null) {
            System.arraycopy(page1.data, FileHeader.CHANGE_COUNTER_OFFSET, changeProbe, 0, CHANGE_PROBE_BYTES);
            changeProbeValid = true;
        }
    }

    /** WAL commit: every dirty page as a frame, the last one the commit frame, then (FULL) a sync. */
    private void commitToWal() {
        List<Page> dirty = new ArrayList<>();
        for (Page p : cache.dirtyPages()) {
            if (p.pgno() <= pageCount) {
                dirty.add(p);
            }
        }
        for (int i = 0; i < dirty.size(); i++) {
            Page p = dirty.get(i);
            wal.appendFrame(p.pgno(), p.data, i == dirty.size() - 1 ? pageCount : 0);
        }
        wal.commit(synchronous);
        for (Page p : cache.dirtyPages()) {
            p.dirty = false;
        }
    }

    /** Undoes every change of the write transaction. */
    public void rollback() {
        checkOpen();
        if (!writeTxn) {
            return;
        }
        try {
            rollbackChanges();
        } finally {
            endWrite();
        }
    }

    /** Puts files and cache back as they were when the transaction began; on failure enters the error state. */
    private void rollbackChanges() {
        try {
            if (txnUsesWal) {
                wal.rollbackWrite();
            } else if (journalStarted) {
                if (dbFileTouched) {
                    journal.playback(file, synchronous);
                }
                journal.finish(journalMode, synchronous);
            }
            errorState = false;
        } catch (PetrelException e) {
            errorState = true;
            errorJournal = !txnUsesWal && journalStarted ? journal : null;
            throw e;
        } finally {
            pageCount = dbOrigSize;
            changeProbeValid = false;
            resetCache();
        }
    }

    /** Second try of a rollback whose I/O failed (the ERROR state), before the next read. */
    private void recoverFromError() {
        if (!tryExclusive(VfsFile.LOCK_SHARED)) {
            throw new PetrelException(ResultCode.BUSY, null);
        }
        try {
            if (errorJournal != null) {
                errorJournal.playback(file, synchronous);
                errorJournal.finish(journalMode, synchronous);
                errorJournal = null;
            }
            if (wal != null) {
                wal.recover();
            }
            errorState = false;
            changeProbeValid = false;
            invalidate(null);
        } finally {
            file.unlock(VfsFile.LOCK_SHARED);
        }
    }

    /** Drops every unpinned cached page and reloads pinned ones from storage. */
    private void resetCache() {
        for (Page p : cache.all()) {
            if (p.pinCount == 0) {
                cache.remove(p.pgno());
                continue;
            }
            p.dirty = false;
            p.writableGeneration = -1;
            try {
                load(p.pgno(), p.data);
            } catch (PetrelException e) {
                // The holder keeps a stale image (it should not hold pins across a rollback); later gets reload.
                cache.remove(p.pgno());
            }
        }
    }

    private void endWrite() {
        writeTxn = false;
        txnChanged = false;
        headerUpdated = false;
        dbFileTouched = false;
        journalStarted = false;
        journaled.clear();
        savepoints.clear();
        generation++;
        if (readBeforeWrite) {
            file.unlock(VfsFile.LOCK_SHARED);
        } else {
            readTxn = false;
            file.unlock(VfsFile.LOCK_NONE);
        }
    }

    /** The first change of a transaction starts its rollback journal (which records the initial size, J3). */
    private void beginChange() {
        txnChanged = true;
        if (journalStarted || txnUsesWal) {
            return;
        }
        // The first commit of a new WAL database also needs a journal file (see txnUsesWal).
        boolean memory = journalMode == JournalMode.MEMORY || journalMode == JournalMode.OFF;
        if (journal == null || journalInMemory != memory) {
            if (journal != null) {
                journal.closeHandle();
            }
            journal = new RollbackJournal(vfs, journalPath, memory);
            journalInMemory = memory;
        }
        journal.begin(pageSize, sectorSize(), dbOrigSize, random.nextInt(), synchronous == Synchronous.OFF);
        journalStarted = true;
    }

    private boolean journalInMemory;

    private int sectorSize() {
        int s = file.sectorSize();
        if (s < 512 || s > 65536 || (s & (s - 1)) != 0) {
            return 512;
        }
        return s;
    }

    // ---- savepoints -------------------------------------------------------------------------------------------

    /** Opens a savepoint inside the write transaction; returns its id (its nesting depth, from 0). */
    public int openSavepoint() {
        requireWrite();
        generation++;
        return savepoints.open(pageCount);
    }

    /** Open savepoints (ids {@code 0 .. n-1}). */
    public int savepointCount() {
        return savepoints.size();
    }

    /** Forgets savepoint {@code id} and every newer one, keeping their changes. */
    public void releaseSavepoint(int id) {
        requireSavepoint(id);
        savepoints.release(id);
        generation++;
    }

    /**
     * Rolls page images and the page count back to where they were when savepoint {@code id} opened (S1); the
     * savepoint stays open, newer ones are gone.
     */
    public void rollbackToSavepoint(int id) {
        requireSavepoint(id);
        int target = savepoints.pageCountAt(id);
        for (Map<Integer, byte[]> images : savepoints.rollbackTo(id)) {
            for (Map.Entry<Integer, byte[]> e : images.entrySet()) {
                Page p = get(e.getKey());
                try {
                    journalOriginal(p);
                    System.arraycopy(e.getValue(), 0, p.data, 0, pageSize);
                    cache.markDirty(p);
                    p.writableGeneration = -1;
                } finally {
                    release(p);
                }
            }
        }
        pageCount = target;
        for (Page p : cache.all()) {
            if (p.pgno() > pageCount && p.pinCount == 0) {
                cache.remove(p.pgno());
            }
        }
        generation++;
    }

    private void requireSavepoint(int id) {
        requireWrite();
        if (id < 0 || id >= savepoints.size()) {
            throw PetrelException.misuse("no such savepoint: " + id);
        }
    }

    // ---- pages ------------------------------------------------------------------------------------------------

    /** Returns page {@code pgno} pinned; release it with {@link #release}. Starts a read transaction if needed. */
    public Page get(int pgno) {
        checkOpen();
        if (!readTxn) {
            beginRead();
        }
        if (pgno < 1 || pgno > pageCount) {
            throw PetrelException.corrupt(pgno, "page number out of range (database has " + pageCount + " pages)");
        }
        Page page = cache.get(pgno);
        if (page == null) {
            byte[] data = cache.takeBuffer(pageSize);
            load(pgno, data);
            page = new Page(pgno, data);
            cache.put(page);
        }
        page.pinCount++;
        shrinkCache(page);
        return page;
    }

    /** Reads a page image from the WAL (newest visible frame) or the database file. */
    private void load(int pgno, byte[] data) {
        int frame = wal == null ? 0 : wal.find(pgno);
        if (frame > 0) {
            wal.readFrame(frame, data);
        } else {
            file.read((long) (pgno - 1) * pageSize, data, 0, pageSize);
        }
    }

    private void shrinkCache(Page justPinned) {
        try {
            cache.shrink(spiller);
        } catch (PetrelException e) {
            justPinned.pinCount--;
            throw e;
        }
    }

    /** Writes dirty unpinned pages out so they can be evicted (C1); false if that is not possible now. */
    private boolean spill() {
        if (!writeTxn) {
            return false;
        }
        List<Page> victims = new ArrayList<>();
        for (Page p : cache.dirtyPages()) {
            if (p.pinCount == 0 && p.pgno() <= pageCount) {
                victims.add(p);
            }
        }
        if (victims.isEmpty()) {
            return false;
        }
        if (txnUsesWal) {
            for (Page p : victims) {
                wal.appendFrame(p.pgno(), p.data, 0);
                p.dirty = false;
            }
            return true;
        }
        if (!tryExclusive(VfsFile.LOCK_RESERVED)) {
            return false;
        }
        journal.syncForWrite(synchronous);
        dbFileTouched = true;
        for (Page p : victims) {
            file.write((long) (p.pgno() - 1) * pageSize, p.data, 0, pageSize);
            p.dirty = false;
        }
        return true;
    }

    /** Undoes one pin of {@link #get} or {@link #allocate}. */
    public void release(Page page) {
        if (page != null && page.pinCount > 0) {
            page.pinCount--;
        }
    }

    /** Declares that the caller is about to change {@code page}: journals its original image (J3, S1). */
    public void markWritable(Page page) {
        requireWrite();
        if (page.dirty && page.writableGeneration == generation) {
            return;
        }
        savepoints.capture(page);
        journalOriginal(page);
        cache.markDirty(page);
        page.writableGeneration = generation;
    }

    private void journalOriginal(Page page) {
        beginChange();
        int pgno = page.pgno();
        if (!txnUsesWal && pgno <= dbOrigSize && !journaled.get(pgno)) {
            journal.append(pgno, page.data);
            journaled.set(pgno);
        }
    }

    /** Allocates a page (from the freelist if possible), zeroed, pinned and writable. */
    public Page allocate() {
        requireWrite();
        return allocator.allocate();
    }

    /** Puts page {@code pgno} on the freelist. The caller must not hold a pin on it. */
    public void free(int pgno) {
        requireWrite();
        allocator.free(pgno);
    }

    /** A new page at the end of the file: zeroed, pinned, writable; the page count grows to include it. */
    Page appendPage(int pgno) {
        beginChange();
        pageCount = pgno;
        Page page;
        if (pgno <= dbOrigSize) {
            page = get(pgno);
            markWritable(page);
            page.zero(0, pageSize);
        } else {
            cache.remove(pgno);
            page = new Page(pgno, new byte[pageSize]);
            page.pinCount = 1;
            cache.put(page);
            markWritable(page);
            shrinkCache(page);
        }
        return page;
    }

    /**
     * Shrinks the database to its first {@code pages} pages in the write transaction (VACUUM writes a compact
     * image over the first pages and drops the rest); cached pages past the end are forgotten. The rollback
     * journal already holds the original size, so a rollback restores the dropped pages.
     */
    public void truncate(int pages) {
        requireWrite();
        beginChange();
        for (int pgno = pages + 1; pgno <= pageCount; pgno++) {
            Page p = cache.get(pgno);
            if (p != null && p.pinCount == 0) {
                cache.remove(pgno);
            }
        }
        pageCount = pages;
    }

    // ---- auto-vacuum pointer map ------------------------------------------------------------------------------

    /** Whether the database is auto-vacuum (header offset 52 non-zero), so it has pointer-map pages. */
    public boolean isAutoVacuum() {
        return getHeaderInt(FileHeader.LARGEST_ROOT_PAGE_OFFSET) != 0;
    }

    /** Whether {@code pgno} is a pointer-map page of this (auto-vacuum) database. */
    public boolean isPtrmapPage(int pgno) {
        return pgno >= 2 && isAutoVacuum() && allocator.ptrmapPageFor(pgno) == pgno;
    }

    /** The pointer-map page that holds the entry of {@code pgno} (2, J+3, 2J+4, ... with J = usable size / 5). */
    public int ptrmapPageFor(int pgno) {
        return allocator.ptrmapPageFor(pgno);
    }

    /** The pointer-map entry of page {@code pgno} of an auto-vacuum database. */
    public PtrmapEntry ptrmapEntry(int pgno) {
        return allocator.ptrmapEntry(pgno);
    }

    /** Writes the pointer-map entry of page {@code pgno} (write transaction). */
    public void setPtrmapEntry(int pgno, int type, int parentPgno) {
        requireWrite();
        allocator.setPtrmapEntry(pgno, type, parentPgno);
    }

    // ---- header fields ----------------------------------------------------------------------------------------

    /** A 4-byte header field of page 1 (offsets in {@link FileHeader}); 0 for an empty database. */
    public int getHeaderInt(int offset) {
        checkHeaderOffset(offset);
        if (!readTxn) {
            beginRead();
        }
        if (pageCount == 0) {
            return 0;
        }
        Page page1 = get(1);
        try {
            return page1.getInt(offset);
        } finally {
            release(page1);
        }
    }

    /** Sets a 4-byte header field of page 1 within the write transaction. */
    public void setHeaderInt(int offset, int value) {
        checkHeaderOffset(offset);
        requireWrite();
        Page page1 = get(1);
        try {
            markWritable(page1);
            page1.putInt(offset, value);
        } finally {
            release(page1);
        }
    }

    private static void checkHeaderOffset(int offset) {
        if (offset < 0 || offset > FileHeader.HEADER_SIZE - 4) {
            throw PetrelException.misuse("bad header offset " + offset);
        }
    }

    // ---- journal mode and checkpoints -------------------------------------------------------------------------

    /**
     * Switches the journal mode ({@code PRAGMA journal_mode}); returns the mode now in force. Entering or leaving
     * WAL rewrites header bytes 18/19 in a transaction of its own and needs no transaction to be open; leaving WAL
     * first checkpoints and deletes the WAL ({@code SQLITE_BUSY} if another connection is reading).
     */
    public JournalMode setJournalMode(JournalMode mode) {
        checkOpen();
        if (mode == journalMode) {
            return journalMode;
        }
        boolean walSwitch = mode == JournalMode.WAL || journalMode == JournalMode.WAL;
        if (walSwitch && (readTxn || writeTxn)) {
            throw PetrelException.error(mode == JournalMode.WAL
                    ? "cannot change into wal mode from within a transaction"
                    : "cannot change out of wal mode from within a transaction");
        }
        if (writeTxn) {
            throw PetrelException.error("cannot change journal mode from within a transaction");
        }
        if (mode == JournalMode.WAL) {
            if (!isEmpty()) {
                setFormatVersion(WAL_FORMAT_VERSION);
            }
            wal = Wal.open(vfs, walPath, pageSize, random);
        } else if (journalMode == JournalMode.WAL) {
            CheckpointResult r = checkpoint(CheckpointMode.TRUNCATE);
            if (r.busy()) {
                throw new PetrelException(ResultCode.BUSY, null);
            }
            wal.close();
            wal = null;
            vfs.delete(walPath);
            journalMode = mode;
            leavingWal = true;
            try {
                if (!isEmpty()) {
                    setFormatVersion(LEGACY_FORMAT_VERSION);
                }
            } finally {
                leavingWal = false;
            }
        }
        if (journalMode.hasJournalFile() && !readTxn && vfs.exists(journalPath)
                && !RollbackJournal.isHot(vfs, journalPath)) {
            vfs.delete(journalPath);
        }
        journalMode = mode;
        return journalMode;
    }

    private void setFormatVersion(int version) {
        beginWrite();
        try {
            Page page1 = get(1);
            try {
                markWritable(page1);
                page1.putU8(FileHeader.WRITE_VERSION_OFFSET, version);
                page1.putU8(FileHeader.READ_VERSION_OFFSET, version);
            } finally {
                release(page1);
            }
            commit();
        } catch (PetrelException e) {
            rollback();
            throw e;
        }
    }

    /**
     * Runs a WAL checkpoint ({@code PRAGMA wal_checkpoint}). Needs no transaction of this connection to be open
     * ({@code SQLITE_LOCKED} otherwise) and every other connection to be idle (else the result is busy).
     */
    public CheckpointResult checkpoint(CheckpointMode mode) {
        checkOpen();
        if (wal == null) {
            return new CheckpointResult(false, -1, -1);
        }
        if (writeTxn) {
            throw new PetrelException(ResultCode.LOCKED, null);
        }
        boolean ownRead = readTxn;
        beginRead();
        try {
            if (!tryExclusive(VfsFile.LOCK_SHARED)) {
                return new CheckpointResult(true, wal.mxFrame(), wal.backfilled());
            }
            try {
                int log = wal.mxFrame();
                int done = wal.checkpoint(file, synchronous);
                if (mode == CheckpointMode.TRUNCATE) {
                    wal.truncateFile(synchronous);
                    return new CheckpointResult(false, 0, 0);
                }
                if (mode == CheckpointMode.RESTART) {
                    wal.restart();
                }
                return new CheckpointResult(false, log, done);
            } finally {
                file.unlock(VfsFile.LOCK_SHARED);
            }
        } finally {
            if (!ownRead) {
                endRead();
            }
        }
    }

    // ---- lifecycle --------------------------------------------------------------------------------------------

    /**
     * Closes the pager: an open write transaction is rolled back; in WAL mode (unless turned off with
     * {@link #setCheckpointOnClose}) the WAL is checkpointed and deleted if no other connection is reading.
     */
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (writeTxn) {
                rollback();
            }
            if (readTxn) {
                readBeforeWrite = false;
                endRead();
            }
            if (wal != null && checkpointOnClose && !checkpoint(CheckpointMode.TRUNCATE).busy()) {
                wal.close();
                wal = null;
                vfs.delete(walPath);
            }
        } finally {
            closed = true;
            if (wal != null) {
                wal.close();
            }
            if (journal != null) {
                journal.closeHandle();
            }
            file.close();
        }
    }

    /** The VFS path of the database file. */
    public String path() {
        return path;
    }

    Vfs vfs() {
        return vfs;
    }

    private void checkOpen() {
        if (closed) {
            throw PetrelException.misuse("pager is closed");
        }
    }

    private void requireWrite() {
        checkOpen();
        if (!writeTxn) {
            throw new PetrelException(ResultCode.READONLY, "cannot modify a page outside a write transaction");
        }
    }
}
