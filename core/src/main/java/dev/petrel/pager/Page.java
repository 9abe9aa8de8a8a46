package dev.petrel.pager;

/**
 * One page image held by the {@link Pager}: the unit of caching, journaling and I/O.
 *
 * <p>Representation: the bytes live in a package-private heap {@code byte[]} that only the pager package touches
 * (page cache, journal, WAL and VFS I/O pass it straight to {@code VfsFile.read/write}). Layers above read and write
 * a page only through the accessors below, none of which exposes the array. A browser build that wants another
 * backing (say one {@code ArrayBuffer} slab shared with OPFS, addressed by page slot) changes only the field
 * {@code data}, these accessors and the few {@code file.read/write(..., page.data, ...)} calls in the pager package;
 * nothing above the pager changes. All multi-byte integers are big-endian, as everywhere in the SQLite file format.
 *
 * <p>Ownership: {@link Pager#get} and {@link Pager#allocate} return a page pinned once; the caller must
 * {@link Pager#release} it. A pinned page is never evicted, so two {@code Page} objects never exist for one page
 * number at once. Before changing any byte, the holder must call {@link Pager#markWritable} (which journals the
 * original image); writing an unmarked page is a bug the pager cannot undo.
 */
public final class Page {
    private final int pgno;
    /** The page image; private to the pager package (see the class comment). */
    byte[] data;
    /** Outstanding pins; a pinned page is never evicted. */
    int pinCount;
    /** Changed since it was last written to the database file or the WAL. */
    boolean dirty;
    /** Whether the cache's dirty list holds this page (see {@link PageCache#markDirty}). */
    boolean inDirtyList;
    /** The pager's savepoint generation in which this page was last made writable, or -1. */
    int writableGeneration = -1;
    /** Neighbours in the {@link PageCache}'s recency list (older, newer); null at the ends or when not cached. */
    Page lruOlder;
    Page lruNewer;

    Page(int pgno, byte[] data) {
        this.pgno = pgno;
        this.data = data;
    }

    /** The 1-based page number. */
    public int pgno() {
        return pgno;
    }

    /** The page size in bytes (including reserved bytes at the end). */
    public int size() {
        return data.length;
    }

    /** Whether the page has changes not yet written to the database file. */
    public boolean isDirty() {
        return dirty;
    }

    public int getU8(int offset) {
        return data[offset] & 0xff;
    }

    public int getU16(int offset) {
        return ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
    }

    /** A 32-bit big-endian integer as a Java int (callers treat page numbers as unsigned). */
    public int getInt(int offset) {
        return ((data[offset] & 0xff) << 24) | ((data[offset + 1] & 0xff) << 16)
                | ((data[offset + 2] & 0xff) << 8) | (data[offset + 3] & 0xff);
    }

    /** A 32-bit big-endian unsigned integer. */
    public long getU32(int offset) {
        return getInt(offset) & 0xffffffffL;
    }

    public void putU8(int offset, int value) {
        data[offset] = (byte) value;
    }

    public void putU16(int offset, int value) {
        data[offset] = (byte) (value >>> 8);
        data[offset + 1] = (byte) value;
    }

    public void putInt(int offset, int value) {
        data[offset] = (byte) (value >>> 24);
        data[offset + 1] = (byte) (value >>> 16);
        data[offset + 2] = (byte) (value >>> 8);
        data[offset + 3] = (byte) value;
    }

    /** Copies {@code len} bytes at {@code offset} into {@code dst[dstOff..]}. */
    public void getBytes(int offset, byte[] dst, int dstOff, int len) {
        System.arraycopy(data, offset, dst, dstOff, len);
    }

    /** Copies {@code len} bytes of {@code src[srcOff..]} to {@code offset}. */
    public void putBytes(int offset, byte[] src, int srcOff, int len) {
        System.arraycopy(src, srcOff, data, offset, len);
    }

    /** Moves {@code len} bytes within the page (ranges may overlap). */
    public void move(int srcOffset, int dstOffset, int len) {
        System.arraycopy(data, srcOffset, data, dstOffset, len);
    }

    /** Sets {@code len} bytes at {@code offset} to zero. */
    public void zero(int offset, int len) {
        java.util.Arrays.fill(data, offset, offset + len, (byte) 0);
    }

    /** Copies {@code len} bytes from another page. */
    public void copyFrom(Page src, int srcOffset, int dstOffset, int len) {
        System.arraycopy(src.data, srcOffset, data, dstOffset, len);
    }
}
