package dev.petrel.pager;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pager: turns page numbers into cached page images and makes groups of page changes atomic.
 *
 * <p>INTERIM IMPLEMENTATION. This first version fixes the contract the B-tree layer codes against (get / release /
 * markWritable / allocate / free / transactions / header fields). It keeps every page it reads, writes dirty pages
 * straight to the database file at commit with no journal (so it is not crash-safe) and rolls back by dropping
 * dirty pages. The journaled, WAL and bounded-cache pager replaces the internals behind the same methods.
 *
 * <p>Contract with the layer above:
 * <ul>
 *   <li>Reads need a read transaction ({@link #beginRead}) and writes a write transaction ({@link #beginWrite}).</li>
 *   <li>{@link #get} returns a pinned page; every pin is undone by {@link #release}.</li>
 *   <li>{@link #markWritable} must precede any change to a page's bytes within a write transaction.</li>
 *   <li>{@link #commit} makes every change of the write transaction durable at once; {@link #rollback} undoes
 *       them all, restoring every page image and the header.</li>
 *   <li>Page 1 holds the 100-byte file header; its fields are read and written through {@link #getHeaderInt} /
 *       {@link #setHeaderInt} with the offsets of {@link FileHeader}. The pager itself maintains the change
 *       counter, database size, freelist fields and version-valid-for.</li>
 * </ul>
 * Not thread-safe: one connection, one thread.
 */
public final class Pager {
    private final Vfs vfs;
    private final String path;
    private final VfsFile file;
    private int pageSize;
    private int reservedBytes;
    /** Database size in pages as the current transaction sees it. */
    private int pageCount;
    private final Map<Integer, Page> cache = new HashMap<>();
    private final List<Page> dirtyPages = new ArrayList<>();
    private boolean readTxn;
    private boolean writeTxn;

    private Pager(Vfs vfs, String path, VfsFile file, int defaultPageSize) {
        this.vfs = vfs;
        this.path = path;
        this.file = file;
        this.pageSize = defaultPageSize;
    }

    /**
     * Opens the database file {@code path} of {@code vfs}, creating it if absent. A new (empty) database gets
     * {@code defaultPageSize} at its first write transaction.
     */
    public static Pager open(Vfs vfs, String path, int defaultPageSize) {
        if (!FileHeader.isValidPageSize(defaultPageSize)) {
            throw PetrelException.misuse("bad page size: " + defaultPageSize);
        }
        VfsFile file = vfs.open(path, Vfs.OPEN_MAIN_DB | Vfs.OPEN_READWRITE | Vfs.OPEN_CREATE);
        Pager pager = new Pager(vfs, path, file, defaultPageSize);
        pager.readHeaderFromFile();
        return pager;
    }

    private void readHeaderFromFile() {
        long size = file.size();
        if (size == 0) {
            pageCount = 0;
            return;
        }
        if (size < FileHeader.HEADER_SIZE) {
            throw new PetrelException(ResultCode.NOTADB, null);
        }
        byte[] header = new byte[FileHeader.HEADER_SIZE];
        file.read(0, header, 0, header.length);
        if (!FileHeader.hasMagic(header)) {
            throw new PetrelException(ResultCode.NOTADB, null);
        }
        int ps = FileHeader.pageSizeOf(header);
        if (!FileHeader.isValidPageSize(ps)) {
            throw new PetrelException(ResultCode.NOTADB, null);
        }
        pageSize = ps;
        reservedBytes = header[FileHeader.RESERVED_BYTES_OFFSET] & 0xff;
        if (pageSize - reservedBytes < 480) {
            throw new PetrelException(ResultCode.NOTADB, null);
        }
        long headerCount = FileHeader.getInt(header, FileHeader.DATABASE_SIZE_OFFSET) & 0xffffffffL;
        long fileCount = size / pageSize;
        boolean headerValid = headerCount > 0
                && FileHeader.getInt(header, FileHeader.CHANGE_COUNTER_OFFSET)
                    == FileHeader.getInt(header, FileHeader.VERSION_VALID_FOR_OFFSET);
        pageCount = (int) (headerValid ? headerCount : fileCount);
    }

    /** Whether the database has no pages yet (page 1 will be created by the first write transaction). */
    public boolean isEmpty() {
        return pageCount == 0;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The usable size of a page: page size minus the reserved bytes at its end. */
    public int usableSize() {
        return pageSize - reservedBytes;
    }

    /** The database size in pages as this transaction sees it. */
    public int pageCount() {
        return pageCount;
    }

    /** The page number of the lock-byte page (never used for data), or 0 if the file is too small to have one. */
    public int lockBytePgno() {
        return (int) (FileHeader.LOCK_BYTE_OFFSET / pageSize) + 1;
    }

    /** Sets the page size of an empty database; ignored once page 1 exists (as SQLite does outside VACUUM). */
    public void setPageSize(int size) {
        if (pageCount == 0 && FileHeader.isValidPageSize(size)) {
            pageSize = size;
        }
    }

    // ---- transactions ------------------------------------------------------------------------------------------

    public void beginRead() {
        readTxn = true;
    }

    public void endRead() {
        if (!writeTxn) {
            readTxn = false;
        }
    }

    /** Starts a write transaction; an empty database gets page 1 with a fresh header here. */
    public void beginWrite() {
        if (writeTxn) {
            return;
        }
        readTxn = true;
        writeTxn = true;
        if (pageCount == 0) {
            pageCount = 1;
            Page page1 = new Page(1, new byte[pageSize]);
            FileHeader.initialize(page1, pageSize, reservedBytes);
            page1.dirty = true;
            dirtyPages.add(page1);
            cache.put(1, page1);
        }
    }

    public boolean inWriteTransaction() {
        return writeTxn;
    }

    public boolean inReadTransaction() {
        return readTxn;
    }

    /** Makes every change of the write transaction durable. */
    public void commit() {
        if (!writeTxn) {
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
        for (Page page : dirtyPages) {
            if (page.pgno() <= pageCount) {
                file.write((long) (page.pgno() - 1) * pageSize, page.data, 0, pageSize);
            }
            page.dirty = false;
        }
        dirtyPages.clear();
        if (file.size() > (long) pageCount * pageSize) {
            file.truncate((long) pageCount * pageSize);
        }
        file.sync(VfsFile.SYNC_FULL);
        writeTxn = false;
    }

    /** Undoes every change of the write transaction. */
    public void rollback() {
        if (!writeTxn) {
            return;
        }
        for (Page page : dirtyPages) {
            cache.remove(page.pgno());
        }
        dirtyPages.clear();
        writeTxn = false;
        readHeaderFromFile();
    }

    // ---- pages -------------------------------------------------------------------------------------------------

    /** Returns page {@code pgno} pinned; release it with {@link #release}. */
    public Page get(int pgno) {
        if (pgno < 1 || pgno > pageCount) {
            throw PetrelException.corrupt(pgno, "page number out of range (database has " + pageCount + " pages)");
        }
        Page page = cache.get(pgno);
        if (page == null) {
            byte[] data = new byte[pageSize];
            file.read((long) (pgno - 1) * pageSize, data, 0, pageSize);
            page = new Page(pgno, data);
            cache.put(pgno, page);
        }
        page.pinCount++;
        return page;
    }

    /** Undoes one pin of {@link #get} or {@link #allocate}. */
    public void release(Page page) {
        if (page != null && page.pinCount > 0) {
            page.pinCount--;
        }
    }

    /** Declares that the caller is about to change {@code page}; journals its original image. */
    public void markWritable(Page page) {
        if (!writeTxn) {
            throw new PetrelException(ResultCode.READONLY, "cannot modify a page outside a write transaction");
        }
        if (!page.dirty) {
            page.dirty = true;
            dirtyPages.add(page);
        }
    }

    /** Allocates a page (from the freelist if possible), zeroed, pinned and writable. */
    public Page allocate() {
        if (!writeTxn) {
            throw new PetrelException(ResultCode.READONLY, "cannot allocate outside a write transaction");
        }
        int freeCount = getHeaderInt(FileHeader.FREELIST_COUNT_OFFSET);
        int trunkPgno = getHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET);
        if (freeCount > 0 && trunkPgno != 0) {
            Page trunk = get(trunkPgno);
            try {
                int leafCount = trunk.getInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET);
                if (leafCount < 0 || leafCount > usableSize() / 4 - 2) {
                    throw PetrelException.corrupt(trunkPgno, "freelist trunk leaf count " + leafCount);
                }
                int pgno;
                if (leafCount > 0) {
                    markWritable(trunk);
                    pgno = trunk.getInt(FileHeader.TRUNK_LEAVES_OFFSET + 4 * (leafCount - 1));
                    trunk.putInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET, leafCount - 1);
                } else {
                    pgno = trunkPgno;
                    setHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET, trunk.getInt(FileHeader.TRUNK_NEXT_OFFSET));
                }
                setHeaderInt(FileHeader.FREELIST_COUNT_OFFSET, freeCount - 1);
                Page page = pgno == trunkPgno ? get(pgno) : get(pgno);
                markWritable(page);
                page.zero(0, pageSize);
                return page;
            } finally {
                release(trunk);
            }
        }
        int pgno = pageCount + 1;
        if (pgno == lockBytePgno()) {
            pgno++;
        }
        pageCount = pgno;
        Page page = new Page(pgno, new byte[pageSize]);
        cache.put(pgno, page);
        page.pinCount = 1;
        markWritable(page);
        return page;
    }

    /** Puts page {@code pgno} on the freelist. The caller must not hold a pin on it. */
    public void free(int pgno) {
        if (pgno < 2 || pgno > pageCount) {
            throw PetrelException.corrupt(pgno, "freeing a page out of range");
        }
        int freeCount = getHeaderInt(FileHeader.FREELIST_COUNT_OFFSET);
        int trunkPgno = getHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET);
        if (trunkPgno != 0) {
            Page trunk = get(trunkPgno);
            try {
                int leafCount = trunk.getInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET);
                if (leafCount >= 0 && leafCount < usableSize() / 4 - 8) {
                    markWritable(trunk);
                    trunk.putInt(FileHeader.TRUNK_LEAVES_OFFSET + 4 * leafCount, pgno);
                    trunk.putInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET, leafCount + 1);
                    setHeaderInt(FileHeader.FREELIST_COUNT_OFFSET, freeCount + 1);
                    return;
                }
            } finally {
                release(trunk);
            }
        }
        Page page = get(pgno);
        try {
            markWritable(page);
            page.zero(0, pageSize);
            page.putInt(FileHeader.TRUNK_NEXT_OFFSET, trunkPgno);
            page.putInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET, 0);
        } finally {
            release(page);
        }
        setHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET, pgno);
        setHeaderInt(FileHeader.FREELIST_COUNT_OFFSET, freeCount + 1);
    }

    // ---- header fields -----------------------------------------------------------------------------------------

    /** A 4-byte header field of page 1 (offsets in {@link FileHeader}); 0 for an empty database. */
    public int getHeaderInt(int offset) {
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
        Page page1 = get(1);
        try {
            markWritable(page1);
            page1.putInt(offset, value);
        } finally {
            release(page1);
        }
    }

    /** Closes the file; an open write transaction is rolled back. */
    public void close() {
        rollback();
        file.close();
    }

    /** The VFS path of the database file. */
    public String path() {
        return path;
    }

    Vfs vfs() {
        return vfs;
    }
}
