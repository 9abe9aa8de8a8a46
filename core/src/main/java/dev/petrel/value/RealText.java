package dev.petrel.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Renders a REAL as text exactly as SQLite 3.53 does in CAST(x AS TEXT), concatenation, TEXT affinity and
 * {@code quote()} (its {@code "%!.17g"} conversion).
 *
 * <p>The rule, established by black-box comparison with the real library:
 * <ol>
 *   <li>Raw digits: with {@code d = m * 2^(e2-63)} (m the 64-bit left-aligned significand, e2 the exponent of its
 *       top bit), SQLite scales by {@code 10^p}, {@code p = 17 - floor(e2 * log10 2)}, using 10^p truncated to a
 *       64-bit significand, and rounds the product to the nearest integer v: 18 or 19 decimal digits, correct
 *       but for the last one (see {@link #rawDigits}).</li>
 *   <li>The output has 17 significant digits: v rounded half up at the 17th digit. This double rounding is
 *       why 1.0/3 prints as 0.33333333333333332 and not ...31.</li>
 *   <li>Shortening: when the 15th and 16th raw digits are both 9, or the 14th and 15th are both 0, the run of
 *       9s (0s) ending there is rounded up (dropped); if that shorter decimal converts back to the same double it
 *       is used instead.
 *       So 0.1 prints as 0.1 and 2.675 as 2.675, while 0.30000000000000004 keeps its 17 digits.</li>
 *   <li>Trailing zeros are dropped. With X the decimal exponent of the first digit, the number is written in
 *       fixed notation when {@code -4 <= X < 17}, otherwise as {@code d.ddde+XX} (at least two exponent
 *       digits, always signed).</li>
 *   <li>The text always contains a '.': {@code 100.0}, {@code 1.0e+100}. Infinities are {@code Inf} and
 *       {@code -Inf}; negative zero is {@code 0.0}.</li>
 * </ol>
 * Known deviation: rule 3's "converts back" is exact here, while SQLite's own conversion occasionally
 * disagrees for a negative decimal exponent (about 1 in 100,000 random doubles, e.g. 9.8173e-4, which SQLite
 * prints as 0.00098173000000000001); the value read back is the same double either way.
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
    /** Significant digits of the output. */
    private static final int OUT_DIGITS = 17;
    /** 0-based index of the first of the two raw digits that, both 9, trigger shortening (15th and 16th). */
    private static final int NINES_CHECK_INDEX = 14;
    /** 0-based index of the first of the two raw digits that, both 0, trigger shortening (14th and 15th). */
    private static final int ZEROS_CHECK_INDEX = 13;
    /** The scale exponent is this minus floor(e2 * log10 2), which puts v at 18 or 19 digits. */
    private static final int SCALE_BASE = 17;
    /** Bits of a double's stored significand. */
    private static final int SIGNIFICAND_BITS = 52;
    /** Exponent bias of a double. */
    private static final int EXPONENT_BIAS = 1023;
    /** The exponent of the least subnormal's unit (2^-1074). */
    private static final int SUBNORMAL_UNIT_EXPONENT = -1074;
    /** Smallest and largest scale exponents p that occur: 17 - floor(e2 * log10 2) for e2 in -1074..1023. */
    private static final int MIN_P = -291;
    private static final int MAX_P = 341;

    /** Truncated 64-bit significands of 10^p (top bit set), by p - MIN_P; filled on first use. */
    private static final long[] POW10_SIGNIFICAND = new long[MAX_P - MIN_P + 1];
    /** Binary exponents q with 10^p ~= significand * 2^q. */
    private static final int[] POW10_EXPONENT = new int[MAX_P - MIN_P + 1];

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
        long[] raw = rawDigits(abs);
        String z = Long.toString(raw[0]);
        int exponent = z.length() - 1 - (int) raw[1];
        String digits = shortened(z, exponent, abs);
        if (digits == null) {
            digits = roundDigits(z, OUT_DIGITS);
            if (digits.length() > OUT_DIGITS) {
                // The carry made a new leading digit ("999..." became "1000...").
                exponent++;
                digits = digits.substring(0, OUT_DIGITS);
            }
        } else if (digits.startsWith("+")) {
            exponent++;
            digits = digits.substring(1);
        }
        int len = digits.length();
        while (len > 1 && digits.charAt(len - 1) == '0') {
            len--;
        }
        return sign + layout(digits.substring(0, len), exponent);
    }

    /**
     * Rule 1, for a finite {@code abs > 0}: returns {v, p} where v (18 or 19 digits) approximates {@code abs * 10^p}. The product of the
     * 64-bit significand and the truncated 64-bit significand of 10^p is 128 bits; its high word is rounded
     * half up by the shift that aligns it.
     */
    public static long[] rawDigits(double abs) {
        long bits = Double.doubleToRawLongBits(abs);
        int biased = (int) (bits >>> SIGNIFICAND_BITS);
        long frac = bits & ((1L << SIGNIFICAND_BITS) - 1);
        long m;
        int e2;
        if (biased == 0) {
            int lz = Long.numberOfLeadingZeros(frac);
            m = frac << lz;
            e2 = SUBNORMAL_UNIT_EXPONENT + 63 - lz;
        } else {
            m = (frac | (1L << SIGNIFICAND_BITS)) << (63 - SIGNIFICAND_BITS);
            e2 = biased - EXPONENT_BIAS;
        }
        int p = SCALE_BASE - floorLog10Pow2(e2);
        int idx = p - MIN_P;
        if (POW10_SIGNIFICAND[idx] == 0) {
            fillPow10(p, idx);
        }
        long hi = unsignedMultiplyHigh(m, POW10_SIGNIFICAND[idx]);
        // abs * 10^p = m * 2^(e2-63) * M * 2^q = (hi * 2^64 + lo) * 2^(e2 - 63 + q).
        int shift = -(e2 - 63 + POW10_EXPONENT[idx]) - 64;
        long v = (hi >>> shift) + ((hi >>> (shift - 1)) & 1);
        return new long[] {v, p};
    }

    /** floor(e * log10(2)) for the exponents of doubles (exact: e * log10 2 is never an integer but at 0). */
    private static int floorLog10Pow2(int e) {
        return (int) Math.floor(e * 0.30102999566398119521);
    }

    /** Computes the truncated 64-bit significand of 10^p and its binary exponent. */
    private static void fillPow10(int p, int idx) {
        BigInteger num;
        BigInteger den;
        if (p >= 0) {
            num = BigInteger.TEN.pow(p);
            den = BigInteger.ONE;
        } else {
            num = BigInteger.ONE;
            den = BigInteger.TEN.pow(-p);
        }
        // Find q with 2^63 <= 10^p / 2^q < 2^64, then truncate.
        int q = num.bitLength() - den.bitLength() - 63;
        BigInteger sig;
        while (true) {
            BigInteger n = q >= 0 ? num : num.shiftLeft(-q);
            BigInteger dd = q >= 0 ? den.shiftLeft(q) : den;
            sig = n.divide(dd);
            if (sig.bitLength() > 64) {
                q++;
            } else if (sig.bitLength() < 64) {
                q--;
            } else {
                break;
            }
        }
        POW10_EXPONENT[idx] = q;
        POW10_SIGNIFICAND[idx] = sig.longValue();
    }

    /** The high 64 bits of the unsigned 128-bit product (no Math.multiplyHigh: it is not TeaVM-safe). */
    static long unsignedMultiplyHigh(long a, long b) {
        long aLo = a & 0xFFFFFFFFL;
        long aHi = a >>> 32;
        long bLo = b & 0xFFFFFFFFL;
        long bHi = b >>> 32;
        long lolo = aLo * bLo;
        long hilo = aHi * bLo;
        long lohi = aLo * bHi;
        long hihi = aHi * bHi;
        long cross = (lolo >>> 32) + (hilo & 0xFFFFFFFFL) + (lohi & 0xFFFFFFFFL);
        return hihi + (hilo >>> 32) + (lohi >>> 32) + (cross >>> 32);
    }

    /**
     * Rule 2: the shortened digits when the 15th/16th raw digits are a 0 or 9 run whose removal keeps the
     * value; null otherwise. A result starting with '+' carried into a new leading digit.
     */
    private static String shortened(CharSequence z, int exponent, double abs) {
        // The trigger differs for the two runs: 9s must fill the 15th and 16th digits, 0s the 14th and 15th.
        char c;
        int jj;
        if (z.charAt(NINES_CHECK_INDEX) == '9' && z.charAt(NINES_CHECK_INDEX + 1) == '9') {
            c = '9';
            jj = NINES_CHECK_INDEX;
        } else if (z.charAt(ZEROS_CHECK_INDEX) == '0' && z.charAt(ZEROS_CHECK_INDEX + 1) == '0') {
            c = '0';
            jj = ZEROS_CHECK_INDEX;
        } else {
            return null;
        }
        while (jj > 0 && z.charAt(jj - 1) == c) {
            jj--;
        }
        BigDecimal prefix = jj == 0 ? BigDecimal.ZERO : new BigDecimal(z.subSequence(0, jj).toString());
        if (c == '9') {
            prefix = prefix.add(BigDecimal.ONE);
        }
        if (prefix.signum() == 0) {
            return null;
        }
        BigDecimal candidate = prefix.scaleByPowerOfTen(exponent - jj + 1);
        if (candidate.doubleValue() != abs) {
            return null;
        }
        String p = prefix.toPlainString();
        return p.length() > jj ? "+" + p : p;
    }

    /** The first {@code n} digits of {@code z} rounded half up (may gain a leading digit on carry). */
    private static String roundDigits(CharSequence z, int n) {
        char[] out = z.subSequence(0, n).toString().toCharArray();
        if (z.charAt(n) >= '5') {
            int j = n - 1;
            while (j >= 0) {
                if (out[j] == '9') {
                    out[j] = '0';
                    j--;
                } else {
                    out[j]++;
                    break;
                }
            }
            if (j < 0) {
                return "1" + new String(out);
            }
        }
        return new String(out);
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
