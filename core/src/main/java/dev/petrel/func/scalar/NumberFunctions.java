package dev.petrel.func.scalar;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.func.FunctionContext;
import dev.petrel.record.Collation;
import dev.petrel.record.ValueOrder;
import dev.petrel.value.NumericText;
import dev.petrel.value.RealText;
import dev.petrel.value.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The numeric and value-choosing core functions: abs, round, sign, random, randomblob, zeroblob, scalar
 * max/min, nullif, iif, coalesce.
 *
 * <p>Contract: static functions of storage values; errors are {@link PetrelException}s with SQLite's messages
 * ("integer overflow", "string or blob too big").
 */
public final class NumberFunctions {
    private NumberFunctions() {
    }

    /** SQLite's default SQLITE_MAX_LENGTH: the largest string or blob, in bytes. */
    public static final long MAX_LENGTH = 1_000_000_000L;
    /** Beyond this magnitude every double is an integer, so round() returns it unchanged (2^52). */
    private static final double ROUND_NOOP_LIMIT = 4503599627370496.0;
    /** round() never keeps more than this many decimals. */
    private static final int ROUND_MAX_DIGITS = 30;

    /** abs(X): INTEGER stays INTEGER (error on the smallest integer), anything else is read as REAL. */
    public static Object abs(FunctionContext ctx, Object x) {
        if (x == null) {
            return null;
        }
        if (x instanceof Long) {
            long l = (Long) x;
            if (l == Long.MIN_VALUE) {
                throw ctx.error("integer overflow");
            }
            return Math.abs(l);
        }
        return Math.abs(Values.toDouble(x));
    }

    /**
     * round(X[, N]): X rounded to N decimals (N clamped to 0..30), always REAL. N = 0 rounds half away from
     * zero in double arithmetic; otherwise, as SQLite formats X with {@code %.Nf} and reads it back, the 18- or
     * 19-digit decimal SQLite generates for X ({@link RealText#rawDigits}) is rounded half up at the N-th
     * decimal, so -344.8005 (really -344.80049999...) rounds to -344.801 as in SQLite.
     */
    public static Object round(Object x, Object digits, boolean hasDigits) {
        if (x == null || (hasDigits && digits == null)) {
            return null;
        }
        long n = hasDigits ? Values.toLong(digits) : 0;
        if (n > ROUND_MAX_DIGITS) {
            n = ROUND_MAX_DIGITS;
        }
        if (n < 0) {
            n = 0;
        }
        double r = Values.toDouble(x);
        if (r < -ROUND_NOOP_LIMIT || r > ROUND_NOOP_LIMIT || Double.isNaN(r)) {
            return r;
        }
        if (n == 0) {
            return (double) (long) (r + (r < 0 ? -0.5 : 0.5));
        }
        if (r == 0.0) {
            return r;
        }
        long[] raw = RealText.rawDigits(Math.abs(r));
        BigDecimal decimal = BigDecimal.valueOf(raw[0], (int) raw[1]).setScale((int) n, RoundingMode.HALF_UP);
        double rounded = decimal.doubleValue();
        return r < 0 ? -rounded : rounded;
    }

    /** sign(X): -1, 0 or +1 for a number or numeric text; NULL for NULL, non-numeric text and blobs. */
    public static Object sign(Object x) {
        Object n = x;
        if (x instanceof String) {
            n = NumericText.wholeNumber((String) x);
        }
        if (n instanceof Long) {
            return (long) Long.signum((Long) n);
        }
        if (n instanceof Double) {
            double d = (Double) n;
            return d > 0 ? 1L : (d < 0 ? -1L : 0L);
        }
        return null;
    }

    /** random(): a pseudo-random 64-bit integer (never the smallest one, so abs(random()) is safe). */
    public static Object random(FunctionContext ctx) {
        long r = ctx.nextRandomLong();
        if (r < 0) {
            r = -(r & Long.MAX_VALUE);
        }
        return r;
    }

    /** randomblob(N): N pseudo-random bytes (at least one). */
    public static Object randomblob(FunctionContext ctx, Object nArg) {
        long n = Values.toLong(nArg);
        if (n < 1) {
            n = 1;
        }
        checkLength(n);
        byte[] b = new byte[(int) n];
        for (int i = 0; i < b.length; i += 8) {
            long r = ctx.nextRandomLong();
            for (int j = 0; j < 8 && i + j < b.length; j++) {
                b[i + j] = (byte) (r >>> (8 * j));
            }
        }
        return b;
    }

    /** zeroblob(N): a blob of N zero bytes (none when N is negative). */
    public static Object zeroblob(Object nArg) {
        long n = Math.max(0, Values.toLong(nArg));
        checkLength(n);
        return new byte[(int) n];
    }

    /** Raises SQLITE_TOOBIG when a result of {@code bytes} would exceed the length limit. */
    public static void checkLength(long bytes) {
        if (bytes > MAX_LENGTH) {
            throw new PetrelException(ResultCode.TOOBIG, "string or blob too big");
        }
    }

    /** Scalar max(X, Y, ...) / min(...): NULL if any argument is NULL; ties keep the earliest for max. */
    public static Object maxMin(Object[] args, boolean max, Collation collation) {
        int best = 0;
        if (args[0] == null) {
            return null;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i] == null) {
                return null;
            }
            int c = ValueOrder.compare(args[best], args[i], collation);
            if (max ? c < 0 : c >= 0) {
                best = i;
            }
        }
        return args[best];
    }

    /** nullif(X, Y): NULL when X equals Y (no affinity, the call's collation), else X. */
    public static Object nullif(Object x, Object y, Collation collation) {
        return ValueOrder.compare(x, y, collation) == 0 ? null : x;
    }

    /** iif(C1, V1, [C2, V2, ...] [ELSE]): the value after the first true condition, else ELSE or NULL. */
    public static Object iif(Object[] args) {
        int i = 0;
        for (; i + 1 < args.length; i += 2) {
            if (Values.isTrue(args[i])) {
                return args[i + 1];
            }
        }
        return i < args.length ? args[i] : null;
    }

    /** coalesce(X, Y, ...): the first non-NULL argument. */
    public static Object coalesce(Object[] args) {
        for (Object a : args) {
            if (a != null) {
                return a;
            }
        }
        return null;
    }
}
