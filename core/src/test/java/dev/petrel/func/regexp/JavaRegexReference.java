package dev.petrel.func.regexp;

import java.util.regex.Pattern;

/**
 * java.util.regex as a reference for the part of the regexp extension's dialect both share (tests only: core may
 * not use java.util.regex). {@link java.util.regex.Matcher#find()} is the same unanchored search as REGEXP.
 */
public final class JavaRegexReference {
    private JavaRegexReference() {
    }

    /** {@code pattern} (of the shared dialect) compiled by java.util.regex. */
    public static Pattern compile(String pattern) {
        return Pattern.compile(toJava(pattern));
    }

    /**
     * The java.util.regex spelling of a pattern of the shared dialect: java's '$' also matches before a final line
     * terminator and its \\b treats non-ASCII letters as word characters, so both are spelled out.
     */
    static String toJava(String p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                char e = p.charAt(++i);
                sb.append(e == 'b' ? "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))" : "\\" + e);
            } else {
                sb.append(c == '$' ? "\\z" : String.valueOf(c));
            }
        }
        return sb.toString();
    }

}
