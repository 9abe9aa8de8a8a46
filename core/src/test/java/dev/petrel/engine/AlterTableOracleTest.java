package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.vfs.MemoryVfs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ALTER TABLE against sqlite-jdbc: every statement's result or error text, and the sqlite_schema text after each
 * change (SQLite edits the stored CREATE texts token by token, so the texts must match byte for byte). A file
 * altered by Petrel passes SQLite's integrity check.
 */
class AlterTableOracleTest {
    private static final String SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid";

    /** Runs the script; after each statement that is not a query, compares sqlite_schema as well. */
    private static void check(String... script) {
        List<String> diffs = new ArrayList<>();
        try (Oracle o = new Oracle()) {
            for (String sql : script) {
                List<String> queries = new ArrayList<>();
                queries.add(sql);
                if (!sql.startsWith("SELECT") && !sql.startsWith("PRAGMA")) {
                    queries.add(SCHEMA);
                }
                for (String q : queries) {
                    String p = o.petrel(q);
                    String s = o.sqlite(q);
                    if (!p.equals(s)) {
                        diffs.add((q == sql ? sql : sql + " / schema") + "\n  petrel: " + p.replace("\n", " | ")
                                + "\n  sqlite: " + s.replace("\n", " | "));
                    }
                }
            }
        }
        assertEquals("", String.join("\n", diffs));
    }

    @Test
    void renameTableRewritesDependents() {
        check("CREATE TABLE t(a INTEGER PRIMARY KEY, \"b\" TEXT UNIQUE, c CHECK(c > t.a), t INT, "
                        + "FOREIGN KEY(c) REFERENCES t(a))",
                "CREATE TABLE u(x REFERENCES t(b), y REFERENCES \"t\")",
                "CREATE INDEX ti ON t(b, c) WHERE c > 0",
                "CREATE VIEW v AS SELECT t.a, t, b FROM t JOIN u ON t.a = u.x WHERE t > 1",
                "CREATE VIEW v2 AS SELECT t.a, x.b FROM t, t AS x WHERE t.c=1",
                "INSERT INTO t VALUES(1, 'one', 5, 2), (2, 'two', 6, 3)",
                "ALTER TABLE t RENAME TO \"new t\"",
                "SELECT * FROM \"new t\" ORDER BY a",
                "SELECT * FROM v",
                "SELECT * FROM t",
                "ALTER TABLE \"new t\" RENAME TO t3",
                "ALTER TABLE t3 RENAME TO [my t]",
                "ALTER TABLE [my t] RENAME TO `t4`",
                "PRAGMA index_list(t4)",
                "SELECT * FROM t4 WHERE b = 'two'");
    }

    @Test
    void renameTableSequenceAndErrors() {
        check("CREATE TABLE s(id INTEGER PRIMARY KEY AUTOINCREMENT, v)",
                "INSERT INTO s(v) VALUES('a'), ('b')",
                "ALTER TABLE s RENAME TO s2",
                "SELECT * FROM sqlite_sequence",
                "INSERT INTO s2(v) VALUES('c')",
                "SELECT * FROM s2",
                "CREATE TABLE u(x)",
                "CREATE INDEX ui ON u(x)",
                "CREATE VIEW v AS SELECT * FROM u",
                "ALTER TABLE nosuch RENAME TO x",
                "ALTER TABLE u RENAME TO s2",
                "ALTER TABLE u RENAME TO S2",
                "ALTER TABLE u RENAME TO ui",
                "ALTER TABLE u RENAME TO u",
                "ALTER TABLE u RENAME TO sqlite_x",
                "ALTER TABLE sqlite_schema RENAME TO x",
                "ALTER TABLE sqlite_sequence RENAME TO x",
                "ALTER TABLE v RENAME TO x",
                "ALTER TABLE main.u RENAME TO u2",
                "SELECT * FROM v");
    }

