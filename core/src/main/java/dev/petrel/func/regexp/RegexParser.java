package dev.petrel.func.regexp;

import dev.petrel.api.PetrelException;
import dev.petrel.value.Patterns;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the pattern dialect of SQLite's regexp extension (the one the sqlite3 shell loads) into a
 * {@link RegexNode} tree. The syntax, as that extension documents it:
 *
 * <pre>
 *   X*  X+  X?  X{p,q}  X{p}  X{p,}  X{,q}   repetition (greedy or not makes no difference: only "does it match")
 *   (X)  X|Y                                grouping, alternation (empty alternatives and "()" are allowed)
 *   ^  $                                    start / end of the string, anywhere in the pattern
 *   .                                       any one character (newline included)
 *   [abc] [^abc] [a-z]                      sets; ']' first in a set is literal; '-' after a character makes a range
 *   \w \W \s \S \d \D                       ASCII word [A-Za-z0-9_], space [\t\n\v\f\r ], digit [0-9], negations
 *   \b                                      word boundary
 *   \c for c in \{}()[]|*+?.^$              the character itself (also inside sets)
 *   \a \f \n \r \t \v  \xXX  \\uXXXX          C escapes, exactly 2 or 4 hex digits
 * </pre>
 *
 * <p>Characters are Unicode code points. Malformed patterns raise {@link PetrelException} with the extension's
 * messages ({@code unmatched '('}, {@code unclosed '['}, {@code '*' without operand}, {@code unknown \ escape},
 * {@code unmatched '{'}, {@code both m and n are zero in '{m,n}'}, {@code n less than m in '{m,n}'},
 * {@code unrecognized character}, {@code POSIX character classes not supported}). Quirks kept from the extension:
 * a quantifier directly after {@code ^} has no operand, while {@code $} and {@code \b} may be repeated; {@code {0,}}
 * counts as "both zero".
 */
final class RegexParser {
    /** Repetition counts above this are clamped (the program-size limit rejects them anyway). */
    private static final int MAX_COUNT = 1 << 20;

    private final int[] cps;
    private int pos;

    private RegexParser(String pattern) {
        this.cps = Patterns.codePoints(pattern);
    }

    /** The tree of {@code pattern}, or the extension's error. */
    static RegexNode parse(String pattern) {
        RegexParser p = new RegexParser(pattern);
        RegexNode n = p.alternation();
        if (p.pos < p.cps.length) {
            // Only a ')' without its '(' stops the top-level alternation early.
            throw PetrelException.error("unrecognized character");
        }
        return n;
    }

    private boolean more() {
        return pos < cps.length;
    }

    private RegexNode alternation() {
        List<RegexNode> alts = new ArrayList<>(2);
        alts.add(sequence());
        while (more() && cps[pos] == '|') {
            pos++;
            alts.add(sequence());
        }
        return alts.size() == 1 ? alts.get(0) : new RegexNode.Alt(alts);
    }

    private RegexNode sequence() {
        List<RegexNode> items = new ArrayList<>();
        // Whether the last item may take a quantifier: no item yet, or '^', leaves nothing to repeat.
        boolean operand = false;
        while (more() && cps[pos] != '|' && cps[pos] != ')') {
            int c = cps[pos];
            if (c == '*' || c == '+' || c == '?' || c == '{') {
                if (!operand) {
                    throw PetrelException.error(c == '{' ? "'{m,n}' without operand"
                            : "'" + (char) c + "' without operand");
                }
                pos++;
                RegexNode last = items.remove(items.size() - 1);
                if (c == '{') {
                    counted(last, items);
                } else {
                    items.add(new RegexNode.Repeat(last, c == '+' ? 1 : 0, c == '?' ? 1 : -1));
                }
                continue;
            }
            pos++;
            operand = true;
            switch (c) {
                case '(' -> {
                    RegexNode inner = alternation();
                    if (!more() || cps[pos] != ')') {
                        throw PetrelException.error("unmatched '('");
                    }
                    pos++;
                    items.add(inner);
                }
                case '[' -> items.add(set());
                case '.' -> items.add(RegexNode.Set.ANY);
                case '^' -> {
                    items.add(new RegexNode.Assert(RegexNode.Assert.BEGIN));
                    operand = false;
                }
                case '$' -> items.add(new RegexNode.Assert(RegexNode.Assert.END));
                case '\\' -> items.add(escapeOutsideSet());
                default -> items.add(new RegexNode.Set(new int[] {c, c}, false));
            }
        }
        return items.size() == 1 ? items.get(0) : new RegexNode.Concat(items);
    }

