package dev.petrel.func.printf;

import java.nio.charset.StandardCharsets;

/**
 * The conversions of storage values that SQLite's {@code sqlite3_value_text}, {@code _int64} and {@code _double}
 * perform, as seen by {@code printf()} and the date functions: TEXT from numbers, and the numeric prefix of text.
 *
 * <p>These are a private stand-in until the engine's shared value conversions exist; they follow SQLite's
 * observable behaviour: text to integer reads an optional sign and leading digits (clamping on overflow), text to
 * real reads the longest decimal-number prefix, and REAL renders as SQLite 3.53 renders it
 * ({@link #realToText(double)}).
 */
public final class SqlText {
    private SqlText() {
    }

    /** TEXT form of a non-null storage value. */
    public static String of(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Long.toString(((Number) v).longValue());
        }
        if (v instanceof Number) {
            return realToText(((Number) v).doubleValue());
        }
        if (v instanceof byte[]) {
            return new String((byte[]) v, StandardCharsets.UTF_8);
        }
        return String.valueOf(v);
    }

    /**
     * REAL as TEXT, as SQLite 3.53 renders it: 15 or 17 significant digits (see {@code FloatFormat}), fixed
     * notation for decimal exponents in [-4, 17) with at least one fractional digit ({@code 100.0}), else
     * {@code d.de+XX}; infinities as {@code Inf}/{@code -Inf}.
     */
    public static String realToText(double r) {
        if (Double.isNaN(r)) {
            return "NaN";
        }
        if (Double.isInfinite(r)) {
            return r > 0 ? "Inf" : "-Inf";
        }
        return FloatFormat.realToText(r);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** INTEGER value of a storage value, as {@code sqlite3_value_int64}. */
    public static long toLong(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number) {
            return doubleToLong(((Number) v).doubleValue());
        }
        String z = v instanceof byte[] ? new String((byte[]) v, StandardCharsets.UTF_8) : v.toString();
        int i = 0;
        int n = z.length();
        while (i < n && isSpace(z.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (z.charAt(i) == '-' || z.charAt(i) == '+')) {
            neg = z.charAt(i) == '-';
            i++;
        }
        long acc = 0;
        boolean overflow = false;
        while (i < n && z.charAt(i) >= '0' && z.charAt(i) <= '9') {
            int d = z.charAt(i) - '0';
            if (!overflow) {
                if (acc > (Long.MAX_VALUE - d) / 10) {
                    overflow = true;
                } else {
                    acc = acc * 10 + d;
                }
            }
            i++;
        }
        if (overflow) {
            return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return neg ? -acc : acc;
    }

    /** Truncation toward zero, saturating at the int64 range (NaN gives 0). */
    static long doubleToLong(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        return (long) d;
    }

    /** REAL value of a storage value, as {@code sqlite3_value_double}: the longest numeric prefix of text. */
    public static double toDouble(Object v) {
        if (v == null) {
            return 0.0;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        String z = v instanceof byte[] ? new String((byte[]) v, StandardCharsets.UTF_8) : v.toString();
        int n = z.length();
        int i = 0;
        while (i < n && isSpace(z.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < n && (z.charAt(i) == '-' || z.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigitAt(z, i)) {
            i++;
            digits++;
        }
        if (i < n && z.charAt(i) == '.') {
            int j = i + 1;
            int frac = 0;
            while (j < n && isDigitAt(z, j)) {
                j++;
                frac++;
            }
            if (digits + frac > 0) {
                i = j;
                digits += frac;
            }
        }
        if (digits == 0) {
            return 0.0;
        }
        int end = i;
        if (i < n && (z.charAt(i) == 'e' || z.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (z.charAt(j) == '-' || z.charAt(j) == '+')) {
                j++;
            }
            if (j < n && isDigitAt(z, j)) {
                while (j < n && isDigitAt(z, j)) {
                    j++;
                }
                end = j;
            }
        }
        String num = z.substring(start, end);
        if (num.endsWith(".")) {
            num = num + "0";
        }
        return Double.parseDouble(num);
    }

    private static boolean isDigitAt(String z, int i) {
        char c = z.charAt(i);
        return c >= '0' && c <= '9';
    }
}
