package dev.petrel.value;

/**
 * SQLite's arithmetic, bitwise and concatenation operators (lang_expr.html "Operators").
 *
 * <p>Contract: operands are storage values; a NULL operand gives NULL. Text and blob operands are read by their
 * longest numeric prefix ({@link Values#toNumeric}) for + - * / % and unary minus, and by their integer prefix
 * ({@link Values#toLong}) for the bit operators. Rules:
 * <ol>
 *   <li>INTEGER op INTEGER stays INTEGER; on 64-bit overflow + - * redo the operation in REAL.</li>
 *   <li>Division or remainder by zero (integer or real) gives NULL; INTEGER / INTEGER truncates toward zero;
 *       {@code MIN / -1} overflows to REAL.</li>
 *   <li>% works on the operands' INTEGER values ({@link Values#toLong}); the result is REAL when either operand
 *       reads as REAL.</li>
 *   <li>A REAL result that is NaN (e.g. Inf - Inf) is NULL.</li>
 *   <li>Shifts by a negative amount shift the other way; shifting 64 or more places gives 0 (or -1 for a
 *       right shift of a negative value).</li>
 * </ol>
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    private static Object real(double d) {
        return Double.isNaN(d) ? null : d;
    }

    /** {@code a + b}. */
    public static Object add(Object a, Object b) {
        Object x = Values.toNumeric(a);
        Object y = Values.toNumeric(b);
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof Long && y instanceof Long) {
            long l = (Long) x;
            long r = (Long) y;
            long s = l + r;
            if (((l ^ s) & (r ^ s)) >= 0) {
                return s;
            }
        }
        return real(Values.toDouble(x) + Values.toDouble(y));
    }

    /** {@code a - b}. */
    public static Object subtract(Object a, Object b) {
        Object x = Values.toNumeric(a);
        Object y = Values.toNumeric(b);
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof Long && y instanceof Long) {
            long l = (Long) x;
            long r = (Long) y;
            long s = l - r;
            if (((l ^ r) & (l ^ s)) >= 0) {
                return s;
            }
        }
        return real(Values.toDouble(x) - Values.toDouble(y));
    }

    /** {@code a * b}. */
    public static Object multiply(Object a, Object b) {
        Object x = Values.toNumeric(a);
        Object y = Values.toNumeric(b);
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof Long && y instanceof Long) {
            Long p = multiplyExact((Long) x, (Long) y);
            if (p != null) {
                return p;
            }
        }
        return real(Values.toDouble(x) * Values.toDouble(y));
    }

    /** The 64-bit product, or null on overflow (no Math.multiplyHigh: it is not TeaVM-safe). */
    public static Long multiplyExact(long l, long r) {
        if (l == 0 || r == 0) {
            return 0L;
        }
        if ((l == -1 && r == Long.MIN_VALUE) || (r == -1 && l == Long.MIN_VALUE)) {
            return null;
        }
        long p = l * r;
        // Both factors below 2^31 in magnitude cannot overflow; otherwise verify by division (l != 0 here).
        if (((Math.abs(l) | Math.abs(r)) >>> 31) != 0 && p / l != r) {
            return null;
        }
        return p;
    }

    /** {@code a / b}. */
    public static Object divide(Object a, Object b) {
        Object x = Values.toNumeric(a);
        Object y = Values.toNumeric(b);
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof Long && y instanceof Long) {
            long l = (Long) x;
            long r = (Long) y;
            if (r == 0) {
                return null;
            }
            if (l == Long.MIN_VALUE && r == -1) {
                return -(double) Long.MIN_VALUE;
            }
            return l / r;
        }
        double r = Values.toDouble(y);
        if (r == 0.0) {
            return null;
        }
        return real(Values.toDouble(x) / r);
    }

    /** {@code a % b}. */
    public static Object remainder(Object a, Object b) {
        Object x = Values.toNumeric(a);
        Object y = Values.toNumeric(b);
        if (x == null || y == null) {
            return null;
        }
        // The operands' integer values come from the original values: text by its integer prefix, so
        // '1e3' counts as 1 here, while the result type follows the numeric reading (REAL for '1e3').
        long l = Values.toLong(a);
        long r = Values.toLong(b);
        if (r == 0) {
            return null;
        }
        // x % -1 is always 0, and MIN % -1 would overflow.
        long m = r == -1 ? 0 : l % r;
        if (x instanceof Long && y instanceof Long) {
            return m;
        }
        return (double) m;
    }

    /** Unary minus: {@code -MIN} overflows to REAL; text reads as a number first. */
    public static Object negate(Object a) {
        Object x = Values.toNumeric(a);
        if (x == null) {
            return null;
        }
        if (x instanceof Long) {
            long l = (Long) x;
            return l == Long.MIN_VALUE ? (Object) (-(double) l) : (Object) (-l);
        }
        return -(Double) x;
    }

    /** Unary plus: a no-op on any value (SQLite does not even convert text). */
    public static Object plus(Object a) {
        return a;
    }

    /** {@code a & b}. */
    public static Object bitAnd(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return Values.toLong(a) & Values.toLong(b);
    }

    /** {@code a | b}. */
    public static Object bitOr(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return Values.toLong(a) | Values.toLong(b);
    }

    /** {@code ~a}. */
    public static Object bitNot(Object a) {
        if (a == null) {
            return null;
        }
        return ~Values.toLong(a);
    }

    /** {@code a << b}. */
    public static Object shiftLeft(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return shift(Values.toLong(a), Values.toLong(b));
    }

    /** {@code a >> b}. */
    public static Object shiftRight(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        long n = Values.toLong(b);
        // -n of MIN_VALUE stays negative, which shift() treats as a huge right shift: same result as SQLite's.
        return shift(Values.toLong(a), n == Long.MIN_VALUE ? Long.MAX_VALUE : -n);
    }

    /** Shifts left by {@code n} places (right when negative) with SQLite's out-of-range results. */
    private static long shift(long v, long n) {
        if (n >= 0) {
            return n >= 64 ? 0 : v << n;
        }
        if (n <= -64) {
            return v < 0 ? -1 : 0;
        }
        return v >> -n;
    }

    /** {@code a || b}: the texts of both operands joined; NULL if either is NULL. */
    public static Object concat(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return Values.toText(a).concat(Values.toText(b));
    }
}
