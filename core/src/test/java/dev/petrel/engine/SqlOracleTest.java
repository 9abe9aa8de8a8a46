package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * End-to-end SQL: each script runs statement by statement on Petrel and on sqlite-jdbc (both in memory); every
 * result (rows in order, or the error message) must be identical. Queries without ORDER BY are only used where
 * the order is defined by the plan both engines choose (single-table scans).
 */
class SqlOracleTest {
    static void check(String... script) {
        assertEquals("", Oracle.scriptDifferences(script));
    }

    @Test
    void createInsertSelect() {
        check("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL, d, e NUMERIC)",
                "INSERT INTO t VALUES(1, 'one', 1, 1, '1'), (2, 2, '2.5', x'00ff', '2.0'), (NULL, NULL, NULL, NULL, NULL)",
                "INSERT INTO t(b) VALUES('x')",
                "SELECT * FROM t",
                "SELECT rowid, a, typeof(b), typeof(c), typeof(d), typeof(e) FROM t",
                "SELECT last_insert_rowid(), changes(), total_changes()",
                "INSERT INTO t(a) VALUES(1)",
                "INSERT INTO t(a) VALUES('abc')",
                "INSERT INTO t VALUES(1,2)",
                "INSERT INTO t(zz) VALUES(1)",
                "INSERT INTO nosuch VALUES(1)",
                "SELECT nosuch FROM t",
                "SELECT t.nosuch FROM t",
                "SELECT * FROM t WHERE a = '2'",
                "SELECT * FROM t WHERE b = 2",
                "SELECT * FROM t WHERE c > 2",
                "SELECT a FROM t WHERE rowid BETWEEN 2 AND 3",
                "SELECT a FROM t WHERE rowid > 1.5",
                "SELECT a FROM t WHERE a IN (1, 3, 5)",
                "SELECT a FROM t WHERE a NOT IN (1, NULL)");
    }

    @Test
    void expressions() {
        check("SELECT 1 + '2', '3' * 2, 5 / 2, 5 % 3, 5.0 / 0, -'abc', +'x', ~5, 1 << 70, 'a' || 1.5",
                "SELECT 1 = 1, 1 = NULL, NULL IS NULL, 1 IS NOT 1, 'a' < 'b', 2 BETWEEN 1 AND 3, 5 NOT BETWEEN 1 AND 3",
                "SELECT CASE 1 WHEN 1 THEN 'a' ELSE 'b' END, CASE WHEN NULL THEN 1 END, CASE 2 WHEN 1 THEN 'x' END",
                "SELECT CAST('12abc' AS INTEGER), CAST(1.9 AS INTEGER), CAST(5 AS TEXT), CAST('1e3' AS REAL), CAST(x'41' AS TEXT)",
                "SELECT 'abc' LIKE 'A%', 'abc' GLOB 'a*', 'a_c' LIKE 'a\\_c' ESCAPE '\\', 'abc' NOT LIKE '%z%'",
                "SELECT coalesce(NULL, 2), ifnull(NULL, 'x'), nullif(1, 1), iif(1, 'y', 'n'), length('héllo'), upper('abc')",
                "SELECT abs(-3), round(2.5), round(-2.567, 2), max(1, 2, 3), min('a', 'b'), typeof(1.0), hex('A')",
                "SELECT 1 IN (), NULL IN (1), 1 IN (NULL, 1), 2 NOT IN (1, NULL), (SELECT 5), EXISTS (SELECT 1 WHERE 0)",
                "SELECT \"abc\", 'it''s', x'', 9223372036854775807 + 1, -9223372036854775808, 0x10",
                "SELECT 'a' COLLATE NOCASE = 'A', 'a' = 'A', 'abc ' = 'abc' COLLATE RTRIM",
                "SELECT NOT 0, NOT NULL, 1 AND NULL, 0 AND NULL, 1 OR NULL, 0 OR NULL",
                "SELECT nosuchfn(1)",
                "SELECT abs(1, 2)",
                "SELECT count(*) WHERE 1",
                "SELECT substr('hello', 2, 3), replace('aaa', 'a', 'b'), instr('hello', 'l'), trim('  x  '), printf('%d-%s', 5, 'x')");
    }

