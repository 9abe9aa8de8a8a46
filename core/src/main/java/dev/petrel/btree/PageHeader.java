package dev.petrel.btree;

/**
 * The b-tree page header: named offsets and page-type codes (no logic beyond classifying types).
 *
 * <p>See sqlite.org/fileformat2.html, section 1.6 "B-tree Pages". All integers are big-endian. The header starts at
 * offset 0 of the page, except on page 1 where it follows the 100-byte file header ({@link #PAGE1_OFFSET}).
 * <pre>
 * OFFSET SIZE MEANING
 *   0     1   page type: 2 interior index, 5 interior table, 10 leaf index, 13 leaf table
 *   1     2   offset of the first freeblock, 0 if none
 *   3     2   number of cells
 *   5     2   start of the cell content area (0 means 65536)
 *   7     1   number of fragmented free bytes in the cell content area
 *   8     4   right-most child page number (interior pages only)
 * </pre>
 * Page picture: header, then the cell pointer array (2 bytes per cell, in key order) growing up, the unallocated
 * gap, then the cell content area growing down from the end of the usable space. Freed cells inside the content
 * area form the freeblock list (each freeblock: offset 0 (2) next freeblock, 2 (2) size in bytes, at least 4);
 * free runs under 4 bytes cannot hold a freeblock and are counted as fragmented bytes instead.
 */
public final class PageHeader {
    public static final int TYPE_OFFSET = 0;
    public static final int FIRST_FREEBLOCK_OFFSET = 1;
    public static final int CELL_COUNT_OFFSET = 3;
    public static final int CELL_CONTENT_OFFSET = 5;
    public static final int FRAGMENTED_BYTES_OFFSET = 7;
    public static final int RIGHT_CHILD_OFFSET = 8;

    public static final int LEAF_HEADER_SIZE = 8;
    public static final int INTERIOR_HEADER_SIZE = 12;
    /** Where the b-tree header of page 1 starts (after the file header). */
    public static final int PAGE1_OFFSET = 100;

    public static final int INTERIOR_INDEX = 2;
    public static final int INTERIOR_TABLE = 5;
    public static final int LEAF_INDEX = 10;
    public static final int LEAF_TABLE = 13;

    /** Freeblock: offset of the next freeblock. */
    public static final int FREEBLOCK_NEXT_OFFSET = 0;
    /** Freeblock: its size in bytes, this 4-byte header included. */
    public static final int FREEBLOCK_SIZE_OFFSET = 2;
    /** The smallest freeblock, and so the smallest space a cell occupies. */
    public static final int MIN_CELL_SPACE = 4;
    /** Fragmented bytes past which SQLite defragments rather than add more. */
    public static final int MAX_FRAGMENTED_BYTES = 60;
    /** Size of a cell pointer. */
    public static final int CELL_POINTER_SIZE = 2;
    /** Size of a child page number at the start of an interior cell and of an overflow page link. */
    public static final int PGNO_SIZE = 4;

    private PageHeader() {
    }

    public static boolean isValidType(int type) {
        return type == INTERIOR_INDEX || type == INTERIOR_TABLE || type == LEAF_INDEX || type == LEAF_TABLE;
    }

    public static boolean isLeaf(int type) {
        return type == LEAF_INDEX || type == LEAF_TABLE;
    }

    /** Table (intkey) pages hold 64-bit rowid keys. */
    public static boolean isTable(int type) {
        return type == INTERIOR_TABLE || type == LEAF_TABLE;
    }

    public static int headerSize(int type) {
        return isLeaf(type) ? LEAF_HEADER_SIZE : INTERIOR_HEADER_SIZE;
    }

    /** The interior type of the same kind of tree. */
    public static int interiorOf(int type) {
        return isTable(type) ? INTERIOR_TABLE : INTERIOR_INDEX;
    }

    /** The leaf type of the same kind of tree. */
    public static int leafOf(int type) {
        return isTable(type) ? LEAF_TABLE : LEAF_INDEX;
    }

    /** Where the b-tree header of page {@code pgno} starts. */
    public static int headerOffset(int pgno) {
        return pgno == 1 ? PAGE1_OFFSET : 0;
    }
}
