package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.vfs.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table and index kinds in files: WITHOUT ROWID tables (index b-trees keyed by the PRIMARY KEY), generated
 * columns (VIRTUAL ones absent from the record), STRICT tables, partial and expression indexes. Files Petrel
 * writes pass SQLite's integrity_check with the same contents; files SQLite writes read the same in Petrel, and
 * stay valid for SQLite after Petrel changes them.
 */
class TableKindsFileCompatTest {
    private static final String SCHEMA = "CREATE TABLE w(k TEXT, n INT, v, PRIMARY KEY(k, n)) WITHOUT ROWID;"
            + "CREATE INDEX w_v ON w(v);"
            + "CREATE TABLE g(a INT, b INT AS (a * 2), c TEXT AS (a || 'x') STORED, d);"
            + "CREATE INDEX g_b ON g(b);"
            + "CREATE TABLE s(a INT, b TEXT, c ANY) STRICT;"
            + "CREATE TABLE e(x, y);"
            + "CREATE INDEX e_xy ON e(x + y);"
            + "CREATE INDEX e_p ON e(y) WHERE x > 10";

    private static final String FILL = "INSERT INTO w " + upTo(1500)
            + " SELECT 'key' || (i % 97), i, printf('%.*c', i % 50 * 30, 'v') || i FROM n;"
            + "INSERT INTO g(a, d) " + upTo(800) + " SELECT i, zeroblob(i % 9 * 300) FROM n;"
            + "INSERT INTO s " + upTo(500)
            + " SELECT i, 'text' || i, CASE i % 3 WHEN 0 THEN i WHEN 1 THEN 'a' || i ELSE x'00' END FROM n;"
            + "INSERT INTO e " + upTo(700) + " SELECT i % 40, i % 13 FROM n";

    private static String upTo(int n) {
        return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + n + ")";
    }

    private static final String CHANGES = "DELETE FROM w WHERE n % 7 = 0;"
            + "UPDATE w SET v = 'changed' || n WHERE n % 11 = 0;"
            + "UPDATE w SET k = 'moved', n = n + 100000 WHERE n % 13 = 0;"
            + "DELETE FROM g WHERE a % 5 = 0; UPDATE g SET a = a + 1000 WHERE a % 3 = 0;"
            + "UPDATE s SET a = a * 2 WHERE a % 4 = 0; DELETE FROM s WHERE a % 9 = 0;"
            + "DELETE FROM e WHERE x = 12; UPDATE e SET x = x + 1 WHERE y = 3";

    private static final String[] CHECKS = {
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
        "SELECT k, n, v FROM w ORDER BY k, n",
        "SELECT k, n FROM w WHERE v = 'changed22'",
        "SELECT count(*), sum(n) FROM w WHERE k = 'key5'",
        "SELECT rowid, a, b, c, length(d) FROM g ORDER BY rowid",
        "SELECT a FROM g WHERE b = 84",
        "SELECT rowid, a, b, c, typeof(c) FROM s ORDER BY rowid",
        "SELECT rowid, x, y FROM e ORDER BY rowid",
        "SELECT count(*) FROM e WHERE x + y = 30",
        "SELECT count(*) FROM e WHERE y = 5 AND x > 10",
    };

    private static List<List<String>> petrelChecks(Connection c) {
        List<List<String>> out = new ArrayList<>();
        for (String q : CHECKS) {
            out.add(FileCompatTest.petrelRows(c, q));
        }
        return out;
    }

    private static List<List<String>> sqliteChecks(java.sql.Connection c) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (String q : CHECKS) {
            out.add(FileCompatTest.sqliteRows(c, q));
        }
        return out;
    }

    private static void sqliteExec(java.sql.Connection c, String script) throws Exception {
        try (java.sql.Statement st = c.createStatement()) {
            for (String sql : script.split(";")) {
                st.executeUpdate(sql);
            }
        }
    }

    @Test
    void petrelWritesSqliteReads() throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        List<List<String>> expected;
        try (Database db = Petrel.open(vfs, "kinds.db"); Connection c = db.connect()) {
            c.exec(SCHEMA);
            c.exec(FILL);
            c.exec(CHANGES);
            expected = petrelChecks(c);
            assertEquals(List.of("'ok'"), FileCompatTest.petrelRows(c, "PRAGMA integrity_check"));
        }
        Path file = Files.createTempFile("petrel-kinds", ".db");
        try {
            assertSqliteReads(file, vfs.snapshot("kinds.db"), expected);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes {@code image} to {@code file}; SQLite must find it intact and read {@code expected} from it. */
    private static void assertSqliteReads(Path file, byte[] image, List<List<String>> expected) throws Exception {
        Files.write(file, image);
        try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of("'ok'"), FileCompatTest.sqliteRows(s, "PRAGMA integrity_check"));
            assertEquals(expected, sqliteChecks(s));
        }
    }

    @Test
    void sqliteWritesPetrelReadsAndChanges() throws Exception {
        Path file = Files.createTempFile("sqlite-kinds", ".db");
        try {
            List<List<String>> expected;
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                sqliteExec(s, SCHEMA);
                sqliteExec(s, FILL);
                expected = sqliteChecks(s);
            }
            MemoryVfs vfs = new MemoryVfs();
            vfs.put("in.db", Files.readAllBytes(file));
            try (Database db = Petrel.open(vfs, "in.db"); Connection c = db.connect()) {
                assertEquals(expected, petrelChecks(c));
                c.exec(CHANGES);
                expected = petrelChecks(c);
            }
            assertSqliteReads(file, vfs.snapshot("in.db"), expected);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
