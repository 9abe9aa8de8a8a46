package dev.petrel.value;

import java.nio.charset.StandardCharsets;

/**
 * Storage-class conversions and CAST (sqlite.org/lang_expr.html "CAST expressions" and c3ref/column_blob.html).
 *
 * <p>Contract: every method takes a storage value ({@code null}, Long, Double, String, byte[]) and returns one;
 * none throws. BLOB and TEXT convert through UTF-8, the database encoding Petrel uses. NULL converts to NULL in
 * {@link #cast}, while the {@code to*} accessors (the {@code sqlite3_value_*} readers) give 0, 0.0, "" or an
 * empty blob for it, as the C API does.
 */
public final class Values {
    private Values() {
    }

    /** Largest magnitude below which "same as integer" narrowing of CAST AS NUMERIC applies (2^51). */
    private static final long CAST_NUMERIC_INT_LIMIT = 2251799813685248L;

    /** The storage class name that {@code typeof()} reports. */
    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Long) {
            return "integer";
        }
        if (v instanceof Double) {
            return "real";
        }
        if (v instanceof String) {
            return "text";
        }
        return "blob";
    }

    /** The text of a value (sqlite3_value_text): numbers rendered as SQLite does, blobs decoded as UTF-8. */
    public static String toText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof Long) {
            return Long.toString((Long) v);
        }
        if (v instanceof Double) {
            return RealText.render((Double) v);
        }
        return new String((byte[]) v, StandardCharsets.UTF_8);
    }

    /** The bytes of a value (sqlite3_value_blob): text as UTF-8, numbers as the UTF-8 of their text. */
    public static byte[] toBlob(Object v) {
        if (v instanceof byte[]) {
            return (byte[]) v;
        }
        return toText(v).getBytes(StandardCharsets.UTF_8);
    }

    /** The integer value (sqlite3_value_int64 and CAST AS INTEGER): reals truncate and saturate. */
    public static long toLong(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Double) {
            return doubleToLong((Double) v);
        }
        return NumericText.toLong(toText(v));
    }

    /** A double truncated toward zero and saturated to the 64-bit range; NaN gives 0. */
    public static long doubleToLong(double d) {
        // Java's narrowing conversion already truncates, saturates and maps NaN to 0 (JLS 5.1.3).
        return (long) d;
    }

    /** The real value (sqlite3_value_double and CAST AS REAL). */
    public static double toDouble(Object v) {
        if (v == null) {
            return 0.0;
        }
        if (v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Long) {
            return (double) (Long) v;
        }
        return NumericText.toDouble(toText(v));
    }

    /**
     * The value as an operand of arithmetic: numbers as they are, text and blobs by their longest numeric prefix
     * (INTEGER when possible, else REAL; 0 when there is no prefix). NULL stays NULL.
     */
    public static Object toNumeric(Object v) {
        if (v == null || v instanceof Long || v instanceof Double) {
            return v;
        }
        return NumericText.toNumber(toText(v));
    }

    /** The type of a CAST expression: its type name mapped by the affinity rules. */
    public static Affinity castTarget(String typeName) {
        return Affinity.fromDeclaredType(typeName);
    }

    /**
     * CAST(v AS type) for a target affinity: BLOB gives the value's bytes, TEXT its text, INTEGER and REAL the
     * number read as {@link #toLong}/{@link #toDouble} do, NUMERIC an INTEGER or REAL (text read by its numeric
     * prefix, a REAL result narrowed to INTEGER only when exactly integral and below 2^51 in magnitude; a REAL
     * operand stays REAL). NULL stays NULL.
     */
    public static Object cast(Object v, Affinity target) {
        if (v == null) {
            return null;
        }
        switch (target) {
            case NONE:
                return v;
            case BLOB:
                return toBlob(v);
            case TEXT:
                return toText(v);
            case INTEGER:
                return toLong(v);
            case REAL:
                return toDouble(v);
            default:
                if (v instanceof Long || v instanceof Double) {
                    return v;
                }
                Object n = NumericText.toNumber(toText(v));
                if (n instanceof Double) {
                    double d = (Double) n;
                    long l = (long) d;
                    if (d == 0.0 || ((double) l == d && l > -CAST_NUMERIC_INT_LIMIT && l < CAST_NUMERIC_INT_LIMIT)) {
                        return l;
                    }
                }
                return n;
        }
    }

    /**
     * The truth value of a value in WHERE, CASE, AND/OR/NOT: NULL is unknown (null); numbers are true when
     * non-zero; text and blobs by the real value of their numeric prefix ({@code 'abc'} false, {@code '1abc'}
     * true).
     */
    public static Boolean truth(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Long) {
            return (Long) v != 0;
        }
        return toDouble(v) != 0.0;
    }

    /** The truth value with NULL counting as false (WHERE filtering, IF jumps that treat NULL as false). */
    public static boolean isTrue(Object v) {
        Boolean b = truth(v);
        return b != null && b;
    }

    /** Boxes a Java boolean as SQLite's integer 1 or 0. */
    public static Long bool(boolean b) {
        return b ? ONE : ZERO;
    }

    /** Boxes a three-valued truth as 1, 0 or NULL. */
    public static Long bool(Boolean b) {
        return b == null ? null : (b ? ONE : ZERO);
    }

    private static final Long ONE = 1L;
    private static final Long ZERO = 0L;
}
