package dev.petrel.engine;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the same SQL on Petrel (in memory) and on real SQLite (sqlite-jdbc, in memory) and renders each result as
 * text: rows as {@code [v1, v2]} with typed values, or {@code error: message}. Tests compare the two renderings.
 */
final class Oracle implements AutoCloseable {
    final Database db;
    final Connection petrel;
    final java.sql.Connection sqlite;

    Oracle() {
        this(Petrel.openMemory(), "jdbc:sqlite::memory:");
    }

    /** Petrel on {@code db} against SQLite opened at {@code sqliteUrl} (for tests on files). */
    Oracle(Database db, String sqliteUrl) {
        this.db = db;
        this.petrel = db.connect();
        try {
            sqlite = DriverManager.getConnection(sqliteUrl);
        } catch (java.sql.SQLException e) {
            throw new RuntimeException(e);
        }
    }

    static String render(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof byte[] b) {
            return "x'" + java.util.HexFormat.of().formatHex(b) + "'";
        }
        if (v instanceof Double d) {
            return "r" + d;
        }
        if (v instanceof Long || v instanceof Integer) {
            return "i" + v;
        }
        return "'" + v + "'";
    }

    String petrel(String sql) {
        try (Statement s = petrel.prepare(sql)) {
            List<String> rows = new ArrayList<>();
            while (s.step()) {
                String[] r = new String[s.columnCount()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = render(s.columnValue(i));
                }
                rows.add(Arrays.toString(r));
            }
            return String.join("\n", rows);
        } catch (PetrelException e) {
            return "error: " + e.getMessage();
        }
    }

    String sqlite(String sql) {
        try (java.sql.Statement st = sqlite.createStatement()) {
            boolean has = st.execute(sql);
            if (!has) {
                return "";
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    String[] r = new String[md.getColumnCount()];
                    for (int i = 0; i < r.length; i++) {
                        Object o = rs.getObject(i + 1);
                        if (o instanceof Integer n) {
                            o = n.longValue();
                        }
                        r[i] = render(o);
                    }
                    rows.add(Arrays.toString(r));
                }
            }
            return String.join("\n", rows);
        } catch (java.sql.SQLException e) {
            String m = e.getMessage();
            int p = m.indexOf("] ");
            if (m.startsWith("[SQLITE")) {
                m = m.substring(p + 2);
                if (m.startsWith("A ") || m.contains(" (")) {
                    int q = m.indexOf(" (");
                    int r = m.lastIndexOf(')');
                    if (q >= 0 && r > q) {
                        m = m.substring(q + 2, r);
                    }
                }
            }
            return "error: " + m;
        }
    }

    /** Runs each statement on both engines; one entry (SQL and both results) per statement whose results differ. */
    List<String> differences(String... script) {
        List<String> diffs = new ArrayList<>();
        for (String sql : script) {
            String p = petrel(sql);
            String s = sqlite(sql);
            if (!p.equals(s)) {
                diffs.add(sql + "\n  petrel: " + p.replace("\n", " | ") + "\n  sqlite: " + s.replace("\n", " | "));
            }
        }
        return diffs;
    }

    /**
     * Runs {@code script} statement by statement on both engines and returns every difference (empty if none):
     * the statement, then Petrel's and SQLite's renderings.
     */
    static String scriptDifferences(String... script) {
        List<String> diffs = new ArrayList<>();
        try (Oracle o = new Oracle()) {
            for (String sql : script) {
                String p = o.petrel(sql);
                String s = o.sqlite(sql);
                if (sql.startsWith("EXPLAIN QUERY PLAN")) {
                    // Plan ids are opcode addresses in SQLite: compare the detail column only.
                    p = planDetails(p);
                    s = planDetails(s);
                }
                if (!p.equals(s)) {
                    diffs.add(sql + "\n  petrel: " + p.replace("\n", " | ") + "\n  sqlite: " + s.replace("\n", " | "));
                }
            }
        }
        return String.join("\n", diffs);
    }

    /** {@code first} followed by {@code rest}: a shared schema script and a test's statements. */
    static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private static String planDetails(String rendered) {
        StringBuilder out = new StringBuilder();
        for (String line : rendered.split("\n")) {
            int q = line.indexOf('\'');
            out.append(q < 0 ? line : line.substring(q)).append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        petrel.close();
        db.close();
        try {
            sqlite.close();
        } catch (java.sql.SQLException e) {
            throw new RuntimeException(e);
        }
    }
}
