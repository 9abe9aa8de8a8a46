package dev.petrel.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CAST, text-to-number conversion and truth values against SQLite. */
class CastTest {
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
    void documentedExamples() {
        assertEquals(12L, Values.cast("12abc", Affinity.INTEGER));
        assertEquals(Double.POSITIVE_INFINITY, Values.cast("1e500", Affinity.REAL));
        assertEquals(Long.MAX_VALUE, Values.cast("9223372036854775808", Affinity.INTEGER));
        assertEquals(0L, Values.cast("0x10", Affinity.INTEGER));
        assertEquals(0.0, Values.cast("inf", Affinity.REAL));
        assertEquals(1000L, Values.cast("1e3", Affinity.NUMERIC));
        assertEquals(1L, Values.cast("1e3", Affinity.INTEGER));
    }

    /** Every CAST target, with the type names of each affinity rule, on generated values. */
    @Test
    void castMatchesSqlite() {
        long seed = 0xCA57L;
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        String[] types = {"INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC", "INT", "FLOATING POINT", "VARCHAR(10)",
            "STRING", "DOUBLE", "BIGINT", "DECIMAL(10,2)"};
        int n = 700 * ValueGen.scale();
        for (String t : types) {
            Affinity target = Values.castTarget(t);
            diff.run("CAST(? AS " + t + ")", n, () -> new Object[] {gen.any()}, a -> Values.cast(a[0], target));
        }
        diff.assertNoFailures(seed);
    }

    /** Numeric-looking text through every conversion that reads text as a number. */
    @Test
    void numericTextMatchesSqlite() {
        long seed = 0x7E47L;
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        int n = 1500 * ValueGen.scale();
        diff.run("CAST(? AS REAL)", n, () -> new Object[] {gen.numericLookingText()},
                a -> Values.cast(a[0], Affinity.REAL));
        diff.run("CAST(? AS INTEGER)", n, () -> new Object[] {gen.numericLookingText()},
                a -> Values.cast(a[0], Affinity.INTEGER));
        diff.run("CAST(? AS NUMERIC)", n, () -> new Object[] {gen.numericLookingText()},
                a -> Values.cast(a[0], Affinity.NUMERIC));
        diff.run("? + 0", n, () -> new Object[] {gen.numericLookingText()}, a -> Arithmetic.add(a[0], 0L));
        diff.assertNoFailures(seed);
    }

    /**
     * Literal SQL text instead of bound parameters: quote() renders each value as a literal, SQLite parses it
     * back to the same value, and literal operands compare and add as parameters do (no affinity).
     */
    @Test
    void literalsMatchSqlite() {
        long seed = 0x117EL;
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        int n = 1000 * ValueGen.scale();
        for (int i = 0; i < n; i++) {
            Object v = gen.any();
            Object w = gen.any();
            String lv = (String) dev.petrel.func.scalar.TextFunctions.quote(v);
            String lw = (String) dev.petrel.func.scalar.TextFunctions.quote(w);
            if (hasNul(v) || hasNul(w)) {
                continue; // quote() stops at NUL, as SQLite's does: not a round trip by design
            }
            diff.check("literal " + lv, new Object[] {v}, oracle.eval(lv), v);
            diff.check(lv + " < " + lw, new Object[] {v, w}, oracle.eval(lv + " < " + lw),
                    Comparison.compare(Comparison.LT, v, Affinity.NONE, w, Affinity.NONE,
                            dev.petrel.record.Collation.BINARY));
            diff.check(lv + " + " + lw, new Object[] {v, w}, oracle.eval(lv + " + " + lw), Arithmetic.add(v, w));
        }
        diff.assertNoFailures(seed);
    }

    private static boolean hasNul(Object v) {
        return v instanceof String && ((String) v).indexOf('\0') >= 0;
    }

    /** Truth values: CASE WHEN, NOT, and WHERE all use them. */
    @Test
    void truthMatchesSqlite() {
        long seed = 0x7247L;
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        int n = 1500 * ValueGen.scale();
        diff.run("CASE WHEN ? THEN 1 ELSE 0 END", n, () -> new Object[] {gen.any()},
                a -> Values.bool(Values.isTrue(a[0])));
        diff.run("NOT ?", n, () -> new Object[] {gen.any()}, a -> Comparison.not(a[0]));
        diff.run("? AND ?", n, () -> new Object[] {gen.any(), gen.any()},
                a -> Comparison.and(Values.bool(Values.truth(a[0])), Values.bool(Values.truth(a[1]))));
        diff.run("? OR ?", n, () -> new Object[] {gen.any(), gen.any()},
                a -> Comparison.or(Values.bool(Values.truth(a[0])), Values.bool(Values.truth(a[1]))));
        diff.assertNoFailures(seed);
    }
}
