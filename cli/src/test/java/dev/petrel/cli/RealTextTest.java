package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * REAL text in the shell's text modes is the engine's {@code columnText}, which follows SQLite 3.53 (the dialect
 * Petrel implements), not the 3.40 shell binary: checked against sqlite-jdbc 3.53 for values where the two differ.
 */
class RealTextTest {
    static final String QUERY = "select 0.1 + 0.2, 1.0 / 3, 1e15, 1e16, 0.30000000000000004, 2.0 / 3, 1e-5,"
            + " 123456789012345678.0, 4.35, -1e300";

    @Test
    void listModeRealsMatchSqlite353() throws Exception {
        List<String> expected = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                expected.add(rs.getString(i));
            }
        }
        ShellRunner.Result r = ShellRunner.petrel("", ":memory:", QUERY);
        assertEquals("", r.stderr());
        assertEquals(String.join("|", expected) + "\n", r.out());
    }
}
