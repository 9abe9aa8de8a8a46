package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Triggers against sqlite-jdbc: each script runs statement by statement on Petrel and SQLite; table contents,
 * changes()/total_changes()/last_insert_rowid() and error messages must be identical.
 */
class TriggerOracleTest {
    private static void check(String... script) {
        assertEquals("", Oracle.scriptDifferences(script));
    }

    private static final String COUNTERS = "SELECT changes(), total_changes(), last_insert_rowid()";

    @Test
    void insertTriggersBeforeAndAfter() {
        check("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL)",
                "CREATE TABLE log(id INTEGER PRIMARY KEY, what, x, y, z)",
                "CREATE TRIGGER tb BEFORE INSERT ON t BEGIN INSERT INTO log(what, x, y, z) VALUES('before', NEW.rowid, NEW.a, NEW.c); END",
                "CREATE TRIGGER ta AFTER INSERT ON t BEGIN INSERT INTO log(what, x, y, z) VALUES('after', NEW.rowid, NEW.b, last_insert_rowid()); END",
                "INSERT INTO t(b, c) VALUES('x', 1), ('y', '2.5')",
                COUNTERS,
                "INSERT INTO t VALUES(10, 'z', 3)",
                COUNTERS,
                "INSERT INTO t(rowid, b) VALUES(20, 'w')",
                "SELECT * FROM t ORDER BY a",
                "SELECT * FROM log ORDER BY id",
                "INSERT INTO t SELECT a + 100, b || '!', c * 2 FROM t WHERE a < 20",
                COUNTERS,
                "SELECT * FROM log ORDER BY id",
                "SELECT name, tbl_name, type FROM sqlite_schema ORDER BY name");
    }

    @Test
    void whenClauseAndMultipleTriggersNewestFirst() {
        check("CREATE TABLE t(a, b)",
                "CREATE TABLE log(m)",
                "CREATE TRIGGER t1 AFTER INSERT ON t WHEN NEW.a > 1 BEGIN INSERT INTO log VALUES('t1 ' || NEW.a); END",
                "CREATE TRIGGER t2 AFTER INSERT ON t WHEN NEW.a > 2 BEGIN INSERT INTO log VALUES('t2 ' || NEW.a); "
                        + "INSERT INTO log VALUES('t2b ' || NEW.b); END",
                "CREATE TRIGGER t3 AFTER INSERT ON t FOR EACH ROW WHEN NEW.b IS NULL BEGIN SELECT 1; "
                        + "INSERT INTO log SELECT 'count ' || count(*) FROM t; END",
                "INSERT INTO t VALUES(1, 'a'), (2, 'b'), (3, 'c'), (4, NULL)",
                "SELECT rowid, * FROM log",
                COUNTERS);
    }

    @Test
    void updateTriggersOldNewAndUpdateOf() {
        check("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b, c)",
                "CREATE TABLE log(m, o, n)",
                "INSERT INTO t VALUES(1, 1, 'x', 1.5), (2, 2, 'y', 2.5), (3, 3, 'z', NULL)",
                "CREATE TRIGGER ub BEFORE UPDATE ON t BEGIN INSERT INTO log VALUES('before', OLD.a, NEW.a); END",
                "CREATE TRIGGER ua AFTER UPDATE OF b ON t BEGIN INSERT INTO log VALUES('after b', OLD.b, NEW.b); END",
                "CREATE TRIGGER uc AFTER UPDATE OF c, id ON t BEGIN INSERT INTO log VALUES('after c', OLD.rowid, NEW.rowid); END",
                "UPDATE t SET a = a * 10 WHERE id < 3",
                COUNTERS,
                "UPDATE t SET b = upper(b)",
                COUNTERS,
                "UPDATE t SET c = 7, id = id + 10 WHERE id = 3",
                "SELECT * FROM t ORDER BY id",
                "SELECT rowid, * FROM log");
    }

    @Test
    void deleteTriggers() {
        check("CREATE TABLE t(a, b)",
                "CREATE TABLE log(m, x)",
                "INSERT INTO t VALUES(1, 'a'), (2, 'b'), (3, 'c')",
                "CREATE TRIGGER db BEFORE DELETE ON t BEGIN INSERT INTO log VALUES('before', OLD.a); END",
                "CREATE TRIGGER da AFTER DELETE ON t WHEN OLD.a <> 2 BEGIN INSERT INTO log VALUES('after', OLD.rowid); END",
                "DELETE FROM t WHERE a >= 2",
                COUNTERS,
                "DELETE FROM t",
                COUNTERS,
                "SELECT * FROM t",
                "SELECT rowid, * FROM log");
    }

