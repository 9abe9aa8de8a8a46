package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.func.AggregateFunction;
import dev.petrel.func.FunctionContext;
import dev.petrel.func.FunctionDef;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sqlite.Function;

/**
 * Application-defined window functions ({@code Connection.createWindowFunction}: step, inverse, value, final)
 * against SQLite's ({@code sqlite3_create_window_function} through sqlite-jdbc's {@link Function.Window}), and a
 * plain application aggregate ({@code createAggregate}, no inverse) used with OVER, which both engines refuse.
 */
class AppWindowFunctionOracleTest {
    private static void check(Oracle o, String... script) {
        assertEquals("", String.join("\n", o.differences(script)));
    }

    /** Sum of integer arguments and how many there were, as "sum/count"; NULL for an empty frame. */
    static final class SumCount implements AggregateFunction {
        private long sum;
        private long count;

        @Override
        public void step(FunctionContext ctx, Object[] args) {
            if (args[0] instanceof Long l) {
                sum += l;
                count++;
            }
        }

        @Override
        public void inverse(FunctionContext ctx, Object[] args) {
            if (args[0] instanceof Long l) {
                sum -= l;
                count--;
            }
        }

        @Override
        public boolean supportsInverse() {
            return true;
        }

        @Override
        public Object value(FunctionContext ctx) {
            return count == 0 ? null : sum + "/" + count;
        }

        @Override
        public Object finish(FunctionContext ctx) {
            return count == 0 ? null : sum + "/" + count + "!";
        }
    }

    private static void defineSumCountOnSqlite(Oracle o) throws SQLException {
        Function.create(o.sqlite, "sumcount", new Function.Window() {
            private long sum;
            private long count;

            @Override
            protected void xStep() throws SQLException {
                if (value_type(0) == 1) {
                    sum += value_long(0);
                    count++;
                }
            }

            @Override
            protected void xInverse() throws SQLException {
                if (value_type(0) == 1) {
                    sum -= value_long(0);
                    count--;
                }
            }

            @Override
            protected void xValue() throws SQLException {
                if (count == 0) {
                    result();
                } else {
                    result(sum + "/" + count);
                }
            }

            @Override
            protected void xFinal() throws SQLException {
                if (count == 0) {
                    result();
                } else {
                    result(sum + "/" + count + "!");
                }
                sum = 0;
                count = 0;
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }

    @Test
    void windowFunctionWithInverse() throws SQLException {
        try (Oracle o = new Oracle()) {
            o.petrel.createWindowFunction("sumcount", 1, FunctionDef.DETERMINISTIC, SumCount::new);
            defineSumCountOnSqlite(o);
            check(o, "CREATE TABLE t(id INTEGER PRIMARY KEY, g, x)",
                    "INSERT INTO t(g, x) VALUES (1, 1), (1, 2), (2, 3), (2, NULL), (1, 5), (2, 8), (1, 'a'), (2, 13)",
                    "SELECT id, sumcount(x) OVER (ORDER BY id) FROM t ORDER BY id",
                    "SELECT id, sumcount(x) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t ORDER BY id",
                    "SELECT id, sumcount(x) OVER (PARTITION BY g ORDER BY id ROWS 2 PRECEDING) FROM t ORDER BY id",
                    "SELECT id, sumcount(x) OVER (ORDER BY x RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t"
                            + " WHERE typeof(x) = 'integer' ORDER BY id",
                    "SELECT id, sumcount(x) OVER (ORDER BY id GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING"
                            + " EXCLUDE CURRENT ROW) FROM t ORDER BY id",
                    "SELECT id, sumcount(x) OVER w, sumcount(x) FILTER (WHERE x > 2) OVER w FROM t"
                            + " WINDOW w AS (PARTITION BY g) ORDER BY id",
                    "SELECT id, sumcount(x) OVER (ORDER BY id ROWS BETWEEN 3 FOLLOWING AND 4 FOLLOWING) FROM t ORDER BY id",
                    "SELECT g, sumcount(x) FROM t GROUP BY g ORDER BY g",
                    "SELECT sumcount(x) FROM t WHERE 0",
                    "SELECT sumcount(DISTINCT x) OVER (ORDER BY id) FROM t");
        }
    }

    @Test
    void plainAggregateMayNotBeUsedWithOver() throws SQLException {
        try (Oracle o = new Oracle()) {
            o.petrel.createAggregate("sumsq", 1, 0, AppFunctionOracleTest.SumSquares::new);
            Function.create(o.sqlite, "sumsq", new Function.Aggregate() {
                private long total;

                @Override
                protected void xStep() throws SQLException {
                    total += value_long(0) * value_long(0);
                }

                @Override
                protected void xFinal() throws SQLException {
                    result(total);
                    total = 0;
                }
            }, 1, 0);
            check(o, "CREATE TABLE t(x)", "INSERT INTO t VALUES (1), (2), (3)",
                    "SELECT sumsq(x) FROM t",
                    "SELECT sumsq(x) OVER () FROM t",
                    "SELECT sumsq(x) OVER (ORDER BY x) FROM t",
                    "SELECT sum(x) OVER (ORDER BY x), count(*) OVER () FROM t");
        }
    }
}
