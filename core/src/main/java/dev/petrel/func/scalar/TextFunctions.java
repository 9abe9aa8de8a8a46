package dev.petrel.func.scalar;

import dev.petrel.value.Values;

/**
 * The text and blob functions of lang_corefunc.html: length, octet_length, substr, instr, replace, trim family,
 * lower/upper, hex/unhex, quote, char, unicode, concat, concat_ws.
 *
 * <p>Contract: static functions of storage values returning storage values; a NULL where SQLite answers NULL
 * gives null. Text positions and lengths count Unicode characters (code points), blob ones bytes. Case mapping
 * is ASCII-only, as in SQLite built without ICU.
 */
public final class TextFunctions {
    private TextFunctions() {
    }

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    /** length(X): characters before the first NUL for text (numbers as text), bytes for blobs. */
    public static Object length(Object x) {
        if (x == null) {
            return null;
        }
        if (x instanceof byte[]) {
            return (long) ((byte[]) x).length;
        }
        String s = Values.toText(x);
        int nul = s.indexOf('\0');
        int end = nul < 0 ? s.length() : nul;
        return (long) s.codePointCount(0, end);
    }

    /** octet_length(X): bytes of the UTF-8 text, or of the blob. */
    public static Object octetLength(Object x) {
        if (x == null) {
            return null;
        }
        return (long) Values.toBlob(x).length;
    }

