package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import java.sql.SQLException;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * Application-defined collations ({@code Connection.createCollation}) against SQLite's
 * ({@code sqlite3_create_collation} through sqlite-jdbc's {@link org.sqlite.Collation}): the same comparator is
 * defined on both engines under the same name, then statements must give the same rows or the same error.
 */
class CollationOracleTest {
    /** Reverse of Java's string order. */
    private static final Comparator<String> REVERSE = Comparator.reverseOrder();
    /** Case-insensitive for every letter Java folds (NOCASE folds only ASCII). */
    private static final Comparator<String> FOLD = String::compareToIgnoreCase;
    /** By length, then Java's order. */
    private static final Comparator<String> LENGTH = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private static void define(Oracle o, String name, Comparator<String> order) throws SQLException {
        o.petrel.createCollation(name, order);
        org.sqlite.Collation.create(o.sqlite, name, new org.sqlite.Collation() {
            @Override
            protected int xCompare(String a, String b) {
                return order.compare(a, b);
            }
        });
    }

    private static void check(Oracle o, String... script) {
        assertEquals("", String.join("\n", o.differences(script)));
    }

    private static final String[] DATA = {
        "CREATE TABLE w(id INTEGER PRIMARY KEY, s TEXT, n)",
        "INSERT INTO w(s, n) VALUES ('apple', 1), ('Äpfel', 2), ('banana', 3), ('äpfel', 4), ('Cherry', 5),"
                + " ('kiwi', 6), ('APPLE', 7), ('fig', 8), (NULL, 9), ('', 10), (42, 11), ('éclair', 12), ('Éclair', 13)",
    };

    @Test
    void collateClausesInQueries() throws SQLException {
        try (Oracle o = new Oracle()) {
            define(o, "rev", REVERSE);
            define(o, "fold", FOLD);
            define(o, "Len", LENGTH);
            check(o, DATA);
            check(o, "SELECT s FROM w ORDER BY s COLLATE rev, id",
                    "SELECT s FROM w ORDER BY s COLLATE LEN DESC, id",
                    "SELECT s FROM w ORDER BY s COLLATE len, id LIMIT 4 OFFSET 2",
                    "SELECT id FROM w WHERE s = 'äpfel' COLLATE fold ORDER BY id",
                    "SELECT id FROM w WHERE s COLLATE fold = 'APPLE' ORDER BY id",
                    "SELECT id FROM w WHERE s COLLATE len > 'abcd' ORDER BY id",
                    "SELECT id FROM w WHERE s COLLATE len BETWEEN 'aaa' AND 'zzzzz' ORDER BY id",
                    "SELECT id FROM w WHERE s COLLATE fold IN ('ÉCLAIR', 'kiwi') ORDER BY id",
                    "SELECT s COLLATE fold, count(*) FROM w GROUP BY s COLLATE fold ORDER BY 1 COLLATE fold",
                    "SELECT DISTINCT s COLLATE fold FROM w ORDER BY 1 COLLATE fold",
                    "SELECT min(s COLLATE len), max(s COLLATE len), min(s COLLATE rev), max(s COLLATE rev) FROM w",
                    "SELECT max(s COLLATE len, 'zz'), min('x' COLLATE rev, 'y') FROM w WHERE id = 1",
                    "SELECT s FROM w UNION SELECT 'KIWI' ORDER BY 1 COLLATE fold",
                    "SELECT s COLLATE fold FROM w INTERSECT SELECT 'APPLE' ORDER BY 1",
                    "SELECT id, rank() OVER (ORDER BY s COLLATE len) FROM w ORDER BY id",
                    "SELECT id, count(*) OVER (PARTITION BY s COLLATE fold) FROM w ORDER BY id",
                    // SQLite lists collations in its hash table's order, which Petrel does not reproduce.
                    "SELECT name FROM pragma_collation_list ORDER BY name",
                    "SELECT count(*), min(seq), max(seq) FROM pragma_collation_list",
                    "SELECT 'a' COLLATE undefined_one",
                    "SELECT 'a' = 'b' COLLATE undefined_one",
                    "SELECT s FROM w ORDER BY s COLLATE undefined_one",
                    "SELECT nullif('A' COLLATE fold, 'a'), instr('a' COLLATE fold, 'A')");
        }
    }

    @Test
    void collationsInTheSchema() throws SQLException {
        try (Oracle o = new Oracle()) {
            define(o, "fold", FOLD);
            define(o, "len", LENGTH);
            check(o, "CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT COLLATE fold UNIQUE, l TEXT COLLATE len)",
                    "INSERT INTO t(s, l) VALUES ('Äpfel', 'ccc'), ('banana', 'a'), ('cherry', 'bb')",
                    "INSERT INTO t(s, l) VALUES ('äPFEL', 'x')",
                    "INSERT OR IGNORE INTO t(s, l) VALUES ('BANANA', 'y'), ('date', 'dddd')",
                    "SELECT id, s FROM t WHERE s = 'CHERRY'",
                    "SELECT s, l FROM t ORDER BY l",
                    "SELECT s FROM t ORDER BY s DESC",
                    "SELECT l FROM t WHERE l > 'zz' ORDER BY l",
                    "CREATE INDEX tl ON t(l)",
                    "SELECT l FROM t WHERE l >= 'aa' ORDER BY l",
                    "CREATE INDEX ts ON t(s COLLATE len DESC, l)",
                    "SELECT s FROM t WHERE s COLLATE len > 'xxxxx' ORDER BY s COLLATE len DESC",
                    "PRAGMA index_xinfo(ts)",
                    "SELECT group_concat(s, ',') FROM (SELECT s FROM t ORDER BY s COLLATE len)",
                    "CREATE TABLE bad(x TEXT COLLATE nothere)",
                    "CREATE INDEX bad ON t(s COLLATE nothere)",
                    "CREATE TABLE good(x COLLATE NoCase, y COLLATE FOLD)",
                    "INSERT INTO good VALUES ('A', 'Ä')",
                    "SELECT count(*) FROM good WHERE x = 'a' AND y = 'ä'",
                    "REINDEX len",
                    "SELECT l FROM t ORDER BY l");
        }
    }

    @Test
    void collateInTableConstraintsAndAlterTable() throws SQLException {
        try (Oracle o = new Oracle()) {
            define(o, "fold", FOLD);
            check(o, "CREATE TABLE t(x, UNIQUE(x COLLATE NOCASE))", "INSERT INTO t VALUES ('a')",
                    "INSERT INTO t VALUES ('A')", "PRAGMA index_xinfo(sqlite_autoindex_t_1)",
                    "CREATE TABLE u(x PRIMARY KEY COLLATE NOCASE, y)", "INSERT INTO u VALUES ('a', 1), ('A', 2)",
                    "CREATE TABLE k(a, b, PRIMARY KEY(a COLLATE fold, b)) WITHOUT ROWID",
                    "INSERT INTO k VALUES ('ä', 1), ('b', 1)", "INSERT INTO k VALUES ('Ä', 1)",
                    "SELECT a, b FROM k ORDER BY a COLLATE fold",
                    "CREATE TABLE v(x TEXT, y)", "ALTER TABLE v ADD COLUMN z TEXT COLLATE nothere",
                    "ALTER TABLE v ADD COLUMN w TEXT COLLATE fold", "INSERT INTO v VALUES (1, 2, 'Ö')",
                    "SELECT count(*) FROM v WHERE w = 'ö'",
                    "CREATE VIEW vv AS SELECT x FROM t ORDER BY x COLLATE nothere", "SELECT * FROM vv",
                    "CREATE TABLE bad2(x, y, UNIQUE(x COLLATE nothere))");
        }
    }

    @Test
    void removingAndReplacingACollation() throws SQLException {
        try (Oracle o = new Oracle()) {
            define(o, "ord", REVERSE);
            check(o, "CREATE TABLE t(x TEXT COLLATE ord)", "INSERT INTO t VALUES ('a'), ('c'), ('b')",
                    "CREATE INDEX tx ON t(x)", "SELECT x FROM t ORDER BY x");
            o.petrel.createCollation("ord", null);
            org.sqlite.Collation.destroy(o.sqlite, "ord");
            check(o, "SELECT x FROM t", "SELECT x FROM t ORDER BY x", "SELECT x FROM t WHERE x = 'a'",
                    "INSERT INTO t VALUES ('d')", "SELECT x COLLATE ord FROM t ORDER BY rowid",
                    "SELECT x FROM t ORDER BY x COLLATE BINARY");
            // Defined again with the same order: the index is usable again.
            define(o, "ORD", REVERSE);
            check(o, "INSERT INTO t VALUES ('d')", "SELECT x FROM t ORDER BY x", "SELECT x FROM t WHERE x > 'b'",
                    "PRAGMA integrity_check");
        }
    }

    @Test
    void builtinsCannotBeReplacedAndNamesAreChecked() throws SQLException {
        try (Oracle o = new Oracle()) {
            define(o, "NOCASE", REVERSE);
            check(o, "SELECT 'a' = 'A' COLLATE nocase", "SELECT x FROM (SELECT 'a' x UNION ALL SELECT 'B' UNION ALL"
                    + " SELECT 'c') ORDER BY x COLLATE NOCASE");
            PetrelException e = assertThrows(PetrelException.class, () -> o.petrel.createCollation("", REVERSE));
            assertEquals(ResultCode.MISUSE, e.code());
            PetrelException missing = assertThrows(PetrelException.class,
                    () -> o.petrel.prepare("SELECT 1 ORDER BY 'x' COLLATE nope"));
            assertEquals(ResultCode.ERROR_MISSING_COLLSEQ, missing.code());
        }
    }

    @Test
    void fileWrittenBySqliteWithAnApplicationCollation() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("petrel-collation", ".db");
        try {
            try (java.sql.Connection s = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = s.createStatement()) {
                org.sqlite.Collation.create(s, "rev", new org.sqlite.Collation() {
                    @Override
                    protected int xCompare(String a, String b) {
                        return REVERSE.compare(a, b);
                    }
                });
                st.executeUpdate("CREATE TABLE t(x TEXT COLLATE rev)");
                st.executeUpdate("CREATE INDEX tx ON t(x)");
                st.executeUpdate("INSERT INTO t VALUES ('b'), ('a'), ('c')");
            }
            dev.petrel.vfs.MemoryVfs vfs = new dev.petrel.vfs.MemoryVfs();
            vfs.put("in.db", java.nio.file.Files.readAllBytes(file));
            try (dev.petrel.api.Database db = dev.petrel.Petrel.open(vfs, "in.db");
                 dev.petrel.api.Connection c = db.connect()) {
                // The schema loads without the collation; only comparing under it needs it.
                assertEquals(java.util.List.of("'b'", "'a'", "'c'"), FileCompatTest.petrelRows(c,
                        "SELECT x FROM t ORDER BY rowid"));
                PetrelException e = assertThrows(PetrelException.class, () -> c.prepare("SELECT x FROM t ORDER BY x"));
                assertEquals("no such collation sequence: rev", e.getMessage());
                c.createCollation("rev", REVERSE);
                assertEquals(java.util.List.of("'c'", "'b'", "'a'"), FileCompatTest.petrelRows(c,
                        "SELECT x FROM t ORDER BY x"));
                c.exec("INSERT INTO t VALUES ('d')");
                assertEquals(java.util.List.of("'ok'"), FileCompatTest.petrelRows(c, "PRAGMA integrity_check"));
                assertEquals(java.util.List.of("'b'", "'a'"), FileCompatTest.petrelRows(c,
                        "SELECT x FROM t WHERE x > 'c' ORDER BY x"));
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void eachConnectionHasItsOwnCollations() {
        try (Oracle o = new Oracle(); dev.petrel.api.Connection other = o.db.connect()) {
            o.petrel.createCollation("rev", REVERSE);
            o.petrel.exec("CREATE TABLE t(x TEXT COLLATE rev); INSERT INTO t VALUES ('a'), ('b')");
            assertEquals("['b']\n['a']", o.petrel("SELECT x FROM t ORDER BY x"));
            PetrelException e = assertThrows(PetrelException.class, () -> other.prepare("SELECT x FROM t ORDER BY x"));
            assertEquals("no such collation sequence: rev", e.getMessage());
            other.createCollation("REV", Comparator.naturalOrder());
            try (dev.petrel.api.Statement s = other.prepare("SELECT x FROM t ORDER BY x")) {
                s.step();
                assertEquals("a", s.columnValue(0));
            }
        }
    }
}
