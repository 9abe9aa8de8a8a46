package dev.petrel.wasm.compat;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The stand-ins behave exactly as the JDK methods they replace under TeaVM (the JDK is the oracle). */
class JdkCompatTest {
    private static void same(String s, int radix) {
        Long expected;
        try {
            expected = Long.parseUnsignedLong(s, radix);
        } catch (NumberFormatException e) {
            expected = null;
        }
        Long actual;
        try {
            actual = JdkCompat.parseUnsignedLong(s, radix);
        } catch (NumberFormatException e) {
            actual = null;
        }
        assertEquals(expected, actual, "parseUnsignedLong(\"" + s + "\", " + radix + ")");
    }

    @Test
    void parseUnsignedLongMatchesTheJdk() {
        String[] inputs = {"0", "1", "+7", "-1", "", "+", "ff", "FF", "7fffffffffffffff", "8000000000000000",
            "ffffffffffffffff", "10000000000000000", "0000000000000000000000001", "18446744073709551615",
            "18446744073709551616", "99999999999999999999", "12z", "zz", " 1", "1 "};
        for (String s : inputs) {
            for (int radix : new int[] {2, 10, 16, 36}) {
                same(s, radix);
            }
        }
        assertEquals(-1L, JdkCompat.parseUnsignedLong("18446744073709551615"));
        assertThrows(NumberFormatException.class, () -> JdkCompat.parseUnsignedLong(null, 10));
        assertThrows(NumberFormatException.class, () -> JdkCompat.parseUnsignedLong("1", 1));
    }

    @Test
    void randomValuesRoundTripInEveryRadix() {
        long seed = 0x5eedL;
        for (int i = 0; i < 2000; i++) {
            seed += 0x9E3779B97F4A7C15L;
            long z = seed;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            long v = z ^ (z >>> 31);
            int radix = 2 + (int) Long.remainderUnsigned(v, 35);
            String text = Long.toUnsignedString(v, radix);
            assertEquals(v, JdkCompat.parseUnsignedLong(text, radix), "seed step " + i + ": " + text + " radix " + radix);
        }
    }
}