    @Test
    void triggerBodyWritesOtherTables() {
        check("CREATE TABLE orders(id INTEGER PRIMARY KEY, item, qty)",
                "CREATE TABLE stock(item PRIMARY KEY, qty)",
                "CREATE TABLE audit(id INTEGER PRIMARY KEY, msg)",
                "INSERT INTO stock VALUES('apple', 10), ('pear', 5)",
                "CREATE TRIGGER o_ins AFTER INSERT ON orders BEGIN "
                        + "UPDATE stock SET qty = qty - NEW.qty WHERE item = NEW.item; "
                        + "INSERT INTO audit(msg) VALUES('order ' || NEW.id); END",
                "CREATE TRIGGER o_del AFTER DELETE ON orders BEGIN "
                        + "UPDATE stock SET qty = qty + OLD.qty WHERE item = OLD.item; "
                        + "DELETE FROM audit WHERE msg = 'order ' || OLD.id; END",
                "CREATE TRIGGER s_upd AFTER UPDATE ON stock WHEN NEW.qty < 3 BEGIN "
                        + "INSERT INTO audit(msg) VALUES('low ' || NEW.item || ' ' || NEW.qty); END",
                "INSERT INTO orders(item, qty) VALUES('apple', 3), ('pear', 4), ('apple', 6)",
                COUNTERS,
                "SELECT * FROM stock ORDER BY item",
                "SELECT * FROM audit ORDER BY id",
                "DELETE FROM orders WHERE item = 'apple'",
                COUNTERS,
                "SELECT * FROM stock ORDER BY item",
                "SELECT * FROM audit ORDER BY id");
    }

    @Test
    void raise() {
        check("CREATE TABLE t(a, b)",
                "CREATE TABLE log(m)",
                "CREATE TRIGGER v BEFORE INSERT ON t WHEN NEW.a < 0 BEGIN SELECT RAISE(ABORT, 'negative a'); END",
                "CREATE TRIGGER i BEFORE INSERT ON t WHEN NEW.a = 0 BEGIN SELECT RAISE(IGNORE); END",
                "CREATE TRIGGER f AFTER INSERT ON t WHEN NEW.a = 99 BEGIN SELECT RAISE(FAIL, 'fail ' || NEW.b); END",
                "CREATE TRIGGER r AFTER INSERT ON t WHEN NEW.a = 77 BEGIN SELECT RAISE(ROLLBACK, 'rolled back'); END",
                "INSERT INTO t VALUES(1, 'a')",
                "INSERT INTO t VALUES(2, 'b'), (-1, 'c')",
                "SELECT * FROM t",
                "INSERT INTO t VALUES(3, 'd'), (0, 'e'), (4, 'f')",
                COUNTERS,
                "SELECT * FROM t",
                "INSERT INTO t VALUES(5, 'g'), (99, 'h'), (6, 'i')",
                "SELECT * FROM t",
                "BEGIN",
                "INSERT INTO t VALUES(7, 'j')",
                "INSERT INTO t VALUES(77, 'k')",
                "SELECT * FROM t",
                "COMMIT",
                "SELECT RAISE(ABORT, 'x')",
                "CREATE TRIGGER d BEFORE DELETE ON t BEGIN SELECT RAISE(IGNORE) WHERE OLD.a = 1; END",
                "DELETE FROM t",
                "SELECT * FROM t",
                "CREATE TRIGGER u BEFORE UPDATE ON t BEGIN SELECT CASE WHEN NEW.a > 100 THEN RAISE(ABORT, 'too big') END; END",
                "UPDATE t SET a = a + 50",
                "UPDATE t SET a = a + 1",
                "SELECT * FROM t");
    }

    @Test
    void recursionRules() {
        check("CREATE TABLE t(a)",
                "CREATE TRIGGER r AFTER INSERT ON t WHEN NEW.a < 5 BEGIN INSERT INTO t VALUES(NEW.a + 1); END",
                "INSERT INTO t VALUES(1)",
                "SELECT * FROM t",
                "PRAGMA recursive_triggers",
                "PRAGMA recursive_triggers = ON",
                "PRAGMA recursive_triggers",
                "INSERT INTO t VALUES(1)",
                "SELECT * FROM t ORDER BY rowid",
                COUNTERS,
                "CREATE TABLE u(a)",
                "CREATE TRIGGER inf AFTER INSERT ON u BEGIN INSERT INTO u VALUES(NEW.a + 1); END",
                "INSERT INTO u VALUES(1)",
                "SELECT count(*) FROM u",
                "PRAGMA recursive_triggers = OFF",
                "INSERT INTO u VALUES(1)",
                "SELECT * FROM u");
    }