    /**
     * {@code {m}}, {@code {m,}}, {@code {,n}}, {@code {m,n}} after the '{', applied to {@code operand}. As in the
     * extension, X{m,n} is m copies of X then n-m copies of X? (X{m,} ends in X+ instead), and a quantifier that
     * follows applies to the last copy alone ({@code a{2}{3}} is {@code aa{3}}): so the copies go into
     * {@code items} as two entries, the last copy separate.
     */
    private void counted(RegexNode operand, List<RegexNode> items) {
        int min = number();
        int max = min;
        if (more() && cps[pos] == ',') {
            pos++;
            max = more() && isDigit(cps[pos]) ? number() : 0;
            if (max == 0 && min > 0) {
                max = -1;
            }
        }
        if (!more() || cps[pos] != '}') {
            throw PetrelException.error("unmatched '{'");
        }
        pos++;
        if (min == 0 && max == 0) {
            throw PetrelException.error("both m and n are zero in '{m,n}'");
        }
        if (max >= 0 && max < min) {
            throw PetrelException.error("n less than m in '{m,n}'");
        }
        RegexNode last;
        RegexNode before;
        if (max < 0) {
            before = min > 1 ? new RegexNode.Repeat(operand, min - 1, min - 1) : null;
            last = new RegexNode.Repeat(operand, 1, -1);
        } else if (max == min) {
            before = min > 1 ? new RegexNode.Repeat(operand, min - 1, min - 1) : null;
            last = operand;
        } else {
            before = max > 1 ? new RegexNode.Repeat(operand, min, max - 1) : null;
            last = new RegexNode.Repeat(operand, 0, 1);
        }
        if (before != null) {
            items.add(before);
        }
        items.add(last);
    }

    private int number() {
        long n = 0;
        while (more() && isDigit(cps[pos])) {
            n = Math.min(n * 10 + (cps[pos++] - '0'), MAX_COUNT);
        }
        return (int) n;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** A set after its '['. */
    private RegexNode set() {
        boolean negated = false;
        if (more() && cps[pos] == '^') {
            negated = true;
            pos++;
        }
        List<int[]> ranges = new ArrayList<>();
        boolean first = true;
        while (true) {
            if (!more()) {
                throw PetrelException.error("unclosed '['");
            }
            int c = cps[pos];
            if (c == ']' && !first) {
                pos++;
                break;
            }
            if (c == '[' && pos + 1 < cps.length && cps[pos + 1] == ':') {
                throw PetrelException.error("POSIX character classes not supported");
            }
            first = false;
            int lo = setChar();
            int hi = lo;
            if (pos + 1 < cps.length && cps[pos] == '-') {
                // A range; its end may be any character, ']' included ("[a-]" is unclosed, as in the extension).
                pos++;
                hi = setChar();
            }
            ranges.add(new int[] {lo, hi});
        }
        int[] flat = new int[ranges.size() * 2];
        for (int i = 0; i < ranges.size(); i++) {
            flat[2 * i] = ranges.get(i)[0];
            flat[2 * i + 1] = ranges.get(i)[1];
        }
        return new RegexNode.Set(flat, negated);
    }

    /** One character of a set: literal, or a character escape (class escapes are not allowed in sets). */
    private int setChar() {
        int c = cps[pos++];
        if (c != '\\') {
            return c;
        }
        int e = charEscape();
        if (e < 0) {
            throw PetrelException.error("unknown \\ escape");
        }
        return e;
    }

    /** An escape outside a set: a character, a class ({@code \w \s \d} and negations) or {@code \b}. */
    private RegexNode escapeOutsideSet() {
        if (!more()) {
            // A trailing backslash stands for nothing.
            return new RegexNode.Concat(List.of());
        }
        switch (cps[pos]) {
            case 'w', 'W', 's', 'S', 'd', 'D' -> {
                int k = cps[pos++];
                int[] ranges = k == 'w' || k == 'W' ? new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}
                        : k == 's' || k == 'S' ? new int[] {'\t', '\r', ' ', ' '}
                        : new int[] {'0', '9'};
                return new RegexNode.Set(ranges, Character.isUpperCase(k));
            }
            case 'b' -> {
                pos++;
                return new RegexNode.Assert(RegexNode.Assert.WORD_BOUNDARY);
            }
            default -> {
                int e = charEscape();
                if (e < 0) {
                    throw PetrelException.error("unknown \\ escape");
                }
                return new RegexNode.Set(new int[] {e, e}, false);
            }
        }
    }

    /** The character a {@code \}-escape (after the backslash) stands for, consuming it; -1 when unknown. */
    private int charEscape() {
        if (!more()) {
            return -1;
        }
        int c = cps[pos++];
        switch (c) {
            case '\\', '{', '}', '(', ')', '[', ']', '|', '*', '+', '?', '.', '^', '$':
                return c;
            case 'a':
                return 7;
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'v':
                return 11;
            case 'x':
                return hex(2);
            case 'u':
                return hex(4);
            default:
                return -1;
        }
    }

    private int hex(int digits) {
        if (pos + digits > cps.length) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(cps[pos + i], 16);
            if (d < 0 || cps[pos + i] > 'f') {
                return -1;
            }
            v = v * 16 + d;
        }
        pos += digits;
        return v;
    }
}
