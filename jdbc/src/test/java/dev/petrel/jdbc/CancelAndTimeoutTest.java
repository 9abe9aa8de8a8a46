package dev.petrel.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Statement.cancel() from another thread and Statement.setQueryTimeout stop a query that never returns a row (an
 * endless recursive CTE under count(*), one long engine step) with SQLITE_INTERRUPT, sqlite-jdbc's error text;
 * the connection stays usable.
 */
class CancelAndTimeoutTest {
    private static final String ENDLESS =
            "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT count(*) FROM c";

    private static void assertInterrupted(SQLException e) {
        assertEquals(9, e.getErrorCode());
        assertEquals("[SQLITE_INTERRUPT] Operation terminated by sqlite3_interrupt() (interrupted)", e.getMessage());
    }

    private static void assertUsable(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
        }
    }

    @Test
    void cancelFromAnotherThreadStopsALongStep() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:petrel::memory:");
             Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE t(x); INSERT INTO t VALUES(1), (2), (3)");
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    st.cancel();
                } catch (InterruptedException | SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            long start = System.nanoTime();
            canceller.start();
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(ENDLESS));
            canceller.join();
            assertInterrupted(e);
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "cancelled promptly");
            assertUsable(st);
        }
    }

    @Test
    void queryTimeoutStopsALongStep() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:petrel::memory:");
             Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE t(x); INSERT INTO t VALUES(1), (2), (3)");
            st.setQueryTimeout(1);
            assertEquals(1, st.getQueryTimeout());
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(ENDLESS));
            long elapsed = System.nanoTime() - start;
            assertInterrupted(e);
            assertTrue(elapsed >= 900_000_000L && elapsed < 20_000_000_000L, "stopped after about a second: " + elapsed);
            // Quick statements finish within the limit; without a limit nothing is stopped.
            assertUsable(st);
            st.setQueryTimeout(0);
            assertUsable(st);
        }
    }
}
