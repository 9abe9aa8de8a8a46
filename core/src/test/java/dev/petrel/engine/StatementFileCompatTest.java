package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import dev.petrel.vfs.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of statement, run by Petrel on a database file: real SQLite (sqlite-jdbc) must find the file intact
 * ({@code PRAGMA integrity_check} says ok) and must read from it exactly the schema and rows that SQLite itself
 * produces from the same script on a file of its own. Statements that fail (constraint violations, on purpose)
 * must fail on both engines and leave both databases alike.
 */
class StatementFileCompatTest {
    private static final String BASE = "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT UNIQUE, b INTEGER NOT NULL DEFAULT 7,"
            + " c REAL CHECK (c IS NULL OR c >= 0), d BLOB);"
            + "CREATE INDEX t_bc ON t(b DESC, c COLLATE NOCASE);"
            + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)"
            + " INSERT INTO t(a, b, c, d) SELECT 'k' || i, i % 17, i / 4.0, CASE WHEN i % 50 = 0 THEN zeroblob(6000 + i)"
            + " ELSE x'0102' END FROM n;";

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("create table and index kinds", "CREATE TABLE p(x INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " y TEXT COLLATE NOCASE, z, UNIQUE(y, z)); CREATE TABLE q(a, b, c, PRIMARY KEY(b, a));"
                        + " CREATE UNIQUE INDEX q_c ON q(c DESC) ; CREATE INDEX p_zy ON p(z, y COLLATE RTRIM);"
                        + " CREATE TABLE IF NOT EXISTS p(x); CREATE INDEX IF NOT EXISTS p_zy ON p(z);"
                        + " INSERT INTO p(y, z) VALUES('a', 1), ('B', 2), ('c', NULL); INSERT INTO q VALUES(1, 2, 3)"),
                Arguments.of("insert values, select, default values", BASE + "CREATE TABLE u(a DEFAULT 'x', b DEFAULT"
                        + " (1 + 2), c DEFAULT (CURRENT_DATE IS NOT NULL)); INSERT INTO u DEFAULT VALUES;"
                        + " INSERT INTO u(a) SELECT a FROM t WHERE id % 100 = 0; INSERT INTO u VALUES(1, 2, 3), (4, 5, 6)"),
                Arguments.of("insert conflict clauses", BASE + "INSERT OR IGNORE INTO t(a) VALUES('k1'), ('new1');"
                        + " INSERT OR REPLACE INTO t(id, a) VALUES(5, 'k6'); REPLACE INTO t(a, b) VALUES('k7', 99);"
                        + " INSERT OR ROLLBACK INTO t(a) VALUES('k8'); INSERT OR ABORT INTO t(a) VALUES('k9');"
                        + " INSERT OR FAIL INTO t(a) VALUES('k10'); INSERT INTO t(a, c) VALUES('neg', -1)"),
                Arguments.of("upsert and returning", BASE + "INSERT INTO t(a, b) VALUES('k3', 1) ON CONFLICT(a) DO"
                        + " UPDATE SET b = excluded.b + 1000; INSERT INTO t(a) VALUES('k4') ON CONFLICT DO NOTHING;"
                        + " INSERT INTO t(a, b) VALUES('r1', 5), ('r2', 6) RETURNING id, a, b * 2;"
                        + " UPDATE t SET b = b + 1 WHERE id < 10 RETURNING *; DELETE FROM t WHERE id > 1490 RETURNING id"),
                Arguments.of("update and update from", BASE + "UPDATE t SET c = c * 2, d = NULL WHERE b = 3;"
                        + " UPDATE t SET a = a || '-long-' || hex(zeroblob(700)) WHERE id % 7 = 0;"
                        + " CREATE TABLE m(k, v); INSERT INTO m VALUES(1, 'one'), (2, 'two');"
                        + " UPDATE t SET a = m.v || t.id FROM m WHERE t.b = m.k; UPDATE OR IGNORE t SET a = 'k1' WHERE id > 1;"
                        + " UPDATE OR REPLACE t SET a = 'k2' WHERE id = 3"),
                Arguments.of("delete", BASE + "DELETE FROM t WHERE id % 3 = 0; DELETE FROM t WHERE a LIKE 'k1%';"
                        + " DELETE FROM t WHERE b IN (SELECT b FROM t WHERE b > 10); DELETE FROM t WHERE rowid = 2"),
                Arguments.of("drop table and index", BASE + "CREATE TABLE big AS SELECT * FROM t; DROP INDEX t_bc;"
                        + " DROP TABLE t; CREATE TABLE t2(x); INSERT INTO t2 SELECT a FROM big; DROP TABLE IF EXISTS nope;"
                        + " CREATE INDEX t2x ON t2(x)"),
                Arguments.of("autoincrement", "CREATE TABLE s(id INTEGER PRIMARY KEY AUTOINCREMENT, v);"
                        + " INSERT INTO s(v) VALUES(1), (2), (3); DELETE FROM s WHERE id = 3; INSERT INTO s(v) VALUES(4);"
                        + " INSERT INTO s(id, v) VALUES(100, 5); DELETE FROM s; INSERT INTO s(v) VALUES(6);"
                        + " CREATE TABLE s2(id INTEGER PRIMARY KEY AUTOINCREMENT); INSERT INTO s2 DEFAULT VALUES;"
                        + " DROP TABLE s2"),
                Arguments.of("transactions and savepoints", BASE + "BEGIN; INSERT INTO t(a) VALUES('tx1'); COMMIT;"
                        + " BEGIN IMMEDIATE; DELETE FROM t WHERE id < 100; ROLLBACK; BEGIN EXCLUSIVE;"
                        + " SAVEPOINT s1; UPDATE t SET b = 0; SAVEPOINT s2; DELETE FROM t; ROLLBACK TO s2; RELEASE s2;"
                        + " ROLLBACK TO s1; INSERT INTO t(a) VALUES('after'); RELEASE s1; COMMIT;"
                        + " SAVEPOINT outer1; INSERT INTO t(a) VALUES('sp'); RELEASE outer1"),
                Arguments.of("statement atomicity", BASE + "CREATE TABLE v(x UNIQUE); INSERT INTO v VALUES(1), (2);"
                        + " INSERT INTO v VALUES(3), (1), (4); BEGIN; INSERT INTO v VALUES(5); INSERT INTO v SELECT 2;"
                        + " INSERT INTO v VALUES(6); COMMIT; UPDATE t SET c = -5 WHERE id > 1000"),
                Arguments.of("pragmas and vacuum", BASE + "PRAGMA user_version = 42; PRAGMA application_id = 1234;"
                        + " DELETE FROM t WHERE id > 200; VACUUM; PRAGMA user_version"),
                Arguments.of("large rows and many pages", "CREATE TABLE w(k TEXT PRIMARY KEY, v BLOB);"
                        + " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
                        + " INSERT INTO w SELECT printf('%08d', i * 7919 % 400), zeroblob(100) || printf('%0*d', i * 97, i) FROM n;"
                        + " DELETE FROM w WHERE rowid % 2 = 0; UPDATE w SET v = zeroblob(20000) WHERE rowid % 5 = 1"),
                Arguments.of("views, ctes and create as", BASE + "CREATE VIEW tv AS SELECT b, count(*) n FROM t GROUP BY b;"
                        + " CREATE TABLE agg AS SELECT * FROM tv ORDER BY b; CREATE TABLE r AS WITH RECURSIVE f(i, x) AS"
                        + " (SELECT 1, 1 UNION ALL SELECT i + 1, x * (i + 1) FROM f WHERE i < 20) SELECT * FROM f;"
                        + " DROP VIEW tv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void sqliteReadsWhatPetrelWrote(String label, String script) throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        List<String> petrelErrors = new ArrayList<>();
        try (Database db = Petrel.open(vfs, "x.db"); Connection c = db.connect()) {
            for (String sql : statements(script)) {
                try {
                    c.exec(sql);
                } catch (PetrelException e) {
                    petrelErrors.add(sql.trim() + " -> " + e.getMessage());
                }
            }
            assertEquals(List.of("'ok'"), FileCompatTest.petrelRows(c, "PRAGMA integrity_check"),
                    label + ": Petrel's own check");
        }
        Path petrelFile = Files.createTempFile("petrel-stmt", ".db");
        Path sqliteFile = Files.createTempFile("sqlite-stmt", ".db");
        try {
            Files.write(petrelFile, vfs.snapshot("x.db"));
            Files.delete(sqliteFile);
            List<String> sqliteErrors = new ArrayList<>();
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
                for (String sql : statements(script)) {
                    try (java.sql.Statement st = s.createStatement()) {
                        st.execute(sql);
                    } catch (java.sql.SQLException e) {
                        sqliteErrors.add(sql.trim());
                    }
                }
            }
            List<String> petrelFailed = new ArrayList<>();
            for (String e : petrelErrors) {
                petrelFailed.add(e.substring(0, e.indexOf(" -> ")));
            }
            assertEquals(sqliteErrors, petrelFailed, label + ": the same statements fail (Petrel: " + petrelErrors + ")");
            try (java.sql.Connection fromPetrel = DriverManager.getConnection("jdbc:sqlite:" + petrelFile);
                 java.sql.Connection fromSqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
                assertEquals(List.of("'ok'"), FileCompatTest.sqliteRows(fromPetrel, "PRAGMA integrity_check"), label);
                assertEquals(dump(fromSqlite), dump(fromPetrel), label + ": contents as SQLite's own");
            }
        } finally {
            Files.deleteIfExists(petrelFile);
            Files.deleteIfExists(sqliteFile);
        }
    }

    /** The statements of a script, split at top-level semicolons (the scripts have none inside literals). */
    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String s : script.split(";")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The schema (without root page numbers), header cookies the user sets, and every table's rows. */
    private static List<String> dump(java.sql.Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        out.addAll(FileCompatTest.sqliteRows(c, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"));
        out.addAll(FileCompatTest.sqliteRows(c, "PRAGMA user_version"));
        out.addAll(FileCompatTest.sqliteRows(c, "PRAGMA application_id"));
        for (String table : FileCompatTest.sqliteRows(c, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
            String name = table.substring(1, table.length() - 1);
            out.add("-- " + name);
            out.addAll(FileCompatTest.sqliteRows(c, "SELECT rowid, * FROM \"" + name + "\" ORDER BY rowid"));
        }
        return out;
    }
}
