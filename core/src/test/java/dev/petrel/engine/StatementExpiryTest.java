package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prepared statements expire as SQLite's do: one prepared before a temp object appears (or goes) is compiled again,
 * so an unqualified name binds as it would now (a new temp table shadows the main table of the same name), and one
 * prepared before an application function or collation is redefined uses the new definition. Both engines run the
 * same steps and must see the same rows.
 */
class StatementExpiryTest {
    private static final String[] SETUP = {"CREATE TABLE t(x)", "INSERT INTO t VALUES('main')"};

    @Test
    void preparedStatementSeesTempTableCreatedAndDroppedAfterIt() throws Exception {
        List<String> sqlite = new ArrayList<>();
        try (java.sql.Connection s = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
                java.sql.Statement ddl = s.createStatement()) {
            for (String sql : SETUP) {
                ddl.execute(sql);
            }
            try (java.sql.PreparedStatement ps = s.prepareStatement("SELECT * FROM t")) {
                ddl.execute("CREATE TEMP TABLE t(y)");
                ddl.execute("INSERT INTO temp.t VALUES('temp')");
                sqlite.add(firstRow(ps));
                ddl.execute("DROP TABLE temp.t");
                sqlite.add(firstRow(ps));
            }
        }
        List<String> petrel = new ArrayList<>();
        try (Database db = Petrel.openMemory(); Connection c = db.connect()) {
            for (String sql : SETUP) {
                c.exec(sql);
            }
            try (Statement st = c.prepare("SELECT * FROM t")) {
                c.exec("CREATE TEMP TABLE t(y)");
                c.exec("INSERT INTO temp.t VALUES('temp')");
                petrel.add(st.step() ? String.valueOf(st.columnValue(0)) : "none");
                st.reset();
                c.exec("DROP TABLE temp.t");
                petrel.add(st.step() ? String.valueOf(st.columnValue(0)) : "none");
            }
        }
        assertEquals(List.of("temp", "main"), sqlite, "SQLite's behaviour this test encodes");
        assertEquals(sqlite, petrel);
    }

    @Test
    void preparedStatementUsesRedefinedFunctionAndCollation() throws Exception {
        String sql = "SELECT f(1), (SELECT group_concat(v, '') FROM"
                + " (SELECT column1 AS v FROM (VALUES ('a'), ('B'), ('c')) ORDER BY v COLLATE c))";
        List<String> sqlite = new ArrayList<>();
        try (java.sql.Connection s = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
            sqliteFunction(s, 1);
            sqliteCollation(s, 1);
            try (java.sql.PreparedStatement ps = s.prepareStatement(sql)) {
                sqlite.add(firstRow(ps) + "," + secondColumn(ps));
                sqliteFunction(s, 2);
                sqliteCollation(s, -1);
                sqlite.add(firstRow(ps) + "," + secondColumn(ps));
            }
        }
        List<String> petrel = new ArrayList<>();
        try (Database db = Petrel.openMemory(); Connection c = db.connect()) {
            petrelDefine(c, 1);
            try (Statement st = c.prepare(sql)) {
                st.step();
                petrel.add(st.columnValue(0) + "," + st.columnValue(1));
                st.reset();
                petrelDefine(c, 2);
                st.step();
                petrel.add(st.columnValue(0) + "," + st.columnValue(1));
            }
        }
        assertEquals(List.of("2,aBc", "3,cBa"), sqlite, "SQLite's behaviour this test encodes");
        assertEquals(sqlite, petrel);
    }

    /** f(x) = x + version; collation c: case-insensitive, ascending in version 1 and descending in version 2. */
    private static void petrelDefine(Connection c, int version) {
        c.createFunction("f", 1, 0, (ctx, args) -> (Long) args[0] + version);
        c.createCollation("c", version == 1 ? String.CASE_INSENSITIVE_ORDER
                : String.CASE_INSENSITIVE_ORDER.reversed());
    }

    private static void sqliteFunction(java.sql.Connection s, int add) throws java.sql.SQLException {
        org.sqlite.Function.create(s, "f", new org.sqlite.Function() {
            @Override
            protected void xFunc() throws java.sql.SQLException {
                result(value_long(0) + add);
            }
        });
    }

    private static void sqliteCollation(java.sql.Connection s, int sign) throws java.sql.SQLException {
        org.sqlite.Collation.create(s, "c", new org.sqlite.Collation() {
            @Override
            protected int xCompare(String a, String b) {
                return sign * String.CASE_INSENSITIVE_ORDER.compare(a, b);
            }
        });
    }

    private static String secondColumn(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(2) : "none";
        }
    }

    private static String firstRow(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }
}
