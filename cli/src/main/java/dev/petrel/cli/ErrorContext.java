package dev.petrel.cli;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two lines sqlite3 prints under a prepare error: the statement text and a caret at the error offset.
 *
 * <p>The offset is the exception's {@code errorOffset()} ({@code sqlite3_error_offset}) where the engine sets one
 * (syntax errors); otherwise it is inferred from the message:
 * {@code near "X": syntax error} and {@code unrecognized token: "X"} point at the first occurrence of X;
 * {@code no such column: X}, {@code no such function: X} and {@code wrong number of arguments to function X()}
 * at the first occurrence of the name outside string literals ({@code t.x} as a whole). Messages SQLite gives no
 * offset for (such as {@code no such table}) get no context, as in sqlite3. Layout (sqlite3 3.40, counted in UTF-8
 * bytes): the text starts at most 50 bytes before the offset and runs for at most 78, whitespace shown as spaces;
 * the caret line is
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
        return of(sql, message, -1);
    }

    /**
     * As {@link #of(String, String)}, at {@code knownOffset} (the exception's {@code errorOffset()}, a character
     * offset in {@code sql}) when it is not negative, else at the offset inferred from the message.
     */
    static String of(String sql, String message, int knownOffset) {
        if ("incomplete input".equals(message)) {
            return ""; // SQLite reports no offset for it (sqlite3_error_offset is -1), so sqlite3 shows no caret
        }
        int charOffset = knownOffset >= 0 && knownOffset <= sql.length() ? knownOffset : offset(sql, message);
        if (charOffset < 0) {
            return "";
        }
        // sqlite3 counts in UTF-8 bytes and never starts or ends the excerpt inside a character
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        int offset = sql.substring(0, charOffset).getBytes(StandardCharsets.UTF_8).length;
        int start = 0;
        while (offset > MAX_LEAD) {
            offset--;
            start++;
            while (start < text.length && (text[start] & 0xc0) == 0x80) {
                start++;
                offset--;
            }
        }
        int len = text.length - start;
        if (len > MAX_WIDTH) {
            len = MAX_WIDTH;
            while (len > 0 && start + len < text.length && (text[start + len] & 0xc0) == 0x80) {
                len--;
            }
        }
        byte[] shown = new byte[len];
        for (int i = 0; i < len; i++) {
            byte c = text[start + i];
            shown[i] = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b ? (byte) ' ' : c;
        }
        String line = new String(shown, StandardCharsets.UTF_8);
        if (offset < CARET_SWITCH) {
            return "\n  " + line + "\n  " + " ".repeat(Math.max(0, offset)) + "^--- error here";
        }
        return "\n  " + line + "\n  " + " ".repeat(offset - 14) + "error here ---^";
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
            int at = findName(sql, name);
            if (at < 0 && name.contains(".")) {
                at = findName(sql, name.substring(name.lastIndexOf('.') + 1));
            }
            return at;
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
