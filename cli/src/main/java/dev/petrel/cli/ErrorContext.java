package dev.petrel.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two lines sqlite3 prints under a prepare error: the statement text and a caret at the error offset.
 *
 * <p>The public API reports no error offset ({@code sqlite3_error_offset}), so it is inferred from the message:
 * {@code near "X": syntax error} and {@code unrecognized token: "X"} point at the first occurrence of X;
 * {@code no such column: X}, {@code no such function: X} and {@code wrong number of arguments to function X()}
 * at the first occurrence of the name outside string literals. Messages SQLite gives no offset for (such as
 * {@code no such table}) get no context, as in sqlite3. Layout (sqlite3 3.40): the text starts at most 50
 * characters before the offset and runs for at most 78, whitespace shown as spaces; the caret line is
 * {@code ^--- error here} below the offset, or {@code error here ---^} ending at it when the offset is 25 or more.
 */
final class ErrorContext {
    private static final int MAX_LEAD = 50;
    private static final int MAX_WIDTH = 78;
    private static final int CARET_SWITCH = 25;
    private static final Pattern QUOTED = Pattern.compile("^(?:near \"(.*)\": syntax error|unrecognized token: \"(.*)\")$",
            Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile(
            "^(?:no such column: |no such function: |wrong number of arguments to function )([^()]+)(?:\\(\\))?$");

    private ErrorContext() {
    }

    /** The context text (starting with a newline) for an error in {@code sql}, or "" when there is no offset. */
    static String of(String sql, String message) {
        int offset = offset(sql, message);
        if (offset < 0) {
            return "";
        }
        String text = sql;
        while (offset > MAX_LEAD) {
            int step = Character.charCount(text.codePointAt(0));
            text = text.substring(step);
            offset -= step;
        }
        if (text.length() > MAX_WIDTH) {
            text = text.substring(0, MAX_WIDTH);
        }
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            shown.append(Character.isWhitespace(c) ? ' ' : c);
        }
        if (offset < CARET_SWITCH) {
            return "\n  " + shown + "\n  " + " ".repeat(offset) + "^--- error here";
        }
        return "\n  " + shown + "\n  " + " ".repeat(offset - 14) + "error here ---^";
    }

    /** The inferred error offset, or -1. */
    static int offset(String sql, String message) {
        if (message == null) {
            return -1;
        }
        Matcher q = QUOTED.matcher(message);
        if (q.matches()) {
            String token = q.group(1) != null ? q.group(1) : q.group(2);
            return token.isEmpty() ? -1 : sql.indexOf(token);
        }
        Matcher n = NAMED.matcher(message);
        if (n.matches()) {
            String name = n.group(1);
            String dotted = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            return findName(sql, dotted);
        }
        return -1;
    }

    /** The offset of identifier {@code name} (ignoring case) outside string literals, or -1. */
    private static int findName(String sql, String name) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int close = sql.indexOf('\'', i + 1);
                i = close < 0 ? sql.length() : close + 1;
                continue;
            }
            if (sql.regionMatches(true, i, name, 0, name.length())
                    && (i == 0 || !isIdChar(sql.charAt(i - 1)))
                    && (i + name.length() >= sql.length() || !isIdChar(sql.charAt(i + name.length())))) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
