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
 * Whitespace means SQLite's set: space, tab, newline, vertical tab, form feed, carriage return. A NUL character
 * ends the text for (1) and makes a whole number REAL for (2), as SQLite's C-string parsing does.
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

    /** Significand digits stop accumulating once the significand reaches this (unsigned), as in SQLite. */
    private static final long SIGNIFICAND_LIMIT = 1844674407370955160L; // (2^64 - 1 - 9) / 10
    /** Decimal exponents beyond this give 0 or infinity for any significand; clamping keeps ints small. */
    private static final int EXPONENT_CLAMP = 10000;
    /** Powers of ten that are exact doubles. */
    private static final double[] EXACT_POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The double for the numeric literal {@code s[from, to)} (already validated by {@link #scan}). Like SQLite,
     * only the leading significant digits that fit a 64-bit significand count (later ones are dropped, not
     * rounded); the resulting decimal is then converted with correct rounding.
     */
    private static double parseReal(String s, int from, int to) {
        int i = from;
        boolean neg = false;
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            neg = s.charAt(i) == '-';
            i++;
        }
        long sig = 0;
        int exp10 = 0;
        for (; i < to && isDigit(s.charAt(i)); i++) {
            if (unsignedBelow(sig, SIGNIFICAND_LIMIT)) {
                sig = sig * 10 + (s.charAt(i) - '0');
            } else {
                exp10++;
            }
        }
        if (i < to && s.charAt(i) == '.') {
            for (i++; i < to && isDigit(s.charAt(i)); i++) {
                if (unsignedBelow(sig, SIGNIFICAND_LIMIT)) {
                    sig = sig * 10 + (s.charAt(i) - '0');
                    exp10--;
                }
            }
        }
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean eneg = false;
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                eneg = s.charAt(i) == '-';
                i++;
            }
            int e = 0;
            for (; i < to; i++) {
                if (e < EXPONENT_CLAMP) {
                    e = e * 10 + (s.charAt(i) - '0');
                }
            }
            exp10 += eneg ? -e : e;
        }
        double v = toDouble(sig, exp10);
        return neg ? -v : v;
    }

    /** Unsigned {@code a < b} (written out: the Long unsigned helpers are not all TeaVM-safe). */
    private static boolean unsignedBelow(long a, long b) {
        return (a ^ Long.MIN_VALUE) < (b ^ Long.MIN_VALUE);
    }

    /** The correctly rounded double of {@code sig * 10^exp10}, sig unsigned. */
    private static double toDouble(long sig, int exp10) {
        if (sig == 0) {
            return 0.0;
        }
        if (sig > 0 && sig < (1L << 53) && exp10 >= -22 && exp10 <= 22) {
            // Both operands exact, so the one IEEE operation rounds correctly.
            return exp10 >= 0 ? sig * EXACT_POW10[exp10] : sig / EXACT_POW10[-exp10];
        }
        int e = Math.max(-EXPONENT_CLAMP, Math.min(EXPONENT_CLAMP, exp10));
        java.math.BigInteger big = java.math.BigInteger.valueOf(sig);
        if (sig < 0) {
            big = big.add(java.math.BigInteger.ONE.shiftLeft(64));
        }
        java.math.BigDecimal d = new java.math.BigDecimal(big);
        return d.scaleByPowerOfTen(e).doubleValue();
    }

    /**
     * The value of {@code s} if the whole string (surrounding whitespace allowed) is a number, else null.
     * An integer literal that fits in 64 bits gives a Long; any other number gives a Double, which the caller
     * may still narrow to an integer by its own rule (see {@link Affinity#apply}).
     */
    public static Object wholeNumber(String s) {
        int limit = textEnd(s);
        int start = skipSpaces(s, 0);
        long r = scan(s, start);
        int kind = (int) (r & 3);
        if (kind == KIND_NONE) {
            return null;
        }
        int end = (int) (r >>> 2);
        if (skipSpaces(s, end) < limit) {
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

    /** Where the text ends for number parsing: at the first NUL character, as in SQLite's C strings. */
    private static int textEnd(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s.length() : nul;
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
        // A whole number followed by a NUL (and anything after it) reads as REAL: SQLite's parser reports the
        // embedded NUL as "not a pure integer".
        boolean beforeNul = textEnd(s) < s.length() && skipSpaces(s, end) == textEnd(s);
        if (kind == KIND_INTEGER && !beforeNul) {
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
