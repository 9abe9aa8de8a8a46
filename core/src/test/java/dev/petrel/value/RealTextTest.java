package dev.petrel.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REAL to TEXT rendering against SQLite's {@code CAST(? AS TEXT)}. */
class RealTextTest {
    private static SqliteOracle oracle;

    @BeforeAll
    static void open() {
        oracle = new SqliteOracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    @Test
    void knownRenderings() {
        assertEquals("0.1", RealText.render(0.1));
        assertEquals("1.0e+100", RealText.render(1e100));
        assertEquals("0.33333333333333332", RealText.render(1.0 / 3)); // SQLite's double rounding, not ...31
        assertEquals("100.0", RealText.render(100.0));
        assertEquals("1000000000000000.0", RealText.render(1e15));
        assertEquals("10000000000000000.0", RealText.render(1e16));
        assertEquals("1.0e+17", RealText.render(1e17));
        assertEquals("1.2345678901234568e+17", RealText.render(123456789012345678.0));
        assertEquals("0.0", RealText.render(-0.0));
        assertEquals("2.5e-07", RealText.render(2.5e-7));
        assertEquals("1.0e+23", RealText.render(9.999999999999999e22));
        assertEquals("0.30000000000000004", RealText.render(0.1 + 0.2));
        assertEquals("Inf", RealText.render(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", RealText.render(Double.NEGATIVE_INFINITY));
        assertEquals("4.9406564584124654e-324", RealText.render(Double.MIN_VALUE));
    }

    /** At least 10,000 doubles (times the scale) of every magnitude render exactly as SQLite renders them. */
    @Test
    void randomDoublesMatchSqlite() {
        long seed = 0x5EEDL;
        SplittableRandom rnd = new SplittableRandom(seed);
        ValueGen gen = new ValueGen(seed);
        int n = 12_000 * ValueGen.scale();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double d;
            switch (i % 6) {
                case 0:
                    d = gen.finiteDouble();
                    break;
                case 1:
                    d = gen.anyDouble();
                    break;
                case 2:
                    // Short decimals: the 15-digit path.
                    d = Double.parseDouble((rnd.nextInt(2000000) - 1000000) + "e" + (rnd.nextInt(60) - 30));
                    break;
                case 3:
                    // Around the fixed/exponent switch points.
                    d = (rnd.nextDouble() + 0.5) * Math.pow(10, rnd.nextInt(8) - 6 + (rnd.nextBoolean() ? 0 : 16));
                    break;
                case 4:
                    d = (double) rnd.nextLong() / (1L << rnd.nextInt(63));
                    break;
                default:
                    d = Double.longBitsToDouble(Double.doubleToLongBits(Math.pow(10, rnd.nextInt(40) - 20))
                            + rnd.nextInt(5) - 2);
                    break;
            }
            Object expected = oracle.eval("CAST(? AS TEXT)", d);
            String actual = RealText.render(d);
            if (!actual.equals(expected) && failures.size() < 20) {
                failures.add(d + " (bits " + Long.toHexString(Double.doubleToLongBits(d)) + "): sqlite "
                        + expected + " petrel " + actual);
            }
        }
        assertTrue(failures.isEmpty(), "seed " + seed + ", mismatches: " + failures);
    }
}
