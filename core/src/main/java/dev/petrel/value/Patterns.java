package dev.petrel.value;

import dev.petrel.api.PetrelException;
import java.nio.charset.StandardCharsets;

/**
 * The LIKE and GLOB pattern matchers (lang_expr.html "The LIKE, GLOB, REGEXP, MATCH, and extract operators").
 *
 * <p>LIKE: {@code %} matches any run of characters, {@code _} exactly one; letters match regardless of case, but
 * only the 26 ASCII letters fold (as SQLite without ICU), unless {@code PRAGMA case_sensitive_like} is on; an
 * ESCAPE character makes the next pattern character literal. GLOB: {@code *}, {@code ?}, and classes
 * {@code [abc]}, {@code [a-z]}, {@code [^...]} (a {@code ]} right after the opening bracket or caret is literal),
 * always case-sensitive. Both work on Unicode characters (code points), not UTF-16 units or bytes.
 *
 * <p>Matching backtracks only to the most recent {@code %} / {@code *}; since every other pattern element
 * matches exactly one character this is complete, and runs in O(pattern x text) without recursion.
 */
public final class Patterns {
    private Patterns() {
    }

    /** SQLite's default SQLITE_MAX_LIKE_PATTERN_LENGTH, in bytes of the pattern. */
    public static final int MAX_PATTERN_BYTES = 50000;

    /** Pattern element kinds in the compiled form. */
    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;
    private static final int CLASS = -3;

    /**
     * The SQL value of {@code text LIKE pattern [ESCAPE escape]} (function {@code like(pattern, text[, escape])}):
     * 1, 0 or NULL when any argument is NULL.
     *
     * @param escape the ESCAPE operand, or null with {@code hasEscape} false when there is none
     * @throws PetrelException "ESCAPE expression must be a single character", "LIKE or GLOB pattern too complex"
     */
    public static Long likeValue(Object pattern, Object text, Object escape, boolean hasEscape,
                                 boolean caseSensitive) {
        int esc = -1;
        if (hasEscape && escape != null) {
            // As SQLite, a bad escape is an error even when the other operands are NULL.
            String e = Values.toText(escape);
            if (e.isEmpty() || e.codePointCount(0, e.length()) != 1) {
                throw PetrelException.error("ESCAPE expression must be a single character");
            }
            esc = e.codePointAt(0);
        }
        if (pattern == null || text == null || (hasEscape && escape == null)) {
            return null;
        }
        String p = Values.toText(pattern);
        checkLength(p);
        return Values.bool(like(p, Values.toText(text), esc, caseSensitive));
    }

    /** The SQL value of {@code text GLOB pattern} (function {@code glob(pattern, text)}): 1, 0 or NULL. */
    public static Long globValue(Object pattern, Object text) {
        if (pattern == null || text == null) {
            return null;
        }
        String p = Values.toText(pattern);
        checkLength(p);
        return Values.bool(glob(p, Values.toText(text)));
    }

    private static void checkLength(String p) {
        if (p.length() > MAX_PATTERN_BYTES / 3 && p.getBytes(StandardCharsets.UTF_8).length > MAX_PATTERN_BYTES) {
            throw PetrelException.error("LIKE or GLOB pattern too complex");
        }
    }

    /** Whether {@code text} matches LIKE {@code pattern}; {@code escape} is a code point or -1 for none. */
    public static boolean like(String pattern, String text, int escape, boolean caseSensitive) {
        CompiledLike c = lastLike;
        if (c == null || (c.pattern != pattern && !c.pattern.equals(pattern)) || c.escape != escape || c.caseSensitive != caseSensitive) {
            c = new CompiledLike(pattern, escape, caseSensitive);
            lastLike = c;
        }
        if (c.tokens == null) {
            return false;
        }
        String t = cString(text);
        return c.segments != null ? matchSegments(c, t) : matchText(c.tokens, c.tokens.length, t, caseSensitive);
    }

    /** {@link #like} by the general matcher only (tests check that the segment matcher agrees with it). */
    static boolean likeByTokens(String pattern, String text, int escape, boolean caseSensitive) {
        CompiledLike c = new CompiledLike(pattern, escape, caseSensitive);
        return c.tokens != null && matchText(c.tokens, c.tokens.length, cString(text), caseSensitive);
    }

    /**
     * The most recently compiled LIKE pattern: a statement applies one pattern to every row, so this saves the
     * compilation per row. The object is immutable (final fields), so sharing it between threads is safe.
     */
    private static CompiledLike lastLike;

