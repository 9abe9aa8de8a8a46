package dev.petrel.value;

/**
 * A column's or expression's type affinity (sqlite.org/datatype3.html section 3): the storage class SQLite
 * prefers for values stored into it or compared against it.
 *
 * <p>Contract: {@link #fromDeclaredType} turns a CREATE TABLE type name into an affinity; {@link #apply}
 * converts one value the way an INSERT into (or a comparison against) such a column does. {@link #BLOB} is the
 * affinity of a column declared BLOB or with no type (values stored as given); {@link #NONE} is the "no
 * affinity" of an expression that is neither a column nor a CAST. Both leave values unchanged, but they differ
 * in comparisons: a BLOB column against a TEXT column converts nothing, while an expression against a TEXT
 * column gets TEXT affinity (see {@link Comparison#comparisonAffinity}). The letters of {@link #code()} are
 * SQLite's affinity characters, used in {@code OP_Affinity} strings of EXPLAIN output.
 *
 * <p>Invariants of {@link #apply}:
 * <ol>
 *   <li>NULL and BLOB values are never changed by any affinity.</li>
 *   <li>TEXT affinity turns INTEGER and REAL into their text; it never touches TEXT.</li>
 *   <li>NUMERIC and INTEGER turn text into a number only when the whole text (give or take whitespace) is a
 *       decimal literal; a REAL that is exactly an integer strictly inside the 64-bit range becomes INTEGER.</li>
 *   <li>REAL turns INTEGER and numeric text into REAL.</li>
 * </ol>
 */
public enum Affinity {
    /** The "no affinity" of expressions: never converts, and yields to the other operand's in comparisons. */
    NONE('@'),
    /** BLOB (or untyped) columns: values are stored as given. */
    BLOB('A'),
    /** Numbers become text. */
    TEXT('B'),
    /** Well-formed numeric text becomes INTEGER or REAL; integral REALs become INTEGER. */
    NUMERIC('C'),
    /** As NUMERIC (the difference only shows in CAST). */
    INTEGER('D'),
    /** As NUMERIC, but the result is always REAL. */
    REAL('E');

    private final char code;

    Affinity(char code) {
        this.code = code;
    }

    /** SQLite's affinity character: '@' NONE, 'A' BLOB, 'B' TEXT, 'C' NUMERIC, 'D' INTEGER, 'E' REAL. */
    public char code() {
        return code;
    }

    /**
     * The type name SQLite derives from this affinity for a column that has no declared type (a view's columns, and
     * those of CREATE TABLE ... AS, which leaves BLOB out): BLOB, TEXT, NUM, INT, REAL; "" for NONE.
     */
    public String typeName() {
        switch (this) {
            case BLOB:
                return "BLOB";
            case TEXT:
                return "TEXT";
            case NUMERIC:
                return "NUM";
            case INTEGER:
                return "INT";
            case REAL:
                return "REAL";
            default:
                return "";
        }
    }

    /** True for NUMERIC, INTEGER and REAL. */
    public boolean isNumeric() {
        return this == NUMERIC || this == INTEGER || this == REAL;
    }

    /** The affinity for an affinity character, or BLOB for an unknown one. */
    public static Affinity fromCode(char c) {
        switch (c) {
            case '@':
                return NONE;
            case 'B':
                return TEXT;
            case 'C':
                return NUMERIC;
            case 'D':
                return INTEGER;
            case 'E':
                return REAL;
            default:
                return BLOB;
        }
    }

    /**
     * The affinity of a declared column type, by the five ordered rules of datatype3 section 3.1 (substring
     * matches, case-insensitive): "INT" gives INTEGER; else "CHAR", "CLOB" or "TEXT" gives TEXT; else "BLOB" or
     * no type gives BLOB; else "REAL", "FLOA" or "DOUB" gives REAL; else NUMERIC. So {@code FLOATING POINT} is
     * INTEGER (it contains "INT") and {@code STRING} is NUMERIC.
     */
    public static Affinity fromDeclaredType(String declaredType) {
        if (declaredType == null) {
            return BLOB;
        }
        String t = asciiUpper(declaredType);
        if (t.contains("INT")) {
            return INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return TEXT;
        }
        if (t.contains("BLOB") || t.isEmpty()) {
            return BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    private static String asciiUpper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return sb.toString();
    }

    /** The value as stored into a column of this affinity (see the class invariants). */
    public Object apply(Object v) {
        if (v == null || v instanceof byte[]) {
            return v;
        }
        switch (this) {
            case TEXT:
                if (v instanceof Long || v instanceof Double) {
                    return Values.toText(v);
                }
                return v;
            case NUMERIC:
            case INTEGER:
                return applyNumeric(v);
            case REAL:
                if (v instanceof Long) {
                    return (double) (Long) v;
                }
                if (v instanceof String) {
                    Object n = NumericText.wholeNumber((String) v);
                    if (n instanceof Long) {
                        return (double) (Long) n;
                    }
                    return n != null ? n : v;
                }
                return v;
            default:
                return v;
        }
    }

    private static Object applyNumeric(Object v) {
        if (v instanceof String) {
            Object n = NumericText.wholeNumber((String) v);
            if (n == null) {
                return v;
            }
            return n instanceof Double ? narrowReal((Double) n) : n;
        }
        if (v instanceof Double) {
            return narrowReal((Double) v);
        }
        return v;
    }

    /** A REAL that is exactly an integer strictly inside the 64-bit range, as a Long; else the REAL itself. */
    static Object narrowReal(double d) {
        if (d > -9.223372036854775808E18 && d < 9.223372036854775807E18) {
            long l = (long) d;
            if ((double) l == d) {
                return l;
            }
        }
        return d;
    }
}
