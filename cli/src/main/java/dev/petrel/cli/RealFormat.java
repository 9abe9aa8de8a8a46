package dev.petrel.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Renders a REAL as the sqlite3 3.40 shell does in quote, json and insert modes and in {@code .dump}: SQLite's
 * {@code printf("%!.20g")}.
 *
 * <p>That conversion does not print the exact decimal expansion of the double. It extracts digits with x87
 * 80-bit {@code long double} arithmetic (64-bit significand, round half to even): the value is scaled into [1, 10)
 * by multiplying and dividing with powers of ten, a rounding term 0.5e-19 is added, and digits are peeled off by
 * "take the integer part, subtract it, multiply by ten", at most 26 significant ones. Trailing zeros are dropped but
 * at least one digit follows the point ({@code 1.0e+100}, {@code 0.1000000000000000055}). This class reproduces
 * that arithmetic exactly by holding each intermediate as an exact {@link BigDecimal} rounded to a 64-bit
 * significand after every operation, so the digits match the real shell's byte for byte.
 */
final class RealFormat {
    private static final int SIGNIFICAND_BITS = 64;
    private static final int MAX_DIGITS_ALTFORM2 = 26;
    private static final int MAX_DECIMAL_EXPONENT = 350;
    private static final MathContext DIVISION = new MathContext(120, RoundingMode.HALF_EVEN);
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TENTH = new BigDecimal(0.1);
    private static final BigDecimal E8 = new BigDecimal(1e8);
    private static final BigDecimal E_MINUS_8 = new BigDecimal(1e-8);
    private static final BigDecimal E10 = new BigDecimal(1e10);
    private static final BigDecimal E100 = new BigDecimal(1e100);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private RealFormat() {
    }

    /** {@code %!.20g}. */
    static String altForm20(double value) {
        return altFormG(value, 20);
    }

    /** SQLite's {@code %!.<precision>g} of {@code value}. */
    static String altFormG(double value, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        StringBuilder out = new StringBuilder();
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        if (Double.isInfinite(value)) {
            return out.append("Inf").toString();
        }
        int digitsAfter = precision > 0 ? precision - 1 : 0;
        BigDecimal rounder = HALF;
        for (int i = digitsAfter; i > 0; i--) {
            rounder = ext(rounder.multiply(TENTH));
        }
        BigDecimal real = new BigDecimal(value);
        int exp = 0;
        if (value > 0) {
            BigDecimal scale = ONE;
            while (real.compareTo(ext(E100.multiply(scale))) >= 0 && exp <= MAX_DECIMAL_EXPONENT) {
                scale = ext(scale.multiply(E100));
                exp += 100;
            }
            while (real.compareTo(ext(E10.multiply(scale))) >= 0 && exp <= MAX_DECIMAL_EXPONENT) {
                scale = ext(scale.multiply(E10));
                exp += 10;
            }
            while (real.compareTo(ext(TEN.multiply(scale))) >= 0 && exp <= MAX_DECIMAL_EXPONENT) {
                scale = ext(scale.multiply(TEN));
                exp++;
            }
            real = ext(real.divide(scale, DIVISION));
            while (real.compareTo(E_MINUS_8) < 0) {
                real = ext(real.multiply(E8));
                exp -= 8;
            }
            while (real.compareTo(ONE) < 0) {
                real = ext(real.multiply(TEN));
                exp--;
            }
            if (exp > MAX_DECIMAL_EXPONENT) {
                return out.append("Inf").toString();
            }
        }
        real = ext(real.add(rounder));
        if (real.compareTo(TEN) >= 0) {
            real = ext(real.multiply(TENTH));
            exp++;
        }
        boolean exponential = exp < -4 || exp > digitsAfter;
        int fractionDigits = exponential ? digitsAfter : digitsAfter - exp;
        int intExp = exponential ? 0 : exp;
        Digits digits = new Digits(real);
        if (intExp < 0) {
            out.append('0');
        } else {
            for (int e = intExp; e >= 0; e--) {
                out.append(digits.next());
            }
        }
        out.append('.');
        for (int e = intExp + 1; e < 0; e++) {
            out.append('0');
            fractionDigits--;
        }
        for (; fractionDigits > 0; fractionDigits--) {
            out.append(digits.next());
        }
        int end = out.length();
        while (out.charAt(end - 1) == '0') {
            end--;
        }
        out.setLength(end);
        if (out.charAt(end - 1) == '.') {
            out.append('0'); // the '!' flag keeps one digit after the point
        }
        if (exponential) {
            out.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a >= 100) {
                out.append((char) ('0' + a / 100));
                a %= 100;
            }
            out.append((char) ('0' + a / 10)).append((char) ('0' + a % 10));
        }
        return out.toString();
    }

    /** The digit extractor: integer part, then (value - digit) * 10, for at most 26 significant digits. */
    private static final class Digits {
        private BigDecimal value;
        private int left = MAX_DIGITS_ALTFORM2;

        Digits(BigDecimal value) {
            this.value = value;
        }

        char next() {
            if (left <= 0) {
                return '0';
            }
            left--;
            int digit = value.intValue();
            value = ext(value.subtract(BigDecimal.valueOf(digit)).multiply(TEN));
            return (char) ('0' + digit);
        }
    }

    /** Rounds a non-negative exact value to the nearest number with a 64-bit significand (ties to even). */
    static BigDecimal ext(BigDecimal x) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        int e = (int) Math.floor((x.precision() - x.scale() - 1) * 3.321928094887362);
        while (pow2(e).compareTo(x) > 0) {
            e--;
        }
        while (pow2(e + 1).compareTo(x) <= 0) {
            e++;
        }
        int shift = SIGNIFICAND_BITS - 1 - e;
        BigDecimal scaled = shift >= 0 ? x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(shift)))
                : x.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-shift)));
        BigInteger q = scaled.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        BigDecimal m = new BigDecimal(q);
        return shift >= 0 ? m.divide(new BigDecimal(BigInteger.ONE.shiftLeft(shift)))
                : m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(-shift)));
    }

    private static BigDecimal pow2(int e) {
        return e >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(e))
                : ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
    }
}
