package dev.petrel.record;

/**
 * How the columns of an index key compare: one collation and one sort direction per column.
 *
 * <p>Columns past the arrays' length compare with BINARY, ascending (the trailing rowid of an index entry).
 * Immutable; shared by every cursor on one index.
 */
public final class KeyInfo {
    private static final Collation[] NO_COLLATIONS = {};
    private static final boolean[] NO_FLAGS = {};
    /** All columns BINARY ascending. */
    public static final KeyInfo BINARY = new KeyInfo(NO_COLLATIONS, NO_FLAGS);

    private final Collation[] collations;
    private final boolean[] desc;
    /** {@link #compareRecords}' comparator, made on first use (immutable, so a benign race). */
    private RecordComparator recordOrder;

    /** {@code collations[i]} null means BINARY; {@code desc} may be shorter than {@code collations}. */
    public KeyInfo(Collation[] collations, boolean[] desc) {
        this.collations = collations.clone();
        this.desc = desc.clone();
    }

    public Collation collation(int col) {
        return col < collations.length && collations[col] != null ? collations[col] : Collation.BINARY;
    }

    public boolean isDesc(int col) {
        return col < desc.length && desc[col];
    }

    /** Compares one column's values with this column's collation and direction. */
    public int compareColumn(int col, Object a, Object b) {
        int c = ValueOrder.compare(a, b, collation(col));
        return isDesc(col) ? -c : c;
    }

    /**
     * Sign of (a - b) for two encoded index records compared in place over their common fields (equal when one
     * ends first, as {@link IndexKey#compareRecord}); text in {@code encoding}.
     */
    public int compareRecords(byte[] a, int aLen, byte[] b, int bLen, int encoding) {
        RecordComparator c = recordOrder;
        if (c == null) {
            c = new RecordComparator(collations, desc, desc, Integer.MAX_VALUE, true);
            recordOrder = c;
        }
        return c.compare(a, aLen, b, bLen, encoding);
    }

    /** Compares two full keys column by column; a key that is a prefix of the other sorts first. */
    public int compare(Object[] a, Object[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = compareColumn(i, a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
