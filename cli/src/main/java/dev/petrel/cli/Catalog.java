package dev.petrel.cli;

import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code .tables}, {@code .indexes} and {@code .schema}: reads {@code sqlite_schema} and prints as sqlite3 does.
 * Name patterns are LIKE patterns ({@code %}, {@code _}, ASCII case-insensitive), matched here rather than in SQL.
 */
final class Catalog {
    private static final int SCREEN_WIDTH = 80;

    private Catalog() {
    }

    /** SQL LIKE without ESCAPE: {@code %} any run, {@code _} one character, ASCII letters case-insensitive. */
    static boolean like(String pattern, String text) {
        return like(pattern, 0, text, 0);
    }

    private static boolean like(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                for (int k = ti; k <= t.length(); k++) {
                    if (like(p, pi + 1, t, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length()) {
                return false;
            }
            if (c != '_' && Character.toLowerCase(c) != Character.toLowerCase(t.charAt(ti))) {
                return false;
            }
            pi++;
            ti++;
        }
        return ti == t.length();
    }

    /** {@code .tables} or {@code .indexes}: names sorted, in columns down then across an 80-character line. */
    static boolean listNames(Shell shell, boolean tables, String pattern) {
        List<String> names = new ArrayList<>();
        String sql = tables ? "SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table','view')"
                : "SELECT name, tbl_name FROM sqlite_schema WHERE type='index'";
        for (Object[] r : DotCommands.query(shell, sql)) {
            String name = (String) r[0];
            String matchOn = tables ? name : (String) r[1];
            if (tables && name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                continue;
            }
            if (pattern == null || like(pattern, matchOn)) {
                names.add(name);
            }
        }
        Collections.sort(names);
        if (names.isEmpty()) {
            return true;
        }
        int maxLen = 0;
        for (String n : names) {
            maxLen = Math.max(maxLen, ResultPrinter.utf8Length(n));
        }
        int cols = Math.max(1, SCREEN_WIDTH / (maxLen + 2));
        int rows = (names.size() + cols - 1) / cols;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int j = i; j < names.size(); j += rows) {
                String n = names.get(j);
                sb.append(j == i ? "" : "  ").append(n)
                        .append(" ".repeat(Math.max(0, maxLen - ResultPrinter.utf8Length(n))));
            }
            sb.append('\n');
        }
        shell.out.print(sb.toString());
        return true;
    }

    /** The CREATE statement as {@code .schema} and {@code .dump} print it (quoted names get IF NOT EXISTS). */
    static String createText(String sql) {
        if (sql.length() > 13 && sql.regionMatches(true, 0, "CREATE TABLE ", 0, 13)
                && (sql.charAt(13) == '"' || sql.charAt(13) == '\'')) {
            return "CREATE TABLE IF NOT EXISTS " + sql.substring(13);
        }
        return sql;
    }

    /** {@code .schema ?--indent? ?PATTERN?}. */
    static boolean schema(Shell shell, String pattern, boolean indent) {
        StringBuilder sb = new StringBuilder();
        if (pattern != null && (like(pattern, "sqlite_master") || like(pattern, "sqlite_schema"))) {
            // sqlite3 describes the schema table itself under the name as given
            sb.append("CREATE TABLE ").append(pattern).append(" (\n  type text,\n  name text,\n  tbl_name text,\n"
                    + "  rootpage integer,\n  sql text\n);\n");
        }
        for (Object[] r : DotCommands.query(shell,
                "SELECT sql, type, name, tbl_name FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")) {
            String name = (String) r[2];
            if (pattern != null && !like(pattern, (String) r[3]) && !like(pattern, name)) {
                continue;
            }
            String text = createText((String) r[0]);
            boolean viewOrTrigger = "view".equals(r[1]) || "trigger".equals(r[1]);
            sb.append(indent && !viewOrTrigger ? SchemaIndent.pretty(text) : text);
            if ("view".equals(r[1])) {
                String cols = viewColumns(shell, name);
                if (cols != null) {
                    sb.append("\n/* ").append(SqlQuoting.identifier(name)).append('(').append(cols).append(") */");
                }
            }
            sb.append(";\n");
        }
        shell.out.print(sb.toString());
        return true;
    }

    private static String viewColumns(Shell shell, String view) {
        try (Statement st = shell.connection().prepare("SELECT * FROM " + SqlQuoting.quotedIdentifier(view))) {
            StringBuilder cols = new StringBuilder();
            for (int i = 0; i < st.columnCount(); i++) {
                cols.append(i > 0 ? "," : "").append(SqlQuoting.identifier(st.columnName(i)));
            }
            return cols.toString();
        } catch (PetrelException e) {
            return null;
        }
    }
}
