package dev.petrel.cli;

/**
 * {@code .schema --indent} as sqlite3 3.40 prints a CREATE TABLE or CREATE INDEX: runs of whitespace (inside quotes
 * too, as sqlite3 does) become one space, none is kept just after {@code (} or before {@code (} and {@code )}; a statement still longer
 * than 78 characters then gets one line per top-level item: a line break after its outer {@code (} and after each
 * comma at that depth (indented by two spaces), and its outer {@code )} on a line of its own.
 */
final class SchemaIndent {
    private static final int MAX_ONE_LINE = 78;

    private SchemaIndent() {
    }

    static String pretty(String sql) {
        String flat = collapse(sql);
        return flat.length() > MAX_ONE_LINE ? split(flat) : flat;
    }

    /** Quote characters and the character closing each: ' " ` and [ ]. */
    private static char closer(char c) {
        return switch (c) {
            case '\'', '"', '`' -> c;
            case '[' -> ']';
            default -> 0;
        };
    }

    private static String collapse(String sql) {
        StringBuilder sb = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                char next = i < n ? sql.charAt(i) : ')';
                char prev = sb.length() == 0 ? '(' : sb.charAt(sb.length() - 1);
                if (prev != '(' && next != '(' && next != ')') {
                    sb.append(' ');
                }
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static String split(String flat) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        int n = flat.length();
        for (int i = 0; i < n; i++) {
            char c = flat.charAt(i);
            char close = closer(c);
            if (close != 0) {
                int end = flat.indexOf(close, i + 1);
                end = end < 0 ? n : end + 1;
                sb.append(flat, i, end);
                i = end - 1;
            } else if (c == '(') {
                depth++;
                sb.append(c);
                if (depth == 1) {
                    sb.append("\n  ");
                }
            } else if (c == ')') {
                if (depth == 1) {
                    sb.append('\n');
                }
                depth--;
                sb.append(c);
            } else if (c == ',' && depth == 1) {
                sb.append(",\n  ");
                if (i + 1 < n && flat.charAt(i + 1) == ' ') {
                    i++;
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
