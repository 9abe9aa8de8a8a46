package dev.petrel.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.Statement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner picks the access paths and join order real SQLite picks for simple cases, worded as SQLite's EXPLAIN
 * QUERY PLAN (the detail column is compared; ids differ because SQLite numbers them by opcode address).
 */
class QueryPlanTest {
    private static final String SCHEMA = "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c INT);"
            + "CREATE INDEX tb ON t(b); CREATE INDEX tbc ON t(b, c);"
            + "CREATE TABLE s(x INTEGER PRIMARY KEY, y INT, z TEXT); CREATE INDEX sy ON s(y);"
            + "CREATE TABLE u1(a INTEGER PRIMARY KEY, b INTEGER, c TEXT);"
            + "CREATE TABLE u2(a INTEGER PRIMARY KEY, b INTEGER, c TEXT); CREATE INDEX u2b ON u2(b);"
            + "CREATE TABLE u3(a INTEGER PRIMARY KEY, b INTEGER, c TEXT);"
            + "CREATE TABLE u4(a INTEGER PRIMARY KEY, b INTEGER, c TEXT)";

    private static final String[] QUERIES = {
        "SELECT * FROM t",
        "SELECT * FROM t WHERE a = 1",
        "SELECT * FROM t WHERE a > 5",
        "SELECT * FROM t WHERE b = 'x'",
        "SELECT b FROM t",
        "SELECT * FROM t ORDER BY c",
        "SELECT c FROM t WHERE b = 'x' AND c > 5",
        "SELECT DISTINCT c FROM t",
        "SELECT * FROM t t1, t t2 WHERE t1.a = t2.c",
        "SELECT count(*), sum(u4.b) FROM u1 JOIN u2 ON u2.a = u1.a JOIN u3 ON u3.a = u2.a "
                + "JOIN u4 ON u4.a = u3.a WHERE u1.b < 5",
        "SELECT count(*) FROM s JOIN t t1 ON t1.a = s.x JOIN t t2 ON t2.a = t1.a WHERE s.y > 2",
        "SELECT * FROM t WHERE b IN ('x', 'y')",
        "SELECT z FROM s WHERE y = 3",
        "SELECT * FROM s, t WHERE s.y = t.c AND t.b = 'q'",
        "SELECT * FROM s WHERE x IN (1, 2, 3)",
        "SELECT * FROM t ORDER BY a",
        "SELECT * FROM t ORDER BY b",
        "SELECT b FROM t ORDER BY b",
        "SELECT * FROM t WHERE b = 'x' ORDER BY c",
        "SELECT * FROM t WHERE a > 3 ORDER BY a LIMIT 2",
        "SELECT * FROM s ORDER BY y, x",
        "SELECT * FROM s ORDER BY y DESC",
        "SELECT z FROM s WHERE y = 3 ORDER BY x",
        "SELECT b, count(*) FROM t GROUP BY b",
        "SELECT y, sum(x) FROM s GROUP BY y",
        "SELECT c, count(*) FROM t GROUP BY c",
    };

    private static List<String> petrel(Connection c, String sql) {
        List<String> out = new ArrayList<>();
        try (Statement s = c.prepare("EXPLAIN QUERY PLAN " + sql)) {
            while (s.step()) {
                out.add(s.columnText(3));
            }
        }
        return out;
    }

    private static List<String> sqlite(java.sql.Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
                out.add(rs.getString(4));
            }
        }
        return out;
    }

    @Test
    void plansMatchSqlite() throws Exception {
        try (Database db = Petrel.openMemory(); Connection c = db.connect();
             java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.exec(SCHEMA);
            try (java.sql.Statement st = s.createStatement()) {
                for (String ddl : SCHEMA.split(";")) {
                    st.executeUpdate(ddl);
                }
            }
            List<String> diffs = new ArrayList<>();
            for (String q : QUERIES) {
                List<String> p = petrel(c, q);
                List<String> e = sqlite(s, q);
                if (!p.equals(e)) {
                    diffs.add(q + ": petrel " + p + " sqlite " + e);
                }
            }
            assertEquals(List.of(), diffs);
        }
    }
}
