package dev.petrel.func.printf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.func.datetime.SplitMix64;
import dev.petrel.func.datetime.SqliteOracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@code printf()} against SQLite 3.53 (sqlite-jdbc, bound parameters): random formats
 * with every conversion, flag, width and precision (including {@code *}) over random integers, doubles (huge,
 * tiny, negative zero, infinities), strings with quotes, NULLs and blobs.
 */
class PrintfOracleTest {
    private static final String TYPES = "diuxXocsqQwfeEgGzp%";
    private static final String FLAGS = "-+ #0,!";
    private static SqliteOracle oracle;

    @BeforeAll
    static void open() throws Exception {
        oracle = new SqliteOracle();
    }

    @AfterAll
    static void close() throws Exception {
        oracle.close();
    }

    static Object randomArg(SplitMix64 r) {
        switch (r.nextInt(14)) {
            case 0:
                return r.range(-1000, 1000);
            case 1:
                return r.nextLong();
            case 2:
                return r.pick(new Object[] {Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1234567L, -7L});
            case 3:
                return (r.nextDouble() - 0.5) * Math.pow(10, r.range(-12, 12));
            case 4: {
                double d = Double.longBitsToDouble(r.nextLong());
                return Double.isNaN(d) ? 1.5 : d;
            }
            case 5:
                return r.pick(new Object[] {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 1e15, 1e16, 1e17, 1e22, 1e100,
                    1e-5, 1e-300, 5e-324, 1.7976931348623157e308, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY, 0.1, 1.0 / 3, 999999.5, 9.9999999, 123456.789});
            case 6:
                return (double) r.range(-100000, 100000) / 100.0;
            case 7:
                return r.pick(new Object[] {"", "abc", "it's", "a\"b", "''", "hello world", "x", "12", "-3.5e2x",
                    " 42 ", "1e400", "0x1F", "abc'def\"ghi", "héllo", "é", "日本語", "a'é\"b", "\uD83D\uDE00x",
                    "12.5e-3", ".5", "-.5e1", "9223372036854775808", "-9223372036854775809", "1e19"});
            case 8:
                return null;
            case 9:
                return new byte[] {'h', 'i', '\'', 'x'};
            case 10:
                return Long.toString(r.range(-100000, 100000));
            case 11:
                return r.range(-99, 99) / 8.0;
            default:
                return r.range(0, 100000);
        }
    }

    static String randomDirective(SplitMix64 r, List<Object> args) {
        StringBuilder sb = new StringBuilder("%");
        int nFlags = r.nextInt(3);
        for (int i = 0; i < nFlags; i++) {
            sb.append(FLAGS.charAt(r.nextInt(FLAGS.length())));
        }
        if (r.chance(40)) {
            if (r.chance(15)) {
                sb.append('*');
                args.add(r.range(-12, 25));
            } else {
                sb.append(r.nextInt(25));
            }
        }
        if (r.chance(45)) {
            sb.append('.');
            if (r.chance(15)) {
                sb.append('*');
                args.add(r.range(-5, 20));
            } else {
                sb.append(r.nextInt(r.chance(80) ? 18 : 40));
            }
        }
        if (r.chance(5)) {
            sb.append(r.chance(50) ? "l" : "ll");
        }
        char type = TYPES.charAt(r.nextInt(TYPES.length()));
        sb.append(type);
        if (type != '%') {
            args.add(randomArg(r));
        }
        return sb.toString();
    }