    /** substr(X, Y[, Z]): see lang_corefunc.html; {@code hasLength} false for the two-argument form. */
    public static Object substr(Object x, Object y, Object z, boolean hasLength) {
        if (x == null || y == null || (hasLength && z == null)) {
            return null;
        }
        long start = Values.toLong(y);
        // Without a length SQLite takes its length limit (SQLITE_MAX_LENGTH), which matters for large negative
        // starts: substr('hello', -2000000000) is ''.
        long len = hasLength ? Values.toLong(z) : NumberFunctions.MAX_LENGTH;
        if (x instanceof byte[]) {
            byte[] b = (byte[]) x;
            if (b.length == 0) {
                // SQLite reads an empty blob as a NULL pointer and answers NULL.
                return null;
            }
            long[] r = window(b.length, start, len, hasLength);
            return java.util.Arrays.copyOfRange(b, (int) r[0], (int) (r[0] + r[1]));
        }
        String s = Values.toText(x);
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            // Text is measured as a C string: it ends at its first NUL.
            s = s.substring(0, nul);
        }
        int chars = s.codePointCount(0, s.length());
        long[] r = window(chars, start, len, hasLength);
        int from = s.offsetByCodePoints(0, (int) r[0]);
        int to = s.offsetByCodePoints(from, (int) r[1]);
        return s.substring(from, to);
    }

    /** Saturating 64-bit addition: at the extremes SQLite's own arithmetic would overflow. */
    private static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    private static long negate(long a) {
        return a == Long.MIN_VALUE ? Long.MAX_VALUE : -a;
    }

    /** The 0-based start and the length of substr's result within a value of {@code total} units. */
    private static long[] window(long total, long p1, long p2, boolean hasLength) {
        boolean negLen = false;
        if (p2 < 0) {
            negLen = true;
            p2 = negate(p2);
        }
        if (p1 < 0) {
            p1 = add(p1, total);
            if (p1 < 0) {
                p2 = add(p2, p1);
                p1 = 0;
            }
        } else if (p1 > 0) {
            p1--;
        } else if (hasLength && p2 > 0) {
            // Position 0 is one before the first character: the length counts it.
            p2--;
        }
        if (negLen) {
            p1 = add(p1, negate(p2));
            if (p1 < 0) {
                p2 = add(p2, p1);
                p1 = 0;
            }
        }
        if (p2 < 0) {
            p2 = 0;
        }
        if (p1 > total) {
            p1 = total;
        }
        if (p2 > total - p1) {
            p2 = total - p1;
        }
        return new long[] {p1, p2};
    }

    /** instr(X, Y): 1-based position of the first Y in X (bytes if both are blobs, else characters), or 0. */
    public static Object instr(Object x, Object y) {
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof byte[] && y instanceof byte[]) {
            byte[] h = (byte[]) x;
            byte[] n = (byte[]) y;
            outer:
            for (int i = 0; i + n.length <= h.length; i++) {
                for (int j = 0; j < n.length; j++) {
                    if (h[i + j] != n[j]) {
                        continue outer;
                    }
                }
                return (long) (i + 1);
            }
            return 0L;
        }
        String h = Values.toText(x);
        String n = Values.toText(y);
        int at = h.indexOf(n);
        if (at < 0) {
            return 0L;
        }
        return (long) h.codePointCount(0, at) + 1;
    }

    /** replace(X, Y, Z): every Y in X replaced by Z; an empty Y leaves X unchanged. */
    public static Object replace(Object x, Object y, Object z) {
        if (x == null || y == null) {
            return null;
        }
        String s = Values.toText(x);
        // The pattern is read as a C string; an empty one returns X even when Z is NULL.
        String pattern = cString(Values.toText(y));
        if (pattern.isEmpty()) {
            return s;
        }
        if (z == null) {
            return null;
        }
        return s.replace(pattern, Values.toText(z));
    }

    /** The text up to its first NUL, for arguments SQLite reads as C strings. */
    private static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    /** ltrim/rtrim/trim: removes characters of {@code chars} (default space) from the chosen ends. */
    public static Object trim(Object x, Object chars, boolean hasChars, boolean left, boolean right) {
        if (x == null || (hasChars && chars == null)) {
            return null;
        }
        String s = Values.toText(x);
        String set = hasChars ? cString(Values.toText(chars)) : " ";
        int from = 0;
        int to = s.length();
        if (left) {
            while (from < to) {
                int c = s.codePointAt(from);
                if (set.indexOf(c) < 0) {
                    break;
                }
                from += Character.charCount(c);
            }
        }
        if (right) {
            while (to > from) {
                int c = s.codePointBefore(to);
                if (set.indexOf(c) < 0) {
                    break;
                }
                to -= Character.charCount(c);
            }
        }
        return s.substring(from, to);
    }

    /** lower(X) / upper(X): ASCII letters only. */
    public static Object changeCase(Object x, boolean upper) {
        if (x == null) {
            return null;
        }
        String s = Values.toText(x);
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            if (upper && c >= 'a' && c <= 'z') {
                cs[i] = (char) (c - 32);
            } else if (!upper && c >= 'A' && c <= 'Z') {
                cs[i] = (char) (c + 32);
            }
        }
        return new String(cs);
    }

    /** hex(X): upper-case hex of the blob, or of the UTF-8 text; NULL gives the empty string. */
    public static Object hex(Object x) {
        byte[] b = x == null ? new byte[0] : Values.toBlob(x);
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX_DIGITS[(b[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX_DIGITS[b[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * unhex(X[, Y]): the blob whose hex is X; characters of Y may appear between (not inside) byte pairs and are
     * skipped. NULL if X or Y is NULL or X is not such a string.
     */
    public static Object unhex(Object x, Object ignore, boolean hasIgnore) {
        if (x == null || (hasIgnore && ignore == null)) {
            return null;
        }
        String s = Values.toText(x);
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            // SQLite reads X as a C string.
            s = s.substring(0, nul);
        }
        String skip = hasIgnore ? Values.toText(ignore) : "";
        byte[] out = new byte[s.length() / 2];
        int n = 0;
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            int hi = hexValue(c);
            if (hi < 0) {
                if (skip.indexOf(c) < 0) {
                    return null;
                }
                i += Character.charCount(c);
                continue;
            }
            if (i + 1 >= s.length()) {
                return null;
            }
            int lo = hexValue(s.charAt(i + 1));
            if (lo < 0) {
                return null;
            }
            out[n++] = (byte) (hi << 4 | lo);
            i += 2;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** quote(X): an SQL literal for the value. */
    public static Object quote(Object x) {
        if (x == null) {
            return "NULL";
        }
        if (x instanceof Long) {
            return Long.toString((Long) x);
        }
        if (x instanceof Double) {
            double d = (Double) x;
            if (Double.isInfinite(d)) {
                // An SQL literal that reads back as infinity.
                return d > 0 ? "9.0e+999" : "-9.0e+999";
            }
            return Values.toText(x);
        }
        if (x instanceof byte[]) {
            return "X'" + hex(x) + "'";
        }
        String s = (String) x;
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            s = s.substring(0, nul);
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /** char(X1, ..., XN): the string of those code points (NULL counts as 0, invalid ones as U+FFFD). */
    public static Object chars(Object[] args) {
        StringBuilder sb = new StringBuilder(args.length);
        for (Object a : args) {
            long c = Values.toLong(a);
            // Surrogates cannot stand alone in a Java string; SQLite writes them as (invalid) UTF-8, which every
            // reader decodes to U+FFFD, so that is what they become here.
            if (c < 0 || c > Character.MAX_CODE_POINT || (c >= 0xD800 && c <= 0xDFFF)) {
                c = 0xFFFD;
            }
            sb.appendCodePoint((int) c);
        }
        return sb.toString();
    }

    /**
     * unicode(X): the code point of the first character, NULL for NULL, an empty string or one starting with NUL.
     * A blob is read as SQLite reads UTF-8, leniently: a stray continuation byte is taken as its own value.
     */
    public static Object unicode(Object x) {
        if (x == null) {
            return null;
        }
        if (x instanceof byte[]) {
            byte[] b = (byte[]) x;
            long c = b.length == 0 ? 0 : firstCodePoint(b);
            return c == 0 ? null : (Object) c;
        }
        String s = Values.toText(x);
        if (s.isEmpty() || s.charAt(0) == '\0') {
            return null;
        }
        return (long) s.codePointAt(0);
    }

    /** Bits of the payload in a lead byte of a 2-, 3- and 4-byte UTF-8 sequence. */
    private static final int[] LEAD_MASKS = {0x1f, 0x0f, 0x07};

    /** The first character of UTF-8 bytes as SQLite's lenient reader decodes it. */
    private static long firstCodePoint(byte[] b) {
        int c = b[0] & 0xff;
        if (c < 0xc0) {
            return c;
        }
        int lead = c >= 0xf0 ? 2 : (c >= 0xe0 ? 1 : 0);
        c &= c >= 0xf8 ? 0x07 : LEAD_MASKS[lead];
        int i = 1;
        while (i < b.length && (b[i] & 0xc0) == 0x80) {
            c = (c << 6) | (b[i] & 0x3f);
            i++;
        }
        if (c < 0x80 || (c & 0xFFFFF800) == 0xD800 || (c & 0xFFFFFFFE) == 0xFFFE) {
            return 0xFFFD;
        }
        return c;
    }

    /** concat(X, ...): the texts of the non-NULL arguments joined; never NULL. */
    public static Object concat(Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (Object a : args) {
            if (a != null) {
                sb.append(Values.toText(a));
            }
        }
        return sb.toString();
    }

    /** concat_ws(SEP, X, ...): the non-NULL arguments joined by SEP; NULL if SEP is NULL. */
    public static Object concatWs(Object[] args) {
        if (args[0] == null) {
            return null;
        }
        String sep = Values.toText(args[0]);
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int i = 1; i < args.length; i++) {
            if (args[i] != null) {
                if (!first) {
                    sb.append(sep);
                }
                sb.append(Values.toText(args[i]));
                first = false;
            }
        }
        return sb.toString();
    }
}
