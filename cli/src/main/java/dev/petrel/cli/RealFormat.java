package dev.petrel.cli;

import java.math.BigInteger;

/**
 * Renders a REAL as the sqlite3 3.40 shell does in quote, json and insert modes and in {@code .dump}: SQLite's
 * {@code printf("%!.20g")}.
 *
 * <p>That conversion does not print the exact decimal expansion of the double. It extracts digits with x87
 * 80-bit {@code long double} arithmetic (64-bit significand, round half to even): the value is scaled into [1, 10)
 * by multiplying and dividing with powers of ten, a rounding term 0.5e-19 is added, and digits are peeled off by
 * "take the integer part, subtract it, multiply by ten", at most 26 significant ones. Trailing zeros are dropped but
 * at least one digit follows the point ({@code 1.0e+100}, {@code 0.10000000000000000555}). This class reproduces
 * that arithmetic exactly: each intermediate is a binary fraction {@code m * 2^k} ({@link Ext}) rounded to a 64-bit
 * significand after every operation, so the digits match the real shell's byte for byte.
 */
final class RealFormat {
    private static final int SIGNIFICAND_BITS = 64;
    /** Extra quotient bits computed before rounding a division (two guard bits plus a sticky remainder). */
    private static final int DIVISION_GUARD_BITS = 2;
    private static final int MAX_DIGITS_ALTFORM2 = 26;
    private static final int MAX_DECIMAL_EXPONENT = 350;
    private static final Ext ONE = Ext.of(1.0);
    private static final Ext TEN = Ext.of(10.0);
    private static final Ext TENTH = Ext.of(0.1);
    private static final Ext E8 = Ext.of(1e8);
    private static final Ext E_MINUS_8 = Ext.of(1e-8);
    private static final Ext E10 = Ext.of(1e10);
    private static final Ext E100 = Ext.of(1e100);
    private static final Ext HALF = Ext.of(0.5);

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
        Ext rounder = HALF;
        for (int i = digitsAfter; i > 0; i--) {
            rounder = rounder.times(TENTH);
        }
        Ext real = Ext.of(value);
        int exp = 0;
        if (value > 0) {
            Ext scale = ONE;
            while (real.compareTo(E100.times(scale)) >= 0 && exp <= MAX_DECIMAL_EXPONENT) {
                scale = scale.times(E100);
                exp += 100;
            }
            while (real.compareTo(E10.times(scale)) >= 0 && exp <= MAX_DECIMAL_EXPONENT) {
                scale = scale.times(E10);
                exp += 10;
            }
            while (real.compareTo(TEN.times(scale)) >= 0 && exp <= MAX_DECIMAL_EXPONENT) {
                scale = scale.times(TEN);
                exp++;
            }
            real = real.dividedBy(scale);
            while (real.compareTo(E_MINUS_8) < 0) {
                real = real.times(E8);
                exp -= 8;
            }
            while (real.compareTo(ONE) < 0) {
                real = real.times(TEN);
                exp--;
            }
            if (exp > MAX_DECIMAL_EXPONENT) {
                return out.append("Inf").toString();
            }
        }
        real = real.plus(rounder);
        if (real.compareTo(TEN) >= 0) {
            real = real.times(TENTH);
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
        private Ext value;
        private int left = MAX_DIGITS_ALTFORM2;

        Digits(Ext value) {
            this.value = value;
        }

        char next() {
            if (left <= 0) {
                return '0';
            }
            left--;
            int digit = value.floor();
            value = value.minus(new Ext(BigInteger.valueOf(digit), 0)).times(TEN);
            return (char) ('0' + digit);
        }
    }

    /**
     * A non-negative x87 extended value: {@code m * 2^k} with {@code m} of at most 64 bits once rounded. Every
     * operation computes the exact result and rounds it to 64 significant bits, ties to even.
     */
    static final class Ext {
        final BigInteger m;
        final int k;

        Ext(BigInteger m, int k) {
            this.m = m;
            this.k = k;
        }

        static Ext of(double d) {
            long bits = Double.doubleToRawLongBits(d) & Long.MAX_VALUE;
            int biased = (int) (bits >>> 52);
            long fraction = bits & ((1L << 52) - 1);
            if (biased == 0) {
                return new Ext(BigInteger.valueOf(fraction), -1074);
            }
            return new Ext(BigInteger.valueOf(fraction | (1L << 52)), biased - 1075);
        }

        /** Rounds {@code m * 2^k} (plus a positive amount below its last bit if {@code sticky}) to 64 bits. */
        static Ext round(BigInteger m, int k, boolean sticky) {
            int drop = m.bitLength() - SIGNIFICAND_BITS;
            if (drop <= 0) {
                return new Ext(m, k);
            }
            BigInteger kept = m.shiftRight(drop);
            BigInteger rest = m.subtract(kept.shiftLeft(drop));
            int cmp = rest.compareTo(BigInteger.ONE.shiftLeft(drop - 1));
            if (cmp > 0 || (cmp == 0 && (sticky || kept.testBit(0)))) {
                kept = kept.add(BigInteger.ONE);
            }
            return new Ext(kept, k + drop);
        }

        Ext times(Ext o) {
            return round(m.multiply(o.m), k + o.k, false);
        }

        Ext plus(Ext o) {
            int low = Math.min(k, o.k);
            return round(m.shiftLeft(k - low).add(o.m.shiftLeft(o.k - low)), low, false);
        }

        Ext minus(Ext o) {
            int low = Math.min(k, o.k);
            return round(m.shiftLeft(k - low).subtract(o.m.shiftLeft(o.k - low)), low, false);
        }

        Ext dividedBy(Ext o) {
            int shift = Math.max(0, SIGNIFICAND_BITS + DIVISION_GUARD_BITS + o.m.bitLength() - m.bitLength());
            BigInteger[] qr = m.shiftLeft(shift).divideAndRemainder(o.m);
            return round(qr[0], k - o.k - shift, qr[1].signum() != 0);
        }

        int compareTo(Ext o) {
            int low = Math.min(k, o.k);
            return m.shiftLeft(k - low).compareTo(o.m.shiftLeft(o.k - low));
        }

        /** The integer part (the value is below 2^31 where this is used). */
        int floor() {
            return (k >= 0 ? m.shiftLeft(k) : m.shiftRight(-k)).intValue();
        }
    }
}
