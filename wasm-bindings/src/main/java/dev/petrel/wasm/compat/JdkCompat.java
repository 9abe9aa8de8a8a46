package dev.petrel.wasm.compat;

/**
 * Stand-ins for JDK methods that TeaVM's class library (0.16) lacks, with the JDK's behaviour. {@link
 * JdkCompatPlugin} redirects calls in core to them when compiling to WebAssembly; on the JVM core calls the JDK.
 */
public final class JdkCompat {
    private JdkCompat() {
    }

    /** {@code Long.parseUnsignedLong(String, int)}: an unsigned 64-bit value, or NumberFormatException. */
    public static long parseUnsignedLong(String s, int radix) {
        if (s == null) {
            throw new NumberFormatException("Cannot parse null string: null");
        }
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
            throw new NumberFormatException("radix " + radix + " out of range");
        }
        int len = s.length();
        int i = 0;
        if (len > 0 && s.charAt(0) == '+') {
            i = 1;
        }
        if (i >= len || s.charAt(0) == '-') {
            throw new NumberFormatException("For input string: \"" + s + "\"");
        }
        long limit = Long.divideUnsigned(-1L, radix);
        long result = 0;
        for (; i < len; i++) {
            int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0 || Long.compareUnsigned(result, limit) > 0) {
                throw new NumberFormatException("For input string: \"" + s + "\"");
            }
            long shifted = result * radix;
            long next = shifted + digit;
            if (Long.compareUnsigned(next, shifted) < 0) {
                throw new NumberFormatException("String value " + s + " exceeds range of unsigned long.");
            }
            result = next;
        }
        return result;
    }

    /** {@code Long.parseUnsignedLong(String)}. */
    public static long parseUnsignedLong(String s) {
        return parseUnsignedLong(s, 10);
    }
}
