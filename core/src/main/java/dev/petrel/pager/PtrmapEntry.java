package dev.petrel.pager;

/**
 * One pointer-map entry of an auto-vacuum database: what kind of page {@code pgno} is and which page points to it.
 *
 * <p>See sqlite.org/fileformat2.html, "Pointer Map or Ptrmap Pages". Each entry is 5 bytes: a type byte
 * ({@link #ROOT_PAGE} .. {@link #BTREE}) and a 4-byte big-endian parent page number (0 for root pages and free
 * pages).
 *
 * @param type the type byte (1..5; 0 in a never-written entry)
 * @param parentPgno the parent page number
 */
public record PtrmapEntry(int type, int parentPgno) {
    /** A b-tree root page; parent is 0. */
    public static final int ROOT_PAGE = 1;
    /** A freelist page; parent is 0. */
    public static final int FREE_PAGE = 2;
    /** The first page of an overflow chain; parent is the b-tree page holding the cell. */
    public static final int OVERFLOW1 = 3;
    /** A later page of an overflow chain; parent is the previous overflow page. */
    public static final int OVERFLOW2 = 4;
    /** A non-root b-tree page; parent is its parent b-tree page. */
    public static final int BTREE = 5;
    /** Bytes per entry. */
    public static final int ENTRY_BYTES = 5;
}
