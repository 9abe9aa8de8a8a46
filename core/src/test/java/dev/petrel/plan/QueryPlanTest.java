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

    private static final String TREE_SCHEMA = SCHEMA + ";CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID;"
            + "CREATE TABLE n(p, q)";

    /**
     * Plans whose whole tree (ids and parents, rendered as sqlite3 draws them) matches SQLite's: subqueries (LIST,
     * CORRELATED LIST, SCALAR, CORRELATED SCALAR), UNION ALL compounds, constant rows, table-valued functions
     * (VIRTUAL TABLE INDEX), LEFT JOIN marks, DML. Plans Petrel builds differently are listed in docs (MERGE for
     * UNION/ORDER BY compounds, CO-ROUTINE subqueries and windows, automatic indexes and bloom filters, MULTI-INDEX
     * OR, min/max and DISTINCT by index, USING INDEX FOR IN-OPERATOR, EXISTS as a join).
     */
    private static final String[] TREE_QUERIES = {
        "SELECT * FROM t WHERE a IN (SELECT y FROM s)",
        "SELECT * FROM t WHERE b IN (SELECT z FROM s WHERE s.x = t.a)",
        "SELECT (SELECT z FROM s WHERE s.x = t.c) FROM t",
        "SELECT * FROM t WHERE NOT EXISTS (SELECT 1 FROM s WHERE s.y = t.c)",
        "SELECT (SELECT count(*) FROM s WHERE y = t.c), (SELECT 1) FROM t",
        "SELECT a FROM t UNION ALL SELECT x FROM s",
        "SELECT a FROM t UNION ALL SELECT x FROM s UNION ALL SELECT 1",
        "SELECT DISTINCT c FROM t",
        "SELECT c, count(*) FROM t GROUP BY c ORDER BY count(*)",
        "SELECT * FROM t ORDER BY b, c",
        "SELECT * FROM t WHERE b = 'x' OR c = 5",
        "SELECT * FROM json_each('[1,2]')",
        "SELECT * FROM t, json_each(t.b)",
        "SELECT value FROM json_each('[1]') WHERE key = 0",
        "SELECT * FROM w WHERE k = 'a'",
        "SELECT * FROM t LEFT JOIN s ON s.x = t.c",
        "SELECT count(*) FROM t",
        "SELECT 1",
        "INSERT INTO n SELECT a, b FROM t",
        "DELETE FROM t WHERE c > 5",
        "SELECT * FROM t WHERE a IN (1,2) AND b IN ('x','y')",
    };

    /** The plan rows (id, parent, detail) drawn as a tree, so that ids need not be equal, only the shape. */
    private static String tree(List<Object[]> rows, long parent, String prefix) {
        StringBuilder sb = new StringBuilder();
        List<Object[]> kids = new ArrayList<>();
        for (Object[] r : rows) {
            if ((Long) r[1] == parent && (Long) r[0] != parent) {
                kids.add(r);
            }
        }
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            sb.append(prefix).append(last ? "`--" : "|--").append(kids.get(i)[2]).append('\n');
            sb.append(tree(rows, (Long) kids.get(i)[0], prefix + (last ? "   " : "|  ")));
        }
        return sb.toString();
    }

    @Test
    void planTreesMatchSqlite() throws Exception {
        try (Database db = Petrel.openMemory(); Connection c = db.connect();
             java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.exec(TREE_SCHEMA);
            try (java.sql.Statement st = s.createStatement()) {
                for (String ddl : TREE_SCHEMA.split(";")) {
                    st.executeUpdate(ddl);
                }
            }
            List<String> diffs = new ArrayList<>();
            for (String q : TREE_QUERIES) {
                List<Object[]> ours = new ArrayList<>();
                try (Statement st = c.prepare("EXPLAIN QUERY PLAN " + q)) {
                    while (st.step()) {
                        ours.add(new Object[] {st.columnLong(0), st.columnLong(1), st.columnText(3)});
                    }
                }
                List<Object[]> theirs = new ArrayList<>();
                try (java.sql.Statement st = s.createStatement();
                     ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN " + q)) {
                    while (rs.next()) {
                        theirs.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(4)});
                    }
                }
                String p = tree(ours, 0, "");
                String e = tree(theirs, 0, "");
                if (!p.equals(e)) {
                    diffs.add(q + "\npetrel:\n" + p + "sqlite:\n" + e);
                }
            }
            assertEquals("", String.join("\n", diffs));
        }
    }
}