    @Test
    void mutualTriggers() {
        check("CREATE TABLE a(x)",
                "CREATE TABLE b(x)",
                "CREATE TRIGGER ab AFTER INSERT ON a BEGIN INSERT INTO b VALUES(NEW.x * 2); END",
                "CREATE TRIGGER ba AFTER INSERT ON b BEGIN INSERT INTO a VALUES(NEW.x + 1); END",
                "INSERT INTO a VALUES(1)",
                "SELECT * FROM a",
                "SELECT * FROM b",
                COUNTERS);
    }

    @Test
    void nameResolutionErrors() {
        check("CREATE TABLE t(a, b)",
                "CREATE TABLE log(m)",
                "CREATE TRIGGER d AFTER DELETE ON t BEGIN INSERT INTO log VALUES(NEW.a); END",
                "DELETE FROM t",
                "INSERT INTO t VALUES(1, 2)",
                "DELETE FROM t",
                "DROP TRIGGER d",
                "CREATE TRIGGER i AFTER INSERT ON t BEGIN INSERT INTO log VALUES(OLD.a); END",
                "INSERT INTO t VALUES(1, 2)",
                "DROP TRIGGER i",
                "CREATE TRIGGER i AFTER INSERT ON t BEGIN INSERT INTO log VALUES(a); END",
                "INSERT INTO t VALUES(1, 2)",
                "DROP TRIGGER i",
                "CREATE TRIGGER i AFTER INSERT ON t BEGIN INSERT INTO log VALUES(NEW.nosuch); END",
                "INSERT INTO t VALUES(1, 2)",
                "DROP TRIGGER i",
                "CREATE TRIGGER i AFTER INSERT ON t BEGIN INSERT INTO nosuch VALUES(1); END",
                "INSERT INTO t VALUES(1, 2)",
                "DROP TRIGGER i",
                "CREATE TRIGGER i AFTER INSERT ON t BEGIN INSERT INTO log SELECT NEW.a + b FROM t; END",
                "INSERT INTO t VALUES(1, 2)",
                "SELECT * FROM log",
                "SELECT * FROM t");
    }

    @Test
    void createAndDropErrors() {
        check("CREATE TABLE t(a)",
                "CREATE VIEW v AS SELECT a FROM t",
                "CREATE TRIGGER x AFTER INSERT ON nosuch BEGIN SELECT 1; END",
                "CREATE TRIGGER x INSTEAD OF INSERT ON t BEGIN SELECT 1; END",
                "CREATE TRIGGER x BEFORE INSERT ON v BEGIN SELECT 1; END",
                "CREATE TRIGGER x AFTER UPDATE ON v BEGIN SELECT 1; END",
                "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END",
                "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 2; END",
                "CREATE TRIGGER IF NOT EXISTS x AFTER INSERT ON t BEGIN SELECT 2; END",
                "CREATE TRIGGER t AFTER INSERT ON t BEGIN SELECT 3; END",
                "CREATE TRIGGER sqlite_x AFTER INSERT ON t BEGIN SELECT 3; END",
                "CREATE TRIGGER y AFTER INSERT ON sqlite_schema BEGIN SELECT 3; END",
                "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY name, type",
                "DROP TRIGGER nosuch",
                "DROP TRIGGER IF EXISTS nosuch",
                "DROP TRIGGER x",
                "DROP TRIGGER x",
                "DROP TABLE t",
                "SELECT type, name FROM sqlite_schema ORDER BY name",
                "CREATE TABLE t(a)",
                "INSERT INTO t VALUES(1)",
                "SELECT * FROM t");
    }

    @Test
    void upsertAndConflictsInsideTriggers() {
        check("CREATE TABLE t(a)",
                "CREATE TABLE counts(k PRIMARY KEY, n)",
                "CREATE TRIGGER c AFTER INSERT ON t BEGIN "
                        + "INSERT INTO counts VALUES(NEW.a, 1) ON CONFLICT(k) DO UPDATE SET n = n + 1; END",
                "INSERT INTO t VALUES('x'), ('y'), ('x'), ('x')",
                "SELECT * FROM counts ORDER BY k",
                "CREATE TABLE u(k PRIMARY KEY, v)",
                "CREATE TABLE src(k, v)",
                "CREATE TRIGGER s AFTER INSERT ON src BEGIN INSERT INTO u VALUES(NEW.k, NEW.v); END",
                "INSERT INTO src VALUES(1, 'a')",
                "INSERT INTO src VALUES(1, 'b')",
                "INSERT OR REPLACE INTO src VALUES(1, 'c')",
                "INSERT OR IGNORE INTO src VALUES(1, 'd')",
                "SELECT * FROM u",
                "SELECT * FROM src");
    }

