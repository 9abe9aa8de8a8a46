package dev.petrel.func.regexp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.api.PetrelException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The regexp engine against java.util.regex (for the part of the dialect both share, java's {@code find()} is the
 * same unanchored search), the extension's error messages, and linear time on patterns that make backtracking
 * engines explode.
 */
class RegexProgramTest {
    /** Patterns whose meaning is the same in the extension's dialect and in java.util.regex. */
    private static final String[] PATTERNS = {
        "", "a", "abc", "a.c", "^abc", "abc$", "^abc$", "^$", "a*", "a+", "a?", "^a*$", "^a+$", "ba*c", "ba+c",
        "ba?c", "a|b", "^(a|b)*$", "(ab)+", "^(ab)+$", "(a|bc|def)+x", "x(a|)y", "[abc]", "[^abc]", "[a-z]+",
        "^[a-z]+$", "[^a-z]", "[]a]", "[a\\]]", "[-a]", "[a-c-e]", "\\w+", "^\\w+$", "\\W", "\\s", "\\S",
        "\\d{3}", "\\D", "\\bfoo\\b", "\\bfoo", "foo\\b", "a{2}", "^a{2}$", "^a{2,}$", "^a{2,3}$", "^a{1,2}b{2}$",
        "(a|b){2,4}c", "\\.", "\\*", "\\+\\?", "\\(x\\)", "\\[", "\\{", "\\|", "\\\\", "\\^", "\\$", "x\\ty",
        "\\x41", "\\u00e9", "é+", "^.$", "^..$", "日本", "^.x$", "[à-ê]", "(a*)*b", "(a|aa)*c", "(a*)*", "(a?)*$",
        "$a", "a^", "b$|^a", "(^a)", "(b$)", "a$|^b", "[.]", "[*+?]", "\\b", "^\\b", "\\b$",
        "(x|y|)+z", "((a)(b))", "a{0,1}b", "^(a{1,3}){2}$", "[0-9]{2,}[a-f]",
    };

    private static final String[] TEXTS = {
        "", "a", "b", "abc", "xabcx", "aaa", "aaaa", "ab", "abab", "bac", "bc", "baac", "c", "xay", "xy", "x y",
        "foo", "foo bar", "afoo", "foobar", "a.c", "a*c", "+?", "(x)", "[", "{", "|", "\\", "^", "$", "x\ty",
        "A", "é", "éé", "日本語", "😎x", "😎", "ê", "à", "]", "-", "d", "e", "123", "12ab", "a1_", " \t\n", "aaaaaaac",
        "aab", "xxc", "aaaaaa", "defx", "bcx", "abx", "99f", "b",
    };

    @Test
    void agreesWithJavaRegexOnTheSharedDialect() {
        List<String> differences = new ArrayList<>();
        int checked = 0;
        for (String p : PATTERNS) {
            RegexProgram program = RegexProgram.compile(p);
            Pattern java = JavaRegexReference.compile(p);
            for (String t : TEXTS) {
                boolean expected = java.matcher(t).find();
                if (program.find(t) != expected) {
                    differences.add("/" + p + "/ on '" + t + "': expected " + expected);
                }
                checked++;
            }
        }
        assertEquals(List.of(), differences);
        assertEquals(PATTERNS.length * TEXTS.length, checked);
    }

