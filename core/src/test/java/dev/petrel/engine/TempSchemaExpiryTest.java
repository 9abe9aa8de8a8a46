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
 * A statement prepared before a temp object appears (or goes) is compiled again, so an unqualified name binds as it
 * would now: a new temp table shadows the main table of the same name. SQLite expires its statements the same way;
 * both engines run the same steps and must see the same rows.
 */
class TempSchemaExpiryTest {
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

    private static String firstRow(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }
}
