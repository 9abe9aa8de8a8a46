package dev.petrel.record;

/**
 * An unpacked search key for an index b-tree: the first {@code fieldCount} column values plus the result to use
 * when a record matches every one of them ({@code defaultRc}), as SQLite's UnpackedRecord.
 *
 * <p>{@link #compareRecord} returns the sign of (record - key). With fewer key fields than the record has columns,
 * only the prefix is compared; on an equal prefix the result is {@code defaultRc}. So seeking with defaultRc = +1
 * treats equal entries as larger than the key (lands before them: SeekGE, SeekLT) and -1 treats them as smaller
 * (lands after them: SeekGT, SeekLE). A full key with defaultRc = 0 finds an exact entry.
 */
public final class IndexKey {
    private final KeyInfo keyInfo;
    private final Object[] values;
    private final int fieldCount;
    private final int defaultRc;

    public IndexKey(KeyInfo keyInfo, Object[] values, int fieldCount, int defaultRc) {
        if (fieldCount > values.length || fieldCount < 0) {
            throw new IllegalArgumentException("fieldCount " + fieldCount);
        }
        this.keyInfo = keyInfo;
        this.values = values;
        this.fieldCount = fieldCount;
        this.defaultRc = Integer.signum(defaultRc);
    }

    /** A key of all of {@code values} with default result 0 (exact match). */
    public static IndexKey exact(KeyInfo keyInfo, Object... values) {
        return new IndexKey(keyInfo, values, values.length, 0);
    }

    /** The same fields with another default result. */
    public IndexKey withDefault(int rc) {
        return new IndexKey(keyInfo, values, fieldCount, rc);
    }

    public KeyInfo keyInfo() {
        return keyInfo;
    }

    public int fieldCount() {
        return fieldCount;
    }

    public Object value(int i) {
        return values[i];
    }

    public int defaultRc() {
        return defaultRc;
    }

    /** Sign of (record - this key), decoding only as many record columns as needed. */
    public int compareRecord(Record record) {
        for (int i = 0; i < fieldCount; i++) {
            if (!record.hasColumn(i)) {
                return defaultRc;
            }
            int c = keyInfo.compareColumn(i, record.column(i), values[i]);
            if (c != 0) {
                return c;
            }
        }
        return defaultRc;
    }
}