    @Test
    void renameColumn() {
        check("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT UNIQUE, c CHECK(c > t.b), d REFERENCES t(b), "
                        + "text text, UNIQUE(c, b), FOREIGN KEY(b) REFERENCES u(b))",
                "CREATE TABLE u(ub, x REFERENCES t(b))",
                "CREATE INDEX ti ON t(b COLLATE nocase, lower(b)) WHERE b > 'a'",
                "CREATE VIEW v AS SELECT t.b, b AS bb, u.x FROM t JOIN u ON t.a = u.x",
                "CREATE VIEW v2(b, c) AS SELECT b, c FROM t WHERE b IS NOT NULL",
                "CREATE VIEW v3 AS SELECT z.b FROM t AS z",
                "INSERT INTO t VALUES(1, 'x', 'y', NULL, 'tx')",
                "ALTER TABLE t RENAME COLUMN b TO bee",
                "ALTER TABLE t RENAME COLUMN text TO \"tx\"",
                "ALTER TABLE t RENAME COLUMN c TO [c c]",
                "SELECT * FROM t",
                "SELECT * FROM v2",
                "ALTER TABLE t RENAME COLUMN zz TO q",
                "ALTER TABLE t RENAME COLUMN a TO d",
                "ALTER TABLE v RENAME COLUMN b TO q",
                "ALTER TABLE sqlite_schema RENAME COLUMN name TO x",
                "ALTER TABLE t RENAME COLUMN a TO A",
                "ALTER TABLE t RENAME COLUMN A TO [id]",
                "CREATE TABLE w(p [q], [r s] DEFAULT 3, \"T\" , `x`)",
                "ALTER TABLE w RENAME COLUMN p TO \"pp\"",
                "ALTER TABLE w RENAME COLUMN [r s] TO rs",
                "ALTER TABLE w RENAME COLUMN t TO [t t]",
                "ALTER TABLE w RENAME COLUMN x TO xx",
                "CREATE TABLE g(a, b)",
                "CREATE VIEW gv AS SELECT a AS aa, b AS a FROM g",
                "CREATE TRIGGER tg AFTER UPDATE OF a ON g WHEN new.a > 0 BEGIN "
                        + "UPDATE g SET b = new.a WHERE a = old.a; END",
                "ALTER TABLE g RENAME COLUMN a TO x",
                "ALTER TABLE g RENAME TO g2",
                "ALTER TABLE g2 DROP COLUMN x",
                "ALTER TABLE g2 DROP COLUMN b");
    }

    @Test
    void renamesFollowScopesAndSchemaIsCheckedAfterwards() {
        check("CREATE TABLE t(a, b, c)",
                "CREATE TABLE o(x, a)",
                "CREATE VIEW v1 AS SELECT a FROM t WHERE b IN (SELECT x FROM o)",
                "CREATE VIEW v4 AS SELECT t.a, o.a FROM t, o",
                "CREATE TRIGGER tr1 AFTER INSERT ON o BEGIN INSERT INTO t(a, b) VALUES(new.x, new.a); "
                        + "DELETE FROM t WHERE b = 1; END",
                "CREATE INDEX ie ON t(a + b, c)",
                "ALTER TABLE t RENAME COLUMN b TO bb",
                "ALTER TABLE t RENAME TO tt",
                "ALTER TABLE tt RENAME COLUMN a TO aa",
                "CREATE VIEW v2 AS SELECT * FROM (SELECT aa, bb FROM tt) AS s WHERE s.aa > 0",
                "CREATE VIEW v3 AS WITH w AS (SELECT bb FROM tt) SELECT bb FROM w",
                "ALTER TABLE tt RENAME COLUMN bb TO b",
                "ALTER TABLE tt RENAME COLUMN aa TO a",
                "DROP VIEW v3",
                "ALTER TABLE tt DROP COLUMN c",
                "ALTER TABLE tt DROP COLUMN bb",
                "SELECT * FROM v1");
    }

    @Test
    void dropColumn() {
        check("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT UNIQUE, c, d CHECK(d>0), e, f, h REFERENCES t(a), "
                        + "i, j, k COLLATE nocase, g CHECK(e > 0))",
                "CREATE INDEX ti ON t(c)",
                "CREATE INDEX tp ON t(a) WHERE f > 0",
                "CREATE TABLE u(x, y, FOREIGN KEY(x) REFERENCES t(i))",
                "CREATE VIEW v AS SELECT j FROM t",
                "CREATE VIEW vq AS SELECT u.x FROM u",
                "INSERT INTO t VALUES(1, 'b', 'c', 4, 5, 6, 1, 8, 9, 'k', 11), (2, 'b2', 'c2', 14, 15, 16, 2, 18, "
                        + "19, 'K', 21)",
                "ALTER TABLE t DROP COLUMN a",
                "ALTER TABLE t DROP COLUMN b",
                "ALTER TABLE t DROP COLUMN c",
                "ALTER TABLE t DROP COLUMN d",
                "ALTER TABLE t DROP COLUMN e",
                "ALTER TABLE t DROP COLUMN f",
                "ALTER TABLE t DROP COLUMN h",
                "ALTER TABLE t DROP COLUMN i",
                "ALTER TABLE t DROP COLUMN j",
                "ALTER TABLE t DROP COLUMN \"K\"",
                "ALTER TABLE t DROP COLUMN zz",
                "SELECT * FROM t",
                "SELECT * FROM t WHERE b = 'b2'",
                "SELECT * FROM t WHERE c = 'c'",
                "PRAGMA integrity_check",
                "ALTER TABLE u DROP COLUMN x",
                "ALTER TABLE u DROP COLUMN y",
                "ALTER TABLE u DROP COLUMN x",
                "ALTER TABLE v DROP COLUMN j",
                "CREATE TABLE m(a, b, c, PRIMARY KEY(a,b), UNIQUE(c))",
                "ALTER TABLE m DROP COLUMN b",
                "ALTER TABLE m DROP COLUMN c",
                "CREATE TABLE n(a,   b  /* c */ , /* d */ c  , d INT)",
                "INSERT INTO n VALUES(1, 2, 3, 4)",
                "ALTER TABLE n DROP COLUMN a",
                "ALTER TABLE n DROP COLUMN c",
                "ALTER TABLE n DROP COLUMN d",
                "SELECT * FROM n",
                "CREATE TABLE q(a, b, CHECK(a>0))",
                "ALTER TABLE q DROP COLUMN b");
    }

