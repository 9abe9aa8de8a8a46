package dev.petrel.func.printf;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * SQLite's rendering of doubles for {@code %f %e %E %g %G}: its own decimal conversion, not the C library's.
 *
 * <p>Rules (from observing SQLite 3.53):
 * <ol>
 *   <li>At most 16 significant digits are produced (18 with the {@code !} flag); positions past them print as
 *       zeros ({@code %.20f} of 0.1 is {@code 0.10000000000000000000}).</li>
 *   <li>Rounding is half-up on the exact binary value ({@code %.0f} of 2.5 is {@code 3}) when at most 16 digits
 *       are asked for; past that, SQLite rounds its own 18-digit expansion instead (a double rounding).</li>
 *   <li>The sign is taken before rounding ({@code %.1f} of -0.01 is {@code -0.0}); negative zero has none, and
 *       with {@code #} a %f result of only zeros has none ({@code %#.1f} of -0.01 is {@code 0.0}).</li>
 *   <li>Infinity prints as {@code Inf}; with the {@code 0} flag it prints as 9e999 instead.</li>
 *   <li>{@code !} strips trailing fractional zeros but keeps one ({@code 2.5}, {@code 3.0}); {@code #} keeps the
 *       point ({@code 3.}); {@code ,} groups the integer part by thousands.</li>
 * </ol>
 * Exact digits come from {@link BigDecimal}. SQLite's expansion is approximate and, for some leading-1 values,
 * 19 digits long; those differences past the 16th digit (only visible with {@code !}) are not reproduced, nor
 * is its rounding of exact ties at {@code %.0e} for values of 100 and more (350 prints as 3e+02 there).
 */
final class FloatFormat {
    /** Maximum significant digits produced, without and with the {@code !} flag. */
    static final int MAX_DIGITS = 16;
    static final int MAX_DIGITS_ALT2 = 18;
    /** Width of the intermediate decimal expansion that SQLite rounds from past 16 digits. */
    static final int EXPANSION_DIGITS = 18;

    private FloatFormat() {
    }

    /** Decimal digits {@code d1 d2 ...} (no leading zero unless the value is 0) and exponent x: d1.d2... * 10^x. */
    private static final class Decimal {
        String digits;
        int exp;
    }

    /** Rounds |r| (finite) half-up to {@code n} significant digits (n may be 0 or less: rounding above d1). */
    private static Decimal round(BigDecimal abs, int exp, int n, int cap) {
        Decimal d = new Decimal();
        if (abs.signum() == 0) {
            d.digits = "0";
            d.exp = 0;
            return d;
        }
        if (n <= 0) {
            // Rounding position is above the leading digit: the result is 0 or 10^(exp+1).
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(exp + 1 - n);
            int cmp = n < 0 ? -1 : abs.multiply(BigDecimal.valueOf(2)).compareTo(unit);
            if (cmp >= 0) {
                d.digits = "1";
                d.exp = exp + 1;
            } else {
                d.digits = "0";
                d.exp = 0;
            }
            return d;
        }
        BigDecimal rounded;
        if (n <= MAX_DIGITS) {
            rounded = abs.round(new MathContext(n, RoundingMode.HALF_UP));
        } else {
            // Past 16 digits SQLite rounds its own 18-digit expansion, not the exact value: %.17f of -799.93
            // is -799.93000000000000000 although the exact 16-digit rounding ends in ...99.
            rounded = expansion(abs).round(new MathContext(Math.min(n, cap), RoundingMode.HALF_UP));
        }
        String u = rounded.unscaledValue().toString();
        // value = u * 10^-scale, so the leading digit's exponent is len-1-scale.
        d.exp = u.length() - 1 - rounded.scale();
        d.digits = stripTrailingZeros(u);
        return d;
    }

    /** SQLite's decimal expansion of a double: observed to be the value rounded to 18 significant digits. */
    private static BigDecimal expansion(BigDecimal abs) {
        return abs.round(new MathContext(EXPANSION_DIGITS, RoundingMode.HALF_UP));
    }

    private static String stripTrailingZeros(String u) {
        int end = u.length();
        while (end > 1 && u.charAt(end - 1) == '0') {
            end--;
        }
        return u.substring(0, end);
    }

    /** Exponent x of the leading digit of a positive finite value. */
    private static int leadingExponent(BigDecimal abs) {
        return abs.precision() - abs.scale() - 1;
    }

    private static char digitAt(Decimal d, int i) {
        return i >= 0 && i < d.digits.length() ? d.digits.charAt(i) : '0';
    }

    /** True when %f of {@code r} at this precision prints only zeros (SQLite then drops the sign under '#'). */
    static boolean roundsToZero(double r, char type, int precision) {
        if (type != 'f' || r == 0 || Double.isInfinite(r) || Double.isNaN(r)) {
            return false;
        }
        BigDecimal abs = new BigDecimal(Math.abs(r));
        int exp = leadingExponent(abs);
        return round(abs, exp, exp + 1 + precision, MAX_DIGITS).digits.equals("0");
    }

    /**
     * Formats the body (no sign, no width padding) of a float conversion. {@code type} is one of f e E g G.
     */
    static String body(double r, char type, int precision, boolean alt, boolean alt2, boolean comma) {
        double a = Math.abs(r);
        int cap = alt2 ? MAX_DIGITS_ALT2 : MAX_DIGITS;
        // '#' keeps every requested digit, overriding the trimming of '!'.
        boolean trim2 = alt2 && !alt;
        BigDecimal abs;
        if (Double.isInfinite(a)) {
            abs = new BigDecimal(9).scaleByPowerOfTen(999);
        } else {
            abs = new BigDecimal(a);
        }
        int exp0 = abs.signum() == 0 ? 0 : leadingExponent(abs);
        StringBuilder sb = new StringBuilder();
        if (type == 'f') {
            Decimal d = round(abs, exp0, exp0 + 1 + precision, cap);
            appendFixed(sb, d, precision, alt, trim2, comma);
        } else if (type == 'e' || type == 'E') {
            Decimal d = round(abs, exp0, precision + 1, cap);
            appendExp(sb, d, precision, alt, trim2, type == 'E');
        } else {
            int p = precision == 0 ? 1 : precision;
            Decimal d = round(abs, exp0, p, cap);
            int x = d.exp;
            boolean trim = !alt;
            if (x < -4 || x >= p) {
                appendExp(sb, d, p - 1, alt, trim2, type == 'G');
                if (trim) {
                    trimExpForm(sb, trim2);
                }
            } else {
                appendFixed(sb, d, p - 1 - x, alt, trim2, comma);
                if (trim) {
                    trimFixed(sb, trim2);
                }
            }
        }
        return sb.toString();
    }

    /**
     * REAL as TEXT (SQLite 3.53), reconstructed from observation: the 15-significant-digit form is used when
     * 14 digits already read back as the same double, or when the 15-digit form reads back and lies within
     * 0.005 units of its last digit from the exact value; otherwise 17 digits rounded from SQLite's 18-digit
     * expansion. Fixed notation for decimal exponents in [-4, 17), always with a fractional digit.
     */
    static String realToText(double r) {
        StringBuilder sb = new StringBuilder();
        if (r < 0) {
            sb.append('-');
        }
        double a = Math.abs(r);
        BigDecimal abs = new BigDecimal(a);
        Decimal d;
        if (abs.signum() == 0) {
            d = round(abs, 0, 15, MAX_DIGITS);
        } else {
            int exp0 = leadingExponent(abs);
            BigDecimal p14 = abs.round(new MathContext(14, RoundingMode.HALF_UP));
            BigDecimal p15 = abs.round(new MathContext(15, RoundingMode.HALF_UP));
            // Subnormals always take 17 digits in SQLite, though shorter strings read back to them.
            boolean shortForm = a >= Double.MIN_NORMAL && p14.doubleValue() == a;
            if (!shortForm && a >= Double.MIN_NORMAL && p15.doubleValue() == a) {
                BigDecimal halfHundredth = BigDecimal.valueOf(5).scaleByPowerOfTen(-p15.scale() - 3);
                shortForm = abs.subtract(p15).abs().compareTo(halfHundredth) < 0;
            }
            d = shortForm ? round(abs, exp0, 15, MAX_DIGITS) : round(abs, exp0, 17, MAX_DIGITS_ALT2);
        }
        StringBuilder body = new StringBuilder();
        if (d.exp < -4 || d.exp >= 17) {
            appendExp(body, d, 16, false, true, false);
            trimExpForm(body, true);
        } else {
            appendFixed(body, d, 16 - d.exp, false, true, false);
            trimFixed(body, true);
        }
        return sb.append(body).toString();
    }

    private static void appendFixed(StringBuilder sb, Decimal d, int precision, boolean alt, boolean alt2,
                                    boolean comma) {
        // Digit index i holds the digit of weight 10^(d.exp - i).
        int intDigits = Math.max(d.exp + 1, 1);
        int start = sb.length();
        for (int k = intDigits - 1; k >= 0; k--) {
            sb.append(digitAt(d, d.exp - k));
        }
        if (comma) {
            insertCommas(sb, start);
        }
        if (precision > 0 || alt || alt2) {
            sb.append('.');
        }
        for (int j = 1; j <= precision; j++) {
            sb.append(digitAt(d, d.exp + j));
        }
        if (alt2) {
            stripFractionZeros(sb);
        }
    }

    private static void insertCommas(StringBuilder sb, int start) {
        int len = sb.length() - start;
        for (int pos = len - 3; pos > 0; pos -= 3) {
            sb.insert(start + pos, ',');
        }
    }

    private static void stripFractionZeros(StringBuilder sb) {
        int dot = sb.indexOf(".");
        if (dot < 0) {
            return;
        }
        int end = sb.length();
        while (end > dot + 2 && sb.charAt(end - 1) == '0') {
            end--;
        }
        sb.setLength(end);
        if (end == dot + 1) {
            sb.append('0');
        }
    }

    private static void appendExp(StringBuilder sb, Decimal d, int precision, boolean alt, boolean alt2,
                                  boolean upper) {
        sb.append(digitAt(d, 0));
        if (precision > 0 || alt || alt2) {
            sb.append('.');
        }
        for (int i = 1; i <= precision; i++) {
            sb.append(digitAt(d, i));
        }
        if (alt2) {
            stripFractionZeros(sb);
        }
        int x = d.digits.equals("0") ? 0 : d.exp;
        sb.append(upper ? 'E' : 'e').append(x < 0 ? '-' : '+');
        int ax = Math.abs(x);
        if (ax < 10) {
            sb.append('0');
        }
        sb.append(ax);
    }

    /** %g without '#': drop trailing fractional zeros (and a bare point); '!' keeps one digit after the point. */
    private static void trimFixed(StringBuilder sb, boolean alt2) {
        int dot = sb.indexOf(".");
        if (dot < 0) {
            if (alt2) {
                sb.append(".0");
            }
            return;
        }
        int end = sb.length();
        while (end > dot + 1 && sb.charAt(end - 1) == '0') {
            end--;
        }
        sb.setLength(end);
        if (end == dot + 1) {
            if (alt2) {
                sb.append('0');
            } else {
                sb.setLength(dot);
            }
        }
    }

    private static void trimExpForm(StringBuilder sb, boolean alt2) {
        int e = sb.indexOf("e");
        if (e < 0) {
            e = sb.indexOf("E");
        }
        String tail = sb.substring(e);
        sb.setLength(e);
        trimFixed(sb, alt2);
        sb.append(tail);
    }
}