    /** A LIKE pattern compiled to tokens: literals as (folded) code points, wildcards as negative kinds. */
    private static final class CompiledLike {
        final String pattern;
        final int escape;
        final boolean caseSensitive;
        /** Null when the pattern can match nothing (an escape as its very last character). */
        final int[] tokens;
        /**
         * For a pattern of literal characters and {@code %} only (the common {@code '%word%'}), the literal runs
         * between the {@code %}s, matched by {@link #matchSegments}; null for other patterns. Every literal is a
         * single UTF-16 unit that is no surrogate, so the runs can be compared unit by unit.
         */
        final char[][] segments;
        /** Whether the pattern starts / ends with a literal (the first / last segment is anchored there). */
        final boolean anchoredStart;
        final boolean anchoredEnd;

        CompiledLike(String pattern, int escape, boolean caseSensitive) {
            this.pattern = pattern;
            this.escape = escape;
            this.caseSensitive = caseSensitive;
            int[] p = codePoints(cString(pattern));
            int[] out = new int[p.length];
            int n = 0;
            for (int i = 0; i < p.length && out != null; i++) {
                int c = p[i];
                if (c == escape) {
                    if (i + 1 >= p.length) {
                        out = null;
                        break;
                    }
                    out[n++] = fold(p[++i], caseSensitive);
                } else if (c == '%') {
                    out[n++] = ANY_RUN;
                } else if (c == '_') {
                    out[n++] = ANY_ONE;
                } else {
                    out[n++] = fold(c, caseSensitive);
                }
            }
            this.tokens = out == null ? null : java.util.Arrays.copyOf(out, n);
            this.segments = tokens == null ? null : segmentsOf(tokens);
            this.anchoredStart = tokens != null && n > 0 && tokens[0] != ANY_RUN;
            this.anchoredEnd = tokens != null && n > 0 && tokens[n - 1] != ANY_RUN;
        }

        private static char[][] segmentsOf(int[] tokens) {
            int count = 1;
            for (int tk : tokens) {
                if (tk == ANY_RUN) {
                    count++;
                } else if (tk < 0 || tk > 0xffff || Character.isSurrogate((char) tk)) {
                    return null;
                }
            }
            char[][] out = new char[count][];
            int k = 0;
            int start = 0;
            for (int i = 0; i <= tokens.length; i++) {
                if (i == tokens.length || tokens[i] == ANY_RUN) {
                    char[] seg = new char[i - start];
                    for (int j = 0; j < seg.length; j++) {
                        seg[j] = (char) tokens[start + j];
                    }
                    out[k++] = seg;
                    start = i + 1;
                }
            }
            return out;
        }
    }

    /**
     * LIKE for a pattern of literals and {@code %} only: the first segment must match at the start (unless the
     * pattern starts with {@code %}), the last at the end (unless it ends with {@code %}), and the ones between
     * are found leftmost-first in order, which finds a match whenever one exists. Same result as
     * {@link #matchText}: a literal never matches part of a surrogate pair, and the units compared are the code
     * points themselves.
     */
    private static boolean matchSegments(CompiledLike c, String t) {
        char[][] segs = c.segments;
        boolean fold = !c.caseSensitive;
        int len = t.length();
        if (segs.length == 1) {
            return len == segs[0].length && regionMatches(t, 0, segs[0], fold);
        }
        int pos = 0;
        int first = 0;
        int last = segs.length - 1;
        if (c.anchoredStart) {
            if (!regionMatches(t, 0, segs[0], fold)) {
                return false;
            }
            pos = segs[0].length;
            first = 1;
        }
        int end = len;
        if (c.anchoredEnd) {
            int lastLen = segs[last].length;
            if (len - lastLen < pos || !regionMatches(t, len - lastLen, segs[last], fold)) {
                return false;
            }
            end = len - lastLen;
            last--;
        }
        for (int k = first; k <= last; k++) {
            char[] seg = segs[k];
            int at = indexOf(t, pos, end, seg, fold);
            if (at < 0) {
                return false;
            }
            pos = at + seg.length;
        }
        return true;
    }

    /** Whether {@code t} has the (folded) units of {@code seg} at {@code at}; the caller checked the length. */
    private static boolean regionMatches(String t, int at, char[] seg, boolean fold) {
        if (at + seg.length > t.length()) {
            return false;
        }
        for (int j = 0; j < seg.length; j++) {
            char ch = t.charAt(at + j);
            if (fold && ch >= 'A' && ch <= 'Z') {
                ch = (char) (ch + 32);
            }
            if (ch != seg[j]) {
                return false;
            }
        }
        return true;
    }

