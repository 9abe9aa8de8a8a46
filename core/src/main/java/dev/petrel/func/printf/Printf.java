package dev.petrel.func.printf;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import java.nio.charset.StandardCharsets;

/**
 * SQLite's {@code printf()}/{@code format()}: {@code %[flags][width][.precision][length]type} with the
 * conversions d i u x X o p c s z q Q w f e E g G n % and the flags {@code - + space 0 # , !}
 * (<a href="https://sqlite.org/printf.html">printf.html</a>).
 *
 * <p>Contract: {@link #format(Object[])} is the SQL function (args[0] is the format; the rest are storage
 * values); {@link #format(String, Object...)} is the same formatter for Java callers. Arguments are consumed
 * left to right and converted as SQLite converts SQL values ({@link SqlText}); missing arguments read as NULL
 * (0, 0.0 or empty text). Behaviours worth knowing, all SQLite's:
 * <ol>
 *   <li>An unknown conversion character (or a directive cut short by the end of the format) ends the output
 *       there; a lone {@code %} at the very end prints itself.</li>
 *   <li>The SQL function returns NULL when nothing at all was produced (empty format, or an unknown conversion
 *       first); an empty substitution such as {@code %s} of '' yields ''.</li>
 *   <li>With {@code 0}, integers are zero-padded to the width regardless of {@code -}; {@code #x} adds its
 *       prefix outside that padding; {@code ,} groups digits by thousands (after zero padding).</li>
 *   <li>Width and precision count UTF-8 bytes for strings unless {@code !} is given (then characters). A byte
 *       precision that splits a character leaves U+FFFD where SQLite leaves the partial byte sequence (the
 *       width still counts the bytes SQLite keeps).</li>
 *   <li>{@code %c} repeats the first character of its argument {@code precision} times; its width counts
 *       characters.</li>
 *   <li>{@code %n} is ignored and consumes no argument; length modifiers {@code l}/{@code ll} are ignored.</li>
 *   <li>A result longer than {@link #MAX_LENGTH} (SQLite's default SQLITE_MAX_LENGTH; counted in UTF-16 units
 *       here, bytes there) raises {@code SQLITE_TOOBIG} before the text is built.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class Printf {
    /** Longest result allowed, as SQLite's default {@code SQLITE_MAX_LENGTH}. */
    public static final int MAX_LENGTH = 1_000_000_000;

    private Printf() {
    }

    private static void checkLength(long n) {
        if (n > MAX_LENGTH) {
            throw new PetrelException(ResultCode.TOOBIG, "string or blob too big");
        }
    }

    /** The SQL function {@code printf(FORMAT, ...)}: null when FORMAT is missing or NULL or nothing was produced. */
    public static Object format(Object[] args) {
        if (args.length == 0 || args[0] == null) {
            return null;
        }
        Formatter f = new Formatter(args, 1);
        f.run(cString(args[0]));
        return f.produced ? f.out.toString() : null;
    }

    /** The text of {@code v} as SQLite's printf reads it, a C string: up to the first NUL. */
    private static String cString(Object v) {
        String t = SqlText.of(v);
        int nul = t.indexOf('\0');
        return nul < 0 ? t : t.substring(0, nul);
    }

    /** Java-facing formatting with SQLite semantics; never null. Arguments are storage values or Java numbers. */
    public static String format(String fmt, Object... args) {
        Formatter f = new Formatter(args, 0);
        f.run(fmt);
        return f.out.toString();
    }

    /** SQLite 3.53's text rendering of a REAL value (as CAST(x AS TEXT) and %s produce it). */
    public static String realToText(double r) {
        return SqlText.realToText(r);
    }

    /** One formatting run: the output buffer and the argument cursor. */
    private static final class Formatter {
        final StringBuilder out = new StringBuilder();
        final Object[] args;
        int next;
        boolean produced;

        Formatter(Object[] args, int first) {
            this.args = args;
            this.next = first;
        }

        Object nextArg() {
            return next < args.length ? args[next++] : null;
        }

        void run(String fmt) {
            int n = fmt.length();
            int i = 0;
            while (i < n) {
                char c = fmt.charAt(i);
                if (c != '%') {
                    int start = i;
                    while (i < n && fmt.charAt(i) != '%') {
                        i++;
                    }
                    checkLength((long) out.length() + (i - start));
                    out.append(fmt, start, i);
                    produced = true;
                    continue;
                }
                i++;
                if (i >= n) {
                    out.append('%');
                    produced = true;
                    return;
                }
                Spec s = new Spec();
                i = parseSpec(fmt, i, s);
                if (i >= n) {
                    return;
                }
                char type = fmt.charAt(i++);
                if (!convert(type, s)) {
                    return;
                }
            }
        }

        private int parseSpec(String fmt, int i, Spec s) {
            int n = fmt.length();
            boolean more = true;
            while (more && i < n) {
                switch (fmt.charAt(i)) {
                    case '-':
                        s.left = true;
                        break;
                    case '+':
                        s.plus = true;
                        s.space = false;
                        break;
                    case ' ':
                        s.space = true;
                        s.plus = false;
                        break;
                    case '#':
                        s.alt = true;
                        break;
                    case '!':
                        s.alt2 = true;
                        break;
                    case '0':
                        s.zero = true;
                        break;
                    case ',':
                        s.comma = true;
                        break;
                    default:
                        more = false;
                        continue;
                }
                i++;
            }
            if (i < n && fmt.charAt(i) == '*') {
                long w = SqlText.toLong(nextArg());
                if (w < 0) {
                    s.left = true;
                    w = w == Long.MIN_VALUE ? 0 : -w;
                }
                s.width = (int) Math.min(w, Integer.MAX_VALUE);
                i++;
            } else {
                int w = 0;
                while (i < n && isDigit(fmt.charAt(i))) {
                    w = (w * 10 + (fmt.charAt(i) - '0')) & 0x7fffffff;
                    i++;
                }
                s.width = w;
            }
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                if (i < n && fmt.charAt(i) == '*') {
                    long p = SqlText.toLong(nextArg());
                    if (p < 0) {
                        p = p == Long.MIN_VALUE ? 0 : -p;
                    }
                    s.precision = (int) Math.min(p, Integer.MAX_VALUE);
                    i++;
                } else {
                    int p = 0;
                    while (i < n && isDigit(fmt.charAt(i))) {
                        p = (p * 10 + (fmt.charAt(i) - '0')) & 0x7fffffff;
                        i++;
                    }
                    s.precision = p;
                }
            }
            while (i < n && fmt.charAt(i) == 'l') {
                i++;
            }
            return i;
        }

        /** Performs one conversion; false for an unknown type (output ends). */
        private boolean convert(char type, Spec s) {
            switch (type) {
                case 'd':
                case 'i':
                    integer(SqlText.toLong(nextArg()), true, 10, false, s);
                    return true;
                case 'r': {
                    // An ordinal: the digits with st/nd/rd/th, which zero padding and precision count as digits.
                    long v = SqlText.toLong(nextArg());
                    s.comma = false;
                    ordinalSuffix = ordinalSuffix(v);
                    integer(v, true, 10, false, s);
                    ordinalSuffix = "";
                    return true;
                }
                case 'u':
                    integer(SqlText.toLong(nextArg()), false, 10, false, s);
                    return true;
                case 'x':
                    integer(SqlText.toLong(nextArg()), false, 16, false, s);
                    return true;
                case 'X':
                    integer(SqlText.toLong(nextArg()), false, 16, true, s);
                    return true;
                case 'p':
                    s.lowerPrefix = true;
                    integer(SqlText.toLong(nextArg()), false, 16, true, s);
                    return true;
                case 'o':
                    integer(SqlText.toLong(nextArg()), false, 8, false, s);
                    return true;
                case 'f':
                case 'e':
                case 'E':
                case 'g':
                case 'G':
                    real(SqlText.toDouble(nextArg()), type, s);
                    return true;
                case 's':
                case 'z': {
                    Object v = nextArg();
                    text(v == null ? "" : cString(v), s);
                    return true;
                }
                case 'c':
                    character(nextArg(), s);
                    return true;
                case 'q':
                case 'Q':
                case 'w':
                    quoted(nextArg(), type, s);
                    return true;
                case '%':
                    pad("%", 1, s);
                    return true;
                case 'n':
                    produced = true;
                    return true;
                default:
                    return false;
            }
        }

        /** The st/nd/rd/th that %r appends to the digits, empty for every other conversion. */
        private String ordinalSuffix = "";

        private static String ordinalSuffix(long v) {
            long n = Math.abs(v % 100);
            if (n >= 11 && n <= 13) {
                return "th";
            }
            switch ((int) (n % 10)) {
                case 1:
                    return "st";
                case 2:
                    return "nd";
                case 3:
                    return "rd";
                default:
                    return "th";
            }
        }

        private void integer(long v, boolean signed, int radix, boolean upper, Spec s) {
            String prefix = "";
            String digits;
            if (signed) {
                if (v < 0) {
                    prefix = "-";
                } else if (s.plus) {
                    prefix = "+";
                } else if (s.space) {
                    prefix = " ";
                }
                digits = v < 0 ? unsignedDigits(-v, 10, false) : Long.toString(v);
            } else {
                digits = unsignedDigits(v, radix, upper);
            }
            digits += ordinalSuffix;
            int precision = s.precision;
            checkLength((long) out.length() + Math.max(precision, s.width));
            if (s.zero && s.width - prefix.length() > precision) {
                precision = s.width - prefix.length();
            }
            StringBuilder b = new StringBuilder();
            for (int k = digits.length(); k < precision; k++) {
                b.append('0');
            }
            b.append(digits);
            if (s.comma && radix == 10) {
                for (int pos = b.length() - 3; pos > 0; pos -= 3) {
                    b.insert(pos, ',');
                }
            }
            if (s.alt && v != 0) {
                if (radix == 16) {
                    b.insert(0, upper && !s.lowerPrefix ? "0X" : "0x");
                } else if (radix == 8) {
                    b.insert(0, '0');
                }
            }
            b.insert(0, prefix);
            pad(b.toString(), b.length(), s);
        }

        private void real(double r, char type, Spec s) {
            int precision = s.precision < 0 ? 6 : s.precision;
            // Fixed notation of 9e999 (zero-padded infinity) has about a thousand digits before the point.
            checkLength((long) out.length() + precision + Math.max(s.width, 0) + 1100);
            String prefix = "";
            if (r < 0 && !(s.alt && !s.plus && !s.space && FloatFormat.roundsToZero(r, type, precision))) {
                prefix = "-";
            } else if (s.plus) {
                prefix = "+";
            } else if (s.space) {
                prefix = " ";
            }
            String body;
            if (Double.isInfinite(r) && !s.zero) {
                body = "Inf";
            } else if (Double.isNaN(r)) {
                body = "NaN";
            } else {
                body = FloatFormat.body(r, type, precision, s.alt, s.alt2, s.comma);
            }
            StringBuilder b = new StringBuilder(prefix);
            if (s.zero && !s.left) {
                for (int k = prefix.length() + body.length(); k < s.width; k++) {
                    b.append('0');
                }
            }
            b.append(body);
            pad(b.toString(), b.length(), s);
        }

        private void text(String v, Spec s) {
            String t = v;
            int bytes = utf8Length(v);
            if (s.precision >= 0) {
                if (s.alt2) {
                    t = prefixChars(t, s.precision);
                    bytes = utf8Length(t);
                } else if (s.precision < bytes) {
                    t = prefixBytes(t, s.precision);
                    bytes = s.precision;
                }
            }
            pad(t, s.alt2 ? t.codePointCount(0, t.length()) : bytes, s);
        }

        private void character(Object v, Spec s) {
            String t = v == null ? "" : SqlText.of(v);
            String ch = t.isEmpty() ? "\0" : t.substring(0, t.offsetByCodePoints(0, 1));
            int reps = s.precision > 1 ? s.precision : 1;
            checkLength((long) out.length() + (long) reps * ch.length() + s.width);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < reps; k++) {
                b.append(ch);
            }
            // The width of %c counts characters, with or without '!'.
            pad(b.toString(), reps, s);
        }

        private void quoted(Object v, char type, Spec s) {
            String t = v == null ? (type == 'Q' ? "NULL" : "(NULL)") : cString(v);
            // Bytes lost to a precision that splits a character: the output keeps them, U+FFFD stands in.
            int splitBytes = 0;
            if (s.precision >= 0) {
                if (s.alt2) {
                    t = prefixChars(t, s.precision);
                } else if (s.precision < utf8Length(t)) {
                    t = prefixBytes(t, s.precision);
                    splitBytes = s.precision - utf8Length(t);
                }
            }
            String r;
            if (v == null) {
                r = t;
            } else {
                char q = type == 'w' ? '"' : '\'';
                StringBuilder b = new StringBuilder();
                if (type == 'Q') {
                    b.append('\'');
                }
                for (int k = 0; k < t.length(); k++) {
                    char c = t.charAt(k);
                    b.append(c);
                    if (c == q) {
                        b.append(c);
                    }
                }
                if (type == 'Q') {
                    b.append('\'');
                }
                r = b.toString();
            }
            pad(r, s.alt2 ? r.codePointCount(0, r.length()) : utf8Length(r) + splitBytes, s);
        }

        /** Appends {@code body} padded with spaces to the width ({@code len} is its length in width units). */
        private void pad(String body, int len, Spec s) {
            produced = true;
            int fill = s.width - len;
            checkLength((long) out.length() + body.length() + Math.max(fill, 0));
            if (fill > 0 && !s.left) {
                appendSpaces(fill);
            }
            out.append(body);
            if (fill > 0 && s.left) {
                appendSpaces(fill);
            }
        }

        private void appendSpaces(int k) {
            for (int j = 0; j < k; j++) {
                out.append(' ');
            }
        }
    }

    /** The parsed flags, width and precision of one directive (precision -1 when absent). */
    private static final class Spec {
        boolean left;
        boolean plus;
        boolean space;
        boolean alt;
        boolean alt2;
        boolean zero;
        boolean comma;
        /** %p: uppercase digits but a lowercase 0x prefix. */
        boolean lowerPrefix;
        int width;
        int precision = -1;
    }

    /** {@code v} read as an unsigned 64-bit number, in base 8, 10 or 16 (Long.MIN_VALUE negated stays itself). */
    static String unsignedDigits(long v, int radix, boolean upper) {
        String alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        if (v == 0) {
            return "0";
        }
        char[] buf = new char[64];
        int pos = buf.length;
        long rest = v;
        if (rest < 0) {
            // Peel one digit with unsigned arithmetic so the remainder fits in a signed long.
            long q = (rest >>> 1) / radix << 1;
            long r = rest - q * radix;
            while (r >= radix || r < 0) {
                q++;
                r -= radix;
            }
            buf[--pos] = alphabet.charAt((int) r);
            rest = q;
        }
        while (rest != 0) {
            buf[--pos] = alphabet.charAt((int) (rest % radix));
            rest /= radix;
        }
        return new String(buf, pos, buf.length - pos);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static String prefixChars(String s, int chars) {
        if (chars >= s.codePointCount(0, s.length())) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, chars));
    }

    private static String prefixBytes(String s, int bytes) {
        if (bytes >= utf8Length(s)) {
            return s;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new String(b, 0, bytes, StandardCharsets.UTF_8);
    }
}
