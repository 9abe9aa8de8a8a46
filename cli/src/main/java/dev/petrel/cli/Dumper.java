package dev.petrel.cli;

import dev.petrel.api.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .dump ?OBJECTS?}: the database as SQL text that rebuilds it, in sqlite3 3.40's layout.
 *
 * <pre>
 *   PRAGMA foreign_keys=OFF;
 *   BEGIN TRANSACTION;
 *   CREATE TABLE ...;  INSERT INTO t VALUES(...);   -- each table in rowid order of sqlite_schema
 *   DELETE FROM sqlite_sequence; INSERT INTO sqlite_sequence VALUES(...);   -- if it exists, after the tables
 *   CREATE INDEX/TRIGGER/VIEW ...;                   -- in rowid order
 *   COMMIT;
 * </pre>
 * Row values are written as insert mode writes them (REAL via {@link RealFormat}, text with newlines escaped).
 */
final class Dumper {
    private final Shell shell;
    private final TextOut out;

    Dumper(Shell shell) {
        this(shell, shell.out);
    }

    /** A dumper writing to {@code out} instead of the shell's output ({@code .backup} of an in-memory database). */
    Dumper(Shell shell, TextOut out) {
        this.shell = shell;
        this.out = out;
    }

    /** Objects are chosen by their own name (so {@code .dump t} leaves out index {@code ti} of table t). */
    private boolean selected(List<String> patterns, String name) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (String p : patterns) {
            if (Catalog.like(p, name)) {
                return true;
            }
        }
        return false;
    }

    boolean dump(List<String> patterns) {
        for (String p : patterns) {
            if (p.startsWith("-")) {
                shell.err.print("Unknown option \"" + p + "\" on \".dump\"\n");
                return false;
            }
        }
        out.print("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
        List<Object[]> tables = new ArrayList<>();
        Object[] sequence = null;
        for (Object[] r : DotCommands.query(shell, "SELECT name, type, sql, tbl_name FROM sqlite_schema "
                + "WHERE sql NOT NULL AND type = 'table' ORDER BY rowid")) {
            if (!selected(patterns, (String) r[0])) {
                continue;
            }
            if ("sqlite_sequence".equals(r[0])) {
                sequence = r;
            } else {
                tables.add(r);
            }
        }
        if (sequence != null) {
            tables.add(sequence);
        }
        for (Object[] t : tables) {
            String name = (String) t[0];
            String sql = (String) t[2];
            if (name.equals("sqlite_sequence")) {
                out.print("DELETE FROM sqlite_sequence;\n");
            } else if (name.startsWith("sqlite_stat")) {
                out.print("ANALYZE sqlite_schema;\n");
            } else if (name.startsWith("sqlite_")) {
                continue;
            } else {
                out.print(Catalog.createText(sql) + ";\n");
            }
            rows(name);
        }
        for (Object[] r : DotCommands.query(shell, "SELECT sql, name FROM sqlite_schema "
                + "WHERE sql NOT NULL AND type IN ('index','trigger','view') ORDER BY rowid")) {
            if (selected(patterns, (String) r[1])) {
                out.print(r[0] + ";\n");
            }
        }
        out.print("COMMIT;\n");
        return true;
    }

    private void rows(String table) {
        String prefix = "INSERT INTO " + SqlQuoting.identifier(table) + " VALUES(";
        try (Statement st = shell.connection().prepare("SELECT * FROM " + SqlQuoting.quotedIdentifier(table))) {
            while (st.step()) {
                StringBuilder sb = new StringBuilder(prefix);
                for (int i = 0; i < st.columnCount(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append(SqlQuoting.literal(st, i, true));
                }
                out.print(sb.append(");\n").toString());
            }
        }
    }
}
