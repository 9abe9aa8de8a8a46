package dev.petrel.func.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.func.AggregateFunction;
import dev.petrel.func.BasicFunctionContext;
import dev.petrel.func.FunctionDef;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.value.Differential;
import dev.petrel.value.SqliteOracle;
import dev.petrel.value.ValueGen;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aggregates over generated rows, and their inverse over sliding window frames, against SQLite. */
class AggregateFunctionsTest {
    private static SqliteOracle oracle;
    private static final FunctionRegistry REGISTRY = FunctionRegistry.builtins();
    private static final BasicFunctionContext CTX = new BasicFunctionContext(1, 0);

    @BeforeAll
    static void open() {
        oracle = new SqliteOracle();
        oracle.exec("CREATE TABLE a(id INTEGER PRIMARY KEY, x, s)");
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    /** name, SQL argument list, and which of (x, s) the Petrel call takes. */
    private static final String[][] AGGREGATES = {{"count", "*", ""}, {"count", "x", "x"}, {"sum", "x", "x"},
        {"total", "x", "x"}, {"avg", "x", "x"}, {"min", "x", "x"}, {"max", "x", "x"},
        {"group_concat", "x", "x"}, {"group_concat", "x, '-'", "x-"}, {"group_concat", "x, s", "xs"},
        {"string_agg", "x, s", "xs"}};

    private static Object[] argsFor(String shape, Object x, Object s) {
        switch (shape) {
            case "":
                return new Object[0];
            case "x":
                return new Object[] {x};
            case "x-":
                return new Object[] {x, "-"};
            default:
                return new Object[] {x, s};
        }
    }

    private static Object run(String name, String shape, List<Object[]> rows) {
        FunctionDef def = REGISTRY.find(name, argsFor(shape, null, null).length);
        AggregateFunction agg = def.aggregate().create();
        for (Object[] r : rows) {
            agg.step(CTX, argsFor(shape, r[0], r[1]));
        }
        return agg.finish(CTX);
    }

    /** One of several value mixes: small integers, overflowing integers, reals, anything. */
    private static Object value(SplittableRandom rnd, ValueGen gen, int mix) {
        if (rnd.nextInt(8) == 0) {
            return null;
        }
        switch (mix) {
            case 0:
                return (long) rnd.nextInt(1000) - 500;
            case 1:
                return rnd.nextInt(3) == 0 ? (Object) (Long.MAX_VALUE - rnd.nextInt(10)) : (Object) gen.anyLong();
            case 2:
                return rnd.nextBoolean() ? (Object) gen.anyDouble() : (Object) (long) rnd.nextInt(100);
            case 3:
                return (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(30));
            default:
                return gen.any();
        }
    }

    @Test
    void aggregatesMatchSqlite() {
        long seed = 0xA66L;
        SplittableRandom rnd = new SplittableRandom(seed);
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        int groups = 120 * ValueGen.scale();
        for (int g = 0; g < groups; g++) {
            int mix = g % 5;
            int n = rnd.nextInt(12);
            List<Object[]> rows = new ArrayList<>();
            oracle.exec("DELETE FROM a");
            for (int i = 0; i < n; i++) {
                Object[] r = {value(rnd, gen, mix), rnd.nextInt(4) == 0 ? null : gen.randomText(2)};
                rows.add(r);
                oracle.update("INSERT INTO a(x, s) VALUES(?, ?)", r);
            }
            for (String[] agg : AGGREGATES) {
                String expr = agg[0] + "(" + agg[1] + ")";
                Object expected = oracle.row("SELECT typeof(" + expr + "), " + expr + " FROM a")[0];
                Object actual = Differential.petrel(() -> run(agg[0], agg[2], rows));
                diff.check(expr + " mix " + mix, rows.stream().map(r -> r[0]).toArray(), expected, actual);
            }
        }
        diff.assertNoFailures(seed);
    }

    /** sum/total/avg/count/group_concat with inverse over ROWS BETWEEN k PRECEDING AND CURRENT ROW frames. */
    @Test
    void inverseMatchesSlidingWindows() {
        long seed = 0x1A7EL;
        SplittableRandom rnd = new SplittableRandom(seed);
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        String[][] windowed = {{"sum", "x", "x"}, {"total", "x", "x"}, {"avg", "x", "x"}, {"count", "x", "x"},
            {"count", "*", ""}, {"group_concat", "x, s", "xs"}};
        int runs = 40 * ValueGen.scale();
        for (int run = 0; run < runs; run++) {
            int mix = run % 4 == 1 ? 0 : run % 4;
            int n = 1 + rnd.nextInt(15);
            int k = rnd.nextInt(4);
            List<Object[]> rows = new ArrayList<>();
            oracle.exec("DELETE FROM a");
            for (int i = 0; i < n; i++) {
                Object[] r = {value(rnd, gen, mix), gen.randomText(1)};
                rows.add(r);
                oracle.update("INSERT INTO a(x, s) VALUES(?, ?)", r);
            }
            for (String[] agg : windowed) {
                String expr = agg[0] + "(" + agg[1] + ") OVER (ORDER BY id ROWS BETWEEN " + k
                        + " PRECEDING AND CURRENT ROW)";
                List<Object[]> expected = oracle.rows("SELECT typeof(v), v FROM (SELECT " + expr
                        + " AS v, id FROM a) ORDER BY id");
                FunctionDef def = REGISTRY.find(agg[0], argsFor(agg[2], null, null).length);
                AggregateFunction f = def.aggregate().create();
                assertTrue(f.supportsInverse(), agg[0]);
                for (int i = 0; i < n; i++) {
                    Object[] r = rows.get(i);
                    // SQLite removes the row leaving the frame before adding the one entering it.
                    if (i - k - 1 >= 0) {
                        Object[] old = rows.get(i - k - 1);
                        f.inverse(CTX, argsFor(agg[2], old[0], old[1]));
                    }
                    f.step(CTX, argsFor(agg[2], r[0], r[1]));
                    final AggregateFunction cur = f;
                    Object actual = Differential.petrel(() -> cur.value(CTX));
                    Object exp = i < expected.size() ? expected.get(i)[0] : "missing";
                    diff.check(expr + " row " + i, rows.stream().map(r2 -> r2[0]).toArray(), exp, actual);
                }
            }
        }
        diff.assertNoFailures(seed);
    }

    /** Integer overflow in sum(): an error, unless a REAL input makes the sum approximate. */
    @Test
    void sumOverflowSequences() {
        Object[][] sequences = {{Long.MAX_VALUE, 1L}, {Long.MAX_VALUE, 1L, 0.5}, {0.5, Long.MAX_VALUE, 1L},
            {Long.MAX_VALUE, 1L, -1L}, {Long.MIN_VALUE, -1L}, {Long.MAX_VALUE, 1L, 0.5, 1L},
            {Long.MAX_VALUE, "1", 2L}, {Long.MAX_VALUE, "1.0"}, {1L, "abc"}, {Long.MAX_VALUE, Long.MAX_VALUE, 0.0},
            {Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE}, {1e308, 1e308, -1e308}};
        Differential diff = new Differential(oracle);
        for (Object[] seq : sequences) {
            oracle.exec("DELETE FROM a");
            List<Object[]> rows = new ArrayList<>();
            for (Object v : seq) {
                rows.add(new Object[] {v, null});
                oracle.update("INSERT INTO a(x) VALUES(?)", v);
            }
            for (String f : new String[] {"sum", "total", "avg"}) {
                Object expected = oracle.row("SELECT typeof(" + f + "(x)), " + f + "(x) FROM a")[0];
                diff.check(f, seq, expected, Differential.petrel(() -> run(f, "x", rows)));
            }
        }
        diff.assertNoFailures(0);
    }

    @Test
    void minMaxHaveNoInverse() {
        assertFalse(REGISTRY.find("min", 1).aggregate().create().supportsInverse());
        assertFalse(REGISTRY.find("max", 1).aggregate().create().supportsInverse());
        assertEquals(0L, run("count", "x", new ArrayList<>()));
    }
}