    @Test
    void upsertFiresUpdateTriggers() {
        check("CREATE TABLE kv(k PRIMARY KEY, v)",
                "CREATE TABLE log(m)",
                "CREATE TRIGGER bi BEFORE INSERT ON kv BEGIN INSERT INTO log VALUES('bi ' || NEW.k); END",
                "CREATE TRIGGER ai AFTER INSERT ON kv BEGIN INSERT INTO log VALUES('ai ' || NEW.k); END",
                "CREATE TRIGGER bu BEFORE UPDATE ON kv BEGIN INSERT INTO log VALUES('bu ' || OLD.v || '>' || NEW.v); END",
                "CREATE TRIGGER au AFTER UPDATE OF v ON kv BEGIN INSERT INTO log VALUES('au ' || NEW.v); END",
                "INSERT INTO kv VALUES(1, 'a') ON CONFLICT(k) DO UPDATE SET v = excluded.v",
                "INSERT INTO kv VALUES(1, 'b') ON CONFLICT(k) DO UPDATE SET v = excluded.v",
                COUNTERS,
                "INSERT INTO kv VALUES(1, 'c') ON CONFLICT DO NOTHING",
                "INSERT INTO kv VALUES(2, 'd'), (1, 'e') ON CONFLICT(k) DO UPDATE SET v = v || excluded.v",
                COUNTERS,
                "SELECT * FROM kv ORDER BY k",
                "SELECT rowid, * FROM log");
    }

    @Test
    void replaceDeletesFireTriggersOnlyWhenRecursive() {
        check("CREATE TABLE t(k PRIMARY KEY, v)",
                "CREATE TABLE log(m)",
                "CREATE TRIGGER d AFTER DELETE ON t BEGIN INSERT INTO log VALUES('deleted ' || OLD.v); END",
                "INSERT INTO t VALUES(1, 'a')",
                "INSERT OR REPLACE INTO t VALUES(1, 'b')",
                "SELECT * FROM log",
                "PRAGMA recursive_triggers = 1",
                "INSERT OR REPLACE INTO t VALUES(1, 'c')",
                "REPLACE INTO t VALUES(1, 'd')",
                "SELECT * FROM log",
                "SELECT * FROM t",
                COUNTERS);
    }

    @Test
    void viewsWithInsteadOfTriggers() {
        check("CREATE TABLE t(a INTEGER PRIMARY KEY, b, c)",
                "INSERT INTO t VALUES(1, 'x', 10), (2, 'y', 20)",
                "CREATE VIEW v(id, name) AS SELECT a, b FROM t",
                "CREATE VIEW w AS SELECT a AS k, b || '!' AS label, c FROM t",
                "SELECT * FROM v ORDER BY id",
                "SELECT * FROM w ORDER BY k",
                "INSERT INTO v VALUES(3, 'z')",
                "UPDATE v SET name = 'q'",
                "DELETE FROM v",
                "CREATE TRIGGER vi INSTEAD OF INSERT ON v BEGIN INSERT INTO t VALUES(NEW.id, NEW.name, NEW.id * 10); END",
                "CREATE TRIGGER vu INSTEAD OF UPDATE ON v BEGIN UPDATE t SET b = NEW.name, a = NEW.id WHERE a = OLD.id; END",
                "CREATE TRIGGER vd INSTEAD OF DELETE ON v BEGIN DELETE FROM t WHERE a = OLD.id; END",
                "INSERT INTO v VALUES(3, 'z'), (4, 'w')",
                COUNTERS,
                "INSERT INTO v(name) VALUES('noid')",
                "INSERT INTO v(nosuch) VALUES(1)",
                "SELECT * FROM t ORDER BY a",
                "UPDATE v SET name = name || '2' WHERE id > 2",
                COUNTERS,
                "UPDATE v SET id = id + 100 WHERE name = 'x'",
                "UPDATE v SET nosuch = 1",
                "SELECT * FROM t ORDER BY a",
                "DELETE FROM v WHERE id = 2",
                COUNTERS,
                "SELECT * FROM t ORDER BY a",
                "CREATE TRIGGER wu INSTEAD OF UPDATE OF label ON w BEGIN UPDATE t SET b = 'L:' || NEW.label WHERE a = OLD.k; END",
                "UPDATE w SET c = 5",
                "UPDATE w SET label = 'new' WHERE k = 1",
                "SELECT * FROM t ORDER BY a",
                "INSERT INTO w VALUES(1, 2, 3)",
                "DROP VIEW v",
                "SELECT name FROM sqlite_schema ORDER BY name");
    }

