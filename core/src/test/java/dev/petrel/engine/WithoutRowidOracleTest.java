package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * WITHOUT ROWID tables (withoutrowid.html) on Petrel and SQLite: writes with every conflict action, PRIMARY KEY
 * lookups and ranges, secondary indexes, errors and PRAGMA output.
 */
class WithoutRowidOracleTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE w(a INT, b TEXT, c, PRIMARY KEY(b, a), UNIQUE(c)) WITHOUT ROWID",
        "CREATE INDEX wi ON w(c, a)",
    };

    private static String[] script(String... statements) {
        return Oracle.concat(SCHEMA, statements);
    }

    @Test
    void writesAndReads() {
        assertEquals("", Oracle.scriptDifferences(script(
                "INSERT INTO w VALUES(1, 'x', 3)",
                "INSERT INTO w VALUES(2, 'x', 4), (1, 'y', 5), (3, 'a', NULL), (4, 'a', NULL)",
                "SELECT changes(), total_changes()",
                "INSERT INTO w VALUES(1, NULL, 3)",
                "INSERT INTO w VALUES(1, 'x', 9)",
                "INSERT INTO w VALUES(9, 'z', 3)",
                "INSERT OR IGNORE INTO w VALUES(1, 'x', 10)",
                "INSERT OR REPLACE INTO w VALUES(1, 'x', 11)",
                "INSERT OR REPLACE INTO w VALUES(7, 'q', 4)",
                "SELECT * FROM w",
                "SELECT * FROM w ORDER BY c",
                "SELECT a, c FROM w WHERE b = 'a'",
                "SELECT a, c FROM w WHERE b = 'x' AND a = 1",
                "SELECT * FROM w WHERE b > 'p'",
                "SELECT * FROM w WHERE c = 5",
                "SELECT a FROM w WHERE c >= 4 ORDER BY a",
                "SELECT rowid FROM w",
                "UPDATE w SET c = c + 100 WHERE b = 'x'",
                "UPDATE w SET b = 'b' WHERE a = 3",
                "UPDATE w SET a = 4 WHERE a = 3",
                "UPDATE OR REPLACE w SET a = 4 WHERE a = 3",
                "SELECT changes()",
                "SELECT * FROM w",
                "DELETE FROM w WHERE c > 100",
                "SELECT changes()",
                "SELECT * FROM w",
                "INSERT INTO w VALUES(5, 'e', 50) RETURNING *",
                "DELETE FROM w WHERE a = 5 RETURNING b, c",
                "PRAGMA integrity_check",
                "DELETE FROM w",
                "SELECT count(*), changes() FROM w",
                "INSERT INTO w VALUES(1, 'x', 1)",
                "CREATE TABLE other(a PRIMARY KEY, b) WITHOUT ROWID",
                "INSERT INTO other VALUES(1, 2)",
                "DROP TABLE w",
                "SELECT name FROM sqlite_schema",
                "SELECT * FROM other",
                "PRAGMA integrity_check")));
    }

    @Test
    void keysTypesAndErrors() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE v(a INTEGER PRIMARY KEY, b) WITHOUT ROWID",
                "INSERT INTO v VALUES(NULL, 1)",
                "INSERT INTO v VALUES('abc', 1)",
                "INSERT INTO v VALUES(1, 1), (1, 2)",
                "INSERT INTO v VALUES(2.0, 2), ('3', 3)",
                "SELECT a, typeof(a), b FROM v",
                "INSERT INTO v(rowid, b) VALUES(1, 2)",
                "CREATE TABLE d(k TEXT COLLATE NOCASE PRIMARY KEY DESC, v) WITHOUT ROWID",
                "INSERT INTO d VALUES('b', 1), ('A', 2), ('c', 3)",
                "INSERT INTO d VALUES('B', 4)",
                "SELECT * FROM d",
                "SELECT * FROM d WHERE k = 'C'",
                "CREATE TABLE y(a INTEGER PRIMARY KEY AUTOINCREMENT) WITHOUT ROWID",
                "CREATE TABLE z(a, b) WITHOUT ROWID",
                "CREATE TABLE s(a INT PRIMARY KEY, b ANY) STRICT, WITHOUT ROWID",
                "INSERT INTO s VALUES('x', 1)",
                "INSERT INTO s VALUES('7', '1')",
                "SELECT a, typeof(a), b, typeof(b) FROM s",
                "CREATE TABLE g(a PRIMARY KEY, b AS (a * 2), c AS (a + 1) STORED) WITHOUT ROWID",
                "INSERT INTO g VALUES(3), (1)",
                "SELECT * FROM g",
                "PRAGMA table_xinfo(g)",
                "PRAGMA integrity_check"));
    }

    @Test
    void joinsAndSubqueries() {
        assertEquals("", Oracle.scriptDifferences(script(
                "INSERT INTO w VALUES(1, 'x', 3), (2, 'x', 4), (1, 'y', 5), (3, 'a', NULL)",
                "CREATE TABLE r(id INTEGER PRIMARY KEY, k TEXT, n INT)",
                "INSERT INTO r VALUES(1, 'x', 1), (2, 'y', 1), (3, 'nope', 9), (4, 'x', 2)",
                "SELECT r.id, w.c FROM r JOIN w ON w.b = r.k AND w.a = r.n ORDER BY r.id",
                "SELECT r.id, w.c FROM r LEFT JOIN w ON w.b = r.k AND w.a = r.n ORDER BY r.id",
                "SELECT * FROM w WHERE b IN ('y', 'a') ORDER BY b",
                "SELECT * FROM w WHERE b = 'x' AND a > 1",
                "SELECT * FROM w WHERE b = 'x' AND a BETWEEN 0 AND 1",
                "SELECT b, count(*), max(c) FROM w GROUP BY b ORDER BY b",
                "SELECT * FROM w WHERE c = (SELECT max(c) FROM w)",
                "SELECT (SELECT count(*) FROM w AS w2 WHERE w2.b = w.b) FROM w ORDER BY b, a",
                "SELECT DISTINCT b FROM w ORDER BY b DESC",
                "UPDATE w SET c = (SELECT id FROM r WHERE r.k = w.b AND r.n = w.a) WHERE c IS NOT NULL",
                "SELECT * FROM w ORDER BY b, a",
                "CREATE TABLE d(x INT, y INT, z, PRIMARY KEY(x DESC, y)) WITHOUT ROWID",
                "INSERT INTO d VALUES(1, 1, 'a'), (2, 1, 'b'), (2, 2, 'c'), (3, 0, 'd')",
                "SELECT * FROM d",
                "SELECT * FROM d WHERE x = 2",
                "SELECT * FROM d WHERE x > 1 ORDER BY x, y",
                "PRAGMA integrity_check")));
    }

    @Test
    void upsert() {
        assertEquals("", Oracle.scriptDifferences(script(
                "INSERT INTO w VALUES(1, 'x', 3), (2, 'x', 4)",
                "INSERT INTO w VALUES(1, 'x', 30) ON CONFLICT(b, a) DO UPDATE SET c = excluded.c + 1",
                "INSERT INTO w VALUES(9, 'z', 4) ON CONFLICT(c) DO UPDATE SET c = 40, b = excluded.b",
                "INSERT INTO w VALUES(1, 'x', 5) ON CONFLICT DO NOTHING",
                "INSERT INTO w VALUES(1, 'x', 5) ON CONFLICT(b, a) DO UPDATE SET c = 4",
                "INSERT INTO w VALUES(2, 'z', 6) ON CONFLICT(b, a) DO UPDATE SET c = c * 10 WHERE c > 100",
                "INSERT INTO w VALUES(3, 'q', 7) ON CONFLICT(b, a) DO UPDATE SET c = 0 RETURNING *",
                "SELECT * FROM w",
                "PRAGMA integrity_check")));
    }

    @Test
    void plansAndPragmas() {
        assertEquals("", Oracle.scriptDifferences(script(
                "EXPLAIN QUERY PLAN SELECT * FROM w WHERE b = 'x'",
                "EXPLAIN QUERY PLAN SELECT * FROM w WHERE b = 'x' AND a = 1",
                "EXPLAIN QUERY PLAN SELECT * FROM w WHERE b > 'x'",
                "EXPLAIN QUERY PLAN SELECT * FROM w WHERE c = 3",
                "EXPLAIN QUERY PLAN SELECT a FROM w WHERE c = 3",
                "EXPLAIN QUERY PLAN SELECT * FROM w ORDER BY b",
                "SELECT type, name, tbl_name, rootpage FROM sqlite_schema",
                "PRAGMA table_info(w)",
                "PRAGMA index_list(w)",
                "PRAGMA index_xinfo(sqlite_autoindex_w_1)",
                "PRAGMA index_xinfo(sqlite_autoindex_w_2)",
                "PRAGMA index_xinfo(wi)",
                "PRAGMA index_info(wi)")));
    }

    /** A secondary index orders equal keys by the PRIMARY KEY suffix with the key's own directions and collations. */
    @Test
    void secondaryIndexSuffixFollowsPrimaryKeyOrder() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE w(k TEXT COLLATE NOCASE, n INT, note TEXT, PRIMARY KEY(k, n DESC)) WITHOUT ROWID",
                "CREATE INDEX w_note ON w(note)",
                "INSERT INTO w VALUES ('a', 1, 'x'), ('B', 2, 'x'), ('c', 3, 'x'), ('b', 1, 'x'), ('A', 5, 'x')",
                "SELECT * FROM w INDEXED BY w_note WHERE note = 'x'",
                "CREATE TABLE d(k TEXT, n INT, note TEXT, PRIMARY KEY(k DESC, n)) WITHOUT ROWID",
                "INSERT INTO d VALUES ('a', 1, 'x'), ('b', 2, 'x'), ('c', 3, 'x'), ('c', 1, 'x')",
                "CREATE INDEX d_note ON d(note)", "SELECT * FROM d INDEXED BY d_note WHERE note = 'x'",
                "SELECT k, n FROM d INDEXED BY d_note WHERE note = 'x' AND k < 'c'", "PRAGMA integrity_check"));
    }
}
