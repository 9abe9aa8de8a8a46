package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.vfs.MemoryVfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PRAGMA integrity_check / quick_check on files whose contents disagree with their schema: SQLite writes a
 * consistent file, then the schema SQL text stored in sqlite_schema is patched in place (same length, padded with
 * spaces, so the record stays valid) to describe other indexes, constraints or types than the ones the rows were
 * written for. Petrel and SQLite then check the same bytes and must report the same messages in the same order.
 */
class IntegrityCheckOracleTest {
    private static final String[] PRAGMAS = {
        "PRAGMA integrity_check", "PRAGMA quick_check", "PRAGMA integrity_check(2)", "PRAGMA integrity_check(-3)",
        "PRAGMA integrity_check(0)", "PRAGMA integrity_check(t)", "PRAGMA quick_check(t)",
    };

    /** Runs {@code setup} on SQLite, applies {@code patches} ("from=>to"), compares every pragma's rows. */
    private static void check(String[] setup, String... patches) throws Exception {
        Path file = Files.createTempFile("integrity", ".db");
        Files.delete(file);
        try {
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = s.createStatement()) {
                for (String sql : setup) {
                    st.execute(sql);
                }
            }
            byte[] image = Files.readAllBytes(file);
            for (String p : patches) {
                String[] fromTo = p.split("=>");
                image = patch(image, fromTo[0], fromTo[1]);
            }
            Files.write(file, image);
            List<String> diffs = new ArrayList<>();
            MemoryVfs vfs = new MemoryVfs();
            vfs.put("c.db", image);
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Database db = Petrel.open(vfs, "c.db"); Connection c = db.connect()) {
                for (String q : PRAGMAS) {
                    List<String> theirs = FileCompatTest.sqliteRows(s, q);
                    List<String> ours = FileCompatTest.petrelRows(c, q);
                    if (!theirs.equals(ours)) {
                        diffs.add(q + "\n  sqlite: " + theirs + "\n  petrel: " + ours);
                    }
                }
            }
            assertEquals("", String.join("\n", diffs));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Replaces the one occurrence of {@code from} by {@code to} padded with spaces to the same length. */
    static byte[] patch(byte[] image, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = Arrays.copyOf(to.getBytes(StandardCharsets.UTF_8), a.length);
        assertTrue(to.length() <= from.length(), "patch must not grow: " + from);
        Arrays.fill(b, to.length(), a.length, (byte) ' ');
        int at = -1;
        outer:
        for (int i = 0; i + a.length <= image.length; i++) {
            for (int k = 0; k < a.length; k++) {
                if (image[i + k] != a[k]) {
                    continue outer;
                }
            }
            assertEquals(-1, at, "patched text occurs twice: " + from);
            at = i;
        }
        assertTrue(at >= 0, "not in the file: " + from);
        byte[] out = image.clone();
        System.arraycopy(b, 0, out, at, b.length);
        return out;
    }

    @Test
    void consistentFileIsOk() throws Exception {
        check(new String[] {
            "CREATE TABLE t(a INTEGER PRIMARY KEY, b NOT NULL, c UNIQUE, d CHECK(d > 0))",
            "CREATE INDEX tb ON t(b DESC, c)", "CREATE INDEX te ON t(b + c) WHERE c > 2",
            "CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID", "CREATE UNIQUE INDEX wv ON w(v)",
            "INSERT INTO t VALUES(1, 'x', 1, 1), (2, 'y', 2, 2), (5, 'z', 3, 3), (9, 'z', NULL, 4)",
            "INSERT INTO w VALUES('a', 1), ('b', NULL), ('c', NULL)",
        });
    }

    @Test
    void missingEntriesAndWrongCounts() throws Exception {
        check(new String[] {
            "CREATE TABLE t(a, b, c)", "CREATE INDEX ib ON t(b)", "CREATE INDEX ia ON t(a) WHERE a > 5",
            "INSERT INTO t VALUES(1, 2, 3), (6, 7, 8), (9, 10, 11), (10, 10, 10)",
        }, "ib ON t(b)=>ib ON t(c)", "ia ON t(a) WHERE a > 5=>ia ON t(a)");
    }

