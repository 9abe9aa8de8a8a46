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

    /** The names of the connection's databases (main, temp once created, the attached ones), in number order. */
    private static List<String> databaseNames(Shell shell) {
        List<String> out = new ArrayList<>();
        for (Object[] r : DotCommands.query(shell, "PRAGMA database_list")) {
            out.add((String) r[1]);
        }
        return out;
    }

    /** {@code .databases}: one line per database, "name: file r/w" ({@code ""} for a database without a file). */
    static boolean databases(Shell shell) {
        StringBuilder sb = new StringBuilder();
        for (Object[] r : DotCommands.query(shell, "PRAGMA database_list")) {
            String file = (String) r[2];
            sb.append(r[1]).append(": ").append(file == null || file.isEmpty() ? "\"\"" : file).append(" r/w\n");
        }
        shell.out.print(sb.toString());
        return true;
    }

    /**
     * {@code .tables} or {@code .indexes}: names sorted, in columns down then across an 80-character line; objects
     * of databases other than main are shown as {@code db.name}, as sqlite3 does.
     */
    static boolean listNames(Shell shell, boolean tables, String pattern) {
        List<String> names = new ArrayList<>();
        for (String db : databaseNames(shell)) {
            String from = SqlQuoting.quotedIdentifier(db) + ".sqlite_schema";
            String sql = tables ? "SELECT name, tbl_name FROM " + from + " WHERE type IN ('table','view')"
                    : "SELECT name, tbl_name FROM " + from + " WHERE type='index'";
            String prefix = db.equalsIgnoreCase("main") ? "" : db + ".";
            for (Object[] r : DotCommands.query(shell, sql)) {
                String name = (String) r[0];
                String matchOn = tables ? name : (String) r[1];
                if (tables && name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                    continue;
                }
                if (pattern == null || like(pattern, matchOn)) {
                    names.add(prefix + name);
                }
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

    /**
     * {@code .schema ?--indent? ?PATTERN?}: every database's CREATE texts, main first; those of other databases name
     * their database before the object ({@code CREATE TABLE aux.t(...)}), as sqlite3's shell_add_schema does.
     */
    static boolean schema(Shell shell, String pattern, boolean indent) {
        StringBuilder sb = new StringBuilder();
        if (pattern != null && (like(pattern, "sqlite_master") || like(pattern, "sqlite_schema"))) {
            // sqlite3 describes the schema table itself under the name as given
            sb.append("CREATE TABLE ").append(pattern).append(" (\n  type text,\n  name text,\n  tbl_name text,\n"
                    + "  rootpage integer,\n  sql text\n);\n");
        }
        for (String db : databaseNames(shell)) {
            String schema = db.equalsIgnoreCase("main") ? null : db;
            for (Object[] r : DotCommands.query(shell, "SELECT sql, type, name, tbl_name FROM "
                    + SqlQuoting.quotedIdentifier(db) + ".sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")) {
                String name = (String) r[2];
                if (pattern != null && !like(pattern, (String) r[3]) && !like(pattern, name)) {
                    continue;
                }
                String text = createText(withSchema((String) r[0], schema));
                boolean viewOrTrigger = "view".equals(r[1]) || "trigger".equals(r[1]);
                sb.append(indent && !viewOrTrigger ? SchemaIndent.pretty(text) : text);
                if ("view".equals(r[1])) {
                    String cols = viewColumns(shell, schema, name);
                    if (cols != null) {
                        sb.append("\n/* ").append(schemaPrefix(schema)).append(SqlQuoting.identifier(name))
                                .append('(').append(cols).append(") */");
                    }
                }
                sb.append(";\n");
            }
        }
        shell.out.print(sb.toString());
        return true;
    }

    private static final String[] CREATE_KINDS = {"TABLE", "INDEX", "UNIQUE INDEX", "VIEW", "TRIGGER",
        "VIRTUAL TABLE"};

    /** {@code sql} with {@code schema.} put before the object name ({@code schema} null: unchanged). */
    private static String withSchema(String sql, String schema) {
        if (schema == null || !sql.startsWith("CREATE ")) {
            return sql;
        }
        for (String kind : CREATE_KINDS) {
            int n = kind.length();
            if (sql.startsWith(kind, 7) && sql.length() > n + 7 && sql.charAt(n + 7) == ' ') {
                return sql.substring(0, n + 7) + " " + schemaPrefix(schema) + sql.substring(n + 8);
            }
        }
        return sql;
    }

    /** "schema." as sqlite3 writes it before a name (quoted when it must be, except temp); "" for null. */
    private static String schemaPrefix(String schema) {
        if (schema == null) {
            return "";
        }
        return (schema.equalsIgnoreCase("temp") ? schema : SqlQuoting.identifier(schema)) + ".";
    }

    private static String viewColumns(Shell shell, String schema, String view) {
        String from = (schema == null ? "" : SqlQuoting.quotedIdentifier(schema) + ".")
                + SqlQuoting.quotedIdentifier(view);
        try (Statement st = shell.connection().prepare("SELECT * FROM " + from)) {
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
