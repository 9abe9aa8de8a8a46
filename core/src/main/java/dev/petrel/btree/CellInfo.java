package dev.petrel.btree;

/**
 * The parsed fields of one cell (see {@link CellCodec} for the four cell formats). Plain mutable holder, filled by
 * {@link BtNode#parseCell}; meaningful fields depend on the page type.
 */
final class CellInfo {
    /** Left child page number (interior cells), else 0. */
    int childPgno;
    /** The rowid (table cells). */
    long rowid;
    /** Total payload bytes (0 for interior table cells). */
    int payloadSize;
    /** Payload bytes stored on the page. */
    int localSize;
    /** Page offset of the first local payload byte. */
    int payloadOffset;
    /** First overflow page, 0 if the payload is all local. */
    int overflowPgno;
    /** Bytes the cell occupies on the page, without the padding to {@link PageHeader#MIN_CELL_SPACE}. */
    int cellSize;
}
