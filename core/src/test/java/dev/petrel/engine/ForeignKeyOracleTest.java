package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Foreign keys against sqlite-jdbc: PRAGMA foreign_keys on/off, immediate and deferred constraints, every ON
 * DELETE / ON UPDATE action, composite and self-referencing keys, parent key errors, DROP TABLE of a parent and
 * the foreign_key_list / foreign_key_check pragmas. Table contents and errors must be identical.
 */
class ForeignKeyOracleTest {
    private static void check(String... script) {
        assertEquals("", Oracle.scriptDifferences(script));
    }

    @Test
    void offByDefaultThenEnforced() {
        check("PRAGMA foreign_keys",
                "CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE c(id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id), note)",
                "INSERT INTO c VALUES(1, 99, 'orphan while off')",
                "PRAGMA foreign_keys = ON",
                "PRAGMA foreign_keys",
                "INSERT INTO c VALUES(2, 42, 'x')",
                "INSERT INTO p VALUES(1, 'one'), (2, 'two')",
                "INSERT INTO c VALUES(2, 1, 'ok'), (3, NULL, 'null key'), (4, '2', 'text key')",
                "SELECT * FROM c ORDER BY id",
                "UPDATE c SET pid = 7 WHERE id = 2",
                "UPDATE c SET pid = 2 WHERE id = 2",
                "DELETE FROM p WHERE id = 2",
                "DELETE FROM p WHERE id = 1",
                "DELETE FROM c WHERE id = 1",
                "SELECT changes()",
                "UPDATE p SET id = 5 WHERE id = 2",
                "SELECT * FROM p ORDER BY id",
                "SELECT * FROM c ORDER BY id",
                "PRAGMA foreign_keys = OFF",
                "DELETE FROM p",
                "SELECT count(*) FROM p");
    }

