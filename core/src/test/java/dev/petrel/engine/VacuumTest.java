package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import dev.petrel.vfs.MemoryVfs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * VACUUM rebuilds the file compactly (no free pages, fewer pages, same schema, rows and rowids) and VACUUM INTO
 * writes a compact copy; both files pass SQLite's integrity check and SQLite reads the same contents.
 */
class VacuumTest {
    private static final String[] CHECKS = {
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
        "SELECT rowid, * FROM t ORDER BY rowid",
        "SELECT * FROM u ORDER BY id",
        "SELECT b, count(*) FROM t GROUP BY b ORDER BY b",
        "SELECT * FROM sqlite_sequence",
        "SELECT * FROM sqlite_stat1 ORDER BY idx",
        "SELECT * FROM v ORDER BY 1 LIMIT 5",
        "PRAGMA user_version",
    };

    private static void fill(Connection c) {
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 1500; i++) {
            values.append(i > 1 ? "," : "").append('(').append(i).append(", 'k").append(i % 41).append("', ")
                    .append(i % 7 == 0 ? "zeroblob(3000)" : "x'0102'").append(')');
        }
        c.exec("CREATE TABLE t(a, b TEXT, c BLOB, UNIQUE(a, b));"
                + "CREATE INDEX tb ON t(b);"
                + "CREATE TABLE u(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);"
                + "CREATE VIEW v AS SELECT b, count(*) AS n FROM t GROUP BY b;"
                + "INSERT INTO t VALUES" + values + ";"
                + "INSERT INTO u(v) SELECT b FROM t WHERE a < 200;"
                + "DELETE FROM t WHERE a % 3 <> 0;"
                + "DELETE FROM u WHERE id % 2 = 0;"
                + "ALTER TABLE t ADD COLUMN d DEFAULT 'dd';"
                + "ANALYZE;"
                + "PRAGMA user_version = 7");
    }

    private static long single(Connection c, String sql) {
        return Long.parseLong(FileCompatTest.petrelRows(c, sql).get(0).substring(1));
    }

    private static List<List<String>> contents(Connection c) {
        List<List<String>> out = new ArrayList<>();
        for (String q : CHECKS) {
            out.add(FileCompatTest.petrelRows(c, q));
        }
        return out;
    }

    private static void sqliteAgrees(byte[] file, List<List<String>> expected) throws Exception {
        FileCompatTest.assertSqliteReads(file, CHECKS, expected);
    }

    @Test
    void vacuumRebuildsCompactly() throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        List<List<String>> before;
        try (Database db = Petrel.open(vfs, "v.db"); Connection c = db.connect()) {
            fill(c);
            before = contents(c);
            long pages = single(c, "PRAGMA page_count");
            assertTrue(single(c, "PRAGMA freelist_count") > 0);
            c.exec("VACUUM");
            // SQLite's VACUUM order: tables (with their automatic indexes), indexes, then views.
            assertEquals(List.of("'t'", "'sqlite_autoindex_t_1'", "'u'", "'sqlite_sequence'", "'sqlite_stat1'",
                    "'tb'", "'v'"), FileCompatTest.petrelRows(c, "SELECT name FROM sqlite_schema ORDER BY rowid"));
            assertEquals(0, single(c, "PRAGMA freelist_count"));
            assertTrue(single(c, "PRAGMA page_count") < pages);
            assertEquals(before, contents(c));
            assertEquals(List.of("'ok'"), FileCompatTest.petrelRows(c, "PRAGMA integrity_check"));
            c.exec("INSERT INTO u(v) VALUES('after'); INSERT INTO t(a, b) VALUES(-1, 'z')");
            before = contents(c);
        }
        sqliteAgrees(vfs.snapshot("v.db"), before);
        try (Database db = Petrel.open(vfs, "v.db"); Connection c = db.connect()) {
            assertEquals(before, contents(c));
        }
    }

    @Test
    void vacuumIntoWritesACopy() throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        List<List<String>> before;
        try (Database db = Petrel.open(vfs, "v.db"); Connection c = db.connect()) {
            fill(c);
            before = contents(c);
            long pages = single(c, "PRAGMA page_count");
            c.exec("VACUUM INTO 'copy.db'");
            assertEquals(pages, single(c, "PRAGMA page_count"));
            PetrelException e = org.junit.jupiter.api.Assertions.assertThrows(PetrelException.class,
                    () -> c.exec("VACUUM INTO 'copy.db'"));
            assertEquals("output file already exists", e.getMessage());
            c.exec("BEGIN");
            e = org.junit.jupiter.api.Assertions.assertThrows(PetrelException.class, () -> c.exec("VACUUM"));
            assertEquals("cannot VACUUM from within a transaction", e.getMessage());
            c.exec("ROLLBACK");
        }
        sqliteAgrees(vfs.snapshot("copy.db"), before);
    }

    private static final String[] WITHOUT_ROWID_CHECKS = {
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
        "SELECT * FROM w ORDER BY k DESC, n",
        "SELECT * FROM w WHERE note = 'n7' ORDER BY k, n",
        "SELECT * FROM p ORDER BY x COLLATE NOCASE, y",
        "SELECT count(*), sum(length(big)) FROM w",
    };

    /** WITHOUT ROWID tables (their own index b-trees, DESC and NOCASE keys, secondary indexes) survive VACUUM. */
    @Test
    void vacuumCopiesWithoutRowidTables() throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        List<List<String>> before = new ArrayList<>();
        try (Database db = Petrel.open(vfs, "w.db"); Connection c = db.connect()) {
            c.exec("CREATE TABLE w(k TEXT, n INT, note TEXT, big BLOB, PRIMARY KEY(k DESC, n)) WITHOUT ROWID;"
                    + "CREATE INDEX w_note ON w(note);"
                    + "CREATE TABLE p(x TEXT COLLATE NOCASE PRIMARY KEY, y) WITHOUT ROWID;"
                    + "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 800)"
                    + " INSERT INTO w SELECT 'key' || (i % 53), i, 'n' || (i % 11), zeroblob(i % 9 * 400) FROM s;"
                    + "INSERT INTO p VALUES ('b', 1), ('A', 2), ('c', 3);"
                    + "DELETE FROM w WHERE n % 4 = 0");
            for (String q : WITHOUT_ROWID_CHECKS) {
                before.add(FileCompatTest.petrelRows(c, q));
            }
            long pages = single(c, "PRAGMA page_count");
            c.exec("VACUUM");
            assertEquals(0, single(c, "PRAGMA freelist_count"));
            assertTrue(single(c, "PRAGMA page_count") < pages);
            assertEquals(List.of("'ok'"), FileCompatTest.petrelRows(c, "PRAGMA integrity_check"));
            for (int i = 0; i < WITHOUT_ROWID_CHECKS.length; i++) {
                assertEquals(before.get(i), FileCompatTest.petrelRows(c, WITHOUT_ROWID_CHECKS[i]));
            }
            c.exec("VACUUM INTO 'w2.db'");
        }
        FileCompatTest.assertSqliteReads(vfs.snapshot("w.db"), WITHOUT_ROWID_CHECKS, before);
        FileCompatTest.assertSqliteReads(vfs.snapshot("w2.db"), WITHOUT_ROWID_CHECKS, before);
    }

    @Test
    void errorsMatchSqlite() {
        SqlOracleTest.check("CREATE TABLE t(a)", "VACUUM nosuch", "VACUUM main", "BEGIN", "VACUUM", "ROLLBACK",
                "VACUUM", "SELECT * FROM t");
    }
}
