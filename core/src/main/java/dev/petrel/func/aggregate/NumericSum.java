package dev.petrel.func.aggregate;

import dev.petrel.func.AggregateFunction;
import dev.petrel.func.FunctionContext;
import dev.petrel.func.math.MathFunctions;
import dev.petrel.value.Values;

/**
 * The shared state of sum(), total() and avg(): an exact 64-bit integer sum while every input is an integer and
 * the sum fits, otherwise a Kahan-Babuska-Neumaier compensated REAL sum (SQLite 3.43 and later).
 *
 * <p>Invariants: (1) {@code count} is the number of non-NULL inputs currently added; (2) while {@code approx}
 * is false, {@code intSum} is their exact sum; (3) once {@code approx} is true (a non-integer input, or an
 * integer overflow, which also sets {@code overflow}), {@code realSum + realErr} is their compensated sum and the
 * state never returns to integer mode; (4) sum() raises "integer overflow" only if the overflow was not followed by a
 * non-integer input. Inputs are read with numeric affinity: numeric-looking text counts as
 * its number, other text and blobs as REAL (their numeric prefix).
 */
final class NumericSum implements AggregateFunction {
    /** Which result {@link #value} reports. */
    static final int SUM = 0;
    static final int TOTAL = 1;
    static final int AVG = 2;

    /** Integers beyond this magnitude are added in two exact halves in REAL mode (2^53). */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;
    /** The low part split off a large integer before converting it to double. */
    private static final long SPLIT = 16384;

    private final int kind;
    private long count;
    private long intSum;
    private boolean approx;
    private boolean overflow;
    private double realSum;
    private double realErr;

    NumericSum(int kind) {
        this.kind = kind;
    }

    @Override
    public void step(FunctionContext ctx, Object[] args) {
        add(args[0], 1);
    }

    @Override
    public void inverse(FunctionContext ctx, Object[] args) {
        add(args[0], -1);
    }

    @Override
    public boolean supportsInverse() {
        return true;
    }

    private void add(Object v, int sign) {
        if (v == null) {
            return;
        }
        count += sign;
        Object n = MathFunctions.numericArg(v);
        if (n instanceof Long) {
            long l = (Long) n;
            if (!approx) {
                long s = sign > 0 ? intSum + l : intSum - l;
                boolean ovf = sign > 0 ? ((intSum ^ s) & (l ^ s)) < 0 : ((intSum ^ l) & (intSum ^ s)) < 0;
                if (!ovf) {
                    intSum = s;
                    return;
                }
                overflow = true;
                switchToReal();
            }
            if (sign > 0) {
                addLong(l);
            } else if (l == Long.MIN_VALUE) {
                addLong(Long.MAX_VALUE);
                addDouble(1.0);
            } else {
                addLong(-l);
            }
            return;
        }
        if (!approx) {
            switchToReal();
        } else if (sign > 0) {
            // A REAL input after an overflow makes the result an ordinary approximate REAL sum, not an error.
            overflow = false;
        }
        double d = n instanceof Double ? (Double) n : Values.toDouble(v);
        addDouble(sign > 0 ? d : -d);
    }

    private void switchToReal() {
        approx = true;
        realSum = 0;
        realErr = 0;
        addLong(intSum);
    }

    /** Adds an integer exactly as two doubles when it is too large for one. */
    private void addLong(long l) {
        if (l <= -EXACT_DOUBLE_LIMIT || l >= EXACT_DOUBLE_LIMIT) {
            long low = l % SPLIT;
            addDouble((double) (l - low));
            addDouble((double) low);
        } else {
            addDouble((double) l);
        }
    }

    /** One Kahan-Babuska-Neumaier step. */
    private void addDouble(double r) {
        double s = realSum;
        double t = s + r;
        if (Math.abs(s) > Math.abs(r)) {
            realErr += (s - t) + r;
        } else {
            realErr += (r - t) + s;
        }
        realSum = t;
    }

    private double realResult() {
        if (!approx) {
            return (double) intSum;
        }
        double r = realSum;
        if (!Double.isInfinite(realErr) && !Double.isNaN(realErr)) {
            r += realErr;
        }
        return r;
    }

    /** A REAL result, NULL when it is NaN (e.g. Inf + -Inf), as SQLite reports NaN results. */
    private static Object real(double d) {
        return Double.isNaN(d) ? null : d;
    }

    @Override
    public Object value(FunctionContext ctx) {
        switch (kind) {
            case TOTAL:
                return real(realResult());
            case AVG:
                if (count <= 0) {
                    return null;
                }
                return real(realResult() / count);
            default:
                if (count <= 0) {
                    return null;
                }
                if (!approx) {
                    return intSum;
                }
                if (overflow) {
                    throw ctx.error("integer overflow");
                }
                return real(realResult());
        }
    }
}
