package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Generated columns (gencol.html), VIRTUAL and STORED, on Petrel and SQLite: values, errors, PRAGMAs, indexes. */
class GeneratedColumnOracleTest {
    @Test
    void computedOnWriteAndRead() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE g(a INT, b INT AS (a*2), c TEXT GENERATED ALWAYS AS (a || 'x') STORED, d)",
                "INSERT INTO g VALUES(1, 2)",
                "INSERT INTO g(a, d) VALUES(3, 4)",
                "INSERT INTO g(d) VALUES('only d')",
                "INSERT INTO g VALUES('7', NULL)",
                "SELECT * FROM g ORDER BY rowid",
                "SELECT a, typeof(b), typeof(c), b + 1, upper(c) FROM g WHERE b > 2 ORDER BY b DESC",
                "UPDATE g SET a = a + 10 WHERE a = 1",
                "SELECT * FROM g ORDER BY a",
                "SELECT x.b, y.c FROM g AS x JOIN g AS y ON x.a = y.a ORDER BY 1",
                "SELECT b, count(*) FROM g GROUP BY b ORDER BY b",
                "DELETE FROM g WHERE b = 6",
                "SELECT * FROM g ORDER BY rowid",
                "INSERT INTO g VALUES(1, 2, 3, 4)",
                "INSERT INTO g VALUES(1, 2, 3)",
                "INSERT INTO g(a, b) VALUES(1, 2)",
                "INSERT INTO g(c) VALUES(1)",
                "UPDATE g SET b = 1",
                "UPDATE g SET c = 1",
                "INSERT INTO g(a) VALUES(5) RETURNING a, b, c",
                "PRAGMA table_info(g)",
                "PRAGMA table_xinfo(g)"));
    }

    @Test
    void chainsAffinityAndConstraints() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE h(a, b AS (a + 1), c AS (b + 1) STORED, d TEXT AS (c * 2), e REAL AS (a))",
                "INSERT INTO h VALUES(1)",
                "INSERT INTO h VALUES('2')",
                "SELECT a, b, c, d, typeof(d), e, typeof(e) FROM h",
                "CREATE TABLE k(a INTEGER PRIMARY KEY, b AS (a * 2))",
                "INSERT INTO k VALUES(NULL)",
                "INSERT INTO k(rowid) VALUES(7)",
                "SELECT * FROM k",
                "CREATE TABLE n(a, b AS (a) NOT NULL, c AS (a) CHECK (c > 1))",
                "INSERT INTO n VALUES(NULL)",
                "INSERT INTO n VALUES(0)",
                "INSERT INTO n VALUES(5)",
                "SELECT * FROM n",
                "CREATE TABLE q(a, b AS (a) UNIQUE)",
                "INSERT INTO q VALUES(1), (2)",
                "INSERT INTO q VALUES(1)",
                "INSERT OR IGNORE INTO q VALUES(2)",
                "INSERT INTO q VALUES(2) ON CONFLICT(b) DO UPDATE SET a = a + 10",
                "SELECT * FROM q ORDER BY a",
                "INSERT INTO q VALUES(12) ON CONFLICT(b) DO UPDATE SET b = 1",
                "INSERT INTO q VALUES(12) ON CONFLICT(b) DO UPDATE SET a = excluded.b * 100 RETURNING a, b",
                "CREATE TABLE s(a TEXT, b INT AS (a)) STRICT",
                "INSERT INTO s VALUES('5')",
                "INSERT INTO s VALUES('x')",
                "SELECT a, b, typeof(b) FROM s"));
    }

    @Test
    void createErrors() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE l1(a, b AS (c), c AS (b))",
                "CREATE TABLE l2(a, b AS (b))",
                "CREATE TABLE l3(a, b AS (c), c AS (d), d AS (b))",
                "CREATE TABLE l4(a, d AS (b), b AS (c), c AS (d))",
                "CREATE TABLE l5(a, b AS (random()))",
                "CREATE TABLE l6(a, b AS (nosuch))",
                "CREATE TABLE l7(a, b AS ((SELECT 1)))",
                "CREATE TABLE l8(a, b AS (a) PRIMARY KEY)",
                "CREATE TABLE l9(a, b AS (l9.a + 1))",
                "CREATE TABLE l10(a, b AS (x.a + 1))",
                "CREATE TABLE l11(a, b AS (rowid))",
                "CREATE TABLE l12(a AS (1))",
                "CREATE TABLE l13(a, b AS (a) DEFAULT 1)",
                "CREATE TABLE l14(a, b AS (abs(a)), c AS (coalesce(b, a)) STORED)",
                "INSERT INTO l14 VALUES(-3)",
                "SELECT * FROM l14",
                "SELECT name FROM sqlite_schema ORDER BY name"));
    }

    @Test
    void indexesOnGeneratedColumns() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE r(a, b AS (a * 10), c AS (a + 1) STORED)",
                "CREATE INDEX r_b ON r(b)",
                "CREATE INDEX r_c ON r(c)",
                "INSERT INTO r VALUES(1), (2), (3), (4)",
                "EXPLAIN QUERY PLAN SELECT a FROM r WHERE b = 20",
                "EXPLAIN QUERY PLAN SELECT a FROM r WHERE c = 3",
                "SELECT a FROM r WHERE b = 20",
                "SELECT a FROM r WHERE c = 3",
                "SELECT b FROM r WHERE b > 15 ORDER BY b",
                "UPDATE r SET a = 9 WHERE b = 20",
                "SELECT a FROM r WHERE b = 90",
                "SELECT a FROM r WHERE b = 20",
                "DELETE FROM r WHERE c = 10",
                "SELECT a, b, c FROM r ORDER BY a",
                "PRAGMA integrity_check"));
    }

    @Test
    void alterAndViews() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE t(a, b AS (a * 2))",
                "INSERT INTO t VALUES(1), (2)",
                "ALTER TABLE t ADD COLUMN c AS (a + b)",
                "ALTER TABLE t ADD COLUMN d AS (a) STORED",
                "ALTER TABLE t ADD COLUMN e INT DEFAULT 7",
                "INSERT INTO t(a) VALUES(3)",
                "SELECT * FROM t ORDER BY a",
                "CREATE VIEW v AS SELECT a, b, c FROM t WHERE b > 2",
                "SELECT * FROM v ORDER BY a",
                "SELECT t1.b, t2.c FROM t t1 LEFT JOIN t t2 ON t2.a = t1.a + 1 ORDER BY t1.a",
                "SELECT a FROM t WHERE c IN (3, 9) ORDER BY c DESC",
                "PRAGMA integrity_check"));
    }
}