    @Test
    void aggregatesAndGroups() {
        check("CREATE TABLE s(g TEXT, v INTEGER, w REAL)",
                "INSERT INTO s VALUES('a', 1, 1.5), ('b', 2, NULL), ('a', 3, 2.5), ('c', NULL, 4), ('b', 2, 1)",
                "SELECT count(*), count(v), sum(v), total(v), avg(v), min(v), max(v), group_concat(g) FROM s",
                "SELECT g, count(*), sum(v), avg(w) FROM s GROUP BY g ORDER BY g",
                "SELECT g, sum(v) AS t FROM s GROUP BY g HAVING t > 2 ORDER BY t DESC",
                "SELECT count(DISTINCT v), sum(DISTINCT v), group_concat(DISTINCT g) FROM s",
                "SELECT g FROM s GROUP BY 1 ORDER BY 1 DESC",
                "SELECT v, count(*) FROM s GROUP BY v ORDER BY v",
                "SELECT max(v), g FROM s",
                "SELECT sum(v) FROM s WHERE 0",
                "SELECT count(*) FROM s WHERE sum(v) > 1",
                "SELECT g, count(*) FROM s GROUP BY g HAVING count(*) > 1 ORDER BY 2, 1",
                "SELECT DISTINCT g FROM s ORDER BY g",
                "SELECT g, v FROM s ORDER BY v DESC NULLS LAST, g",
                "SELECT g, v FROM s ORDER BY v NULLS LAST LIMIT 2 OFFSET 1",
                "SELECT g FROM s ORDER BY 3",
                "SELECT sum(v) + 1, count(*) * 2 FROM s GROUP BY g ORDER BY 1");
    }

    @Test
    void joinsAndSubqueries() {
        check("CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE c(id INTEGER PRIMARY KEY, pid INTEGER, v TEXT)",
                "CREATE INDEX c_pid ON c(pid)",
                "INSERT INTO p VALUES(1, 'x'), (2, 'y'), (3, 'z')",
                "INSERT INTO c VALUES(10, 1, 'a'), (11, 1, 'b'), (12, 2, 'c'), (13, 9, 'd')",
                "SELECT p.name, c.v FROM p, c WHERE p.id = c.pid ORDER BY c.v",
                "SELECT p.name, c.v FROM p JOIN c ON p.id = c.pid ORDER BY 1, 2",
                "SELECT p.name, c.v FROM p LEFT JOIN c ON p.id = c.pid ORDER BY 1, 2",
                "SELECT p.name, c.v FROM p LEFT JOIN c ON p.id = c.pid WHERE c.v IS NULL",
                "SELECT * FROM p NATURAL JOIN (SELECT id, 'q' AS w FROM c) ORDER BY 1",
                "SELECT id FROM p JOIN c USING (id)",
                "SELECT name FROM p WHERE id IN (SELECT pid FROM c) ORDER BY 1",
                "SELECT name FROM p WHERE id NOT IN (SELECT pid FROM c) ORDER BY 1",
                "SELECT name, (SELECT count(*) FROM c WHERE c.pid = p.id) FROM p ORDER BY 1",
                "SELECT name FROM p WHERE EXISTS (SELECT 1 FROM c WHERE c.pid = p.id) ORDER BY 1",
                "SELECT x.n FROM (SELECT name AS n FROM p WHERE id > 1) AS x ORDER BY 1",
                "SELECT id FROM p UNION ALL SELECT pid FROM c ORDER BY 1",
                "SELECT id FROM p INTERSECT SELECT pid FROM c",
                "SELECT id FROM p EXCEPT SELECT pid FROM c",
                "SELECT id FROM p UNION SELECT pid FROM c ORDER BY 1 DESC LIMIT 3",
                "SELECT 1, 2 UNION SELECT 3",
                "SELECT id FROM p, c",
                "VALUES (1, 'a'), (2, 'b')",
                "WITH t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT sum(n) FROM t",
                "WITH RECURSIVE f(n, x) AS (VALUES(1, 1) UNION ALL SELECT n + 1, x * (n + 1) FROM f LIMIT 6) SELECT x FROM f",
                "WITH a AS (SELECT id FROM p WHERE id < 3) SELECT count(*) FROM a, a AS b",
                "CREATE VIEW v AS SELECT p.name, c.v FROM p JOIN c ON p.id = c.pid",
                "SELECT * FROM v ORDER BY 2",
                "SELECT (SELECT v FROM c WHERE pid = 1 ORDER BY v DESC)");
    }

