package dev.petrel.record;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * {@link RecordComparator} (the sorter's and sorted index build's in-place comparison) must agree in sign with
 * decoding both records and comparing the values field by field ({@link ValueOrder} with the field's collation,
 * direction and NULL position): random records of every storage class, ASCII and non-ASCII text, text bytes that
 * are not valid UTF-8, UTF-16 text, all built-in collations, DESC and NULLS LAST fields, records of different
 * lengths in both modes (missing fields as NULL, or ending the comparison).
 */
class RecordComparatorTest {
    private static final String[] WORDS = {"", "a", "ab", "abc", "b", "user-1", "user-10", "User-1", "\u00e9t\u00e9",
        "a\u00e9", "z\uD83D\uDE00", "z\uFFFD", "z\uE000", "abc ", "ABC", "abc  ", "\u20ac", "Z"};
    private static final Collation[] COLLATIONS = {null, Collation.BINARY, Collation.NOCASE, Collation.RTRIM};

    /** SplitMix64, deterministic from the seed. */
    private long state = 0x5EC0DEL;

    private long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    private Object randomValue() {
        switch (nextInt(9)) {
            case 0:
                return null;
            case 1:
                return (long) (nextInt(5) - 2);
            case 2:
                return nextLong() >> nextInt(64);
            case 3:
                return nextInt(3) == 0 ? (double) (nextInt(5) - 2) : nextInt(1000) / 7.0 - 50;
            case 4:
                return nextInt(2) == 0 ? (double) (nextLong() >> nextInt(64)) : -0.0;
            case 5:
            case 6:
                return WORDS[nextInt(WORDS.length)];
            case 7:
                return WORDS[nextInt(WORDS.length)] + nextInt(20);
            default:
                byte[] b = new byte[nextInt(4)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) nextInt(256);
                }
                return b;
        }
    }

    private Object[] randomRow(int cols) {
        Object[] row = new Object[cols];
        for (int i = 0; i < cols; i++) {
            row[i] = randomValue();
        }
        return row;
    }

    /** The reference: decode both records and compare the values as the sorter's KeyOrder did. */
    private static int reference(byte[] a, byte[] b, int encoding, Collation[] coll, boolean[] desc,
                                 boolean[] nullsLast, int fields, boolean stopAtShorter) {
        Record ra = new Record(a, encoding);
        Record rb = new Record(b, encoding);
        for (int i = 0; i < fields; i++) {
            boolean ha = ra.hasColumn(i);
            boolean hb = rb.hasColumn(i);
            if (!ha && !hb || stopAtShorter && (!ha || !hb)) {
                return 0;
            }
            Object x = ra.column(i);
            Object y = rb.column(i);
            int c;
            if (x == null || y == null) {
                if (x == y) {
                    continue;
                }
                c = x == null ? -1 : 1;
                return nullsLast[i] ? -c : c;
            }
            c = ValueOrder.compare(x, y, coll[i] == null ? Collation.BINARY : coll[i]);
            if (c != 0) {
                return desc[i] ? -c : c;
            }
        }
        return 0;
    }

    @Test
    void inPlaceComparisonAgreesWithDecodedComparison() {
        int cases = 200_000;
        for (int n = 0; n < cases; n++) {
            int fields = 1 + nextInt(3);
            Object[] rowA = randomRow(nextInt(4));
            Object[] rowB = nextInt(3) == 0 ? rowA.clone() : randomRow(nextInt(4));
            for (int i = 0; i < Math.min(rowA.length, rowB.length); i++) {
                if (nextInt(3) == 0) {
                    rowB[i] = rowA[i]; // long shared prefixes
                }
            }
            int encoding = nextInt(8) == 0 ? TextEncoding.UTF16LE : TextEncoding.UTF8;
            byte[] a = RecordEncoder.encode(rowA, rowA.length, encoding);
            byte[] b = RecordEncoder.encode(rowB, rowB.length, encoding);
            if (nextInt(8) == 0) {
                a = mangleText(a);
            }
            Collation[] coll = new Collation[fields];
            boolean[] desc = new boolean[fields];
            boolean[] nullsLast = new boolean[fields];
            for (int i = 0; i < fields; i++) {
                coll[i] = COLLATIONS[nextInt(COLLATIONS.length)];
                desc[i] = nextInt(3) == 0;
                nullsLast[i] = nextInt(3) == 0;
            }
            boolean stop = nextInt(2) == 0;
            RecordComparator cmp = new RecordComparator(coll, desc, nullsLast, fields, stop);
            int expected = Integer.signum(reference(a, b, encoding, coll, desc, nullsLast, fields, stop));
            byte[] padded = new byte[a.length + nextInt(3)];
            System.arraycopy(a, 0, padded, 0, a.length);
            int actual = Integer.signum(cmp.compare(padded, a.length, b, b.length, encoding));
            assertEquals(expected, actual, "case " + n + ": " + java.util.Arrays.deepToString(rowA) + " vs "
                    + java.util.Arrays.deepToString(rowB) + " enc " + encoding + " stop " + stop);
            assertEquals(-expected, Integer.signum(cmp.compare(b, b.length, a, a.length, encoding)), "swapped, case " + n);
        }
    }

    /** Replaces one byte of the first non-empty TEXT column by a byte that may make it invalid UTF-8. */
    private byte[] mangleText(byte[] rec) {
        byte[] out = rec.clone();
        Record r = new Record(out);
        int n = r.columnCount();
        long off = Varint.read(out, 0, Math.min(9, out.length));
        for (int i = 0; i < n; i++) {
            long t = r.serialType(i);
            long size = SerialType.sizeOf(t);
            if (t >= SerialType.FIRST_TEXT && (t & 1) == 1 && size > 0) {
                out[(int) off + nextInt((int) size)] = (byte) (0x80 + nextInt(128));
                return out;
            }
            off += size;
        }
        return out;
    }

    @Test
    void utf8ValidityFollowsTheUnicodeTable() {
        assertTrue(RecordComparator.isValidUtf8(bytes(0x61, 0xc3, 0xa9), 0, 3));
        assertTrue(RecordComparator.isValidUtf8(bytes(0xf0, 0x9f, 0x98, 0x80), 0, 4));
        assertTrue(RecordComparator.isValidUtf8(bytes(0xef, 0xbf, 0xbd), 0, 3));
        assertFalse(RecordComparator.isValidUtf8(bytes(0xc0, 0x80), 0, 2), "overlong NUL");
        assertFalse(RecordComparator.isValidUtf8(bytes(0xe0, 0x80, 0x80), 0, 3), "overlong");
        assertFalse(RecordComparator.isValidUtf8(bytes(0xed, 0xa0, 0x80), 0, 3), "surrogate");
        assertFalse(RecordComparator.isValidUtf8(bytes(0xf4, 0x90, 0x80, 0x80), 0, 4), "past U+10FFFF");
        assertFalse(RecordComparator.isValidUtf8(bytes(0xe2, 0x82), 0, 2), "truncated");
        assertFalse(RecordComparator.isValidUtf8(bytes(0x80), 0, 1), "lone continuation");
        assertTrue(RecordComparator.isValidUtf8(bytes(0xe2, 0x82, 0xac), 0, 2 + 1));
        assertFalse(RecordComparator.isValidUtf8(bytes(0xe2, 0x82, 0xac), 0, 2), "cut by the length");
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }
}
