package dev.petrel.record;

import dev.petrel.api.PetrelException;

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
    /** Per field: the key text as bytes when it is all ASCII (compared in place), else null; built lazily. */
    private byte[][] asciiText;
    /** Compare result meaning "decode the column and compare the values" (never a real sign). */
    private static final int UNDECIDED = Integer.MIN_VALUE;
    private static final int ASCII_LIMIT = 0x80;
    /** Marks a field in {@link #asciiText} whose key text is not all ASCII. */
    private static final byte[] NOT_ASCII = new byte[0];

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

    /**
     * Sign of (record - this key) for a record held in {@code rec[0..len)}, as {@link #compareRecord(Record)} but
     * without building a {@link Record} and, for integer and ASCII text columns, without decoding values: the
     * b-tree's binary search calls this for every cell it visits. Other columns are decoded and compared with
     * {@link KeyInfo#compareColumn}, so both methods agree on every input, corrupt ones included.
     */
    public int compareRecord(byte[] rec, int len, int encoding) {
        if (len == 0 || fieldCount == 0) {
            return defaultRc;
        }
        int first = Math.min(Varint.MAX_BYTES, len);
        long h = Varint.read(rec, 0, first);
        int hp = Varint.sizeAt(rec, 0, first);
        if (h < hp || h > len || h > Record.MAX_HEADER_BYTES) {
            throw PetrelException.corrupt(0, "record header size " + h + " of a " + len + "-byte payload");
        }
        int headerEnd = (int) h;
        long off = h;
        for (int i = 0; i < fieldCount; i++) {
            if (hp >= headerEnd) {
                return defaultRc;
            }
            long t = Varint.read(rec, hp, headerEnd);
            hp += Varint.sizeAt(rec, hp, headerEnd);
            long end = off + SerialType.sizeOf(t);
            if (end > len) {
                throw PetrelException.corrupt(0, "record column " + i + " ends past the payload");
            }
            int c = compareInPlace(i, t, rec, (int) off, (int) (end - off), encoding);
            if (c == UNDECIDED) {
                c = keyInfo.compareColumn(i, SerialType.decode(t, rec, (int) off, encoding), values[i]);
            } else if (keyInfo.isDesc(i)) {
                c = -c;
            }
            if (c != 0) {
                return c;
            }
            off = end;
        }
        return defaultRc;
    }

    /** Field {@code i} of the record (serial type {@code t}, content at {@code off}) against the key, ascending. */
    private int compareInPlace(int i, long t, byte[] rec, int off, int size, int encoding) {
        Object v = values[i];
        if (t == SerialType.NULL) {
            return v == null ? 0 : -1;
        }
        if (v instanceof Long) {
            if (t >= SerialType.INT8 && t <= SerialType.INT64) {
                return Long.compare(SerialType.getInt(rec, off, size), (Long) v);
            }
            if (t == SerialType.ZERO || t == SerialType.ONE) {
                return Long.compare(t - SerialType.ZERO, (Long) v);
            }
            return UNDECIDED;
        }
        if (v instanceof String && t >= SerialType.FIRST_TEXT && (t & 1) == 1 && encoding == TextEncoding.UTF8
                && keyInfo.collation(i) == Collation.BINARY) {
            byte[] k = asciiKey(i);
            return k == null ? UNDECIDED : compareAscii(rec, off, size, k);
        }
        return UNDECIDED;
    }

    /**
     * UTF-8 text against an ASCII key. While both sides are ASCII, byte order is code point order, which is what
     * {@link Collation#BINARY} compares; a non-ASCII byte where the outcome depends on it leaves it undecided.
     */
    private static int compareAscii(byte[] rec, int off, int size, byte[] k) {
        int n = Math.min(size, k.length);
        for (int j = 0; j < n; j++) {
            int x = rec[off + j] & 0xff;
            if (x >= ASCII_LIMIT) {
                return UNDECIDED;
            }
            if (x != k[j]) {
                return x - k[j];
            }
        }
        if (size == k.length) {
            return 0;
        }
        if (size < k.length) {
            return -1;
        }
        return (rec[off + n] & 0xff) < ASCII_LIMIT ? 1 : UNDECIDED;
    }

    private byte[] asciiKey(int i) {
        if (asciiText == null) {
            asciiText = new byte[fieldCount][];
        }
        byte[] k = asciiText[i];
        if (k == null) {
            String s = (String) values[i];
            k = new byte[s.length()];
            for (int j = 0; j < k.length; j++) {
                char ch = s.charAt(j);
                if (ch >= ASCII_LIMIT) {
                    k = NOT_ASCII;
                    break;
                }
                k[j] = (byte) ch;
            }
            asciiText[i] = k;
        }
        return k == NOT_ASCII ? null : k;
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
