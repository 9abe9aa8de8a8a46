package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.func.AggregateFunction;
import dev.petrel.func.FunctionContext;
import dev.petrel.func.FunctionDef;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sqlite.Function;

/**
 * Application-defined functions ({@code Connection.createFunction/createAggregate}) against SQLite's own
 * ({@code sqlite3_create_function} through sqlite-jdbc's {@link Function}): the same function is defined on both
 * engines, then the same statements must give the same rows or the same error message.
 */
class AppFunctionOracleTest {
    private static void check(Oracle o, String... script) {
        assertEquals("", String.join("\n", o.differences(script)));
    }

    /** x*2 for numbers, x||x for text, NULL for NULL; an error for blobs. */
    private static Object twice(FunctionContext ctx, Object[] a) {
        Object v = a[0];
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l * 2;
        }
        if (v instanceof Double d) {
            return d * 2;
        }
        if (v instanceof String s) {
            return s + s;
        }
        throw ctx.error("twice() cannot double a blob");
    }

    private static void defineTwiceOnSqlite(Oracle o) throws SQLException {
        Function.create(o.sqlite, "twice", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                switch (value_type(0)) {
                    case 5 -> result();
                    case 1 -> result(value_long(0) * 2);
                    case 2 -> result(value_double(0) * 2);
                    case 3 -> result(value_text(0) + value_text(0));
                    default -> error("twice() cannot double a blob");
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }

    @Test
    void scalarFunctions() throws SQLException {
        try (Oracle o = new Oracle()) {
            o.petrel.createFunction("twice", 1, FunctionDef.DETERMINISTIC, AppFunctionOracleTest::twice);
            defineTwiceOnSqlite(o);
            // Variadic: the number of non-NULL arguments.
            o.petrel.createFunction("nonnulls", -1, 0, (ctx, a) -> {
                long n = 0;
                for (Object v : a) {
                    n += v == null ? 0 : 1;
                }
                return n;
            });
            Function.create(o.sqlite, "nonnulls", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    int n = 0;
                    for (int i = 0; i < args(); i++) {
                        n += value_type(i) == 5 ? 0 : 1;
                    }
                    result(n);
                }
            }, -1, 0);
            check(o, "CREATE TABLE t(a, b)",
                    "INSERT INTO t VALUES(1, 'x'), (2.5, NULL), ('abc', x'00'), (NULL, 4)",
                    "SELECT twice(a), twice(b) IS NULL, typeof(twice(a)) FROM t WHERE typeof(a) <> 'blob' ORDER BY rowid",
                    "SELECT twice(b) FROM t",
                    "SELECT twice(twice(3)), twice('ab') || '!'",
                    "SELECT nonnulls(), nonnulls(1), nonnulls(1, NULL, 'x', x'00'), nonnulls(a, b) FROM t ORDER BY rowid",
                    "SELECT twice()",
                    "SELECT twice(1, 2)",
                    "SELECT a FROM t WHERE twice(a) = 5",
                    "SELECT a FROM t ORDER BY twice(a) DESC",
                    "SELECT count(*) FROM t GROUP BY twice(b) IS NULL ORDER BY 1",
                    "CREATE TABLE c(x CHECK (twice(x) < 10))",
                    "INSERT INTO c VALUES(3)",
                    "INSERT INTO c VALUES(7)",
                    "SELECT x FROM c");
        }
    }

    @Test
    void applicationFunctionHidesBuiltinOfSameArity() throws SQLException {
        try (Oracle o = new Oracle()) {
            o.petrel.createFunction("upper", 1, 0, (ctx, a) -> "UP:" + a[0]);
            Function.create(o.sqlite, "upper", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    result("UP:" + value_text(0));
                }
            }, 1, 0);
            // max(x) (aggregate) is untouched by a 2-argument user max.
            o.petrel.createFunction("max", 2, 0, (ctx, a) -> "mine");
            Function.create(o.sqlite, "max", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    result("mine");
                }
            }, 2, 0);
            check(o, "SELECT upper('a'), lower('B')", "SELECT max(1, 2), max(1, 2, 3)",
                    "CREATE TABLE t(x)", "INSERT INTO t VALUES(5), (9)", "SELECT max(x) FROM t");
        }
    }

    /** sum of squares, skipping NULLs; NULL for no rows. */
    static final class SumSquares implements AggregateFunction {
        private long total;
        private boolean any;

        @Override
        public void step(FunctionContext ctx, Object[] args) {
            if (args[0] instanceof Long l) {
                total += l * l;
                any = true;
            }
        }

        @Override
        public Object value(FunctionContext ctx) {
            return any ? total : null;
        }
    }

    @Test
    void aggregateFunctions() throws SQLException {
        try (Oracle o = new Oracle()) {
            o.petrel.createAggregate("sumsq", 1, FunctionDef.DETERMINISTIC, SumSquares::new);
            Function.create(o.sqlite, "sumsq", new Function.Aggregate() {
                private long total;
                private boolean any;

                @Override
                protected void xStep() throws SQLException {
                    if (value_type(0) == 1) {
                        total += value_long(0) * value_long(0);
                        any = true;
                    }
                }

                @Override
                protected void xFinal() throws SQLException {
                    if (any) {
                        result(total);
                    } else {
                        result();
                    }
                    total = 0;
                    any = false;
                }
            }, 1, Function.FLAG_DETERMINISTIC);
            check(o, "CREATE TABLE t(g, x)",
                    "SELECT sumsq(x) FROM t",
                    "INSERT INTO t VALUES(1, 1), (1, 2), (2, 3), (2, NULL), (3, 'a'), (1, 2)",
                    "SELECT sumsq(x) FROM t",
                    "SELECT g, sumsq(x), count(*) FROM t GROUP BY g ORDER BY g",
                    "SELECT g, sumsq(DISTINCT x) FROM t GROUP BY g ORDER BY g",
                    "SELECT g FROM t GROUP BY g HAVING sumsq(x) > 5 ORDER BY g",
                    "SELECT sumsq(x) FROM t WHERE sumsq(x) > 1",
                    "SELECT sumsq(x, 1) FROM t");
        }
    }

    @Test
    void badRegistrationsAreMisuse() {
        try (Oracle o = new Oracle()) {
            PetrelException e = assertThrows(PetrelException.class,
                    () -> o.petrel.createFunction("f", 128, 0, (c, a) -> null));
            assertEquals(ResultCode.MISUSE, e.code());
            assertThrows(PetrelException.class, () -> o.petrel.createFunction("", 1, 0, (c, a) -> null));
            assertThrows(PetrelException.class, () -> o.petrel.createAggregate("g", 1, 0, null));
        }
    }
}
