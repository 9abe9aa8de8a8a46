package dev.petrel.value;

/**
 * Text-to-number conversion as SQLite does it: the one place that decides whether and how a string is a number.
 *
 * <p>Four different readings exist in SQLite and each caller needs exactly one of them:
 * <ol>
 *   <li>{@link #wholeNumber}: column affinity (NUMERIC, INTEGER, REAL) and comparison affinity. The whole string,
 *       give or take surrounding whitespace, must be a decimal integer or real literal; otherwise the text stays
 *       text. Hexadecimal ({@code 0x10}), {@code inf} and {@code nan} are never numbers.</li>
 *   <li>{@link #toNumber}: arithmetic operands and unary minus. The longest numeric prefix is used
 *       ({@code '12abc'+0 = 12}); no prefix means integer 0. A prefix without '.' or exponent that fits in 64
 *       bits is INTEGER, everything else REAL.</li>
 *   <li>{@link #toLong}: CAST AS INTEGER and the bit operators. Only the integer prefix counts
 *       ({@code CAST('1e3' AS INTEGER) = 1}), saturating at the 64-bit limits.</li>
 *   <li>{@link #toDouble}: CAST AS REAL. The longest real prefix, 0.0 when there is none; overflow gives
 *       infinity ({@code CAST('1e500' AS REAL) = Inf}).</li>
 * </ol>
 * Whitespace means SQLite's set: space, tab, newline, vertical tab, form feed, carriage return.
 */
public final class NumericText {
    private NumericText() {
    }

    /** The prefix held no number. */
    private static final int KIND_NONE = 0;
    /** The prefix was digits only (optionally signed). */
    private static final int KIND_INTEGER = 1;
    /** The prefix had a '.' or an exponent. */
    private static final int KIND_REAL = 2;

    /** True for SQLite's whitespace characters. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /**
     * Scans the longest numeric prefix of {@code s} starting at {@code start} (after leading whitespace).
     * Returns {@code kind | end << 2}, where end is the index just past the number.
     */
    private static long scan(String s, int start) {
        int n = s.length();
        int i = start;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        int kind = KIND_INTEGER;
        int end = i;
        if (i < n && s.charAt(i) == '.') {
            int j = i + 1;
            int frac = 0;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
                frac++;
            }
            if (digits + frac > 0) {
                kind = KIND_REAL;
                digits += frac;
                end = j;
                i = j;
            }
        }
        if (digits == 0) {
            return KIND_NONE;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int expDigits = 0;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
                expDigits++;
            }
            if (expDigits > 0) {
                kind = KIND_REAL;
                end = j;
            }
        }
        return kind | ((long) end << 2);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Parses an optionally signed run of decimal digits {@code s[from, to)}. Returns the value, or null when it
     * does not fit in a signed 64-bit integer.
     */
    private static Long exactInteger(String s, int from, int to) {
        boolean neg = false;
        int i = from;
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            neg = s.charAt(i) == '-';
            i++;
        }
        // Accumulate negatively so that Long.MIN_VALUE is representable.
        long acc = 0;
        for (; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (acc < (Long.MIN_VALUE + d) / 10) {
                return null;
            }
            acc = acc * 10 - d;
        }
        if (!neg) {
            if (acc == Long.MIN_VALUE) {
                return null;
            }
            acc = -acc;
        }
        return acc;
    }

    private static double parseReal(String s, int from, int to) {
        String lit = s.substring(from, to);
        // Java's parser reads what SQLite's does for this grammar; huge exponent digit strings are clamped
        // first so the Java parser never sees an exponent it would overflow on in its own int arithmetic.
        return Double.parseDouble(clampExponent(lit));
    }

    private static String clampExponent(String lit) {
        int e = Math.max(lit.indexOf('e'), lit.indexOf('E'));
        if (e < 0 || lit.length() - e < 8) {
            return lit;
        }
        int j = e + 1;
        boolean neg = false;
        if (lit.charAt(j) == '+' || lit.charAt(j) == '-') {
            neg = lit.charAt(j) == '-';
            j++;
        }
        while (j < lit.length() - 1 && lit.charAt(j) == '0') {
            j++;
        }
        if (lit.length() - j <= 6) {
            return lit.substring(0, e + 1) + (neg ? "-" : "") + lit.substring(j);
        }
        return lit.substring(0, e + 1) + (neg ? "-" : "") + "99999";
    }

    /**
     * The value of {@code s} if the whole string (surrounding whitespace allowed) is a number, else null.
     * An integer literal that fits in 64 bits gives a Long; any other number gives a Double, which the caller
     * may still narrow to an integer by its own rule (see {@link Affinity#apply}).
     */
    public static Object wholeNumber(String s) {
        int start = skipSpaces(s, 0);
        long r = scan(s, start);
        int kind = (int) (r & 3);
        if (kind == KIND_NONE) {
            return null;
        }
        int end = (int) (r >>> 2);
        if (skipSpaces(s, end) != s.length()) {
            return null;
        }
        if (kind == KIND_INTEGER) {
            Long exact = exactInteger(s, start, end);
            if (exact != null) {
                return exact;
            }
        }
        return parseReal(s, start, end);
    }

    /** The numeric value of {@code s} as an arithmetic operand: longest prefix, INTEGER when it can be. */
    public static Object toNumber(String s) {
        int start = skipSpaces(s, 0);
        long r = scan(s, start);
        int kind = (int) (r & 3);
        if (kind == KIND_NONE) {
            return 0L;
        }
        int end = (int) (r >>> 2);
        if (kind == KIND_INTEGER) {
            Long exact = exactInteger(s, start, end);
            if (exact != null) {
                return exact;
            }
        }
        return parseReal(s, start, end);
    }

    /** CAST(s AS REAL): the longest real prefix, 0.0 when there is none. */
    public static double toDouble(String s) {
        int start = skipSpaces(s, 0);
        long r = scan(s, start);
        if ((r & 3) == KIND_NONE) {
            return 0.0;
        }
        int end = (int) (r >>> 2);
        return parseReal(s, start, end);
    }

    /** CAST(s AS INTEGER): the integer prefix (sign and digits only), saturated to 64 bits; 0 if none. */
    public static long toLong(String s) {
        int i = skipSpaces(s, 0);
        int n = s.length();
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long acc = 0;
        for (; i < n && isDigit(s.charAt(i)); i++) {
            int d = s.charAt(i) - '0';
            if (acc < (Long.MIN_VALUE + d) / 10) {
                return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            acc = acc * 10 - d;
        }
        if (neg) {
            return acc;
        }
        return acc == Long.MIN_VALUE ? Long.MAX_VALUE : -acc;
    }
}