    @Test
    void printfMatchesSqlite() throws Exception {
        long seed = Long.getLong("petrel.seed", 0x5EED_9F1FL);
        SplitMix64 r = new SplitMix64(seed);
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        int n = 15_000 * SplitMix64.scale();
        int cases = 0;
        int known = 0;
        for (int i = 0; i < n; i++) {
            List<Object> args = new ArrayList<>();
            StringBuilder fmt = new StringBuilder();
            int parts = 1 + r.nextInt(3);
            for (int k = 0; k < parts; k++) {
                if (r.chance(30)) {
                    fmt.append(r.pick(new String[] {"x", "[", "] ", "é", "%%"}));
                }
                fmt.append(randomDirective(r, args));
            }
            if (r.chance(3)) {
                fmt.append(r.pick(new String[] {"%", "%5", "%y", "%n"}));
            }
            if (r.chance(5) && !args.isEmpty()) {
                args.remove(args.size() - 1);
            }
            args.add(0, fmt.toString());
            Object[] a = args.toArray();
            Object want = oracle.call("printf", a);
            Object got;
            try {
                got = Printf.format(a);
            } catch (RuntimeException e) {
                got = e.toString();
            }
            cases++;
            if (!SqliteOracle.same(want, got) && knownGap(a)) {
                known++;
            } else if (!SqliteOracle.same(want, got)) {
                StringBuilder sb = new StringBuilder("printf(");
                for (int k = 0; k < a.length; k++) {
                    sb.append(k > 0 ? ", " : "").append(SqliteOracle.show(a[k]));
                }
                failures.add(sb.append(") sqlite=").append(SqliteOracle.show(want)).append(" petrel=")
                        .append(SqliteOracle.show(got)).toString());
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("printf: " + cases + " cases, " + failures.size() + " mismatches, " + known
                + " known-gap differences, " + ms + " ms, seed " + seed);
        for (int i = 0; i < Math.min(60, failures.size()); i++) {
            System.out.println("  " + failures.get(i));
        }
        assertTrue(cases > 0);
        assertEquals(0, failures.size(), "printf mismatches (seed " + seed + "), first: "
                + (failures.isEmpty() ? "" : failures.get(0)));
    }

    /**
     * Documented gap (see FloatFormat): REAL-to-text of values needing 13 or more significant
     * digits (its 15-or-17-digit choice is only approximated; measured separately in realToTextMatchesSqlite).
     */
    static boolean knownGap(Object[] a) {
        if (System.getProperty("petrel.printf.strict") != null) {
            return false;
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i] instanceof Double) {
                double d = Math.abs((Double) a[i]);
                if (d != 0 && !Double.isInfinite(d) && Double.parseDouble(new java.math.BigDecimal(d).round(
                        new java.math.MathContext(13)).toString()) != d) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void realToTextMatchesSqlite() throws Exception {
        long seed = Long.getLong("petrel.seed", 0x5EED_2EA1L);
        SplitMix64 r = new SplitMix64(seed);
        List<String> failures = new ArrayList<>();
        int n = 20_000 * SplitMix64.scale();
        for (int i = 0; i < n; i++) {
            double d;
            switch (r.nextInt(4)) {
                case 0:
                    d = Double.longBitsToDouble(r.nextLong());
                    break;
                case 1:
                    d = r.nextDouble() * Math.pow(10, r.range(-20, 25));
                    break;
                case 2:
                    d = r.range(-10_000_000, 10_000_000) / 1000.0;
                    break;
                default:
                    d = (double) r.nextLong();
                    break;
            }
            if (Double.isNaN(d)) {
                continue;
            }
            Object want = oracle.call("printf", "%s", d);
            String got = Printf.realToText(d);
            if (!got.equals(want)) {
                failures.add(d + ": sqlite=" + want + " petrel=" + got);
            }
        }
        System.out.println("REAL->TEXT: " + n + " values, " + failures.size() + " mismatches, seed " + seed);
        for (int i = 0; i < Math.min(20, failures.size()); i++) {
            System.out.println("  " + failures.get(i));
        }
        // SQLite's 18-digit expansion is approximate (and 19 digits for some leading-1 values), and its choice
        // between 15 and 17 digits is reconstructed from observation: a small residue differs (about 0.2% of
        // random doubles). Bound it instead of hiding it.
        assertTrue(failures.size() <= n / 250, "REAL->TEXT mismatches: " + failures.size() + " of " + n);
    }

    @Test
    void formatArgumentEdgeCases() {
        assertNull(Printf.format(new Object[0]));
        assertNull(Printf.format(new Object[] {null, 1L}));
        assertNull(Printf.format(new Object[] {""}));
        assertEquals("", Printf.format(new Object[] {"%s", ""}));
        assertEquals("1 0", Printf.format(new Object[] {"%d %d", 1L}));
        assertEquals("0.30000000000000004", Printf.realToText(0.1 + 0.2));
        assertEquals("100.0", Printf.realToText(100.0));
        assertEquals("1.0e+17", Printf.realToText(1e17));
        assertEquals("it''s", Printf.format("%q", "it's"));
    }
}
