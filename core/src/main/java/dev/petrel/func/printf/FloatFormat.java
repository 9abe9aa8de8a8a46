package dev.petrel.func.printf;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * SQLite's rendering of doubles for {@code %f %e %E %g %G}: its own decimal conversion, not the C library's.
 *
 * <p>Rules (from observing SQLite 3.53):
 * <ol>
 *   <li>At most 16 significant digits are produced (with the {@code !} flag, as many as SQLite's 18- or 19-digit
 *       expansion holds); positions past them print as zeros ({@code %.20f} of 0.1 is
 *       {@code 0.10000000000000000000}).</li>
 *   <li>Rounding is half-up on the exact binary value ({@code %.0f} of 2.5 is {@code 3}) when at most 16 digits
 *       are asked for; past that, SQLite rounds its own 18-digit expansion instead (a double rounding).</li>
 *   <li>The sign is taken before rounding ({@code %.1f} of -0.01 is {@code -0.0}); negative zero has none, and
 *       with {@code #} (but neither {@code +} nor space) a %f result of only zeros has none ({@code %#.1f} of
 *       -0.01 is {@code 0.0}).</li>
 *   <li>Infinity prints as {@code Inf}; with the {@code 0} flag it prints as 9e999 instead.</li>
 *   <li>{@code !} strips trailing fractional zeros but keeps one ({@code 2.5}, {@code 3.0}); {@code #} keeps the
 *       point ({@code 3.}) and, for %g only, overrides {@code !}; {@code ,} groups the integer part by
 *       thousands.</li>
 * </ol>
 * Exact ties round down when the digit being dropped is worth 10 or more ({@code %.0e} of 350 is {@code 3e+02},
 * of 35 is {@code 4e+01}). Exact digits come from {@link BigDecimal}. SQLite's expansion is approximate and,
 * for some leading-1 values, 19 digits long; those differences past the 16th digit (visible with {@code !} and
 * in the REAL-to-text choice) are not reproduced.
 */
final class FloatFormat {
    /** Maximum significant digits produced, without and with the {@code !} flag (then bounded by the expansion). */
    static final int MAX_DIGITS = 16;
    static final int MAX_DIGITS_ALT2 = 19;
    /** Integral doubles in [1e18, 2^63) were always seen with an 18-digit expansion. */
    private static final BigDecimal INTEGER_EXPANSION_FROM = BigDecimal.ONE.scaleByPowerOfTen(18);
    private static final BigDecimal INTEGER_EXPANSION_TO = new BigDecimal("9223372036854775808");
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
            if (exp - n >= 1) {
                // An exact tie on a digit worth 10 or more rounds down in SQLite (%.0e of 350 is 3e+02,
                // of 35 is 4e+01).
                BigDecimal down = abs.round(new MathContext(n, RoundingMode.HALF_DOWN));
                if (down.compareTo(rounded) != 0) {
                    rounded = down;
                }
            }
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

    /**
     * SQLite's decimal expansion of a double, as observed: the value rounded to 18 significant digits, or to 19
     * for most values whose digits start below 15 (the share of 19-digit expansions falls from nearly all at
     * 1.0 to none near 1.9; 1.5 is the cut that matches most often).
     */
    private static BigDecimal expansion(BigDecimal abs) {
        BigDecimal e18 = abs.round(new MathContext(EXPANSION_DIGITS, RoundingMode.HALF_UP));
        String u = e18.unscaledValue().toString();
        boolean wide = u.length() >= 2 && u.charAt(0) == '1' && u.charAt(1) < '5'
                && !(abs.compareTo(INTEGER_EXPANSION_FROM) >= 0 && abs.compareTo(INTEGER_EXPANSION_TO) < 0);
        return wide ? abs.round(new MathContext(EXPANSION_DIGITS + 1, RoundingMode.HALF_UP)) : e18;
    }

    private static String stripTrailingZeros(String u) {
        int end = u.length();
        while (end > 1 && u.charAt(end - 1) == '0') {
            end--;
        }
        return u.substring(0, end);
    }

    /**
     * Whether 15 digits stand in for 17, reconstructed from observation. Let {@code sl} be the length of the
     * shortest decimal that reads back as the value, {@code P15} the 15-digit rounding and {@code diff} how far
     * SQLite's 18-digit expansion lies from {@code P15} (in units of its 18th digit): 15 digits are used when
     * {@code sl <= 13} and |diff| < 100, when {@code sl == 14} and -100 < diff <= 4, or when {@code sl == 15}
     * and -5 <= diff <= 4.
     */
    private static boolean usesFifteenDigits(BigDecimal abs, double a) {
        if (a < Double.MIN_NORMAL) {
            // Subnormals always take 17 digits in SQLite, though shorter strings read back to them.
            return false;
        }
        int sl = 0;
        for (int k = 13; k <= 15; k++) {
            if (readsBackAs(abs.round(new MathContext(k, RoundingMode.HALF_UP)), a)) {
                sl = k;
                break;
            }
        }
        if (sl == 0) {
            return false;
        }
        BigDecimal p15 = abs.round(new MathContext(15, RoundingMode.HALF_UP));
        BigDecimal e18 = abs.round(new MathContext(EXPANSION_DIGITS, RoundingMode.HALF_UP));
        // diff in units of the 18th significant digit of the value.
        BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(leadingExponent(p15) - (EXPANSION_DIGITS - 1));
        long diff = e18.subtract(p15).divide(unit).longValue();
        if (sl <= 13) {
            return Math.abs(diff) < 100;
        }
        if (sl == 14) {
            return diff > -100 && diff <= 4;
        }
        return diff >= -5 && diff <= 4;
    }

    /**
     * True when the decimal reads back as exactly {@code a}. Parsed from text because
     * {@code BigDecimal.doubleValue()} is not correctly rounded on every runtime (JDK 17, TeaVM).
     */
    private static boolean readsBackAs(BigDecimal decimal, double a) {
        return Double.parseDouble(decimal.toString()) == a;
    }

    /** Exponent x of the leading digit of a positive finite value. */
    private static int leadingExponent(BigDecimal abs) {
        return abs.precision() - abs.scale() - 1;
    }

    private static char digitAt(Decimal d, int i) {
        return i >= 0 && i < d.digits.length() ? d.digits.charAt(i) : '0';
    }

    /** True when %f of {@code r} at this precision prints only zeros (SQLite may then drop the sign). */
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
        // For %g, '#' keeps every requested digit, overriding the trimming of '!'; for %f/%e '!' wins.
        boolean trim2 = alt2 && !(alt && (type == 'g' || type == 'G'));
        BigDecimal abs;
        if (Double.isInfinite(a)) {
            abs = new BigDecimal(9).scaleByPowerOfTen(999);
        } else {
            abs = new BigDecimal(a);
        }
        int exp0 = abs.signum() == 0 ? 0 : leadingExponent(abs);
        StringBuilder sb = new StringBuilder();
        if (type == 'f') {
            Decimal d = round(abs, exp0, digitsWanted(exp0 + 1 + precision, alt2, abs, a), cap);
            appendFixed(sb, d, precision, alt, trim2, comma);
        } else if (type == 'e' || type == 'E') {
            Decimal d = round(abs, exp0, digitsWanted(precision + 1, alt2, abs, a), cap);
            appendExp(sb, d, precision, alt, trim2, type == 'E');
        } else {
            int p = precision == 0 ? 1 : precision;
            Decimal d = round(abs, exp0, digitsWanted(p, alt2, abs, a), cap);
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
     * Digits to produce for a request of {@code n}: SQLite's decoder, asked for exactly 17 digits under
     * {@code !}, gives 15 when they suffice ({@code %!.17g} of 969.06 is {@code 969.06}, of 1/3 is
     * {@code 0.33333333333333332}).
     */
    private static int digitsWanted(int n, boolean alt2, BigDecimal abs, double a) {
        return n == 17 && alt2 && abs.signum() != 0 && usesFifteenDigits(abs, a) ? 15 : n;
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
