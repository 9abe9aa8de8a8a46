package dev.petrel.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Renders a REAL as text exactly as SQLite 3.53 does in CAST(x AS TEXT), concatenation, TEXT affinity and
 * {@code quote()}.
 *
 * <p>The rule, established against the real library:
 * <ol>
 *   <li>The value is rounded (half up, from its exact binary value) to 15 significant digits; if those digits
 *       read back as the same double they are used, otherwise the value is rounded to 17 digits.</li>
 *   <li>Trailing zeros of the digits are dropped. With X the decimal exponent of the first digit, the number is
 *       written in fixed notation when {@code -4 <= X < 17}, otherwise as {@code d.ddde+XX} (the exponent has at
 *       least two digits and a sign).</li>
 *   <li>The text always contains a '.': {@code 100.0}, {@code 1.0e+100}. Infinities are {@code Inf} and
 *       {@code -Inf}; negative zero is {@code 0.0}.</li>
 * </ol>
 */
public final class RealText {
    private RealText() {
    }

    /** Fixed notation is used while the first digit's decimal exponent is at most this. */
    private static final int MAX_FIXED_EXPONENT = 16;
    /** Fixed notation is used while the first digit's decimal exponent is at least this. */
    private static final int MIN_FIXED_EXPONENT = -4;
    /** Below this magnitude an integral double prints through the long fast path. */
    private static final double FAST_PATH_LIMIT = 1e15;

    private static final MathContext SHORT = new MathContext(15, RoundingMode.HALF_UP);
    private static final MathContext LONG = new MathContext(17, RoundingMode.HALF_UP);

    /** SQLite's text for a REAL value. */
    public static String render(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0.0) {
            return "0.0";
        }
        double abs = Math.abs(d);
        String sign = d < 0 ? "-" : "";
        if (abs < FAST_PATH_LIMIT && abs == Math.rint(abs)) {
            return sign + (long) abs + ".0";
        }
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal r = exact.round(SHORT);
        if (r.doubleValue() != abs) {
            r = exact.round(LONG);
        }
        String digits = r.unscaledValue().toString();
        int exponent = digits.length() - 1 - r.scale();
        int len = digits.length();
        while (len > 1 && digits.charAt(len - 1) == '0') {
            len--;
        }
        digits = digits.substring(0, len);
        return sign + layout(digits, exponent);
    }

    /** Places significant {@code digits} whose first digit has decimal exponent {@code exponent}. */
    private static String layout(String digits, int exponent) {
        StringBuilder sb = new StringBuilder(24);
        if (exponent < MIN_FIXED_EXPONENT || exponent > MAX_FIXED_EXPONENT) {
            sb.append(digits.charAt(0)).append('.');
            sb.append(digits.length() > 1 ? digits.substring(1) : "0");
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            if (e < 10) {
                sb.append('0');
            }
            sb.append(e);
            return sb.toString();
        }
        if (exponent < 0) {
            sb.append("0.");
            for (int i = -1; i > exponent; i--) {
                sb.append('0');
            }
            sb.append(digits);
            return sb.toString();
        }
        int intDigits = exponent + 1;
        if (digits.length() <= intDigits) {
            sb.append(digits);
            for (int i = digits.length(); i < intDigits; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else {
            sb.append(digits, 0, intDigits).append('.').append(digits, intDigits, digits.length());
        }
        return sb.toString();
    }
}
