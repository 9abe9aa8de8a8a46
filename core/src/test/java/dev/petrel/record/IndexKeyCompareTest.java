package dev.petrel.record;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import org.junit.jupiter.api.Test;

/**
 * {@link IndexKey#compareRecord(byte[], int, int)} (the in-place comparison of b-tree seeks) must agree in sign with
 * {@link IndexKey#compareRecord(Record)} on every input: random records and keys of every storage class, ASCII and
 * non-ASCII text, text bytes that are not valid UTF-8, collations, DESC columns, prefix keys and corrupt records.
 */
class IndexKeyCompareTest {
    private static final String[] WORDS = {"", "a", "ab", "abc", "b", "user-1", "user-10", "User-1", "\u00e9t\u00e9",
        "a\u00e9", "z\uD83D\uDE00", "abc ", "ABC"};
    private static final Collation[] COLLATIONS = {null, Collation.BINARY, Collation.NOCASE, Collation.RTRIM};

    /** SplitMix64, deterministic from the seed. */
    private long state;

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
        switch (nextInt(8)) {
            case 0:
                return null;
            case 1:
                return (long) (nextInt(5) - 2);
            case 2:
                return nextLong() >> nextInt(64);
            case 3:
                return nextInt(3) == 0 ? (double) (nextInt(5) - 2) : nextInt(1000) / 7.0;
            case 4:
            case 5:
                return WORDS[nextInt(WORDS.length)];
            case 6:
                return WORDS[nextInt(WORDS.length)] + nextInt(20);
            default:
                byte[] b = new byte[nextInt(4)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) nextInt(256);
                }
                return b;
        }
    }

    @Test
    void inPlaceComparisonAgreesWithRecordComparison() {
        long seed = 0x1DE4L;
        state = seed;
        int cases = 100_000 * scale();
        int inPlaceDecided = 0;
        for (int n = 0; n < cases; n++) {
            int cols = nextInt(4);
            Object[] row = new Object[cols];
            for (int i = 0; i < cols; i++) {
                row[i] = randomValue();
            }
            byte[] encoded = RecordEncoder.encode(row);
            byte[] rec = nextInt(10) == 0 ? mangleText(encoded, this::nextInt) : encoded;
            if (nextInt(50) == 0 && rec.length > 0) {
                rec[nextInt(rec.length)] = (byte) nextInt(256);
            }
            int fields = nextInt(4);
            Object[] key = new Object[fields];
            for (int i = 0; i < fields; i++) {
                key[i] = i < cols && nextInt(2) == 0 ? row[i] : randomValue();
            }
            Collation[] coll = new Collation[fields];
            boolean[] desc = new boolean[fields];
            for (int i = 0; i < fields; i++) {
                coll[i] = COLLATIONS[nextInt(COLLATIONS.length)];
                desc[i] = nextInt(4) == 0;
            }
            int encoding = nextInt(8) == 0 ? TextEncoding.UTF16LE : TextEncoding.UTF8;
            IndexKey k = new IndexKey(new KeyInfo(coll, desc), key, fields, nextInt(3) - 1);
            String expected = outcome(() -> k.compareRecord(new Record(rec, encoding)));
            byte[] padded = new byte[rec.length + nextInt(3)];
            System.arraycopy(rec, 0, padded, 0, rec.length);
            String actual = outcome(() -> k.compareRecord(padded, rec.length, encoding));
            assertEquals(expected, actual, "seed=" + seed + " case " + n + " record "
                    + java.util.Arrays.toString(rec) + " key " + java.util.Arrays.deepToString(key) + " enc " + encoding);
            if (!expected.startsWith("corrupt")) {
                inPlaceDecided++;
            }
        }
        assertTrue(inPlaceDecided > cases / 2, "most cases should be valid records: " + inPlaceDecided);
    }

    /**
     * Replaces a byte of the first TEXT column by one that may make it invalid UTF-8 (same length); {@code nextInt}
     * draws from [0, bound). Shared with {@link RecordComparatorTest}.
     */
    static byte[] mangleText(byte[] rec, java.util.function.IntUnaryOperator nextInt) {
        byte[] out = rec.clone();
        Record r = new Record(out);
        int n;
        try {
            n = r.columnCount();
        } catch (PetrelException e) {
            return out;
        }
        long off = Varint.read(out, 0, Math.min(9, out.length));
        for (int i = 0; i < n; i++) {
            long t = r.serialType(i);
            long size = SerialType.sizeOf(t);
            if (t >= SerialType.FIRST_TEXT && (t & 1) == 1 && size > 0) {
                int pos = (int) off + nextInt.applyAsInt((int) size);
                out[pos] = (byte) (0x80 + nextInt.applyAsInt(128));
                return out;
            }
            off += size;
        }
        return out;
    }

    private static String outcome(java.util.function.IntSupplier f) {
        try {
            return "sign " + Integer.signum(f.getAsInt());
        } catch (PetrelException e) {
            return "corrupt " + e.code();
        }
    }

    @Test
    void asciiTextFastPathOrdersLikeBinaryCollation() {
        String[] texts = {"", "a", "a ", "ab", "b", "\u00e9", "a\u00e9", "~", "\u007f"};
        for (String a : texts) {
            for (String b : texts) {
                byte[] rec = RecordEncoder.encode(a);
                IndexKey k = new IndexKey(KeyInfo.BINARY, new Object[] {b}, 1, 0);
                int expected = Integer.signum(Collation.BINARY.compare(a, b));
                assertEquals(expected, Integer.signum(k.compareRecord(rec, rec.length, TextEncoding.UTF8)),
                        a + " vs " + b);
            }
        }
    }

    private static int scale() {
        String s = System.getProperty("petrel.test.scale");
        try {
            return s == null || s.isBlank() ? 1 : Math.max(1, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
