package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.Petrel;
import dev.petrel.vfs.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The temp database and ATTACH/DETACH against real SQLite: the same script runs on Petrel (files in a MemoryVfs)
 * and on sqlite-jdbc (files in a fresh temporary directory), with the same file names on both sides: {@code {dir}}
 * in a statement becomes the directory (with its separator) for SQLite and nothing for Petrel, and SQLite's full
 * paths in results ({@code PRAGMA database_list}) are shown relative to it. Results and error messages must match.
 */
class AttachOracleTest {
    private static final String DIR = "{dir}";

    /** Runs {@code script} on both engines over fresh files; returns every difference (empty when none). */
    static String differences(String... script) throws Exception {
        Path dir = Files.createTempDirectory("petrel-attach");
        String prefix = dir.toString() + java.io.File.separator;
        MemoryVfs vfs = new MemoryVfs();
        List<String> diffs = new ArrayList<>();
        try (Oracle o = new Oracle(Petrel.open(vfs, "main.db"), "jdbc:sqlite:" + prefix + "main.db")) {
            for (String sql : script) {
                String p = o.petrel(sql.replace(DIR, ""));
                String s = o.sqlite(sql.replace(DIR, prefix)).replace(prefix, "");
                if (!p.equals(s)) {
                    diffs.add(sql + "\n  petrel: " + p.replace("\n", " | ") + "\n  sqlite: " + s.replace("\n", " | "));
                }
            }
            o.db.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return String.join("\n", diffs);
    }

    private static void check(String... script) throws Exception {
        assertEquals("", differences(script));
    }

    @Test
    void tempTablesShadowMainAndStayOutOfItsSchema() throws Exception {
        check("CREATE TABLE t(a, b)",
                "INSERT INTO t VALUES(1, 'x'), (2, 'y')",
                "PRAGMA database_list",
                "CREATE TEMP TABLE t(c)",
                "PRAGMA database_list",
                "INSERT INTO t VALUES(9)",
                "SELECT * FROM t",
                "SELECT * FROM main.t",
                "SELECT * FROM temp.t",
                "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema",
                "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_temp_schema",
                "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_temp_master",
                "SELECT type, name, tbl_name, sql FROM temp.sqlite_master",
                "SELECT type, name, tbl_name, sql FROM main.sqlite_master",
                "CREATE TABLE temp.u(x INTEGER PRIMARY KEY, y UNIQUE)",
                "CREATE TEMP VIEW v AS SELECT a FROM main.t",
                "SELECT * FROM v ORDER BY 1",
                "CREATE TEMP TRIGGER tr AFTER INSERT ON main.t BEGIN INSERT INTO u(y) VALUES(new.b); END",
                "INSERT INTO main.t VALUES(3, 'z')",
                "SELECT * FROM u",
                "CREATE INDEX ui ON u(y, x)",
                "SELECT type, name, tbl_name, sql FROM sqlite_temp_master ORDER BY name",
                "SELECT type, name FROM sqlite_schema ORDER BY name",
                "CREATE TEMP TABLE main.x(a)",
                "CREATE TEMP VIEW main.x AS SELECT 1",
                "CREATE TEMP TRIGGER main.x AFTER INSERT ON t BEGIN SELECT 1; END",
                "CREATE TEMP TABLE IF NOT EXISTS u(z)",
                "CREATE TEMP TABLE u(z)",
                "CREATE TABLE u(z)",
                "SELECT type, name FROM sqlite_schema ORDER BY name",
                "DROP TABLE u",
                "SELECT * FROM u",
                "DROP TABLE u",
                "DROP TABLE t",
                "SELECT * FROM t",
                "INSERT INTO t VALUES(4, 'w')",
                "SELECT name FROM sqlite_temp_master ORDER BY name",
                "DROP TABLE main.t",
                "SELECT name FROM sqlite_temp_master ORDER BY name",
                "DROP VIEW temp.v",
                "DROP TABLE temp.nosuch",
                "DROP TABLE nosuch.t",
                "SELECT * FROM nosuch.t",
                "PRAGMA temp.user_version",
                "PRAGMA temp.integrity_check");
    }

    @Test
    void tempObjectsInTransactionsAndAutoincrement() throws Exception {
        check("BEGIN",
                "CREATE TEMP TABLE tt(x INTEGER PRIMARY KEY AUTOINCREMENT, y)",
                "INSERT INTO tt(y) VALUES('a'), ('b')",
                "SELECT * FROM tt",
                "ROLLBACK",
                "SELECT * FROM tt",
                "CREATE TEMP TABLE tt(x INTEGER PRIMARY KEY AUTOINCREMENT, y)",
                "INSERT INTO tt(y) VALUES('a'), ('b')",
                "DELETE FROM tt WHERE x = 2",
                "INSERT INTO tt(y) VALUES('c')",
                "SELECT * FROM tt",
                "SELECT name, seq FROM temp.sqlite_sequence",
                "SELECT name FROM sqlite_temp_master ORDER BY name",
                "SELECT name FROM sqlite_schema",
                "SAVEPOINT s",
                "INSERT INTO tt(y) VALUES('d')",
                "ROLLBACK TO s",
                "INSERT INTO tt(y) VALUES('e')",
                "RELEASE s",
                "SELECT * FROM tt",
                "CREATE TABLE m(a)",
                "CREATE TRIGGER mt AFTER INSERT ON tt BEGIN SELECT 1; END",
                "CREATE TRIGGER mt AFTER INSERT ON m BEGIN INSERT INTO tt(y) VALUES(new.a); END",
                "INSERT INTO m VALUES('from m')",
                "SELECT * FROM tt",
                "SELECT type, name, tbl_name FROM sqlite_temp_master ORDER BY name");
    }

    @Test
    void attachedDatabasesByQualifiedName() throws Exception {
        check("ATTACH '{dir}aux.db' AS aux",
                "ATTACH ':memory:' AS mem",
                "ATTACH '' AS anon",
                "PRAGMA database_list",
                "SELECT * FROM pragma_database_list",
                "CREATE TABLE aux.t(a INTEGER PRIMARY KEY, b TEXT UNIQUE)",
                "INSERT INTO aux.t(b) VALUES('one'), ('two'), ('three')",
                "CREATE TABLE t(z)",
                "INSERT INTO t VALUES('main')",
                "SELECT * FROM t",
                "SELECT * FROM aux.t",
                "SELECT x.b FROM aux.t AS x WHERE x.a = 2",
                "SELECT * FROM main.t, aux.t WHERE aux.t.a = 1",
                "UPDATE aux.t SET b = 'uno' WHERE a = 1",
                "DELETE FROM aux.t WHERE a = 2",
                "SELECT * FROM aux.t ORDER BY b",
                "INSERT INTO aux.t(b) VALUES('uno')",
                "CREATE INDEX aux.tb ON t(b DESC)",
                "CREATE INDEX aux.tz ON t(z)",
                "CREATE INDEX tz ON t(z)",
                "CREATE INDEX mem.mi ON t(b)",
                "CREATE TABLE mem.t(q)",
                "INSERT INTO mem.t SELECT b FROM aux.t",
                "SELECT * FROM mem.t",
                "SELECT type, name, tbl_name, sql FROM aux.sqlite_schema ORDER BY name",
                "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
                "SELECT type, name FROM mem.sqlite_master ORDER BY name",
                "PRAGMA aux.table_info(t)",
                "PRAGMA aux.index_list(t)",
                "PRAGMA main.index_list(t)",
                "PRAGMA aux.index_info(tb)",
                "PRAGMA aux.user_version = 7",
                "PRAGMA aux.user_version",
                "PRAGMA user_version",
                "PRAGMA aux.schema_version",
                "PRAGMA aux.integrity_check",
                "PRAGMA mem.integrity_check",
                "PRAGMA nosuch.user_version",
                "ALTER TABLE aux.t ADD COLUMN c DEFAULT 5",
                "SELECT * FROM aux.t",
                "ALTER TABLE aux.t RENAME TO t2",
                "SELECT * FROM aux.t2",
                "SELECT name, tbl_name FROM aux.sqlite_schema ORDER BY name",
                "CREATE VIEW aux.v AS SELECT b FROM t2",
                "SELECT * FROM aux.v ORDER BY 1",
                "SELECT * FROM v ORDER BY 1",
                "CREATE TRIGGER aux.tr AFTER DELETE ON t2 BEGIN INSERT INTO t2(b) VALUES('deleted ' || old.b); END",
                "CREATE TRIGGER aux.tr2 AFTER DELETE ON main.t BEGIN SELECT 1; END",
                "CREATE TRIGGER tr3 AFTER DELETE ON aux.t2 BEGIN SELECT 1; END",
                "DELETE FROM aux.t2 WHERE a = 3",
                "SELECT * FROM t2 ORDER BY a",
                "DROP TRIGGER aux.tr",
                "DROP INDEX aux.tb",
                "DROP VIEW aux.v",
                "DROP TABLE aux.t2",
                "DROP TABLE aux.t2",
                "DROP INDEX nosuch.i",
                "SELECT name FROM aux.sqlite_schema",
                "DETACH mem",
                "DETACH DATABASE anon",
                "PRAGMA database_list");
    }

    @Test
    void attachAndDetachErrors() throws Exception {
        check("ATTACH '{dir}a.db' AS a",
                "ATTACH '{dir}b.db' AS a",
                "ATTACH '{dir}b.db' AS A",
                "ATTACH '{dir}b.db' AS main",
                "ATTACH '{dir}b.db' AS temp",
                "DETACH main",
                "DETACH temp",
                "DETACH nosuch",
                "SELECT * FROM nosuch.t",
                "INSERT INTO nosuch.t VALUES(1)",
                "CREATE TABLE nosuch.t(a)",
                "CREATE TABLE a.t(a)",
                "SELECT * FROM a.missing",
                "BEGIN",
                "SELECT count(*) FROM a.t",
                "DETACH a",
                "COMMIT",
                "DETACH A",
                "SELECT * FROM a.t",
                "ATTACH '{dir}a.db' AS a2",
                "SELECT * FROM a2.t",
                "ATTACH ':memory:' AS m1", "ATTACH ':memory:' AS m2", "ATTACH ':memory:' AS m3",
                "ATTACH ':memory:' AS m4", "ATTACH ':memory:' AS m5", "ATTACH ':memory:' AS m6",
                "ATTACH ':memory:' AS m7", "ATTACH ':memory:' AS m8", "ATTACH ':memory:' AS m9",
                "ATTACH ':memory:' AS m10",
                "PRAGMA database_list");
    }

    @Test
    void qualifiedColumnsAndMaintenanceOfAttachedDatabases() throws Exception {
        check("CREATE TABLE t(a)",
                "INSERT INTO t VALUES(1)",
                "ATTACH '{dir}aux.db' AS aux",
                "CREATE TABLE aux.t(a, b)",
                "INSERT INTO aux.t VALUES(2, 'x'), (3, 'y'), (4, 'x')",
                "SELECT main.t.a, aux.t.a FROM main.t, aux.t ORDER BY 2",
                "SELECT t.a FROM main.t, aux.t",
                "SELECT aux.t.b FROM main.t, aux.t AS x",
                "SELECT nosuch.t.a FROM t",
                "SELECT aux.t.a FROM t",
                "SELECT * FROM pragma_table_info('t', 'aux')",
                "SELECT * FROM pragma_table_info('t', 'nosuch')",
                "CREATE INDEX aux.tb ON t(b)",
                "ANALYZE aux",
                "SELECT * FROM aux.sqlite_stat1 ORDER BY idx",
                "SELECT name FROM sqlite_schema ORDER BY name",
                "ANALYZE aux.t",
                "REINDEX aux.t",
                "REINDEX aux.tb",
                "REINDEX nosuch.t",
                "DELETE FROM aux.t WHERE a = 3",
                "VACUUM aux",
                "VACUUM nosuch",
                "PRAGMA aux.integrity_check",
                "SELECT * FROM aux.t ORDER BY a",
                "PRAGMA aux.freelist_count");
    }

    @Test
    void transactionsSpanDatabases() throws Exception {
        check("ATTACH '{dir}a.db' AS a",
                "CREATE TABLE a.t(x)",
                "CREATE TABLE m(x)",
                "BEGIN",
                "INSERT INTO a.t VALUES(1)",
                "INSERT INTO m VALUES(1)",
                "COMMIT",
                "BEGIN",
                "INSERT INTO a.t VALUES(2)",
                "INSERT INTO m VALUES(2)",
                "ROLLBACK",
                "SELECT * FROM a.t",
                "SELECT * FROM m",
                "BEGIN",
                "INSERT INTO m VALUES(3)",
                "SAVEPOINT s1",
                "INSERT INTO a.t VALUES(3)",
                "ROLLBACK TO s1",
                "INSERT INTO a.t VALUES(4)",
                "RELEASE s1",
                "COMMIT",
                "SELECT * FROM a.t",
                "SELECT * FROM m",
                "SAVEPOINT x",
                "INSERT INTO a.t VALUES(5)",
                "SAVEPOINT y",
                "INSERT INTO m VALUES(6)",
                "ROLLBACK TO x",
                "INSERT INTO m VALUES(7)",
                "RELEASE x",
                "SELECT * FROM a.t",
                "SELECT * FROM m",
                "CREATE TABLE a.u(x UNIQUE)",
                "BEGIN",
                "INSERT INTO m VALUES(8)",
                "INSERT INTO a.u VALUES(1)",
                "INSERT INTO a.u VALUES(2), (1)",
                "COMMIT",
                "SELECT * FROM a.u",
                "SELECT * FROM m",
                "INSERT INTO a.u SELECT x FROM m",
                "SELECT * FROM a.u",
                "BEGIN",
                "CREATE TABLE a.w(y)",
                "INSERT INTO a.w VALUES(1)",
                "ROLLBACK",
                "SELECT * FROM a.w",
                "SELECT name FROM a.sqlite_schema ORDER BY name",
                "DETACH a",
                "ATTACH '{dir}a.db' AS again",
                "SELECT * FROM again.t",
                "SELECT * FROM again.u");
    }
}
