package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * ON CONFLICT FAIL against sqlite-jdbc: the failing statement stops at the bad row but keeps the rows it already
 * wrote (unlike ABORT), inside an explicit transaction and in autocommit (where they are committed). Covers
 * INSERT OR FAIL, UPDATE OR FAIL, the constraint-level ON CONFLICT clauses of PRIMARY KEY, UNIQUE and NOT NULL
 * (and NOT NULL's IGNORE, REPLACE and ROLLBACK), CHECK and immediate foreign keys.
 */
class ConflictFailOracleTest {
    @Test
    void failKeepsEarlierRows() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE f(a INTEGER PRIMARY KEY, b UNIQUE, c NOT NULL, d CHECK(d < 10))",
                "INSERT INTO f VALUES(1, 1, 1, 1)",
                "INSERT OR FAIL INTO f VALUES(2, 2, 2, 2), (3, 1, 3, 3), (4, 4, 4, 4)",
                "SELECT * FROM f",
                "UPDATE OR FAIL f SET b = 5 - a",
                "SELECT * FROM f",
                "BEGIN",
                "INSERT OR FAIL INTO f VALUES(5, 5, 5, 5), (6, 6, NULL, 6), (7, 7, 7, 7)",
                "SELECT * FROM f",
                "INSERT OR FAIL INTO f VALUES(8, 8, 8, 8), (9, 9, 9, 99)",
                "SELECT * FROM f",
                "ROLLBACK",
                "SELECT * FROM f",
                "CREATE TABLE g(a PRIMARY KEY ON CONFLICT FAIL, b NOT NULL ON CONFLICT FAIL, c UNIQUE ON CONFLICT FAIL)",
                "INSERT INTO g VALUES(1, 1, 1), (2, 2, 2), (1, 3, 3), (4, 4, 4)",
                "SELECT * FROM g",
                "INSERT INTO g VALUES(10, 10, 10), (11, NULL, 11)",
                "SELECT * FROM g",
                "INSERT INTO g VALUES(20, 20, 20), (21, 21, 1)",
                "SELECT * FROM g",
                "UPDATE g SET c = 100 - a WHERE a > 1",
                "SELECT * FROM g",
                "PRAGMA foreign_keys=ON",
                "CREATE TABLE p(id PRIMARY KEY)",
                "CREATE TABLE ch(x REFERENCES p(id))",
                "INSERT INTO p VALUES(1)",
                "INSERT OR FAIL INTO ch VALUES(1), (2), (1)",
                "SELECT * FROM ch",
                "BEGIN",
                "INSERT OR FAIL INTO ch VALUES(1), (1), (3)",
                "SELECT * FROM ch",
                "COMMIT",
                "SELECT * FROM ch",
                "CREATE TABLE h(a, b NOT NULL ON CONFLICT IGNORE, c NOT NULL ON CONFLICT REPLACE DEFAULT 'dflt', d NOT NULL ON CONFLICT ROLLBACK)",
                "INSERT INTO h VALUES(1, NULL, 1, 1), (2, 2, NULL, 2), (3, 3, 3, 3)",
                "SELECT * FROM h",
                "BEGIN",
                "INSERT INTO h VALUES(4, 4, 4, 4)",
                "INSERT INTO h VALUES(5, 5, 5, NULL)",
                "SELECT * FROM h",
                "INSERT OR FAIL INTO h VALUES(6, NULL, 6, 6), (7, 7, 7, 7)",
                "SELECT * FROM h",
                "ROLLBACK",
                "SELECT * FROM h",
                "ROLLBACK"));
    }

    @Test
    void failInAutocommitCommitsEarlierRows() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE k(a INTEGER PRIMARY KEY, b UNIQUE ON CONFLICT FAIL)",
                "INSERT INTO k VALUES(1, 'x')",
                "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 5) INSERT INTO k SELECT v + 1, char(120 + v) FROM n",
                "SELECT changes(), total_changes()",
                "SELECT * FROM k",
                "ROLLBACK",
                "UPDATE OR FAIL k SET b = 'z' WHERE a > 1",
                "SELECT changes()",
                "SELECT * FROM k",
                "UPDATE OR ABORT k SET b = 'q' || a WHERE a > 1",
                "UPDATE k SET b = 'w' WHERE a >= 1",
                "SELECT * FROM k",
                "BEGIN",
                "UPDATE OR FAIL k SET b = 'v' WHERE a >= 1",
                "SELECT * FROM k",
                "COMMIT",
                "SELECT * FROM k"));
    }

    /** UPDATE of a WITHOUT ROWID table: the old row stays until every check passed (FAIL, IGNORE, REPLACE). */
    @Test
    void withoutRowidAndTriggerRowsUnderFail() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE w(a PRIMARY KEY, b UNIQUE) WITHOUT ROWID",
                "INSERT INTO w VALUES(1, 1), (2, 2), (3, 3)",
                "UPDATE OR FAIL w SET b = 4 - a",
                "SELECT changes()",
                "SELECT * FROM w",
                "INSERT OR FAIL INTO w VALUES(4, 4), (5, 1), (6, 6)",
                "SELECT changes(), total_changes()",
                "SELECT * FROM w",
                "CREATE TABLE log(x UNIQUE ON CONFLICT FAIL)",
                "CREATE TABLE src(v)",
                "CREATE TRIGGER tr AFTER INSERT ON src BEGIN INSERT INTO log VALUES(new.v); END",
                "INSERT INTO src VALUES(1), (2), (1), (3)",
                "SELECT * FROM src",
                "SELECT * FROM log",
                "CREATE TRIGGER tr2 AFTER INSERT ON src BEGIN INSERT OR FAIL INTO log VALUES(new.v + 10); END",
                "BEGIN",
                "INSERT INTO src VALUES(20), (21), (20)",
                "SELECT * FROM src",
                "SELECT * FROM log",
                "COMMIT",
                "CREATE TABLE m(a INTEGER PRIMARY KEY ON CONFLICT FAIL, b)",
                "INSERT INTO m VALUES(1, 'a')",
                "INSERT INTO m SELECT 2, 'b' UNION ALL SELECT 1, 'c' UNION ALL SELECT 3, 'd'",
                "SELECT * FROM m",
                "INSERT OR ABORT INTO m VALUES(4, 'e'), (1, 'f')",
                "SELECT * FROM m",
                "INSERT OR FAIL INTO m VALUES(5, 'g') ON CONFLICT(a) DO UPDATE SET b = 'h'",
                "SELECT * FROM m",
                "CREATE TABLE wr(a PRIMARY KEY, b UNIQUE, c) WITHOUT ROWID",
                "CREATE INDEX wc ON wr(c)",
                "INSERT INTO wr VALUES(1, 1, 'x'), (2, 2, 'y'), (3, 3, 'z')",
                "UPDATE wr SET a = a + 1",
                "SELECT * FROM wr",
                "UPDATE wr SET a = a + 10",
                "SELECT * FROM wr",
                "UPDATE OR REPLACE wr SET a = 13 WHERE a = 11",
                "SELECT * FROM wr",
                "UPDATE OR IGNORE wr SET b = 3 WHERE a = 12",
                "SELECT * FROM wr",
                "UPDATE OR FAIL wr SET a = 12, b = 2 WHERE a = 12",
                "SELECT * FROM wr",
                "UPDATE wr SET b = b, c = c || '!'",
                "SELECT * FROM wr",
                "UPDATE OR REPLACE wr SET b = 3 WHERE a = 12",
                "SELECT * FROM wr",
                "PRAGMA integrity_check",
                "CREATE TABLE w2(a TEXT COLLATE NOCASE, b, PRIMARY KEY(a, b)) WITHOUT ROWID",
                "INSERT INTO w2 VALUES('x', 1), ('y', 1)",
                "UPDATE w2 SET a = 'X'",
                "SELECT * FROM w2",
                "UPDATE OR FAIL w2 SET a = upper(a)",
                "SELECT * FROM w2",
                "INSERT INTO w2 VALUES('a', 1) ON CONFLICT DO NOTHING",
                "INSERT INTO w2 VALUES('A', 1) ON CONFLICT(a, b) DO UPDATE SET b = 5",
                "SELECT * FROM w2",
                "PRAGMA integrity_check"));
    }
}
