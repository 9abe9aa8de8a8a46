package dev.petrel.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables through the driver, compared with sqlite-jdbc where both can run the same SQL. Methods tagged
 * {@code needs-engine} wait for engine features (PRAGMA table_info answers no rows, so NOT NULL is unknown to
 * getColumns) and are excluded by default.
 */
class JdbcTablesTest {
    static final String SCHEMA = "create table t(a integer primary key, b text not null default 'b', c real,"
            + " d blob, e int, f varchar(10), g boolean, h date, i bigint, j)";

    @TempDir
    Path dir;

    private static Connection sqlite() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    private static Connection petrel() throws SQLException {
        return DriverManager.getConnection("jdbc:petrel::memory:");
    }

    private static List<Object> updates(Connection c) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            out.add(s.executeUpdate(SCHEMA));
            out.add(s.executeUpdate("insert into t(a, c, d, e, j) values(1, 2.5, x'00', 3000000000, 'x'),"
                    + " (2, null, null, 7, 1.5)"));
            ResultSet keys = s.getGeneratedKeys();
            out.add(keys.next() ? keys.getLong(1) : null);
            out.add(s.executeUpdate("update t set e = e + 1"));
            out.add(s.executeUpdate("create index ti on t(e)"));
            out.add(s.executeUpdate("delete from t where a = 2"));
            out.add(s.execute("insert into t(a) values(5)"));
            out.add(s.getUpdateCount());
            s.addBatch("insert into t(a) values(10)");
            s.addBatch("insert into t(a) values(11), (12)");
            s.addBatch("update t set e = 0");
            for (int n : s.executeBatch()) {
                out.add(n);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into t(a, b, c, d) values(?, ?, ?, ?)")) {
            for (int i = 20; i < 23; i++) {
                ps.setInt(1, i);
                ps.setString(2, "v" + i);
                ps.setDouble(3, i / 4.0);
                ps.setBytes(4, new byte[] {(byte) i});
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void updateCountsKeysAndBatchesAgree() throws SQLException {
        try (Connection s = sqlite(); Connection p = petrel()) {
            assertEquals(updates(s), updates(p));
            String q = "select * from t order by a";
            SqliteJdbcDifferentialTest.assertRowsEqual(SqliteJdbcDifferentialTest.describeAll(s, q),
                    SqliteJdbcDifferentialTest.describeAll(p, q), q);
        }
    }

    /** Declared types against every storage class, as sqlite-jdbc maps them to java.sql.Types. */
    @Test
    void declaredTypesByStoredValue() throws SQLException {
        String table = "create table d(a date, b datetime, c timestamp, d time, e char(3), f clob, g boolean,"
                + " h double, i float, j tinyint, k smallint, l int8, m mediumint, n nvarchar(5), o decimal,"
                + " p real, q numeric, r blob, s bigint, t int)";
        String rows = "insert into d values('2020-01-01', '2020-01-01 00:00:00', 'x', '12:00', 'abc', 't', 'x',"
                + " 1.5, 1.5, 1, 1, 1, 1, 'n', 1.5, 1.5, 7, x'01', 5, 3000000000),"
                + " (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20),"
                + " (null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,"
                + " null, null, null, null),"
                + " (1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 't', 't', 't', 't', 't', 't', 1.5, 't', 't', 't', 't', 't',"
                + " 't')";
        try (Connection s = sqlite(); Connection p = petrel()) {
            for (Connection c : new Connection[] {s, p}) {
                c.createStatement().execute(table);
                c.createStatement().execute(rows);
            }
            String q = "select * from d";
            SqliteJdbcDifferentialTest.assertRowsEqual(SqliteJdbcDifferentialTest.describeAll(s, q),
                    SqliteJdbcDifferentialTest.describeAll(p, q), q);
        }
    }

    @Test
    void constraintErrorsAgree() throws SQLException {
        try (Connection s = sqlite(); Connection p = petrel()) {
            for (Connection c : new Connection[] {s, p}) {
                c.createStatement().execute("create table u(a unique, b not null)");
                c.createStatement().execute("insert into u values(1, 1)");
            }
            for (String sql : new String[] {"insert into u values(1, 2)", "insert into u values(2, null)"}) {
                SQLException e1 = assertThrows(SQLException.class, () -> s.createStatement().execute(sql));
                SQLException e2 = assertThrows(SQLException.class, () -> p.createStatement().execute(sql));
                assertEquals(e1.getMessage(), e2.getMessage());
                assertEquals(((org.sqlite.SQLiteException) e1).getResultCode().code, e2.getErrorCode());
            }
        }
    }

    @Test
    void lazyTransactionsCommitAndRollBack() throws SQLException {
        try (Connection c = petrel(); Statement s = c.createStatement()) {
            s.execute("create table x(v)");
            dev.petrel.api.Connection api = c.unwrap(dev.petrel.api.Connection.class);
            c.setAutoCommit(false);
            assertTrue(api.isAutocommit(), "BEGIN waits for the first statement");
            s.execute("insert into x values(1)");
            assertFalse(api.isAutocommit());
            c.rollback();
            assertEquals(0, count(s));
            s.execute("insert into x values(2)");
            c.commit();
            s.execute("insert into x values(3)");
            c.setAutoCommit(true);
            assertTrue(api.isAutocommit(), "switching auto-commit on commits");
            assertEquals(2, count(s));
            assertThrows(SQLException.class, c::commit);
            assertThrows(SQLException.class, c::rollback);
        }
    }

    @Test
    void savepoints() throws SQLException {
        try (Connection c = petrel(); Statement s = c.createStatement()) {
            s.execute("create table x(v)");
            c.setAutoCommit(false);
            s.execute("insert into x values(2)");
            Savepoint sp = c.setSavepoint();
            s.execute("insert into x values(3)");
            c.rollback(sp);
            Savepoint named = c.setSavepoint("named");
            assertEquals("named", named.getSavepointName());
            assertThrows(SQLException.class, named::getSavepointId);
            s.execute("insert into x values(4)");
            c.releaseSavepoint(named);
            c.commit();
            assertEquals(2, count(s));
        }
    }

    private static int count(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from x")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void fileDatabaseIsReadableBySqlite() throws SQLException {
        Path db = dir.resolve("p.db");
        try (Connection c = DriverManager.getConnection("jdbc:petrel:" + db); Statement s = c.createStatement()) {
            s.execute("create table t(a, b)");
            s.execute("insert into t values(1, 'one'), (2, x'ff')");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select a, b from t order by a")) {
            assertTrue(rs.next());
            assertEquals("one", rs.getString(2));
            assertTrue(rs.next());
            assertArrayEquals(new byte[] {(byte) 0xff}, rs.getBytes(2));
            assertFalse(rs.next());
        }
        Properties ro = new Properties();
        ro.setProperty("readonly", "true");
        try (Connection c = DriverManager.getConnection("jdbc:petrel:" + db, ro); Statement s = c.createStatement()) {
            assertTrue(c.isReadOnly());
            SQLException e = assertThrows(SQLException.class, () -> s.execute("insert into t values(3, 3)"));
            assertEquals(dev.petrel.api.ResultCode.READONLY.code, e.getErrorCode() & 0xff);
            s.setMaxRows(1);
            try (ResultSet rs = s.executeQuery("select * from t")) {
                assertTrue(rs.next());
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void sampleDatabaseReadOnly() throws SQLException, java.io.IOException {
        Path chinook = sharedDir().resolve("sample-dbs/chinook/Chinook_Sqlite.sqlite");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(chinook), "sample database missing");
        Path copy = dir.resolve("chinook.db");
        Files.copy(chinook, copy);
        String[] queries = {
            "select TrackId, Name, UnitPrice, Milliseconds, Bytes, Composer from Track order by TrackId limit 60",
            "select * from Invoice where InvoiceId % 7 = 0 order by InvoiceId",
            "select * from Employee order by EmployeeId",
            "select c.Country, count(*), sum(i.Total), max(i.InvoiceDate) from Customer c join Invoice i"
                + " using (CustomerId) group by c.Country order by 1",
            "select * from Customer where Company is not null order by CustomerId",
        };
        try (Connection s = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Connection p = DriverManager.getConnection("jdbc:petrel:" + copy + "?readonly=true")) {
            for (String q : queries) {
                SqliteJdbcDifferentialTest.assertRowsEqual(SqliteJdbcDifferentialTest.describeAll(s, q),
                        SqliteJdbcDifferentialTest.describeAll(p, q), q);
            }
            String dates = "select BirthDate, HireDate from Employee order by EmployeeId";
            List<String> seen = new ArrayList<>();
            for (Connection c : new Connection[] {s, p}) {
                StringBuilder sb = new StringBuilder();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(dates)) {
                    while (rs.next()) {
                        sb.append(rs.getTimestamp(1)).append(' ').append(rs.getDate(2)).append('\n');
                    }
                }
                seen.add(sb.toString());
            }
            assertEquals(seen.get(0), seen.get(1));
        }
    }

    static Path sharedDir() {
        String prop = System.getProperty("petrel.shared.dir");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop);
        }
        Path rel = Paths.get("../../shared");
        return Files.isDirectory(rel) ? rel : Paths.get("/work/shared");
    }

    /** getTables with temp objects and an attached database: temp ones are GLOBAL TEMPORARY, attached unlisted. */
    @Tag("needs-engine")
    @Test
    void catalogueListsTempObjects() throws SQLException {
        try (Connection s = sqlite(); Connection p = petrel()) {
            List<List<String>> seen = new ArrayList<>();
            for (Connection c : new Connection[] {s, p}) {
                for (String sql : new String[] {"create table t(a)", "create temp table tt(b)",
                    "create index tti on tt(b)", "create temp view tv as select 1", "attach ':memory:' as aux",
                    "create table aux.u(c)"}) {
                    c.createStatement().execute(sql);
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getTables(null, null, "%",
                        new String[] {"TABLE", "VIEW", "GLOBAL TEMPORARY"})) {
                    while (rs.next()) {
                        rows.add(rs.getString("TABLE_NAME") + " " + rs.getString("TABLE_TYPE"));
                    }
                }
                try (ResultSet rs = c.getMetaData().getColumns(null, null, "tt", "%")) {
                    while (rs.next()) {
                        rows.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME"));
                    }
                }
                seen.add(rows);
            }
            assertEquals(seen.get(0), seen.get(1));
        }
    }

    /** getTables and getColumns: the columns both drivers fill the same way. */
    @Tag("needs-engine")
    @Test
    void catalogueAgrees() throws SQLException {
        try (Connection s = sqlite(); Connection p = petrel()) {
            List<List<String>> seen = new ArrayList<>();
            for (Connection c : new Connection[] {s, p}) {
                c.createStatement().execute(SCHEMA);
                c.createStatement().execute("create view v as select a from t");
                DatabaseMetaData md = c.getMetaData();
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
                    while (rs.next()) {
                        rows.add(rs.getString("TABLE_NAME") + " " + rs.getString("TABLE_TYPE"));
                    }
                }
                try (ResultSet rs = md.getColumns(null, null, "t", "%")) {
                    while (rs.next()) {
                        rows.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " "
                                + rs.getString("TYPE_NAME") + " " + rs.getInt("NULLABLE") + " "
                                + rs.getInt("ORDINAL_POSITION") + " " + rs.getString("IS_NULLABLE"));
                    }
                }
                seen.add(rows);
            }
            assertEquals(seen.get(0), seen.get(1));
        }
    }
}
