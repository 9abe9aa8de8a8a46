package dev.petrel.func.math;

import static dev.petrel.func.FunctionDef.DETERMINISTIC;

import dev.petrel.func.FunctionRegistry;
import dev.petrel.value.NumericText;
import dev.petrel.value.Values;

/**
 * Registers and implements SQLite's math functions (lang_mathfunc.html).
 *
 * <p>Contract: every function takes storage values and returns a REAL, NULL, or (ceil/floor/trunc of an
 * INTEGER) the INTEGER unchanged. Results come from {@link Math}; where a transcendental function of the JVM and
 * the C library differ they differ by at most an ulp or so. Functions Java lacks (acosh, asinh, atanh) are
 * computed from logarithms in their numerically stable forms.
 */
public final class MathFunctions {
    private MathFunctions() {
    }

    /** A one-argument double function. */
    @FunctionalInterface
    private interface Fn1 {
        double apply(double x);
    }

    /** A two-argument double function. */
    @FunctionalInterface
    private interface Fn2 {
        double apply(double x, double y);
    }

    /**
     * The numeric value of an argument under numeric affinity (a Long or Double), or null: NULL, blobs and text
     * that is not wholly a number have none.
     */
    public static Object numericArg(Object v) {
        if (v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof String) {
            return NumericText.wholeNumber((String) v);
        }
        return null;
    }

    /**
     * log(B, X): B is read like every math argument, but X (quirk of SQLite's implementation) by its numeric
     * prefix, blobs included, so {@code log(2, '8abc')} is 3.
     */
    private static Object log2(Object base, Object x) {
        Object b = numericArg(base);
        if (b == null || x == null) {
            return null;
        }
        return result(logBase(((Number) b).doubleValue(), Values.toDouble(x)));
    }

    private static Object result(double d) {
        return Double.isNaN(d) ? null : d;
    }

    private static Object apply1(Object a, Fn1 f) {
        Object n = numericArg(a);
        if (n == null) {
            return null;
        }
        return result(f.apply(((Number) n).doubleValue()));
    }

    private static Object apply2(Object a, Object b, Fn2 f) {
        Object x = numericArg(a);
        Object y = numericArg(b);
        if (x == null || y == null) {
            return null;
        }
        return result(f.apply(((Number) x).doubleValue(), ((Number) y).doubleValue()));
    }

    /** ceil/floor/trunc: an INTEGER argument is returned as is. */
    private static Object integral(Object a, Fn1 f) {
        Object n = numericArg(a);
        if (n == null) {
            return null;
        }
        if (n instanceof Long) {
            return n;
        }
        return result(f.apply((Double) n));
    }

    /** log(B, X): the logarithm of X to base B; NULL unless B is above 1 and X positive. */
    public static double logBase(double b, double x) {
        if (b <= 1.0 || x <= 0) {
            return Double.NaN;
        }
        return Math.log(x) / Math.log(b);
    }

    /** Natural logarithm, NaN (so NULL) at zero and below. */
    private static double ln(double x) {
        return x <= 0 ? Double.NaN : Math.log(x);
    }

    private static double log10(double x) {
        return x <= 0 ? Double.NaN : Math.log10(x);
    }

    /**
     * Base-2 logarithm: the binary exponent exactly, plus the logarithm of the mantissa folded into
     * [sqrt(1/2), sqrt(2)), which rounds like the C library's log2 more often than log(x) / log(2) does (folding
     * keeps values near 1 from losing digits to the cancellation of -1 + log2(m) with m near 2).
     */
    private static double log2(double x) {
        if (x <= 0 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x) || x < Double.MIN_NORMAL) {
            return Math.log(x) / Math.log(2.0);
        }
        int e = Math.getExponent(x);
        double m = x / Math.scalb(1.0, e);
        if (m >= Math.sqrt(2.0)) {
            m /= 2;
            e++;
        }
        return e + Math.log(m) / Math.log(2.0);
    }

    /** Inverse hyperbolic sine, accurate near zero and for large magnitudes. */
    public static double asinh(double x) {
        double a = Math.abs(x);
        double r;
        if (a > 1e8) {
            r = Math.log(a) + Math.log(2.0);
        } else {
            r = Math.log1p(a + a * a / (1.0 + Math.sqrt(1.0 + a * a)));
        }
        return x < 0 || 1 / x < 0 ? -r : r;
    }

    /** Inverse hyperbolic cosine; NaN below 1. */
    public static double acosh(double x) {
        if (x < 1.0) {
            return Double.NaN;
        }
        if (x > 1e8) {
            return Math.log(x) + Math.log(2.0);
        }
        double t = x - 1.0;
        return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    /** Inverse hyperbolic tangent; NaN outside [-1, 1], infinite at the ends. */
    public static double atanh(double x) {
        double a = Math.abs(x);
        if (a > 1.0) {
            return Double.NaN;
        }
        double r = 0.5 * Math.log1p(2.0 * a / (1.0 - a));
        return x < 0 || 1 / x < 0 ? -r : r;
    }

    /** Adds every math function to {@code r}. */
    public static void registerAll(FunctionRegistry r) {
        final int det = DETERMINISTIC;
        reg1(r, "acos", Math::acos);
        reg1(r, "acosh", MathFunctions::acosh);
        reg1(r, "asin", Math::asin);
        reg1(r, "asinh", MathFunctions::asinh);
        reg1(r, "atan", Math::atan);
        reg1(r, "atanh", MathFunctions::atanh);
        reg1(r, "cos", Math::cos);
        reg1(r, "cosh", Math::cosh);
        reg1(r, "degrees", Math::toDegrees);
        reg1(r, "exp", Math::exp);
        reg1(r, "ln", MathFunctions::ln);
        reg1(r, "log", MathFunctions::log10);
        reg1(r, "log10", MathFunctions::log10);
        reg1(r, "log2", MathFunctions::log2);
        reg1(r, "radians", Math::toRadians);
        reg1(r, "sin", Math::sin);
        reg1(r, "sinh", Math::sinh);
        reg1(r, "sqrt", Math::sqrt);
        reg1(r, "tan", Math::tan);
        reg1(r, "tanh", Math::tanh);
        r.registerScalar("ceil", 1, det, (c, a) -> integral(a[0], Math::ceil));
        r.registerScalar("ceiling", 1, det, (c, a) -> integral(a[0], Math::ceil));
        r.registerScalar("floor", 1, det, (c, a) -> integral(a[0], Math::floor));
        r.registerScalar("trunc", 1, det, (c, a) -> integral(a[0], x -> x < 0 ? Math.ceil(x) : Math.floor(x)));
        r.registerScalar("atan2", 2, det, (c, a) -> apply2(a[0], a[1], Math::atan2));
        r.registerScalar("log", 2, det, (c, a) -> log2(a[0], a[1]));
        r.registerScalar("mod", 2, det, (c, a) -> apply2(a[0], a[1], (x, y) -> x % y));
        r.registerScalar("pow", 2, det, (c, a) -> apply2(a[0], a[1], Math::pow));
        r.registerScalar("power", 2, det, (c, a) -> apply2(a[0], a[1], Math::pow));
        r.registerScalar("pi", 0, det, (c, a) -> Math.PI);
    }

    private static void reg1(FunctionRegistry r, String name, Fn1 f) {
        r.registerScalar(name, 1, DETERMINISTIC, (c, a) -> apply1(a[0], f));
    }
}
