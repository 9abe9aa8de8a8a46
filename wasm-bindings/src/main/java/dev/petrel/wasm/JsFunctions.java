package dev.petrel.wasm;

import dev.petrel.api.PetrelException;
import dev.petrel.func.AggregateFunction;
import dev.petrel.func.FunctionContext;
import dev.petrel.func.ScalarFunction;
import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * SQL functions and collations written in JavaScript ({@code db.function(...)}, {@code db.aggregate(...)} and
 * {@code db.collation(...)} of petrel-db), as the engine sees them: Java {@link ScalarFunction}s and {@link AggregateFunction}s whose every call crosses into
 * the worker's JavaScript through {@code self.petrelFunctions.invoke(fnId, instance, op)}.
 *
 * <p>The crossing is C-API shaped, like the rest of {@link PetrelExports}: during one call JavaScript reads the
 * arguments with the {@code fnArg*} exports and leaves the result with exactly one {@code fnResult*} export
 * ({@code sqlite3_value_*} / {@code sqlite3_result_*}); a thrown JavaScript exception becomes
 * {@code fnResultError(message)}, which fails the statement with that message. The argument and result registers
 * are saved and restored around each call, so a call that re-enters (a function evaluated while another runs)
 * cannot clobber its caller's.
 *
 * <p>Operations ({@code op}): {@link #CALL} a scalar function; for aggregates {@link #STEP}, {@link #INVERSE},
 * {@link #VALUE} (the current result, state kept: window frames) and {@link #FINAL} (the result, then the state
 * of {@code instance} is dropped). Each aggregate group or window partition has its own instance number.
 */
final class JsFunctions {
    static final int CALL = 0;
    static final int STEP = 1;
    static final int INVERSE = 2;
    static final int VALUE = 3;
    static final int FINAL = 4;

    private static final Object NO_RESULT = new Object();

    private static Object[] args = new Object[0];
    private static Object result = NO_RESULT;
    private static String error;
    private static int nextInstance = 1;

    private JsFunctions() {
    }

    @JSBody(params = {"fnId", "instance", "op"},
            script = "var f = self.petrelFunctions; if (!f) { return 'no JavaScript function table in this worker'; }"
                    + " return f.invoke(fnId, instance, op);")
    private static native String invoke(int fnId, int instance, int op);

    /** Runs one operation of JavaScript function {@code fnId} on {@code callArgs}; returns its result value. */
    private static Object call(int fnId, int instance, int op, Object[] callArgs) {
        Object[] savedArgs = args;
        Object savedResult = result;
        String savedError = error;
        args = callArgs;
        result = NO_RESULT;
        error = null;
        try {
            String failure = invoke(fnId, instance, op);
            if (failure != null && error == null) {
                error = failure;
            }
            if (error != null) {
                throw PetrelException.error(error);
            }
            return result == NO_RESULT ? null : result;
        } finally {
            args = savedArgs;
            result = savedResult;
            error = savedError;
        }
    }

    static ScalarFunction scalar(int fnId) {
        return (FunctionContext ctx, Object[] a) -> call(fnId, 0, CALL, a);
    }

    static AggregateFunction aggregate(int fnId, boolean hasInverse) {
        int instance = nextInstance++;
        return new AggregateFunction() {
            @Override
            public void step(FunctionContext ctx, Object[] a) {
                call(fnId, instance, STEP, a);
            }

            @Override
            public void inverse(FunctionContext ctx, Object[] a) {
                call(fnId, instance, INVERSE, a);
            }

            @Override
            public boolean supportsInverse() {
                return hasInverse;
            }

            @Override
            public Object value(FunctionContext ctx) {
                return call(fnId, instance, VALUE, new Object[0]);
            }

            @Override
            public Object finish(FunctionContext ctx) {
                return call(fnId, instance, FINAL, new Object[0]);
            }
        };
    }

    @JSBody(params = {"collId", "a", "b"},
            script = "var f = self.petrelFunctions;"
                    + " if (!f || !f.compare) { self.petrelCollationError = 'no JavaScript function table in this worker';"
                    + " return NaN; }"
                    + " var r = f.compare(collId, a, b);"
                    + " if (typeof r !== 'number') { self.petrelCollationError = String(r); return NaN; }"
                    + " return r;")
    private static native double compareJs(int collId, String a, String b);

    @JSBody(script = "var e = self.petrelCollationError; self.petrelCollationError = null; return e || 'collation failed';")
    private static native String takeCollationError();

    /**
     * The JavaScript collation {@code collId} of the worker's table ({@code db.collation(name, compare)}) as a
     * comparator: each comparison calls {@code self.petrelFunctions.compare(collId, a, b)}, which answers a number
     * (its sign orders a and b) or, when the comparator threw or returned a non-number, NaN with the message left
     * in {@code self.petrelCollationError}; the statement then fails with it.
     */
    static java.util.Comparator<String> collation(int collId) {
        return (a, b) -> {
            double r = compareJs(collId, a, b);
            if (Double.isNaN(r)) {
                throw PetrelException.error(takeCollationError());
            }
            return r < 0 ? -1 : r > 0 ? 1 : 0;
        };
    }

    // The fn* accessors below are exported through PetrelExports (TeaVM exports only the main class's methods).

    private static Object arg(int i) {
        return i >= 0 && i < args.length ? args[i] : null;
    }

    static int fnArgCount() {
        return args.length;
    }

    /** SQLite's fundamental type code of argument {@code i}: 1 INTEGER, 2 FLOAT, 3 TEXT, 4 BLOB, 5 NULL. */
    static int fnArgType(int i) {
        Object v = arg(i);
        if (v instanceof Long) {
            return 1;
        }
        if (v instanceof Double) {
            return 2;
        }
        if (v instanceof String) {
            return 3;
        }
        if (v instanceof byte[]) {
            return 4;
        }
        return 5;
    }

    static long fnArgLong(int i) {
        Object v = arg(i);
        return v instanceof Long ? (Long) v : 0;
    }

    static double fnArgDouble(int i) {
        Object v = arg(i);
        return v instanceof Double ? (Double) v : 0;
    }

    static String fnArgText(int i) {
        Object v = arg(i);
        return v instanceof String ? (String) v : null;
    }

    static Int8Array fnArgBlob(int i) {
        Object v = arg(i);
        return Int8Array.copyFromJavaArray(v instanceof byte[] ? (byte[]) v : new byte[0]);
    }

    static void fnResultNull() {
        result = null;
    }

    static void fnResultLong(long v) {
        result = v;
    }

    static void fnResultDouble(double v) {
        result = v;
    }

    static void fnResultText(String v) {
        result = v;
    }

    static void fnResultBlob(Int8Array v) {
        result = v.copyToJavaArray();
    }

    /** The function failed: the statement fails with {@code message} ({@code sqlite3_result_error}). */
    static void fnResultError(String message) {
        error = message == null ? "unknown error" : message;
    }
}
