package dev.petrel.func.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.func.BasicFunctionContext;
import dev.petrel.func.FunctionDef;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.value.SqliteOracle;
import dev.petrel.value.ValueGen;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The math functions against SQLite. Storage class and NULL-ness must match exactly; REAL values must agree to
 * within 4 ulps, since the JVM's and the C library's transcendental functions may round differently.
 */
class MathFunctionsTest {
    private static SqliteOracle oracle;
    private static final FunctionRegistry REGISTRY = FunctionRegistry.builtins();
    private static final BasicFunctionContext CTX = new BasicFunctionContext(1, 0);
    /** Allowed difference for transcendental results, in units in the last place. */
    private static final double MAX_ULPS = 4;

    @BeforeAll
    static void open() {
        oracle = new SqliteOracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    private static final String[] ONE_ARG = {"acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "ceiling",
        "cos", "cosh", "degrees", "exp", "floor", "ln", "log", "log10", "log2", "radians", "sin", "sinh", "sqrt",
        "tan", "tanh", "trunc"};
    private static final String[] TWO_ARG = {"atan2", "log", "mod", "pow", "power"};

    private static Object call(String name, Object... args) {
        FunctionDef def = REGISTRY.find(name, args.length);
        return def.scalar().call(CTX, args);
    }

    private static boolean close(Object expected, Object actual) {
        if (SqliteOracle.same(expected, actual)) {
            return true;
        }
        if (expected instanceof Double && actual instanceof Double) {
            double e = (Double) expected;
            double a = (Double) actual;
            return Math.abs(e - a) <= MAX_ULPS * Math.ulp(e);
        }
        return false;
    }

    private Object arg(SplittableRandom rnd, ValueGen gen) {
        switch (rnd.nextInt(6)) {
            case 0:
                return gen.any();
            case 1:
                return (rnd.nextDouble() - 0.5) * 4;
            case 2:
                return (long) rnd.nextInt(21) - 10;
            case 3:
                return rnd.nextDouble() * Math.pow(10, rnd.nextInt(20) - 10);
            case 4:
                return Double.toString((rnd.nextDouble() - 0.3) * 100);
            default:
                return gen.anyNumber();
        }
    }

    @Test
    void mathFunctionsMatchSqlite() {
        long seed = 0x3A7FL;
        SplittableRandom rnd = new SplittableRandom(seed);
        ValueGen gen = new ValueGen(seed);
        List<String> failures = new ArrayList<>();
        int n = 400 * ValueGen.scale();
        int cases = 0;
        for (String f : ONE_ARG) {
            for (int i = 0; i < n; i++) {
                Object x = arg(rnd, gen);
                Object e = oracle.eval(f + "(?)", x);
                Object a = call(f, x);
                cases++;
                if (!close(e, a) && failures.size() < 25) {
                    failures.add(f + "(" + SqliteOracle.show(x) + "): sqlite " + SqliteOracle.show(e) + " petrel "
                            + SqliteOracle.show(a));
                }
            }
        }
        for (String f : TWO_ARG) {
            for (int i = 0; i < n; i++) {
                Object x = arg(rnd, gen);
                Object y = arg(rnd, gen);
                Object e = oracle.eval(f + "(?, ?)", x, y);
                Object a = call(f, x, y);
                cases++;
                if (!close(e, a) && failures.size() < 25) {
                    failures.add(f + "(" + SqliteOracle.show(x) + ", " + SqliteOracle.show(y) + "): sqlite "
                            + SqliteOracle.show(e) + " petrel " + SqliteOracle.show(a));
                }
            }
        }
        Object pi = oracle.eval("pi()");
        assertEquals(pi, call("pi"));
        assertTrue(failures.isEmpty(), "seed " + seed + ", " + cases + " cases:\n  " + String.join("\n  ", failures));
    }
}
