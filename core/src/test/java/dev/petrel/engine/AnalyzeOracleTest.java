package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ANALYZE, REINDEX, VACUUM and PRAGMA optimize against sqlite-jdbc: the sqlite_stat1 rows (ordered, since SQLite
 * writes them in its hash order), its schema row, and every error text. sqlite-jdbc is built with STAT4 and also
 * creates sqlite_stat4, which Petrel does not write, so the schema is compared only for sqlite_stat1.
 */
class AnalyzeOracleTest {
    private static final String STAT = "SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx";

    private static void check(String... script) {
        SqlOracleTest.check(script);
    }

    private static String rows(String table, int n, String valuesOfI) {
        StringBuilder sb = new StringBuilder("INSERT INTO " + table + " VALUES");
        for (int i = 1; i <= n; i++) {
            sb.append(i > 1 ? "," : "").append('(').append(valuesOfI.replace("$i", String.valueOf(i))).append(')');
        }
        return sb.toString();
    }

    @Test
    void analyzeWritesStat1() {
        check("CREATE TABLE t(a INTEGER PRIMARY KEY, b, c, d UNIQUE)",
                "CREATE INDEX tb ON t(b)",
                "CREATE INDEX tbc ON t(b, c)",
                "CREATE INDEX tn ON t(c COLLATE nocase, d DESC)",
                "CREATE TABLE e(x)",
                "CREATE INDEX ex ON e(x)",
                "CREATE TABLE nx(y)",
                "CREATE TABLE ny(y)",
                "INSERT INTO ny VALUES(1),(2)",
                "ANALYZE",
                STAT,
                "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name = 'sqlite_stat1'",
                rows("t", 100, "$i, $i % 3, CASE WHEN $i % 10 = 0 THEN NULL ELSE $i % 7 END, $i"),
                "INSERT INTO e VALUES(1),(1),(2),(NULL),(NULL),('a'),('A')",
                "ANALYZE",
                STAT,
                "DELETE FROM t WHERE a > 3",
                "ANALYZE t",
                STAT,
                "DELETE FROM t",
                "ANALYZE main",
                STAT,
                rows("t", 50, "$i, $i % 25, $i % 2, $i"),
                "ANALYZE tbc",
                STAT,
                "ANALYZE main.t",
                STAT,
                "ANALYZE nosuch",
                "ANALYZE v",
                "ANALYZE sqlite_stat1",
                STAT,
                "PRAGMA optimize");
    }

    private static String plan(Oracle o, String sql, boolean petrel) {
        List<String> details = new ArrayList<>();
        if (petrel) {
            try (dev.petrel.api.Statement st = o.petrel.prepare("EXPLAIN QUERY PLAN " + sql)) {
                while (st.step()) {
                    details.add(st.columnText(3));
                }
            }
        } else {
            try (java.sql.Statement st = o.sqlite.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                while (rs.next()) {
                    details.add(rs.getString(4));
                }
            } catch (java.sql.SQLException e) {
                throw new RuntimeException(e);
            }
        }
        return String.join(" / ", details);
    }

    /** After ANALYZE both engines take the index with fewer rows per key, whichever was created first. */
    @Test
    void statsSteerIndexChoice() {
        String[] queries = {
            "SELECT * FROM t WHERE a = 1 AND b = 5",
            "SELECT * FROM t WHERE b = 5 AND a = 1",
            "SELECT * FROM u WHERE a = 1 AND b = 5",
            "SELECT * FROM t WHERE a = 1",
        };
        List<String> diffs = new ArrayList<>();
        try (Oracle o = new Oracle()) {
            for (String sql : new String[] {"CREATE TABLE t(a, b, c)", "CREATE INDEX ta ON t(a)",
                "CREATE INDEX tb ON t(b)", "CREATE TABLE u(a, b, c)", "CREATE INDEX ub ON u(b)",
                "CREATE INDEX ua ON u(a)", rows("t", 500, "$i % 2, $i, $i"), rows("u", 500, "$i, $i % 2, $i"),
                "ANALYZE"}) {
                assertEquals(o.sqlite(sql), o.petrel(sql), sql);
            }
            for (String q : queries) {
                String p = plan(o, q, true);
                String s = plan(o, q, false);
                if (!p.equals(s)) {
                    diffs.add(q + ": petrel " + p + " sqlite " + s);
                }
            }
        }
        assertEquals(List.of(), diffs);
    }

    @Test
    void reindexAndVacuum() {
        check("CREATE TABLE t(a, b COLLATE nocase, c)",
                "CREATE UNIQUE INDEX ta ON t(a)",
                "CREATE INDEX tb ON t(b)",
                "CREATE INDEX tc ON t(c COLLATE rtrim)",
                "CREATE VIEW v AS SELECT * FROM t",
                rows("t", 200, "$i, 'x' || ($i % 9), $i % 4"),
                "REINDEX",
                "REINDEX t",
                "REINDEX tb",
                "REINDEX nocase",
                "REINDEX RTRIM",
                "REINDEX main.tb",
                "REINDEX nosuch",
                "REINDEX main.nosuch",
                "REINDEX v",
                "SELECT a FROM t WHERE b = 'X3' ORDER BY a LIMIT 3",
                "SELECT count(*) FROM t WHERE a > 100",
                "PRAGMA integrity_check",
                "VACUUM",
                "VACUUM main",
                "SELECT count(*), sum(a) FROM t",
                "PRAGMA integrity_check");
    }
}
