package dev.petrel.vm;

import dev.petrel.api.PetrelException;

/**
 * A VM cursor: the common face of b-tree cursors, ephemeral tables and indexes, sorters and pseudo-tables.
 *
 * <p>Contract: a move returns whether the cursor is on an entry. {@link #column} reads field {@code i} of the
 * current entry (the record of a table row, the key of an index entry); after {@link #setNullRow} every column
 * and the rowid read NULL until the next move. Operations a kind of cursor does not support throw
 * {@code SQLITE_INTERNAL} (the code generator never emits them).
 */
abstract class VdbeCursor {
    /** Set by NullRow, cleared by any move. */
    boolean nullRow;
    /** The counter of the Sequence opcode. */
    long sequence;

    boolean first() {
        throw unsupported("first");
    }

    boolean last() {
        throw unsupported("last");
    }

    boolean next() {
        throw unsupported("next");
    }

    boolean prev() {
        throw unsupported("prev");
    }

    /** Field {@code i} of the current entry, or null if the entry has fewer fields. */
    abstract Object column(int i);

    /** The number of fields of the current entry. */
    int fieldCount() {
        throw unsupported("fieldCount");
    }

    long rowid() {
        throw unsupported("rowid");
    }

    /** The whole current entry as a record. */
    byte[] record() {
        throw unsupported("record");
    }

    /** Table seek to {@code rowid} exactly; false if absent. */
    boolean seekRowid(long rowid) {
        throw unsupported("seekRowid");
    }

    /** Seek with a SeekGE/GT/LE/LT operator ({@code dev.petrel.btree.BtCursor.GE...}) on a table (rowid). */
    boolean seekRowid(long rowid, int op) {
        throw unsupported("seekRowid");
    }

    /** Seek with a SeekGE/GT/LE/LT operator on an index by the first {@code key.length} fields. */
    boolean seek(Object[] key, int op) {
        throw unsupported("seek");
    }

    /** Compares the first {@code key.length} fields of the current index entry with {@code key}. */
    int compareKey(Object[] key) {
        throw unsupported("compareKey");
    }

    /** {@link #compareKey(Object[])} with the key in {@code regs[start..start+n)} (no key array per call). */
    int compareKey(Object[] regs, int start, int n) {
        Object[] key = new Object[n];
        System.arraycopy(regs, start, key, 0, n);
        return compareKey(key);
    }

    void insert(long rowid, byte[] record) {
        throw unsupported("insert");
    }

    void insertKey(byte[] key) {
        throw unsupported("insertKey");
    }

    /** {@link #insertKey(byte[])} with the hint that the key probably sorts after every entry. */
    void insertKey(byte[] key, boolean appendHint) {
        insertKey(key);
    }

    void delete() {
        throw unsupported("delete");
    }

    /** The largest rowid of a table, or 0 when it is empty. */
    long maxRowid() {
        throw unsupported("maxRowid");
    }

    long count() {
        throw unsupported("count");
    }

    void clear() {
        throw unsupported("clear");
    }

    void close() {
    }

    static PetrelException unsupported(String what) {
        return new PetrelException(dev.petrel.api.ResultCode.INTERNAL, "cursor does not support " + what);
    }
}