    @Test
    void lastInsertRowidInsideAndAfterTriggers() {
        check("CREATE TABLE t(a)",
                "CREATE TABLE u(x, y)",
                "INSERT INTO u VALUES(0, 0)",
                "INSERT INTO u VALUES(0, 0)",
                "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO u VALUES(NEW.rowid, last_insert_rowid()); "
                        + "INSERT INTO u VALUES(-1, last_insert_rowid()); END",
                "INSERT INTO t VALUES('a')",
                COUNTERS,
                "SELECT rowid, * FROM u",
                "UPDATE t SET a = 'b'",
                COUNTERS);
    }

    @Test
    void changesInsideTriggerBodies() {
        check("CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, a UNIQUE, b)",
                "CREATE TABLE log(m)",
                "CREATE TRIGGER ti AFTER INSERT ON t BEGIN INSERT INTO log VALUES(changes()); "
                        + "INSERT INTO log VALUES(NEW.id || ':' || changes()); UPDATE log SET m = m WHERE 0; "
                        + "INSERT INTO log VALUES('after update ' || changes()); END",
                "INSERT INTO t(a, b) VALUES(1, 2), (2, 3)",
                COUNTERS,
                "SELECT rowid, * FROM log",
                "SELECT * FROM sqlite_sequence");
    }

    @Test
    void beforeUpdateTriggerChangingTheRow() {
        check("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b)",
                "INSERT INTO t VALUES(1, 1, 1), (2, 2, 2)",
                "CREATE TRIGGER tu BEFORE UPDATE OF a ON t BEGIN UPDATE t SET b = 100 + OLD.a WHERE id = OLD.id; END",
                "UPDATE t SET a = a + 10",
                "SELECT * FROM t",
                "UPDATE t SET a = 0, b = 0 WHERE id = 1",
                "SELECT * FROM t");
    }

    @Test
    void errorsInTriggerBodiesNameTheDatabase() {
        check("CREATE TABLE w(a, b)",
                "CREATE TRIGGER tt AFTER INSERT ON w BEGIN SELECT * FROM nosuchtable; END",
                "INSERT INTO w VALUES(1, 2)",
                "DROP TRIGGER tt",
                "CREATE TRIGGER tt AFTER INSERT ON w BEGIN INSERT INTO w2 SELECT * FROM w; END",
                "INSERT INTO w VALUES(1, 2)",
                "DROP TRIGGER tt",
                "CREATE TRIGGER tt AFTER INSERT ON w BEGIN UPDATE w SET a = (SELECT x FROM gone) WHERE rowid = NEW.rowid; END",
                "INSERT INTO w VALUES(1, 2)",
                "DROP TRIGGER tt",
                "CREATE TRIGGER tt AFTER INSERT ON w BEGIN INSERT INTO w VALUES(1, 2) RETURNING *; END",
                "CREATE TRIGGER main.t2 AFTER INSERT ON w BEGIN INSERT INTO main.w2 VALUES(1); END",
                "CREATE TRIGGER t3 AFTER INSERT ON main.w BEGIN SELECT 1; END",
                "CREATE TRIGGER t4 AFTER INSERT ON w BEGIN WITH x(n) AS (SELECT NEW.a) INSERT INTO w SELECT n, n FROM x "
                        + "WHERE n < 3; END",
                "INSERT INTO w VALUES(1, 1)",
                "SELECT rowid, * FROM w",
                "SELECT name FROM sqlite_schema ORDER BY name");
    }

    @Test
    void beforeTriggerDeletingItsRow() {
        check("CREATE TABLE t(a, b)",
                "INSERT INTO t VALUES(1, 1), (2, 2), (3, 3)",
                "CREATE TRIGGER bu BEFORE UPDATE ON t BEGIN DELETE FROM t WHERE a = 2; END",
                "UPDATE t SET b = b * 10",
                "SELECT * FROM t ORDER BY a",
                "CREATE TRIGGER bd BEFORE DELETE ON t BEGIN DELETE FROM t WHERE a = OLD.a + 2; END",
                "DELETE FROM t",
                "SELECT * FROM t");
    }
}
