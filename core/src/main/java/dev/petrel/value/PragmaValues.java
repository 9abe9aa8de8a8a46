package dev.petrel.value;

import java.util.Locale;

/**
 * How SQLite reads the value text of a {@code PRAGMA name = value} (sqlite.org/pragma.html): one place for the
 * code generator (pragmas compiled to opcodes) and the engine (connection settings) alike.
 *
 * <p>All methods take the value as written (quotes already removed) and never throw: text SQLite cannot read
 * counts as 0 / false, as SQLite's own parsing does.
 */
public final class PragmaValues {
    private PragmaValues() {
    }

    /**
     * A boolean pragma value: {@code on}, {@code yes}, {@code true} (any case) are true; text starting with a digit
     * is read as {@link #int32} and is true when its low byte is non-zero (so {@code 2} is true, {@code 256} is not);
     * anything else ({@code off}, {@code -1}, {@code ' 1'}) is false.
     */
    public static boolean isTrue(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first >= '0' && first <= '9') {
            return (int32(value) & 0xff) != 0;
        }
        String s = value.toLowerCase(Locale.ROOT);
        return s.equals("on") || s.equals("yes") || s.equals("true");
    }

    /**
     * A 32-bit integer pragma value: an optional sign, then decimal digits (leading zeros ignored, at most 10
     * significant digits) read up to the first non-digit, or {@code 0x} and up to 8 hexadecimal digits (their bits
     * as a signed int). A value outside the int range, or text that does not start so, reads as 0.
     */
    public static int int32(String value) {
        int n = value.length();
        if (n > 2 && value.charAt(0) == '0' && (value.charAt(1) == 'x' || value.charAt(1) == 'X')
                && hexDigit(value.charAt(2)) >= 0) {
            long bits = 0;
            int i = 2;
            while (i < n && value.charAt(i) == '0') {
                i++;
            }
            for (int k = 0; k < 8 && i < n && hexDigit(value.charAt(i)) >= 0; k++, i++) {
                bits = bits << 4 | hexDigit(value.charAt(i));
            }
            return (int) bits;
        }
        int i = 0;
        boolean negative = false;
        if (i < n && (value.charAt(i) == '-' || value.charAt(i) == '+')) {
            negative = value.charAt(i) == '-';
            i++;
        }
        while (i < n && value.charAt(i) == '0') {
            i++;
        }
        long v = 0;
        int digits = 0;
        while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            if (++digits > 10) {
                return 0;
            }
            v = v * 10 + (value.charAt(i) - '0');
            i++;
        }
        if (negative) {
            v = -v;
        }
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? 0 : (int) v;
    }

    /**
     * A 64-bit integer pragma value (cache sizes, limits): optional leading spaces and sign, then the decimal digits
     * up to the first non-digit, saturating at 10^12 as SQLite's {@code sqlite3Atoi}-style readers do in practice;
     * 0 when there are none.
     */
    public static long int64(String value) {
        int i = 0;
        int n = value.length();
        while (i < n && value.charAt(i) == ' ') {
            i++;
        }
        boolean negative = false;
        if (i < n && (value.charAt(i) == '-' || value.charAt(i) == '+')) {
            negative = value.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9' && v < 1_000_000_000_000L) {
            v = v * 10 + (value.charAt(i) - '0');
            i++;
        }
        return negative ? -v : v;
    }

    private static int hexDigit(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if (ch >= 'A' && ch <= 'F') {
            return ch - 'A' + 10;
        }
        return -1;
    }
}
