package dev.petrel.value;

import dev.petrel.record.Collation;
import dev.petrel.record.ValueOrder;

/**
 * SQL comparison of two operands (datatype3.html section 4.2): affinity conversion, then the storage-value
 * order of {@link ValueOrder}, giving SQLite's three-valued result.
 *
 * <p>Contract: the caller (codegen) knows each operand's affinity: a column reference has its column's
 * affinity, {@code CAST(x AS t)} has t's, every other expression has none ({@link Affinity#NONE}); it also
 * picks the collation (explicit COLLATE, else the left column's, else the right's, else BINARY). Before the
 * comparison one affinity, {@link #comparisonAffinity}, is applied to both operands:
 * <ol>
 *   <li>if one operand has no affinity (NONE), the other operand's affinity (so TEXT against an expression
 *       turns a number into text, NUMERIC turns numeric text into a number);</li>
 *   <li>else if either has INTEGER, REAL or NUMERIC affinity: NUMERIC;</li>
 *   <li>else (TEXT or BLOB against TEXT or BLOB) no conversion.</li>
 * </ol>
 * Results are {@code null} (unknown, when an operand is NULL), {@code 1L} or {@code 0L}; the boolean helpers
 * combine them with SQL's three-valued logic.
 */
public final class Comparison {
    private Comparison() {
    }

    /** {@code =} / {@code ==}. */
    public static final int EQ = 0;
    /** {@code <>} / {@code !=}. */
    public static final int NE = 1;
    /** {@code <}. */
    public static final int LT = 2;
    /** {@code <=}. */
    public static final int LE = 3;
    /** {@code >}. */
    public static final int GT = 4;
    /** {@code >=}. */
    public static final int GE = 5;

    /** The single affinity applied to both operands of a comparison (rules 1-3 of the class comment). */
    public static Affinity comparisonAffinity(Affinity left, Affinity right) {
        if (left == Affinity.NONE) {
            return right.isNumeric() ? Affinity.NUMERIC : right;
        }
        if (right == Affinity.NONE) {
            return left.isNumeric() ? Affinity.NUMERIC : left;
        }
        if (left.isNumeric() || right.isNumeric()) {
            return Affinity.NUMERIC;
        }
        return Affinity.NONE;
    }

    /**
     * Orders two non-null operands after applying {@code affinity} to both: negative, zero or positive.
     * NULLs order first (as in ORDER BY), for callers that need a total order.
     */
    public static int order(Object a, Object b, Affinity affinity, Collation collation) {
        return ValueOrder.compare(affinity.apply(a), affinity.apply(b), collation);
    }

    /** {@code a op b} with the operands' affinities: 1, 0 or NULL. */
    public static Long compare(int op, Object a, Affinity affA, Object b, Affinity affB, Collation collation) {
        if (a == null || b == null) {
            return null;
        }
        int c = order(a, b, comparisonAffinity(affA, affB), collation);
        return Values.bool(test(op, c));
    }

    /** Whether an order result {@code c} satisfies operator {@code op}. */
    public static boolean test(int op, int c) {
        switch (op) {
            case EQ:
                return c == 0;
            case NE:
                return c != 0;
            case LT:
                return c < 0;
            case LE:
                return c <= 0;
            case GT:
                return c > 0;
            case GE:
                return c >= 0;
            default:
                throw new IllegalArgumentException("comparison operator " + op);
        }
    }

    /** {@code a IS b}: like = but NULL IS NULL is true and NULL IS x is false; never NULL. */
    public static boolean is(Object a, Affinity affA, Object b, Affinity affB, Collation collation) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return order(a, b, comparisonAffinity(affA, affB), collation) == 0;
    }

    /**
     * {@code x BETWEEN lo AND hi}, i.e. {@code x >= lo AND x <= hi} with three-valued AND (affinities as for the
     * two comparisons). {@code NOT BETWEEN} is {@link #not} of this.
     */
    public static Long between(Object x, Affinity affX, Object lo, Affinity affLo, Object hi, Affinity affHi,
                               Collation collation) {
        return and(compare(GE, x, affX, lo, affLo, collation), compare(LE, x, affX, hi, affHi, collation));
    }

    /**
     * {@code x IN (list)}: 1 if some element equals x; else NULL if x is NULL or some comparison was unknown
     * (a NULL element); else 0. An empty list gives 0 even for a NULL x. As in SQLite, every comparison uses the
     * left operand's affinity alone (an element's own column affinity plays no part), so {@code x IN (a, b)}
     * can differ from {@code x = a OR x = b}. For {@code x IN (SELECT ...)} the caller combines the affinities
     * with {@link #comparisonAffinity} and uses {@link #compare}.
     */
    public static Long in(Object x, Affinity affX, Object[] list, Collation collation) {
        if (list.length == 0) {
            return Values.bool(false);
        }
        if (x == null) {
            return null;
        }
        boolean sawNull = false;
        for (Object e : list) {
            Long r = compare(EQ, x, affX, e, Affinity.NONE, collation);
            if (r == null) {
                sawNull = true;
            } else if (r != 0) {
                return r;
            }
        }
        return sawNull ? null : Values.bool(false);
    }

    /** Three-valued AND of two truth results (1, 0 or NULL). */
    public static Long and(Long a, Long b) {
        if ((a != null && a == 0) || (b != null && b == 0)) {
            return Values.bool(false);
        }
        if (a == null || b == null) {
            return null;
        }
        return Values.bool(true);
    }

    /** Three-valued OR of two truth results (1, 0 or NULL). */
    public static Long or(Long a, Long b) {
        if ((a != null && a != 0) || (b != null && b != 0)) {
            return Values.bool(true);
        }
        if (a == null || b == null) {
            return null;
        }
        return Values.bool(false);
    }

    /** Three-valued NOT of any value (its truth value negated). */
    public static Long not(Object v) {
        Boolean t = Values.truth(v);
        return t == null ? null : Values.bool(!t);
    }
}
