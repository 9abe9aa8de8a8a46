package dev.petrel.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into statements at top-level semicolons, the way {@code sqlite3_complete} decides where a statement
 * ends. The engine's {@code prepare} compiles only the first statement and reports no tail, so both the driver
 * ({@code Statement.execute} of a script) and the shell split the text here first.
 *
 * <p>Rules: semicolons inside string literals ({@code '...'}), quoted identifiers ({@code "..."}, {@code `...`},
 * {@code [...]}) and comments ({@code -- ...}, {@code /* ... *&#47;}) do not count. In the body of
 * {@code CREATE [TEMP|TEMPORARY] TRIGGER} (optionally after {@code EXPLAIN}), only the sequence {@code ; END ;}
 * ends the statement, exactly as sqlite3_complete's trigger states do.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    /**
     * The index just past the semicolon that ends the statement starting at {@code from}, or -1 if the text
     * from there holds no complete statement.
     */
    public static int endOfStatement(String sql, int from) {
        int n = sql.length();
        int i = from;
        int keywordCount = 0;
        boolean trigger = false;
        boolean sawCreate = false;
        int triggerState = 0; // 1 = just after ';' in a trigger body, 2 = just after '; END'
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 2;
                continue;
            }
            if (c == ';') {
                i++;
                if (!trigger || triggerState == 2) {
                    return i;
                }
                triggerState = 1;
                continue;
            }
            int tokenEnd;
            String word = null;
            if (c == '\'' || c == '"' || c == '`') {
                tokenEnd = skipQuoted(sql, i, c);
            } else if (c == '[') {
                int close = sql.indexOf(']', i + 1);
                tokenEnd = close < 0 ? -1 : close + 1;
            } else if (isIdChar(c)) {
                tokenEnd = i + 1;
                while (tokenEnd < n && isIdChar(sql.charAt(tokenEnd))) {
                    tokenEnd++;
                }
                word = sql.substring(i, tokenEnd);
            } else {
                tokenEnd = i + 1;
            }
            if (tokenEnd < 0) {
                return -1;
            }
            if (!trigger) {
                keywordCount++;
                if (word == null) {
                    keywordCount = 100; // anything else ends the CREATE ... TRIGGER prefix
                } else if (keywordCount == 1 && word.equalsIgnoreCase("EXPLAIN")) {
                    keywordCount = 0;
                } else if (keywordCount == 1 && word.equalsIgnoreCase("CREATE")) {
                    sawCreate = true;
                } else if (sawCreate && keywordCount == 2
                        && (word.equalsIgnoreCase("TEMP") || word.equalsIgnoreCase("TEMPORARY"))) {
                    keywordCount = 1;
                } else if (sawCreate && keywordCount == 2 && word.equalsIgnoreCase("TRIGGER")) {
                    trigger = true;
                }
            } else {
                triggerState = triggerState == 1 && word != null && word.equalsIgnoreCase("END") ? 2 : 0;
            }
            i = tokenEnd;
        }
        return -1;
    }

    /** Whether {@code sql} ends with a complete statement ({@code sqlite3_complete}): the core lexer's rule. */
    public static boolean isComplete(String sql) {
        return dev.petrel.sql.lexer.Lexer.isComplete(sql);
    }

    /**
     * The statements of {@code sql} with their terminating semicolons, skipping empty ones (only spaces, comments
     * or semicolons); an unterminated last statement is returned as it is.
     */
    public static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        int pos = 0;
        while (pos < sql.length()) {
            int end = endOfStatement(sql, pos);
            if (end < 0) {
                end = sql.length();
            }
            String piece = sql.substring(pos, end);
            if (!isBlank(piece, 0, piece.length())) {
                out.add(piece);
            }
            pos = end;
        }
        return out;
    }

    /** Whether {@code sql[from, to)} holds only whitespace, comments and semicolons. */
    public static boolean isBlank(String sql, int from, int to) {
        int i = from;
        while (i < to) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (c == '-' && i + 1 < to && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 || eol >= to ? to : eol + 1;
            } else if (c == '/' && i + 1 < to && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 || close + 2 > to ? to : close + 2;
            } else {
                return false;
            }
        }
        return true;
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    private static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }
}