    @Test
    void notNullCheckAndUnique() throws Exception {
        check(new String[] {
            "CREATE TABLE t(a, b AAA NULL, c, d CHECK(d > 0), CHECK(a > 0))",
            "CREATE INDEX ic ON t(c /*12345678*/)", "CREATE INDEX ie ON t(a /*xxxxx*/)",
            "INSERT INTO t VALUES(1, NULL, 3, 4), (6, 6, 6, 8), (9, NULL, 6, 12), (10, NULL, 6, 12), (11, 1, NULL, 1),"
                + " (12, 1, NULL, 1)",
        }, "AAA NULL=>NOT NULL", "CREATE INDEX ic ON t(c /*12345678*/)=>CREATE UNIQUE INDEX ic ON t(c)",
                "d CHECK(d > 0), CHECK(a > 0)=>d CHECK(d > 5), CHECK(a > 9)",
                "ie ON t(a /*xxxxx*/)=>ie ON t(a) WHERE a>9");
    }

    @Test
    void strictTypes() throws Exception {
        check(new String[] {
            "CREATE TABLE t(a INT, b TEXT, c REAL, d BLOB, e INTEGER, f ANY, g INT /*xxxxxxxxxx*/) STRICT",
            "INSERT INTO t VALUES(1, 'x', 1.5, x'00', 5, 1, NULL), (2, '3', 2.5, x'01', 6, 'a', 2),"
                + " (NULL, NULL, 3, NULL, NULL, NULL, 3)",
        }, "a INT, b TEXT, c REAL, d BLOB, e INTEGER, f ANY, g INT /*xxxxxxxxxx*/)"
                + "=>a TEXT, b INT, c BLOB, d REAL, e ANY, f INTEGER, g INT NOT NULL)");
    }

    @Test
    void withoutRowidAndExpressionIndexes() throws Exception {
        check(new String[] {
            "CREATE TABLE t(k PRIMARY KEY, v AAA NULL, x) WITHOUT ROWID", "CREATE INDEX wi ON t(x)",
            "CREATE INDEX we ON t(x + 1)", "CREATE UNIQUE INDEX wu ON t(x, v /*123456*/)",
            "INSERT INTO t VALUES('a', NULL, 1), ('b', 2, 2), ('c', 3, 2), ('d', 4, 2)",
        }, "v AAA NULL=>v NOT NULL", "wi ON t(x)=>wi ON t(v)", "we ON t(x + 1)=>we ON t(x - 1)",
                "wu ON t(x, v /*123456*/)=>wu ON t(x)");
    }

    @Test
    void oneTableOfSeveral() throws Exception {
        check(new String[] {
            "CREATE TABLE u(a AAA NULL)", "CREATE TABLE t(a, b)", "CREATE INDEX tb ON t(b)",
            "INSERT INTO u VALUES(NULL)", "INSERT INTO t VALUES(1, 2), (3, 4)",
        }, "u(a AAA NULL)=>u(a NOT NULL)", "tb ON t(b)=>tb ON t(a)");
    }

    @Test
    void pageAccountingRowComesFirst() throws Exception {
        // Freed pages left off the freelist (count and trunk zeroed) are "never used": one row for the b-tree
        // layer's messages, then the index messages.
        Path file = Files.createTempFile("integrity", ".db");
        Files.delete(file);
        try {
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = s.createStatement()) {
                st.execute("CREATE TABLE big(x)");
                st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)"
                        + " INSERT INTO big SELECT randomblob(900) FROM n");
                st.execute("CREATE TABLE t(a, b)");
                st.execute("CREATE INDEX ib ON t(b)");
                st.execute("INSERT INTO t VALUES(1, 2), (3, 4)");
                st.execute("DELETE FROM big");
            }
            byte[] image = Files.readAllBytes(file);
            Arrays.fill(image, 32, 40, (byte) 0);
            image = patch(image, "ib ON t(b)", "ib ON t(a)");
            Files.write(file, image);
            MemoryVfs vfs = new MemoryVfs();
            vfs.put("c.db", image);
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Database db = Petrel.open(vfs, "c.db"); Connection c = db.connect()) {
                for (String q : PRAGMAS) {
                    assertEquals(FileCompatTest.sqliteRows(s, q), FileCompatTest.petrelRows(c, q), q);
                }
                assertTrue(FileCompatTest.petrelRows(c, "PRAGMA integrity_check").get(0)
                        .startsWith("'*** in database main ***\nPage "));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void unknownTable() throws Exception {
        try (Oracle o = new Oracle()) {
            assertEquals(o.sqlite("PRAGMA integrity_check(nosuch)"), o.petrel("PRAGMA integrity_check(nosuch)"));
        }
    }
}
