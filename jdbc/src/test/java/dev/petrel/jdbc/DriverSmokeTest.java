package dev.petrel.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The driver's own contract on constant SELECTs: URLs, registration, getters, metadata, closing. */
class DriverSmokeTest {
    @Test
    void urlsAreAcceptedAndRegisteredThroughServiceLoader() throws SQLException {
        assertTrue(DriverManager.getDriver("jdbc:petrel::memory:") instanceof PetrelDriver);
        PetrelDriver d = new PetrelDriver();
        assertTrue(d.acceptsURL("jdbc:petrel:"));
        assertFalse(d.acceptsURL("jdbc:sqlite::memory:"));
        assertNull(d.connect("jdbc:sqlite::memory:", null));
        for (String url : new String[] {"jdbc:petrel:", "jdbc:petrel::memory:"}) {
            try (Connection c = DriverManager.getConnection(url)) {
                assertTrue(c.isValid(0));
                assertTrue(c.getAutoCommit());
                assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
                assertFalse(c.isReadOnly());
                assertEquals("Petrel", c.getMetaData().getDatabaseProductName());
            }
        }
    }

    @Test
    void constantSelectValuesAndMetadata() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:petrel::memory:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1 as a, 'x' as b, 2.5 as c, x'00ff' as d, null as e")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getObject(1));
            assertEquals("x", rs.getObject("B"));
            assertEquals(2.5, rs.getObject(3));
            assertArrayEquals(new byte[] {0, (byte) 0xff}, (byte[]) rs.getObject("d"));
            assertNull(rs.getObject(5));
            assertTrue(rs.wasNull());
            assertEquals(2, rs.getInt("c"));
            assertEquals("2.5", rs.getString(3));
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(5, md.getColumnCount());
            assertEquals("c", md.getColumnLabel(3));
            assertEquals(java.sql.Types.FLOAT, md.getColumnType(3));
            assertEquals(3, rs.findColumn("c"));
            assertFalse(rs.next());
            assertEquals(-1, s.getUpdateCount());
        }
    }

    @Test
    void preparedStatementBindsParameters() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:petrel:");
                PreparedStatement ps = c.prepareStatement("select ?, ?, ?")) {
            assertEquals(3, ps.getParameterMetaData().getParameterCount());
            ps.setInt(1, 7);
            ps.setString(2, "s");
            ps.setDouble(3, 0.5);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(7, rs.getObject(1));
                assertEquals("s", rs.getObject(2));
                assertEquals(0.5, rs.getObject(3));
            }
            ps.clearParameters();
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getObject(1));
            }
        }
    }

    @Test
    void closedObjectsRefuseWork() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:petrel::memory:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1");
        c.close();
        assertTrue(s.isClosed());
        assertTrue(rs.isClosed());
        assertFalse(c.isValid(0));
        assertThrows(SQLException.class, () -> s.executeQuery("select 1"));
        assertThrows(SQLException.class, c::createStatement);
    }

    @Test
    void syntaxErrorsUseSqliteJdbcFormat() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:petrel::memory:"); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("selec 1"));
            assertTrue(e.getMessage().startsWith("[SQLITE_ERROR] SQL error or missing database ("), e.getMessage());
            assertTrue(e.getMessage().endsWith(")"), e.getMessage());
            assertTrue(e instanceof PetrelSQLException);
            assertEquals(1, e.getErrorCode());
            assertNull(e.getSQLState());
        }
    }

    /** Two threads on one connection, each with its own statement: the engine sees one call at a time. */
    @Test
    void threadsShareAConnection() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:petrel::memory:")) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<Long>> results = new java.util.ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    final long base = t * 1000L;
                    results.add(pool.submit(() -> {
                        long sum = 0;
                        try (PreparedStatement ps = c.prepareStatement("select ?")) {
                            for (long i = 0; i < 300; i++) {
                                ps.setLong(1, base + i);
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                    sum += rs.getLong(1);
                                }
                            }
                        }
                        return sum;
                    }));
                }
                assertEquals(44850L, results.get(0).get());
                assertEquals(344850L, results.get(1).get());
            } finally {
                pool.shutdown();
            }
        }
    }
}
