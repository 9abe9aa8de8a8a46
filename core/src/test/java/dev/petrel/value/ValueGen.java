package dev.petrel.value;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic generator of storage values for differential tests: edge and random integers, doubles of every
 * magnitude, numeric-looking and other strings, blobs and NULLs.
 */
public final class ValueGen {
    /** The size multiplier from system property {@code petrel.test.scale} (default 1). */
    public static int scale() {
        return Integer.getInteger("petrel.test.scale", 1);
    }

    private static final long[] EDGE_LONGS = {0, 1, -1, 2, -2, 10, 127, 128, 255, 256, 65535, 2147483647L,
        -2147483648L, 4294967296L, 9007199254740992L, 9007199254740993L, 2251799813685248L, 4503599627370496L,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 1000000000000000000L, 63, 64, -64};
    private static final double[] EDGE_DOUBLES = {0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.1, 1e15, 1e16, 1e17,
        1e-4, 1e-5, 9.223372036854775807E18, -9.223372036854775808E18, 1.7976931348623157e308, 4.9e-324,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456789012345678.0, 2251799813685248.0, 3.0,
        -3.0, 1e300, 0.3, 2.675, 1.005, 4503599627370495.5, 9007199254740993.0};
    private static final String[] EDGE_TEXTS = {"", " ", "0", "1", "-1", "12", " 12 ", "12abc", "abc", "1e3",
        "1E3", "1e", "1e+", "1.", ".5", ".", "-", "+", "+5", "-0", "-0.0", "0x10", "0X1F", "inf", "Inf",
        "-inf", "nan", "NaN", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "1e500", "-1e500", "1e-500", "3.0", "3.5", " 3.5e2xyz", "\t7\n", "1 2",
        "00012", "1.5e+02", "1.5E-2", "héllo", "ÀÉÎ", "a%b", "a_b", "\0x", "x\0y", "12\0", "😀", "1_000",
        "  -12.5e1xyz", "9e99999999999", "123456789012345678901234567890", "0.1", "4.35", "1e16", "1e18",
        "1e19", "2251799813685248.0", "2251799813685247.0", "-9223372036854775808.0"};

    private final SplittableRandom rnd;

    public ValueGen(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    public SplittableRandom random() {
        return rnd;
    }

    /** Any storage value, with a bias towards edge cases. */
    public Object any() {
        int k = rnd.nextInt(100);
        if (k < 6) {
            return null;
        }
        if (k < 30) {
            return anyLong();
        }
        if (k < 52) {
            return anyDouble();
        }
        if (k < 90) {
            return anyText();
        }
        return anyBlob();
    }

    /** A number (Long or Double). */
    public Object anyNumber() {
        return rnd.nextBoolean() ? (Object) anyLong() : (Object) anyDouble();
    }

    public long anyLong() {
        int k = rnd.nextInt(10);
        if (k < 3) {
            return EDGE_LONGS[rnd.nextInt(EDGE_LONGS.length)];
        }
        if (k < 6) {
            return rnd.nextInt(2001) - 1000;
        }
        if (k < 8) {
            return rnd.nextLong() >> rnd.nextInt(64);
        }
        return rnd.nextLong();
    }

    public double anyDouble() {
        int k = rnd.nextInt(10);
        if (k < 2) {
            return EDGE_DOUBLES[rnd.nextInt(EDGE_DOUBLES.length)];
        }
        if (k < 4) {
            return (rnd.nextInt(20001) - 10000) / 100.0;
        }
        if (k < 6) {
            return finiteDouble();
        }
        if (k < 8) {
            return (double) (rnd.nextLong() >> rnd.nextInt(64));
        }
        return (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20);
    }

    /** A finite double from uniformly random bits. */
    public double finiteDouble() {
        while (true) {
            double d = Double.longBitsToDouble(rnd.nextLong());
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                return d;
            }
        }
    }

    public String anyText() {
        int k = rnd.nextInt(10);
        if (k < 4) {
            return EDGE_TEXTS[rnd.nextInt(EDGE_TEXTS.length)];
        }
        if (k < 7) {
            return numericLookingText();
        }
        return randomText(rnd.nextInt(8));
    }

    /** Text built from the pieces of numeric literals, often valid, sometimes not. */
    public String numericLookingText() {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextInt(5) == 0) {
            sb.append(" ");
        }
        int s = rnd.nextInt(4);
        if (s == 0) {
            sb.append('-');
        } else if (s == 1) {
            sb.append('+');
        }
        int digits = rnd.nextInt(22);
        for (int i = 0; i < digits; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        if (rnd.nextInt(3) == 0) {
            sb.append('.');
            int frac = rnd.nextInt(6);
            for (int i = 0; i < frac; i++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
        }
        if (rnd.nextInt(4) == 0) {
            sb.append(rnd.nextBoolean() ? 'e' : 'E');
            int es = rnd.nextInt(3);
            if (es == 0) {
                sb.append('-');
            } else if (es == 1) {
                sb.append('+');
            }
            int ed = rnd.nextInt(4);
            for (int i = 0; i < ed; i++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
        }
        int tail = rnd.nextInt(8);
        if (tail == 0) {
            sb.append(' ');
        } else if (tail == 1) {
            sb.append('x');
        } else if (tail == 2) {
            sb.append("\t");
        }
        return sb.toString();
    }

    /** Random text over a small alphabet with some non-ASCII. */
    public String randomText(int len) {
        String alphabet = "aAbBzZ0159 .%_-*?[]^\\'xé€😀";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return sb.toString();
    }

    public byte[] anyBlob() {
        if (rnd.nextBoolean()) {
            return anyText().getBytes(StandardCharsets.UTF_8);
        }
        byte[] b = new byte[rnd.nextInt(6)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : 'A' + rnd.nextInt(3));
        }
        return b;
    }
}