    @Test
    void updateDeleteAndConstraints() {
        check("CREATE TABLE u(a INTEGER PRIMARY KEY, b TEXT NOT NULL, c INTEGER UNIQUE, d CHECK (d > 0), "
                        + "e DEFAULT 'dflt')",
                "INSERT INTO u(a, b, c, d) VALUES(1, 'x', 10, 1), (2, 'y', 20, 2)",
                "INSERT INTO u(b, c, d) VALUES(NULL, 30, 1)",
                "INSERT INTO u(b, c, d) VALUES('z', 10, 1)",
                "INSERT INTO u(b, c, d) VALUES('z', 30, 0)",
                "INSERT OR IGNORE INTO u(b, c, d) VALUES('z', 10, 1)",
                "INSERT OR REPLACE INTO u(a, b, c, d) VALUES(3, 'r', 10, 5)",
                "SELECT * FROM u ORDER BY a",
                "UPDATE u SET c = c + 1",
                "UPDATE u SET c = 20 WHERE a = 3",
                "UPDATE u SET b = NULL WHERE a = 2",
                "UPDATE u SET a = a + 10 WHERE a = 2",
                "SELECT * FROM u ORDER BY a",
                "SELECT changes()",
                "DELETE FROM u WHERE c > 20",
                "SELECT changes(), total_changes()",
                "SELECT * FROM u",
                "REPLACE INTO u(a, b, c, d) VALUES(12, 'q', 99, 9)",
                "SELECT * FROM u",
                "INSERT INTO u(b, c, d) VALUES('k', 1, 1) RETURNING a, b || '!'",
                "DELETE FROM u",
                "SELECT count(*) FROM u",
                "CREATE TABLE ai(id INTEGER PRIMARY KEY AUTOINCREMENT, v)",
                "INSERT INTO ai(v) VALUES(1), (2)",
                "DELETE FROM ai WHERE id = 2",
                "INSERT INTO ai(v) VALUES(3)",
                "SELECT * FROM ai",
                "SELECT name, seq FROM sqlite_sequence",
                "INSERT INTO u(b, c, d) VALUES('w', 5, 1) ON CONFLICT DO NOTHING",
                "INSERT INTO u(b, c, d) VALUES('w', 5, 1) ON CONFLICT DO NOTHING",
                "SELECT count(*) FROM u");
    }

    @Test
    void transactionsAndSchema() {
        check("CREATE TABLE x(a)",
                "BEGIN",
                "INSERT INTO x VALUES(1)",
                "ROLLBACK",
                "SELECT count(*) FROM x",
                "BEGIN",
                "INSERT INTO x VALUES(2)",
                "COMMIT",
                "SELECT * FROM x",
                "COMMIT",
                "ROLLBACK",
                "BEGIN",
                "BEGIN",
                "ROLLBACK",
                "SAVEPOINT s1",
                "INSERT INTO x VALUES(3)",
                "SAVEPOINT s2",
                "INSERT INTO x VALUES(4)",
                "ROLLBACK TO s2",
                "RELEASE s1",
                "SELECT * FROM x",
                "RELEASE nosuch",
                "CREATE TABLE x(b)",
                "CREATE TABLE IF NOT EXISTS x(b)",
                "CREATE INDEX xi ON x(a)",
                "CREATE INDEX xi ON x(a)",
                "CREATE UNIQUE INDEX xu ON x(a)",
                "INSERT INTO x VALUES(2)",
                "DROP INDEX xi",
                "DROP INDEX nosuch",
                "DROP TABLE nosuch",
                "DROP TABLE IF EXISTS nosuch",
                "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
                "CREATE TABLE y(a INTEGER PRIMARY KEY, b UNIQUE, c, UNIQUE(b, c))",
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid",
                "DROP TABLE x",
                "SELECT name FROM sqlite_schema ORDER BY 1",
                "CREATE TABLE z AS SELECT 1 AS a, 'x' AS b, 2.5 AS c",
                "SELECT sql FROM sqlite_schema WHERE name = 'z'",
                "SELECT * FROM z");
    }