    /** The first index in {@code [from, end - seg.length]} where {@code seg} matches, or -1. */
    private static int indexOf(String t, int from, int end, char[] seg, boolean fold) {
        if (seg.length == 0) {
            return from <= end ? from : -1;
        }
        char head = seg[0];
        for (int i = from; i + seg.length <= end; i++) {
            char ch = t.charAt(i);
            if (fold && ch >= 'A' && ch <= 'Z') {
                ch = (char) (ch + 32);
            }
            if (ch == head && regionMatches(t, i, seg, fold)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@link #match} for LIKE tokens over the code points of {@code t}, read in place from the string (folding
     * ASCII letters on the fly unless case-sensitive) instead of from a decoded array.
     */
    private static boolean matchText(int[] tokens, int n, String t, boolean caseSensitive) {
        int len = t.length();
        int pi = 0;
        int ti = 0;
        int starP = -1;
        int starT = 0;
        while (ti < len) {
            if (pi < n && tokens[pi] == ANY_RUN) {
                starP = pi++;
                starT = ti;
                continue;
            }
            int c = t.charAt(ti);
            int width = 1;
            if (Character.isHighSurrogate((char) c) && ti + 1 < len && Character.isLowSurrogate(t.charAt(ti + 1))) {
                c = Character.toCodePoint((char) c, t.charAt(ti + 1));
                width = 2;
            }
            if (pi < n && (tokens[pi] == ANY_ONE || tokens[pi] == fold(c, caseSensitive))) {
                pi++;
                ti += width;
                continue;
            }
            if (starP < 0) {
                return false;
            }
            pi = starP + 1;
            starT += Character.isHighSurrogate(t.charAt(starT)) && starT + 1 < len
                    && Character.isLowSurrogate(t.charAt(starT + 1)) ? 2 : 1;
            ti = starT;
        }
        while (pi < n && tokens[pi] == ANY_RUN) {
            pi++;
        }
        return pi == n;
    }

    /** Whether {@code text} matches GLOB {@code pattern}. */
    public static boolean glob(String pattern, String text) {
        int[] p = codePoints(cString(pattern));
        int[] tokens = new int[p.length];
        int[][] classes = new int[p.length][];
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            int c = p[i];
            if (c == '*') {
                tokens[n++] = ANY_RUN;
            } else if (c == '?') {
                tokens[n++] = ANY_ONE;
            } else if (c == '[') {
                int close = classEnd(p, i);
                if (close < 0) {
                    return false; // an unterminated class matches nothing
                }
                classes[n] = java.util.Arrays.copyOfRange(p, i + 1, close);
                tokens[n++] = CLASS;
                i = close;
            } else {
                tokens[n++] = c;
            }
        }
        return match(tokens, n, classes, codePoints(cString(text)));
    }

    /** Index of the ']' closing the class opened at {@code open}, or -1. */
    private static int classEnd(int[] p, int open) {
        int i = open + 1;
        if (i < p.length && p[i] == '^') {
            i++;
        }
        if (i < p.length && p[i] == ']') {
            i++;
        }
        while (i < p.length && p[i] != ']') {
            i++;
        }
        return i < p.length ? i : -1;
    }

    /** Whether code point {@code c} is in the class body {@code body} (text between the brackets). */
    private static boolean inClass(int[] body, int c) {
        int i = 0;
        boolean invert = false;
        if (i < body.length && body[i] == '^') {
            invert = true;
            i++;
        }
        boolean found = false;
        boolean first = true;
        int prev = -1;
        while (i < body.length) {
            int x = body[i];
            if (x == '-' && !first && prev >= 0 && i + 1 < body.length) {
                int hi = body[i + 1];
                if (c >= prev && c <= hi) {
                    found = true;
                }
                prev = -1;
                i += 2;
            } else {
                if (x == c) {
                    found = true;
                }
                prev = x;
                i++;
            }
            first = false;
        }
        return found != invert;
    }

    private static boolean match(int[] tokens, int n, int[][] classes, int[] t) {
        int pi = 0;
        int ti = 0;
        int starP = -1;
        int starT = 0;
        while (ti < t.length) {
            if (pi < n && tokens[pi] == ANY_RUN) {
                starP = pi++;
                starT = ti;
                continue;
            }
            if (pi < n && matchesOne(tokens[pi], classes == null ? null : classes[pi], t[ti])) {
                pi++;
                ti++;
                continue;
            }
            if (starP < 0) {
                return false;
            }
            pi = starP + 1;
            ti = ++starT;
        }
        while (pi < n && tokens[pi] == ANY_RUN) {
            pi++;
        }
        return pi == n;
    }

    private static boolean matchesOne(int token, int[] cls, int c) {
        if (token == ANY_ONE) {
            return true;
        }
        if (token == CLASS) {
            return inClass(cls, c);
        }
        return token == c;
    }

    private static int fold(int c, boolean caseSensitive) {
        return !caseSensitive && c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** The text up to its first NUL: SQLite matches patterns on C strings. */
    public static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    /** The code points of {@code s} (an unpaired surrogate counts as one character). */
    public static int[] codePoints(String s) {
        int[] out = new int[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            out[n++] = c;
            i += Character.charCount(c);
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
