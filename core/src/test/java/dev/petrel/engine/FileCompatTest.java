package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.Statement;
import dev.petrel.vfs.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files written by Petrel through SQL are valid SQLite databases: real SQLite (sqlite-jdbc) passes PRAGMA
 * integrity_check on them and reads the same schema and rows; and Petrel reads files SQLite wrote.
 */
class FileCompatTest {
    private static int scale() {
        return Integer.getInteger("petrel.test.scale", 1);
    }

    static List<String> petrelRows(Connection c, String sql) {
        List<String> out = new ArrayList<>();
        try (Statement s = c.prepare(sql)) {
            while (s.step()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < s.columnCount(); i++) {
                    sb.append(i > 0 ? "|" : "").append(Oracle.render(s.columnValue(i)));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    static List<String> sqliteRows(java.sql.Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    if (o instanceof Integer x) {
                        o = x.longValue();
                    }
                    sb.append(i > 1 ? "|" : "").append(Oracle.render(o));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    private static final String[] CHECKS = {
        "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY rowid",
        "SELECT rowid, * FROM t ORDER BY rowid",
        "SELECT * FROM u ORDER BY id",
        "SELECT b, count(*) FROM t GROUP BY b ORDER BY b",
        "SELECT name, seq FROM sqlite_sequence",
    };

    @Test
    void petrelWrittenFilePassesSqliteIntegrityCheck() throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        int n = 3000 * scale();
        List<List<String>> expected = new ArrayList<>();
        try (Database db = Petrel.open(vfs, "compat.db"); Connection c = db.connect()) {
            c.exec("CREATE TABLE t(a INTEGER, b TEXT, c BLOB, UNIQUE(a, b));"
                    + "CREATE INDEX t_b ON t(b DESC);"
                    + "CREATE TABLE u(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT NOT NULL DEFAULT 'd', w REAL)");
            c.exec("BEGIN");
            try (Statement ins = c.prepare("INSERT INTO t VALUES(?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    ins.bind(1, (long) i);
                    ins.bind(2, "k" + (i % 37) + (i % 11 == 0 ? "x".repeat(900 + i % 300) : ""));
                    ins.bind(3, new byte[i % 13 == 0 ? 5000 : 10]);
                    while (ins.step()) {
                        // no rows
                    }
                    ins.reset();
                }
            }
            c.exec("COMMIT");
            c.exec("DELETE FROM t WHERE a % 3 = 0; UPDATE t SET b = b || 'u' WHERE a % 5 = 0;"
                    + "INSERT INTO u(w) VALUES(1.5), (2.5); INSERT INTO u(v, w) SELECT b, a FROM t WHERE a < 50;"
                    + "DELETE FROM u WHERE id = 3; CREATE INDEX u_w ON u(w); DROP INDEX t_b; "
                    + "CREATE INDEX t_b ON t(b)");
            for (String q : CHECKS) {
                expected.add(petrelRows(c, q));
            }
            assertEquals(List.of("'ok'"), petrelRows(c, "PRAGMA integrity_check"));
        }
        Path file = Files.createTempFile("petrel-compat", ".db");
        try {
            Files.write(file, vfs.snapshot("compat.db"));
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                assertEquals(List.of("'ok'"), sqliteRows(s, "PRAGMA integrity_check"));
                for (int i = 0; i < CHECKS.length; i++) {
                    assertEquals(expected.get(i), sqliteRows(s, CHECKS[i]), CHECKS[i]);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void petrelReadsSqliteWrittenFile() throws Exception {
        Path file = Files.createTempFile("sqlite-compat", ".db");
        List<List<String>> expected = new ArrayList<>();
        try {
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = s.createStatement()) {
                st.executeUpdate("CREATE TABLE t(a INTEGER, b TEXT, c BLOB, UNIQUE(a, b))");
                st.executeUpdate("CREATE INDEX t_b ON t(b)");
                st.executeUpdate("CREATE TABLE u(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT, w REAL)");
                st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                        + (2000 * scale()) + ") INSERT INTO t SELECT i, 'k' || (i % 37), zeroblob(i % 7 * 700) FROM n");
                st.executeUpdate("INSERT INTO u(v, w) SELECT b, a / 2.0 FROM t WHERE a < 100");
                for (String q : CHECKS) {
                    expected.add(sqliteRows(s, q));
                }
            }
            MemoryVfs vfs = new MemoryVfs();
            vfs.put("in.db", Files.readAllBytes(file));
            try (Database db = Petrel.open(vfs, "in.db"); Connection c = db.connect()) {
                for (int i = 0; i < CHECKS.length; i++) {
                    assertEquals(expected.get(i), petrelRows(c, CHECKS[i]), CHECKS[i]);
                }
                assertEquals(List.of("i1|'k1'"), petrelRows(c, "SELECT a, b FROM t WHERE a = 1 AND b = 'k1'"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
