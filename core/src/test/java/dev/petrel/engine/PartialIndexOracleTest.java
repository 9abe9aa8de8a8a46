package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Partial indexes (partialindex.html) and indexes on expressions (expridx.html) on Petrel and SQLite: maintained by
 * every write, used by the planner under SQLite's rules, UNIQUE partial indexes, errors and PRAGMA output.
 */
class PartialIndexOracleTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE e(a, b, c)",
        "CREATE INDEX e1 ON e(a + b)",
        "CREATE INDEX e2 ON e(c, lower(b) DESC) WHERE a > 0",
        "CREATE INDEX e7 ON e(abs(a)) WHERE b IS NOT NULL",
        "CREATE UNIQUE INDEX e8 ON e(c) WHERE a = 1",
    };

    private static String[] script(String... statements) {
        return Oracle.concat(SCHEMA, statements);
    }

    @Test
    void maintainedByWrites() {
        assertEquals("", Oracle.scriptDifferences(script(
                "INSERT INTO e VALUES(1, 2, 3), (2, 'B', 3), (-1, NULL, 4), (1, 'x', 5)",
                "INSERT INTO e VALUES(1, 2, 3)",
                "INSERT INTO e VALUES(2, 2, 3)",
                "INSERT OR IGNORE INTO e VALUES(1, 9, 5)",
                "INSERT OR REPLACE INTO e VALUES(1, 9, 5)",
                "SELECT rowid, * FROM e ORDER BY rowid",
                "UPDATE e SET a = 1 WHERE c = 4",
                "UPDATE e SET a = 1 WHERE rowid = 2",
                "UPDATE e SET b = upper(b) WHERE a > 0",
                "DELETE FROM e WHERE a + b = 3",
                "SELECT rowid, * FROM e ORDER BY rowid",
                "SELECT a, b FROM e WHERE a + b = 10",
                "SELECT c FROM e WHERE c = 5 AND a > 0",
                "SELECT c FROM e WHERE c = 5 AND a = 1",
                "SELECT * FROM e WHERE abs(a) = 1 AND b IS NOT NULL ORDER BY rowid",
                "SELECT * FROM e WHERE abs(a) > 0 AND b = 'B' ORDER BY rowid",
                "PRAGMA integrity_check",
                "DELETE FROM e",
                "SELECT count(*) FROM e",
                "PRAGMA integrity_check")));
    }

    @Test
    void createIndexOnExistingRows() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE f(a, b)",
                "INSERT INTO f VALUES(1, 'x'), (2, 'X'), (3, NULL), (-1, 'y')",
                "CREATE UNIQUE INDEX f1 ON f(lower(b))",
                "CREATE UNIQUE INDEX f2 ON f(lower(b)) WHERE a > 1",
                "CREATE INDEX f3 ON f(a * 2) WHERE b IS NOT NULL",
                "SELECT a FROM f WHERE a * 2 = 4 AND b IS NOT NULL",
                "SELECT a FROM f WHERE lower(b) = 'x' AND a > 1",
                "INSERT INTO f VALUES(5, 'x')",
                "INSERT INTO f VALUES(0, 'x')",
                "PRAGMA integrity_check",
                "CREATE INDEX g1 ON f(random())",
                "CREATE INDEX g2 ON f(a) WHERE random() > 0",
                "CREATE INDEX g3 ON f((SELECT 1))",
                "CREATE INDEX g4 ON f(a) WHERE (SELECT 1)",
                "CREATE INDEX g5 ON f(nosuch + 1)",
                "CREATE INDEX g6 ON f(a) WHERE nosuch",
                "CREATE INDEX g7 ON f(a) WHERE ?1",
                "CREATE INDEX g8 ON f(a + rowid)"));
    }

    @Test
    void planner() {
        assertEquals("", Oracle.scriptDifferences(script(
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE a + b = 3",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE 3 = a + b",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE e.a + e.b > 3",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE c = 3 AND a > 0",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE c = 3 AND a = 1",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE c = 3",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE c = 3 AND a > 1",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE abs(a) = 3 AND b IS NOT NULL",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE abs(a) > 3 AND b IS NOT NULL",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE abs(a) = 3 AND b = 'x'",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE abs(a) = 3",
                "EXPLAIN QUERY PLAN SELECT * FROM e WHERE a + c = 3")));
    }

    @Test
    void pragmas() {
        assertEquals("", Oracle.scriptDifferences(script(
                "PRAGMA index_info(e1)",
                "PRAGMA index_info(e2)",
                "PRAGMA index_xinfo(e1)",
                "PRAGMA index_xinfo(e2)",
                "PRAGMA index_xinfo(e8)",
                "PRAGMA index_list(e)",
                "CREATE TABLE p(x INTEGER PRIMARY KEY, y TEXT COLLATE NOCASE UNIQUE, z)",
                "CREATE INDEX p1 ON p(z DESC, y COLLATE BINARY)",
                "PRAGMA index_xinfo(p1)",
                "PRAGMA index_xinfo(sqlite_autoindex_p_1)",
                "PRAGMA index_list(p)")));
    }
}
