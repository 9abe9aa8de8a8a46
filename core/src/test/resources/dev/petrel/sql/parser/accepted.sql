-- One statement per line; SQLite 3.53 accepts the syntax of each (it may still fail later, e.g. "no such table").
SELECT key, action, replace, first, last, row, rows, temp, end, filter, window, over FROM t
SELECT a AS key, b action, c replace, d first, e last, f row FROM t
SELECT left, right, natural, cross, inner, outer, full FROM t
SELECT t.left, left.x FROM t AS left
SELECT * FROM key, action AS replace
SELECT abort, after, analyze, asc, attach, before, begin, by, cascade, column, conflict, database FROM t
SELECT deferred, desc, detach, do, each, exclusive, explain, fail, for, ignore, immediate, initially FROM t
SELECT instead, like, match, no, plan, query, key, of, offset, pragma, recursive, release, restrict FROM t
SELECT rollback, savepoint, temp, trigger, vacuum, view, virtual, with, without, nulls, current, following FROM t
SELECT partition, preceding, range, unbounded, exclude, groups, others, ties, generated, always, materialized FROM t
SELECT reindex, rename, if, indexed, glob, regexp FROM t
SELECT replace(a, 'x', 'y'), left(a), like(a, b), glob(a, b), match(a, b) FROM t
SELECT count(*) over FROM t
SELECT count(*) filter FROM t
SELECT a filter FROM t
SELECT x window FROM t
SELECT sum(a) OVER w FROM t WINDOW w AS (PARTITION BY b)
SELECT sum(a) OVER (w ROWS 1 PRECEDING) FROM t WINDOW w AS (ORDER BY b)
SELECT sum(a) OVER (ORDER BY b GROUPS BETWEEN 1 PRECEDING AND 2 FOLLOWING EXCLUDE CURRENT ROW) FROM t
SELECT sum(a) OVER (RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE NO OTHERS) FROM t
SELECT 'a'.b FROM t AS a
SELECT "a"."b" FROM t AS a
SELECT main.t.a FROM main.t
SELECT * FROM t INDEXED BY i
SELECT * FROM t AS x NOT INDEXED
SELECT * FROM t NATURAL LEFT OUTER JOIN u
SELECT * FROM t LEFT NATURAL JOIN u
SELECT * FROM t FULL OUTER JOIN u ON 1
SELECT * FROM t RIGHT JOIN u USING (a, b)
SELECT * FROM t CROSS JOIN u
SELECT * FROM t INNER JOIN u ON 1
SELECT * FROM (t JOIN u ON 1) AS x
SELECT * FROM (SELECT 1) AS s, (VALUES (1)) v
SELECT * FROM json_each('[1,2]') AS j
SELECT * FROM main.json_each('[1]')
SELECT 1 WHERE 1 IN ()
SELECT 1 WHERE 1 NOT IN ()
SELECT 1 HAVING 1
SELECT 1 IS NOT DISTINCT FROM 2, 1 IS DISTINCT FROM 2
SELECT 1 NOT NULL, 1 NOTNULL, 1 ISNULL, 1 IS NULL, 1 IS NOT NULL
SELECT 1 LIMIT 2, 3
SELECT CAST(1 AS)
SELECT CAST(1 AS UNSIGNED BIG INT), CAST('1' AS "my type"(1, -2))
SELECT 1_000, 0x1_F, 1_0.5_5e1_0, .5, 5., 1e5, 1E-5
SELECT -9223372036854775808, 9223372036854775808, 0xFFFFFFFFFFFFFFFF
SELECT ?, ?5, ?, :a, @b, $c, $d::e(f), :a
SELECT RAISE(IGNORE)
SELECT a COLLATE "NOCASE" COLLATE binary FROM t
SELECT x'', X'00ff'
SELECT * FROM t WHERE a LIKE 'x' ESCAPE '\' AND b NOT GLOB 'y' AND c REGEXP 'z' AND d NOT MATCH 'q'
SELECT a FROM t WHERE a = 1 == 1 <> 2 != 3
SELECT ~-+1, - -1, NOT NOT 1
SELECT 1 -> 2 ->> 3 || 4
SELECT (1, 2) IN (SELECT 1, 2)
SELECT EXISTS (SELECT 1) AND NOT EXISTS (VALUES (1))
SELECT group_concat(a, ',' ORDER BY b DESC NULLS FIRST) FROM t
SELECT count(DISTINCT a), count(ALL a), count() FROM t
WITH a AS NOT MATERIALIZED (SELECT 1), b(x) AS (SELECT 2) SELECT * FROM a, b
WITH RECURSIVE r(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM r LIMIT 5) SELECT n FROM r
WITH c AS (SELECT 1) INSERT INTO t SELECT * FROM c
WITH c AS (SELECT 1) UPDATE t SET a = (SELECT * FROM c)
WITH c AS (SELECT 1) DELETE FROM t WHERE a IN c
SELECT 1 UNION SELECT 2 INTERSECT VALUES (3) EXCEPT SELECT 4 ORDER BY 1 LIMIT 1
INSERT INTO t VALUES (1) ON CONFLICT (a) DO NOTHING ON CONFLICT DO UPDATE SET b = 2
INSERT INTO t AS x VALUES (1) RETURNING x.*, rowid AS r
INSERT INTO t SELECT * FROM u WHERE true ON CONFLICT DO NOTHING
INSERT INTO t(a) VALUES (1) ON CONFLICT(a) DO UPDATE SET (a, b) = (excluded.a, 2) WHERE 1
REPLACE INTO t VALUES (1)
INSERT OR ROLLBACK INTO t VALUES (1)
INSERT OR ABORT INTO t DEFAULT VALUES RETURNING *
UPDATE OR FAIL t SET a = 1 RETURNING a
UPDATE t AS x SET a = 1 FROM (SELECT 1) AS y
DELETE FROM main.t AS x INDEXED BY i WHERE 1 RETURNING *
CREATE TABLE t(key, action, replace, first, last, row, rows, temp, end, filter, window, over)
CREATE TABLE t(a INTEGER PRIMARY KEY ASC AUTOINCREMENT, b TEXT NOT NULL ON CONFLICT IGNORE UNIQUE ON CONFLICT FAIL)
CREATE TABLE t(a DEFAULT 1, b DEFAULT -1, c DEFAULT +1.5, d DEFAULT 'x', e DEFAULT x'00', f DEFAULT NULL, g DEFAULT CURRENT_TIMESTAMP)
CREATE TABLE t(a DEFAULT TRUE, b DEFAULT false, c DEFAULT abc, d DEFAULT "q", e DEFAULT (1 + 2), f DEFAULT -9223372036854775808)
CREATE TABLE t(a INT NULL, b INT CONSTRAINT c1 NOT NULL CONSTRAINT c2 CHECK (b > 0) COLLATE NOCASE)
CREATE TABLE t(x, a GENERATED ALWAYS AS (1) VIRTUAL, b AS (2) STORED, c INT AS (3))
CREATE TABLE t(a REFERENCES p, b REFERENCES p(x) ON UPDATE NO ACTION ON DELETE RESTRICT MATCH SIMPLE NOT DEFERRABLE INITIALLY IMMEDIATE)
CREATE TABLE t(a REFERENCES p ON INSERT SET DEFAULT DEFERRABLE)
CREATE TABLE t(a, b, PRIMARY KEY (a, b DESC) ON CONFLICT ROLLBACK, UNIQUE (b) CHECK (a) FOREIGN KEY (a) REFERENCES p)
CREATE TABLE t(a INTEGER, PRIMARY KEY (a AUTOINCREMENT))
CREATE TABLE t(a, CONSTRAINT pk PRIMARY KEY (a), CONSTRAINT ck CHECK (a > 0) ON CONFLICT ABORT)
CREATE TABLE t(a VARCHAR(10), b DECIMAL(10, 5), c DECIMAL(+10, -5), d "UNSIGNED BIG INT", e 'quoted type', f double precision)
CREATE TABLE t(a PRIMARY KEY) WITHOUT ROWID
CREATE TABLE t(a INT PRIMARY KEY) STRICT, WITHOUT ROWID
CREATE TABLE "select"([from], `where`, 'group')
CREATE TEMPORARY TABLE IF NOT EXISTS temp.t AS SELECT 1 AS a
CREATE TABLE t(generated)
CREATE TABLE t(x, a generated always as (1))
CREATE INDEX i ON t(a, b DESC, c COLLATE NOCASE ASC, lower(d)) WHERE a > 0
CREATE UNIQUE INDEX IF NOT EXISTS main.i ON t(a)
CREATE VIEW IF NOT EXISTS v(a, b) AS SELECT 1, 2
CREATE TEMP VIEW v AS WITH c AS (SELECT 1) SELECT * FROM c
CREATE TRIGGER tr AFTER INSERT ON tt BEGIN SELECT 1; END
CREATE TRIGGER IF NOT EXISTS main.tr INSTEAD OF UPDATE OF a, b ON vv FOR EACH ROW WHEN new.a IS NOT NULL BEGIN UPDATE t SET a = new.a; INSERT OR IGNORE INTO t VALUES (1) ON CONFLICT DO NOTHING; DELETE FROM t WHERE a = old.a; SELECT RAISE(FAIL, 'x'); END
CREATE TEMP TRIGGER tr BEFORE DELETE ON main.tt BEGIN SELECT CASE WHEN 1 THEN RAISE(ROLLBACK, 'no') END; END
CREATE TRIGGER tr DELETE ON tt BEGIN UPDATE t SET a = 1 FROM u WHERE t.b = u.b; END
CREATE TRIGGER tr UPDATE ON tt BEGIN WITH c AS (SELECT 1) SELECT * FROM c; VALUES (1); END
CREATE VIRTUAL TABLE v USING fts5(a, b UNINDEXED, tokenize = "porter unicode61")
CREATE VIRTUAL TABLE IF NOT EXISTS main.v USING rtree(id, minx, maxx)
CREATE VIRTUAL TABLE v USING m
CREATE VIRTUAL TABLE v USING m(a (b, c), d)
DROP TABLE IF EXISTS main.t
DROP INDEX IF EXISTS i
DROP VIEW v
DROP TRIGGER IF EXISTS temp.tr
ALTER TABLE main.t RENAME TO u
ALTER TABLE t RENAME a TO b
ALTER TABLE t RENAME COLUMN a TO b
ALTER TABLE t ADD c
ALTER TABLE t ADD COLUMN c INTEGER NOT NULL DEFAULT 0 CHECK (c >= 0)
ALTER TABLE t DROP c
ALTER TABLE t DROP COLUMN c
BEGIN
BEGIN DEFERRED
BEGIN IMMEDIATE TRANSACTION
BEGIN EXCLUSIVE TRANSACTION x
COMMIT
COMMIT TRANSACTION
END
END TRANSACTION
ROLLBACK
ROLLBACK TRANSACTION
ROLLBACK TO s
ROLLBACK TRANSACTION TO SAVEPOINT s
SAVEPOINT s
RELEASE s
RELEASE SAVEPOINT s
PRAGMA foreign_keys
PRAGMA foreign_keys = ON
PRAGMA main.journal_mode = WAL
PRAGMA cache_size = -2000
PRAGMA cache_size(+100)
PRAGMA table_info('t')
PRAGMA secure_delete = DELETE
PRAGMA x = DEFAULT
VACUUM
VACUUM main
VACUUM INTO 'file.db'
VACUUM main INTO 'f' || '.db'
ATTACH 'x.db' AS aux
ATTACH DATABASE ':memory:' AS "aux 2" KEY 'k'
DETACH aux
DETACH DATABASE 'aux'
REINDEX
REINDEX nocase
REINDEX main.t
ANALYZE
ANALYZE main
ANALYZE main.t
EXPLAIN SELECT 1
EXPLAIN QUERY PLAN SELECT * FROM t WHERE a = 1
EXPLAIN CREATE TABLE t(a)
SELECT 1;
SELECT 1 /* comment */ -- line comment
SELECT 1;;;
SELECT x FROM t WHERE x = 1 AND y = 2 OR NOT z BETWEEN 1 AND 2 AND w IN (SELECT 1)
SELECT * FROM t WHERE (a, b) > (1, 2)
SELECT a, (SELECT max(b) FROM u WHERE u.a = t.a) AS m FROM t
SELECT CASE WHEN a < 0 THEN 'neg' WHEN a = 0 THEN 'zero' ELSE 'pos' END FROM t
SELECT DISTINCT a FROM t ORDER BY a COLLATE NOCASE DESC
SELECT * FROM t LIMIT 10 OFFSET 20
SELECT julianday('now') - julianday(created_at) FROM t
SELECT a FROM t WHERE b IS TRUE AND c IS NOT FALSE
SELECT printf('%d', 1), quote(x'00'), typeof(1.0)
SELECT "no such column is a string"
SELECT 1 AS "x y", 2 AS 'z', 3 AS [w], 4 AS `v`
CREATE TABLE t(a CONSTRAINT c)
CREATE TABLE t(x, a GENERATED AS (1))
SELECT ?32767
CREATE TABLE t(a, CONSTRAINT c, CONSTRAINT d UNIQUE (a))
CREATE TABLE t(a DEFAULT 1 CONSTRAINT c)
CREATE TABLE t(a INT GENERATED ALWAYS AS (1), b GENERATED ALWAYS AS (2), c generated, d AS (3), e TEXT AS (4) STORED)
SELECT a FROM t WHERE a BETWEEN 1 AND 2 AND 3
SELECT count(*) FILTER (WHERE 1) OVER () FROM t
SELECT 1 WINDOW w AS () ORDER BY 1
WITH x AS (SELECT 1) VALUES (1)
SELECT 1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1
SELECT ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
CREATE TABLE t(a integer PRIMARY KEY AUTOINCREMENT)
CREATE TABLE t(a INTEGER, PRIMARY KEY(a AUTOINCREMENT))
CREATE TABLE t(a INTEGER, PRIMARY KEY(a DESC AUTOINCREMENT))
CREATE TABLE t(a "INTEGER" PRIMARY KEY AUTOINCREMENT)
CREATE TABLE t(a INT, b integer, c REAL, d TEXT, e BLOB, f ANY) STRICT
CREATE TABLE t(a INTEGER PRIMARY KEY, b ANY) STRICT, WITHOUT ROWID
CREATE TABLE t(a "INT", b "text", c 'integer' PRIMARY KEY) STRICT
SELECT count(DISTINCT) FROM t
SELECT group_concat(ORDER BY a) FROM t
CREATE TRIGGER tr AFTER INSERT ON tt BEGIN INSERT INTO tt AS x VALUES (1); UPDATE tt AS x SET a = 1; DELETE FROM tt AS x; END
