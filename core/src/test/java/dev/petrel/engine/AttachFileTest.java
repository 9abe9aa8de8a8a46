package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import dev.petrel.vfs.MemoryVfs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files and lifetimes of the temp and attached databases: a database written through an ATTACH name is a valid
 * SQLite file that sqlite-jdbc reads (integrity_check ok, same rows), main's file never holds what went elsewhere,
 * and the temp database belongs to one connection and is gone when it closes.
 */
class AttachFileTest {
    private static final String[] AUX_CHECKS = {
        "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY rowid",
        "SELECT rowid, * FROM t ORDER BY rowid",
        "SELECT b, count(*) FROM t GROUP BY b ORDER BY b",
        "SELECT * FROM u ORDER BY id",
        "SELECT name, seq FROM sqlite_sequence",
        "PRAGMA user_version",
    };

    private static void insertRows(Connection c, String sql, int n) {
        try (Statement ins = c.prepare(sql)) {
            for (int i = 0; i < n; i++) {
                ins.bind(1, (long) i);
                ins.bind(2, "k" + (i % 29) + (i % 17 == 0 ? "x".repeat(1500 + i % 400) : ""));
                while (ins.step()) {
                    // no rows
                }
                ins.reset();
            }
        }
    }

    @Test
    void databaseWrittenThroughAttachedNameIsReadBySqlite() throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        List<List<String>> expected = new ArrayList<>();
        try (Database db = Petrel.open(vfs, "main.db"); Connection c = db.connect()) {
            c.exec("CREATE TABLE m(x); INSERT INTO m VALUES('main row')");
            c.exec("ATTACH 'aux.db' AS aux");
            c.exec("CREATE TABLE aux.t(a INTEGER, b TEXT, UNIQUE(a, b));"
                    + "CREATE INDEX aux.t_b ON t(b);"
                    + "CREATE TABLE aux.u(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT NOT NULL DEFAULT 'd')");
            c.exec("BEGIN");
            insertRows(c, "INSERT INTO aux.t VALUES(?, ?)", 2500);
            c.exec("INSERT INTO m VALUES('in the same transaction')");
            c.exec("COMMIT");
            c.exec("DELETE FROM aux.t WHERE a % 3 = 0; UPDATE aux.t SET b = b || 'u' WHERE a % 5 = 0;"
                    + "INSERT INTO aux.u(v) SELECT b FROM aux.t WHERE a < 40; DELETE FROM aux.u WHERE id = 2;"
                    + "PRAGMA aux.user_version = 42; DROP INDEX aux.t_b; CREATE INDEX aux.t_b2 ON t(b, a)");
            assertEquals(List.of("'ok'"), FileCompatTest.petrelRows(c, "PRAGMA aux.integrity_check"));
            c.exec("DETACH aux");
            c.exec("ATTACH 'aux.db' AS again");
            for (String q : AUX_CHECKS) {
                expected.add(FileCompatTest.petrelRows(c, q.replace(" FROM ", " FROM again.")
                        .replace("PRAGMA ", "PRAGMA again.")));
            }
            assertEquals(List.of("'table'|'m'|'m'|i2|'CREATE TABLE m(x)'"),
                    FileCompatTest.petrelRows(c, "SELECT type, name, tbl_name, rootpage, sql FROM main.sqlite_schema"));
        }
        FileCompatTest.assertSqliteReads(vfs.snapshot("aux.db"), AUX_CHECKS, expected);
        FileCompatTest.assertSqliteReads(vfs.snapshot("main.db"), new String[] {"SELECT * FROM m"},
                List.of(List.of("'main row'", "'in the same transaction'")));
    }

    @Test
    void tempObjectsDoNotPersistAndBelongToOneConnection() throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        try (Database db = Petrel.open(vfs, "main.db")) {
            try (Connection c = db.connect(); Connection other = db.connect()) {
                c.exec("CREATE TABLE t(a); CREATE TEMP TABLE tt(b PRIMARY KEY); CREATE INDEX tt_b ON tt(b);"
                        + "CREATE TEMP VIEW tv AS SELECT * FROM t;"
                        + "CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO tt VALUES(new.a); END;"
                        + "CREATE TABLE temp.t2(z); INSERT INTO t VALUES(1), (2)");
                assertEquals(List.of("i1", "i2"), FileCompatTest.petrelRows(c, "SELECT b FROM tt ORDER BY b"));
                assertEquals(List.of("'t'"), FileCompatTest.petrelRows(c, "SELECT name FROM sqlite_schema"));
                // Another connection on the same database has its own (empty) temp database.
                assertEquals(List.of("'t'"), FileCompatTest.petrelRows(other, "SELECT name FROM sqlite_schema"));
                assertEquals(List.of(), FileCompatTest.petrelRows(other, "SELECT name FROM sqlite_temp_schema"));
                PetrelException e = assertThrows(PetrelException.class,
                        () -> FileCompatTest.petrelRows(other, "SELECT * FROM tt"));
                assertEquals("no such table: tt", e.getMessage());
                other.exec("INSERT INTO t VALUES(3)");
                assertEquals(List.of("i1", "i2"), FileCompatTest.petrelRows(c, "SELECT b FROM tt ORDER BY b"));
            }
            try (Connection c = db.connect()) {
                PetrelException e = assertThrows(PetrelException.class,
                        () -> FileCompatTest.petrelRows(c, "SELECT * FROM tv"));
                assertEquals("no such table: tv", e.getMessage());
                c.exec("INSERT INTO t VALUES(4)");
                // As in SQLite, the temp database is created on first use (reading its schema table is a use).
                assertEquals(List.of("'main'"), FileCompatTest.petrelRows(c, "SELECT name FROM pragma_database_list"));
                assertEquals(List.of(), FileCompatTest.petrelRows(c, "SELECT name FROM sqlite_temp_schema"));
                assertEquals(List.of("'main'", "'temp'"),
                        FileCompatTest.petrelRows(c, "SELECT name FROM pragma_database_list"));
            }
        }
        try (Database db = Petrel.open(vfs, "main.db"); Connection c = db.connect()) {
            assertEquals(List.of("'t'"), FileCompatTest.petrelRows(c, "SELECT name FROM sqlite_schema"));
            assertEquals(List.of("i1", "i2", "i3", "i4"), FileCompatTest.petrelRows(c, "SELECT a FROM t"));
        }
        assertTrue(vfs.list().stream().noneMatch(f -> f.contains("temp")), vfs.list().toString());
        FileCompatTest.assertSqliteReads(vfs.snapshot("main.db"),
                new String[] {"SELECT type, name, sql FROM sqlite_schema", "SELECT a FROM t"},
                List.of(List.of("'table'|'t'|'CREATE TABLE t(a)'"), List.of("i1", "i2", "i3", "i4")));
    }
}