    @Test
    void statementAtomicityInsideTransaction() {
        check("CREATE TABLE k(a UNIQUE)",
                "BEGIN",
                "INSERT INTO k VALUES(1)",
                "INSERT INTO k VALUES(2), (1)",
                "SELECT * FROM k",
                "COMMIT",
                "SELECT * FROM k");
    }

    @Test
    void upsert() {
        check("CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER, n INTEGER DEFAULT 0)",
                "CREATE TABLE ip(id INTEGER PRIMARY KEY, v)",
                "INSERT INTO kv(k, v) VALUES('a', 1), ('b', 2)",
                "INSERT INTO kv(k, v) VALUES('a', 10) ON CONFLICT(k) DO UPDATE SET v = excluded.v, n = n + 1",
                "INSERT INTO kv(k, v) VALUES('b', 20), ('c', 30) ON CONFLICT DO UPDATE SET v = kv.v + excluded.v",
                "INSERT INTO kv(k, v) VALUES('a', 5) ON CONFLICT(k) DO UPDATE SET v = 0 WHERE excluded.v > 100",
                "INSERT INTO kv(k, v) VALUES('a', 5) ON CONFLICT(k) DO NOTHING",
                "SELECT * FROM kv ORDER BY k",
                "INSERT INTO ip VALUES(1, 'x'), (2, 'y')",
                "INSERT INTO ip VALUES(1, 'z') ON CONFLICT(id) DO UPDATE SET v = v || excluded.v",
                "SELECT * FROM ip",
                "SELECT changes(), total_changes()");
    }

    @Test
    void pragmas() {
        check("CREATE TABLE p(a INTEGER PRIMARY KEY, b TEXT NOT NULL DEFAULT 'x', c REAL DEFAULT -1.5, d, UNIQUE(b, c))",
                "CREATE TABLE q(x, y, PRIMARY KEY(x, y))",
                "CREATE INDEX pd ON p(d)",
                "PRAGMA table_info(p)",
                "PRAGMA table_info(q)",
                "PRAGMA index_list(p)",
                "PRAGMA index_list(q)",
                "PRAGMA index_info(pd)",
                "PRAGMA index_info(sqlite_autoindex_p_1)",
                "PRAGMA integrity_check",
                "PRAGMA user_version",
                "PRAGMA user_version = 42",
                "PRAGMA user_version",
                "PRAGMA table_info(nosuch)");
    }

    @Test
    void rightAndFullJoins() {
        check("CREATE TABLE l(id INTEGER PRIMARY KEY, v TEXT)",
                "CREATE TABLE r(id INTEGER PRIMARY KEY, lid INTEGER, w TEXT)",
                "INSERT INTO l VALUES(1, 'a'), (2, 'b'), (3, 'c')",
                "INSERT INTO r VALUES(10, 1, 'x'), (11, 1, 'y'), (12, 5, 'z')",
                "SELECT l.v, r.w FROM l RIGHT JOIN r ON l.id = r.lid ORDER BY r.w",
                "SELECT l.v, r.w FROM l FULL JOIN r ON l.id = r.lid ORDER BY 1, 2",
                "SELECT l.v, r.w FROM l RIGHT JOIN r ON l.id = r.lid WHERE l.v IS NULL",
                "SELECT count(*) FROM l FULL OUTER JOIN r ON l.id = r.lid",
                "SELECT * FROM l RIGHT JOIN r USING (id)");
    }

    @Test
    void alterTableAddColumn() {
        check("CREATE TABLE al(a INTEGER PRIMARY KEY, b TEXT )",
                "INSERT INTO al VALUES(1, 'x')",
                "ALTER TABLE al ADD COLUMN c INTEGER DEFAULT 7",
                "ALTER TABLE al ADD d TEXT",
                "ALTER TABLE al ADD COLUMN c",
                "ALTER TABLE al ADD COLUMN e NOT NULL",
                "ALTER TABLE al ADD COLUMN f UNIQUE",
                "ALTER TABLE nosuch ADD COLUMN x",
                "SELECT sql FROM sqlite_schema WHERE name = 'al'",
                "INSERT INTO al(b, d) VALUES('y', 'z')",
                "SELECT * FROM al",
                "SELECT c + 1 FROM al WHERE c = 7");
    }
}