    @Test
    void dropColumnAfterAddColumnReadsDefaults() {
        check("CREATE TABLE r(a INTEGER PRIMARY KEY, b, c)",
                "INSERT INTO r VALUES(1,2,3),(5,6,7)",
                "ALTER TABLE r ADD COLUMN d DEFAULT 'dd'",
                "ALTER TABLE r ADD COLUMN e DEFAULT -1.5",
                "ALTER TABLE r DROP COLUMN b",
                "SELECT * FROM r",
                "INSERT INTO r(c) VALUES(9)",
                "SELECT * FROM r");
    }

    @Test
    void addColumnRestrictions() {
        check("CREATE TABLE r(a INTEGER PRIMARY KEY, c)",
                "CREATE TABLE y(a UNIQUE)",
                "INSERT INTO r VALUES(1,3),(5,7)",
                "ALTER TABLE r ADD COLUMN d NOT NULL",
                "ALTER TABLE y ADD COLUMN d NOT NULL",
                "ALTER TABLE r ADD COLUMN d2 NOT NULL DEFAULT 1",
                "ALTER TABLE r ADD COLUMN e DEFAULT (1+1)",
                "ALTER TABLE r ADD COLUMN f DEFAULT CURRENT_TIME",
                "ALTER TABLE r ADD COLUMN j CHECK(j>0)",
                "ALTER TABLE r ADD COLUMN k DEFAULT -1",
                "ALTER TABLE r ADD COLUMN l DEFAULT +1",
                "ALTER TABLE r ADD COLUMN m DEFAULT 'x' COLLATE nocase",
                "ALTER TABLE r ADD COLUMN n NOT NULL DEFAULT NULL",
                "ALTER TABLE r ADD COLUMN a",
                "ALTER TABLE r ADD COLUMN \"A\"",
                "ALTER TABLE r ADD COLUMN i UNIQUE",
                "ALTER TABLE r ADD COLUMN h INTEGER PRIMARY KEY",
                "ALTER TABLE y ADD COLUMN b DEFAULT (5)",
                "ALTER TABLE y ADD COLUMN c DEFAULT ('x')",
                "ALTER TABLE y ADD COLUMN d2 DEFAULT (-5)",
                "ALTER TABLE y ADD COLUMN e DEFAULT x'00'",
                "ALTER TABLE y ADD COLUMN f DEFAULT abc",
                "ALTER TABLE y ADD COLUMN g DEFAULT NULL NOT NULL",
                "ALTER TABLE sqlite_schema ADD COLUMN x",
                "CREATE TABLE tc(a  /* x */ , UNIQUE(a))",
                "ALTER TABLE tc ADD COLUMN d   DEFAULT 1  ",
                "CREATE TABLE tu(a TEXT /* x */ )",
                "ALTER TABLE tu ADD d",
                "ALTER TABLE tu ADD COLUMN e INT;",
                "SELECT * FROM r",
                "INSERT INTO y(a) VALUES(1)",
                "SELECT * FROM y");
    }

    @Test
    void alteredFilePassesSqliteIntegrityCheck() throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        String[] checks = {SCHEMA, "SELECT * FROM t2 ORDER BY rowid", "SELECT * FROM sqlite_sequence"};
        List<List<String>> expected = new ArrayList<>();
        try (Database db = Petrel.open(vfs, "alter.db"); Connection c = db.connect()) {
            StringBuilder values = new StringBuilder();
            for (int i = 1; i <= 2000; i++) {
                values.append(i > 1 ? "," : "").append("('k").append(i).append("', zeroblob(").append(i % 9 * 300)
                        .append("), ").append(i).append(" / 3.0)");
            }
            c.exec("CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT, b BLOB, c REAL, UNIQUE(a));"
                    + "CREATE INDEX tc ON t(c);"
                    + "INSERT INTO t(a, b, c) VALUES" + values + ";"
                    + "ALTER TABLE t ADD COLUMN d DEFAULT 'added';"
                    + "ALTER TABLE t DROP COLUMN b;"
                    + "ALTER TABLE t RENAME COLUMN c TO cc;"
                    + "ALTER TABLE t RENAME TO t2;"
                    + "INSERT INTO t2(a, cc) VALUES('last', 1.5)");
            for (String q : checks) {
                expected.add(FileCompatTest.petrelRows(c, q));
            }
            assertEquals(List.of("'ok'"), FileCompatTest.petrelRows(c, "PRAGMA integrity_check"));
        }
        FileCompatTest.assertSqliteReads(vfs.snapshot("alter.db"), checks, expected);
    }
}