    @Test
    void dialectDetails() {
        assertTrue(find("a\\u0062c", "abc"));
        assertTrue(find(".", "\n"), "'.' matches a newline");
        assertFalse(find("\\w", "é"), "\\w is ASCII only");
        assertFalse(find("\\d", "٣"), "\\d is ASCII only");
        assertTrue(find("\\s", "\u000b"));
        assertFalse(find("\\s", "\u00a0"));
        assertTrue(find("^a{,2}$", "aa"));
        assertFalse(find("^a{,2}$", "aaa"));
        assertTrue(find("$*", "a"), "'$' may be repeated");
        assertTrue(find("\\b*", "a"));
        assertTrue(find("a\\", "a"), "a trailing backslash stands for nothing");
        assertTrue(find("a??", "b"));
        assertTrue(find("a+?b", "b"), "'?' after a quantifier is another quantifier, not laziness");
        assertTrue(find("^a{2}{3}$", "aaaa"), "a quantifier after {m,n} repeats the last copy");
        assertFalse(find("^a{2}{3}$", "aaaaaa"));
        assertTrue(find("^(ab){2}+$", "ababab"));
        assertFalse(find("^(ab){2}*$", "aab"));
        assertTrue(find("^a{1,2}{2}$", "aa"));
        assertTrue(find("^a?{2}$", "a"));
        assertTrue(find("\\a\\f\\n\\r\\t\\v", "\u0007\f\n\r\t\u000b"));
        assertTrue(find("😎", "x😎"));
        assertFalse(find("^.$", "😎😎"));
        assertFalse(find("[z-a]", "a"), "a reversed range is empty");
        assertFalse(find("^a|b$", "12ab"), "a leading '^' anchors every alternative");
        assertTrue(find("^a|x", "xa"));
        assertTrue(find("b$|^a", "12ab"));
    }

    @Test
    void errorsUseTheExtensionsMessages() {
        assertError("(a", "unmatched '('");
        assertError("((a)", "unmatched '('");
        assertError("a)", "unrecognized character");
        assertError("[a", "unclosed '['");
        assertError("[a-]", "unclosed '['");
        assertError("[]", "unclosed '['");
        assertError("[^]", "unclosed '['");
        assertError("[[:upper:]]", "POSIX character classes not supported");
        assertError("*a", "'*' without operand");
        assertError("a|+", "'+' without operand");
        assertError("(?:a)", "'?' without operand");
        assertError("^*", "'*' without operand");
        assertError("{2}", "'{m,n}' without operand");
        assertError("^{2}", "'{m,n}' without operand");
        assertError("a{2", "unmatched '{'");
        assertError("a{x}", "unmatched '{'");
        assertError("a{ 2}", "unmatched '{'");
        assertError("a{1,2", "unmatched '{'");
        assertError("a{0}", "both m and n are zero in '{m,n}'");
        assertError("a{0,}", "both m and n are zero in '{m,n}'");
        assertError("a{,}", "both m and n are zero in '{m,n}'");
        assertError("a{3,1}", "n less than m in '{m,n}'");
        assertError("\\q", "unknown \\ escape");
        assertError("\\1", "unknown \\ escape");
        assertError("\\B", "unknown \\ escape");
        assertError("\\-", "unknown \\ escape");
        assertError("\\u12", "unknown \\ escape");
        assertError("\\xg1", "unknown \\ escape");
        assertError("[\\d]", "unknown \\ escape");
        assertError("((a{1000}){1000}){3}", "regular expression too complex");
    }

    @Test
    void pathologicalPatternsRunInLinearTime() {
        String as = "a".repeat(20_000);
        long start = System.nanoTime();
        assertFalse(find("(a*)*b", as));
        assertFalse(find("(a|a)*b", as));
        assertFalse(find("(a|aa)*b", as));
        assertFalse(find("^(a+)+$", as + "!"));
        assertFalse(find("(x+x+)+y", "x".repeat(20_000)));
        assertTrue(find("(a*)*b", as + "b"));
        assertFalse(find("a{100}b", as));
        assertTrue(find("(a?){50}a{50}", "a".repeat(50)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 10_000, "took " + millis + " ms");
    }

    private static boolean find(String pattern, String text) {
        return RegexProgram.compile(pattern).find(text);
    }

    private static void assertError(String pattern, String message) {
        PetrelException e = assertThrows(PetrelException.class, () -> RegexProgram.compile(pattern), pattern);
        assertEquals(message, e.getMessage(), pattern);
    }
}