    @Test
    void statementLevelCounting() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE p(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(pid REFERENCES p)",
                "INSERT INTO p VALUES(1), (2)",
                "INSERT INTO c VALUES(1), (2)",
                "UPDATE p SET id = id + 1",
                "UPDATE p SET id = 3 - id",
                "SELECT * FROM p ORDER BY id",
                "CREATE TABLE src(v)",
                "INSERT INTO src VALUES(5)",
                "INSERT INTO c SELECT v FROM src",
                "BEGIN",
                "INSERT INTO c VALUES(1)",
                "INSERT INTO c VALUES(9)",
                "SELECT * FROM c",
                "COMMIT",
                "SELECT * FROM c");
    }

    @Test
    void deferredConstraints() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE p(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(pid REFERENCES p DEFERRABLE INITIALLY DEFERRED)",
                "INSERT INTO c VALUES(1)",
                "SELECT * FROM c",
                "BEGIN",
                "INSERT INTO c VALUES(1)",
                "INSERT INTO c VALUES(2)",
                "COMMIT",
                "SELECT * FROM c",
                "INSERT INTO p VALUES(1)",
                "COMMIT",
                "SELECT * FROM c",
                "ROLLBACK",
                "SELECT * FROM c",
                "BEGIN",
                "INSERT INTO c VALUES(3)",
                "INSERT INTO p VALUES(3)",
                "COMMIT",
                "SELECT * FROM c ORDER BY pid",
                "BEGIN",
                "DELETE FROM p WHERE id = 3",
                "COMMIT",
                "DELETE FROM c WHERE pid = 3",
                "COMMIT",
                "SELECT * FROM c ORDER BY pid");
    }

    @Test
    void deferForeignKeysPragma() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE p(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(pid REFERENCES p)",
                "PRAGMA defer_foreign_keys",
                "BEGIN",
                "PRAGMA defer_foreign_keys = ON",
                "PRAGMA defer_foreign_keys",
                "INSERT INTO c VALUES(1)",
                "COMMIT",
                "INSERT INTO p VALUES(1)",
                "COMMIT",
                "PRAGMA defer_foreign_keys",
                "SELECT * FROM c");
    }

    @Test
    void onDeleteActions() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE p(id INTEGER PRIMARY KEY, v)",
                "CREATE TABLE cas(x REFERENCES p ON DELETE CASCADE, tag)",
                "CREATE TABLE nul(x REFERENCES p ON DELETE SET NULL, tag)",
                "CREATE TABLE dfl(x DEFAULT 1 REFERENCES p ON DELETE SET DEFAULT, tag)",
                "CREATE TABLE res(x REFERENCES p ON DELETE RESTRICT, tag)",
                "INSERT INTO p VALUES(1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')",
                "INSERT INTO cas VALUES(2, 'c2'), (3, 'c3'), (2, 'c2b')",
                "INSERT INTO nul VALUES(2, 'n2'), (3, 'n3')",
                "INSERT INTO dfl VALUES(2, 'd2'), (3, 'd3')",
                "INSERT INTO res VALUES(4, 'r4')",
                "DELETE FROM p WHERE id = 2",
                "SELECT changes()",
                "SELECT * FROM cas ORDER BY tag",
                "SELECT * FROM nul ORDER BY tag",
                "SELECT * FROM dfl ORDER BY tag",
                "DELETE FROM p WHERE id = 4",
                "DELETE FROM p WHERE id = 1",
                "DELETE FROM p WHERE id = 3",
                "SELECT * FROM p ORDER BY id",
                "SELECT * FROM cas ORDER BY tag",
                "SELECT * FROM nul ORDER BY tag",
                "SELECT * FROM dfl ORDER BY tag");
    }

    @Test
    void onUpdateActions() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE p(id INTEGER PRIMARY KEY, code TEXT UNIQUE)",
                "CREATE TABLE cas(x REFERENCES p(code) ON UPDATE CASCADE, tag)",
                "CREATE TABLE nul(x REFERENCES p(code) ON UPDATE SET NULL, tag)",
                "CREATE TABLE res(x REFERENCES p(id) ON UPDATE RESTRICT, tag)",
                "CREATE TABLE noa(x REFERENCES p(id) ON UPDATE NO ACTION, tag)",
                "INSERT INTO p VALUES(1, 'a'), (2, 'b'), (3, 'c')",
                "INSERT INTO cas VALUES('a', 'ca'), ('b', 'cb')",
                "INSERT INTO nul VALUES('a', 'na'), ('c', 'nc')",
                "INSERT INTO res VALUES(3, 'r3')",
                "INSERT INTO noa VALUES(2, 'o2')",
                "UPDATE p SET code = 'A' WHERE id = 1",
                "SELECT * FROM cas ORDER BY tag",
                "SELECT * FROM nul ORDER BY tag",
                "UPDATE p SET code = code WHERE id = 3",
                "SELECT * FROM nul ORDER BY tag",
                "UPDATE p SET id = 30 WHERE id = 3",
                "UPDATE p SET id = 3 WHERE id = 3",
                "UPDATE p SET id = 20 WHERE id = 2",
                "UPDATE p SET id = 20, code = 'bb' WHERE id = 1",
                "SELECT * FROM p ORDER BY id",
                "SELECT * FROM cas ORDER BY tag");
    }

    @Test
    void compositeKeys() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE p(a, b, v, PRIMARY KEY(a, b))",
                "CREATE TABLE c(x, y, FOREIGN KEY(x, y) REFERENCES p(a, b) ON DELETE CASCADE)",
                "CREATE TABLE d(x, y, FOREIGN KEY(y, x) REFERENCES p)",
                "INSERT INTO p VALUES(1, 'a', 'v1'), (2, 'b', 'v2')",
                "INSERT INTO c VALUES(1, 'a'), (2, 'b'), (1, NULL)",
                "INSERT INTO c VALUES(1, 'b')",
                "INSERT INTO d VALUES('a', 1)",
                "INSERT INTO d VALUES(1, 'a')",
                "DELETE FROM p WHERE a = 1",
                "SELECT * FROM c ORDER BY rowid",
                "DELETE FROM d",
                "DELETE FROM p WHERE a = 1",
                "SELECT * FROM c ORDER BY x, y");
    }

    @Test
    void selfReferencingTable() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE emp(id INTEGER PRIMARY KEY, boss REFERENCES emp(id) ON DELETE CASCADE, name)",
                "INSERT INTO emp VALUES(1, NULL, 'ceo')",
                "INSERT INTO emp VALUES(2, 1, 'vp'), (3, 2, 'mgr'), (4, 3, 'dev')",
                "INSERT INTO emp VALUES(5, 5, 'self')",
                "INSERT INTO emp VALUES(6, 7, 'forward'), (7, 1, 'later')",
                "INSERT INTO emp VALUES(8, 9, 'dangling')",
                "SELECT * FROM emp ORDER BY id",
                "DELETE FROM emp WHERE id = 2",
                "SELECT * FROM emp ORDER BY id",
                "CREATE TABLE node(id INTEGER PRIMARY KEY, parent REFERENCES node)",
                "INSERT INTO node VALUES(1, NULL), (2, 1)",
                "DELETE FROM node WHERE id = 1",
                "UPDATE node SET parent = 3 WHERE id = 2",
                "SELECT * FROM node ORDER BY id");
    }

    @Test
    void parentKeyErrors() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE p(a, b UNIQUE, c)",
                "CREATE TABLE c1(x REFERENCES p(c))",
                "INSERT INTO c1 VALUES(1)",
                "CREATE TABLE c2(x REFERENCES p)",
                "INSERT INTO c2 VALUES(1)",
                "CREATE TABLE c3(x REFERENCES nosuch(id))",
                "INSERT INTO c3 VALUES(1)",
                "INSERT INTO c3 VALUES(NULL)",
                "CREATE TABLE c4(x REFERENCES p(b))",
                "INSERT INTO p VALUES(1, 2, 3)",
                "INSERT INTO c4 VALUES(2)",
                "DELETE FROM p",
                "PRAGMA foreign_keys = 0",
                "INSERT INTO c1 VALUES(1)",
                "DELETE FROM p",
                "SELECT count(*) FROM c1");
    }

    @Test
    void dropTableOfParent() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE p(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(pid REFERENCES p)",
                "CREATE TABLE k(pid REFERENCES p ON DELETE CASCADE)",
                "INSERT INTO p VALUES(1), (2)",
                "INSERT INTO c VALUES(1)",
                "INSERT INTO k VALUES(1), (2)",
                "DROP TABLE p",
                "SELECT name FROM sqlite_schema ORDER BY name",
                "DELETE FROM c",
                "DROP TABLE p",
                "SELECT name FROM sqlite_schema ORDER BY name",
                "SELECT count(*) FROM k",
                "INSERT INTO c VALUES(NULL)",
                "SELECT count(*) FROM c");
    }

    @Test
    void foreignKeyPragmas() {
        check("CREATE TABLE p(a PRIMARY KEY, b UNIQUE, c, d, UNIQUE(c, d))",
                "CREATE TABLE c1(x REFERENCES p, y REFERENCES p(b) ON DELETE CASCADE ON UPDATE SET NULL, z, w, "
                        + "FOREIGN KEY(z, w) REFERENCES p(c, d) DEFERRABLE INITIALLY DEFERRED, "
                        + "FOREIGN KEY(w) REFERENCES p(a) ON DELETE RESTRICT ON UPDATE SET DEFAULT)",
                "PRAGMA foreign_key_list(c1)",
                "PRAGMA foreign_key_list(p)",
                "PRAGMA foreign_key_list(nosuch)",
                "INSERT INTO c1 VALUES(1, 2, 3, 4)",
                "INSERT INTO c1 VALUES(NULL, 2, 3, NULL)",
                "INSERT INTO p VALUES(1, 2, 3, 4)",
                "INSERT INTO c1 VALUES(1, 5, 3, 4)",
                "PRAGMA foreign_key_check",
                "PRAGMA foreign_key_check(c1)",
                "PRAGMA foreign_key_check(p)",
                "PRAGMA foreign_key_check(nosuch)",
                "CREATE TABLE bad(x REFERENCES p(c))",
                "PRAGMA foreign_key_check(bad)",
                "CREATE TABLE orphan(x REFERENCES gone)",
                "INSERT INTO orphan VALUES(1), (NULL)",
                "PRAGMA foreign_key_check(orphan)");
    }

    @Test
    void upsertAndReplaceWithForeignKeys() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE p(id INTEGER PRIMARY KEY, v)",
                "CREATE TABLE c(k PRIMARY KEY, pid REFERENCES p ON DELETE CASCADE)",
                "INSERT INTO p VALUES(1, 'a'), (2, 'b')",
                "INSERT INTO c VALUES('x', 1), ('y', 2)",
                "INSERT INTO c VALUES('x', 3) ON CONFLICT(k) DO UPDATE SET pid = excluded.pid",
                "INSERT INTO c VALUES('x', 2) ON CONFLICT(k) DO UPDATE SET pid = excluded.pid",
                "SELECT * FROM c ORDER BY k",
                "INSERT OR REPLACE INTO p VALUES(2, 'bb')",
                "SELECT * FROM p ORDER BY id",
                "SELECT * FROM c ORDER BY k",
                "REPLACE INTO c VALUES('y', 7)",
                "REPLACE INTO c VALUES('y', 1)",
                "SELECT * FROM c ORDER BY k");
    }

    @Test
    void triggersAndForeignKeysTogether() {
        check("PRAGMA foreign_keys = 1",
                "CREATE TABLE p(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(pid REFERENCES p ON DELETE CASCADE, v)",
                "CREATE TABLE log(m)",
                "CREATE TRIGGER cd AFTER DELETE ON c BEGIN INSERT INTO log VALUES('child ' || OLD.v); END",
                "CREATE TRIGGER pi AFTER INSERT ON p BEGIN INSERT INTO c VALUES(NEW.id, 'auto'); END",
                "INSERT INTO p VALUES(1), (2)",
                "SELECT * FROM c ORDER BY pid",
                "DELETE FROM p WHERE id = 1",
                "SELECT * FROM log",
                "SELECT changes()",
                "CREATE TRIGGER bad AFTER INSERT ON log BEGIN INSERT INTO c VALUES(99, 'bad'); END",
                "DELETE FROM p",
                "SELECT * FROM c ORDER BY pid",
                "SELECT * FROM log");
    }

    private static final String[] INDEXED_CHILDREN = {
        "PRAGMA foreign_keys = ON",
        "CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT UNIQUE)",
        "CREATE TABLE c(x INTEGER, pid INTEGER REFERENCES p(id) ON DELETE CASCADE,"
                + " pname TEXT REFERENCES p(name) ON UPDATE CASCADE)",
        "CREATE INDEX c_pid ON c(pid)",
        "CREATE INDEX c_pname ON c(pname COLLATE NOCASE)",
        "CREATE TABLE r(a INTEGER PRIMARY KEY, b INTEGER REFERENCES r(a))",
        "CREATE INDEX r_b ON r(b)",
        "CREATE TABLE q(id INTEGER PRIMARY KEY, z INTEGER REFERENCES p(id) ON DELETE RESTRICT)",
        "CREATE INDEX q_z ON q(z, id)",
        "INSERT INTO p VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')",
        "INSERT INTO c VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 2, 'b'), (4, NULL, 'c'), (5, 3, NULL)",
        "INSERT INTO r VALUES (1, NULL), (2, 1), (3, 2), (4, 4)",
        "INSERT INTO q VALUES (1, 4)",
    };

    /** Child rows found through an index on the child key (and through a full scan where none fits) alike. */
    @Test
    void childIndexLookups() {
        check(Oracle.concat(INDEXED_CHILDREN, "DELETE FROM p WHERE id = 1", "SELECT * FROM c ORDER BY x",
                "UPDATE p SET name = 'B' WHERE id = 2", "SELECT * FROM c ORDER BY x", "DELETE FROM r WHERE a = 2",
                "DELETE FROM r WHERE a = 4", "SELECT * FROM r", "DELETE FROM p WHERE id = 4",
                "DELETE FROM p WHERE id = '3'", "SELECT * FROM c ORDER BY x", "INSERT INTO c VALUES (9, '2', 'c')",
                "UPDATE p SET id = 20 WHERE id = 2", "SELECT * FROM c ORDER BY x", "PRAGMA foreign_key_check"));
    }

    /**
     * As SQLite, deleting a parent row looks its children up through the index on the child key (when the child
     * column has the parent key's affinity): EXPLAIN opens that index, and not the child table, on both engines.
     */
    @Test
    void childLookupOpensTheChildIndex() {
        try (Oracle o = new Oracle()) {
            for (String sql : INDEXED_CHILDREN) {
                o.petrel(sql);
                o.sqlite(sql);
            }
            // r references itself: its own rows are read for the DELETE, so only q is absent from the program.
            for (String[] probe : new String[][] {{"DELETE FROM p WHERE id = 4", "q_z", "q"},
                    {"DELETE FROM r WHERE a = 2", "r_b", null}}) {
                String root = "SELECT rootpage FROM sqlite_schema WHERE name = '";
                for (boolean petrel : new boolean[] {true, false}) {
                    String index = petrel ? o.petrel(root + probe[1] + "'") : o.sqlite(root + probe[1] + "'");
                    String name = petrel ? "petrel" : "sqlite";
                    assertTrue(explainOpens(o, petrel, probe[0], index) > 0, name + " opens " + probe[1]);
                    if (probe[2] != null) {
                        String table = petrel ? o.petrel(root + probe[2] + "'") : o.sqlite(root + probe[2] + "'");
                        assertEquals(0, explainOpens(o, petrel, probe[0], table), name + " opens " + probe[2]);
                    }
                }
            }
        }
    }

    /** How many OpenRead instructions of {@code sql}'s program open root page {@code rendered} ("[iN]"). */
    private static int explainOpens(Oracle o, boolean petrel, String sql, String rendered) {
        long root = Long.parseLong(rendered.substring(2, rendered.length() - 1));
        int count = 0;
        if (petrel) {
            try (dev.petrel.api.Statement st = o.petrel.prepare("EXPLAIN " + sql)) {
                while (st.step()) {
                    count += "OpenRead".equals(st.columnValue(1)) && Long.valueOf(root).equals(st.columnValue(3))
                            ? 1 : 0;
                }
            }
        } else {
            try (java.sql.Statement st = o.sqlite.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
                while (rs.next()) {
                    count += "OpenRead".equals(rs.getString("opcode")) && rs.getLong("p2") == root ? 1 : 0;
                }
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }
        return count;
    }
}
