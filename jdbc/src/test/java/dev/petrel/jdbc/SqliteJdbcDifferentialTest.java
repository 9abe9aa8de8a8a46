package dev.petrel.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same SQL through Petrel's driver and through xerial's sqlite-jdbc (SQLite 3.53): every getter's result, the
 * class {@code getObject} returns, result-set metadata and error reports must agree.
 */
class SqliteJdbcDifferentialTest {
    private Connection petrel;
    private Connection sqlite;

    @BeforeEach
    void open() throws SQLException {
        petrel = DriverManager.getConnection("jdbc:petrel::memory:");
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterEach
    void close() throws SQLException {
        petrel.close();
        sqlite.close();
    }

    /** Everything a caller can read from the current row, rendered for comparison. */
    static List<String> describeRow(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            // metadata first: sqlite-jdbc reports TEXT for a BLOB once getString has converted it
            String meta = " type=" + md.getColumnType(i) + " typeName=" + md.getColumnTypeName(i) + " class="
                    + md.getColumnClassName(i);
            Object o = rs.getObject(i);
            String obj = o == null ? "null" : o.getClass().getSimpleName() + ":"
                    + (o instanceof byte[] ? Arrays.toString((byte[]) o) : o.toString());
            boolean wasNull = rs.wasNull();
            String byLabel = describe(rs.getObject(md.getColumnLabel(i)));
            out.add(md.getColumnLabel(i) + " obj=" + obj + " wasNull=" + wasNull + " str=" + rs.getString(i)
                    + " int=" + rs.getInt(i) + " long=" + rs.getLong(i) + " double=" + rs.getDouble(i)
                    + " float=" + rs.getFloat(i) + " short=" + rs.getShort(i) + " bool=" + rs.getBoolean(i)
                    + " bytes=" + Arrays.toString(rs.getBytes(i)) + meta + " byLabel=" + byLabel);
        }
        return out;
    }

    private static String describe(Object o) {
        return o == null ? "null" : o instanceof byte[] ? Arrays.toString((byte[]) o) : o.toString();
    }

    static List<List<String>> describeAll(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> head = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                head.add(md.getColumnName(i));
            }
            rows.add(head);
            while (rs.next()) {
                rows.add(describeRow(rs));
            }
        }
        return rows;
    }

    /** Compares row by row and cell by cell so a failure names the first differing getter. */
    static void assertRowsEqual(List<List<String>> expected, List<List<String>> actual, String context) {
        assertEquals(expected.size(), actual.size(), context + ": row count");
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r).size(), actual.get(r).size(), context + ": columns of row " + r);
            for (int c = 0; c < expected.get(r).size(); c++) {
                assertEquals(expected.get(r).get(c), actual.get(r).get(c), context + ": row " + r + " column " + c);
            }
        }
    }

    static Stream<String> constantQueries() {
        return Stream.of(
                "select 1, 'a', 2.5, x'00', null",
                "select 3000000000, -2147483648, 2147483647, 2147483648, -2147483649",
                "select 9223372036854775807, -9223372036854775807",
                "select 2.9, -2.9, 0.5, 100.0",
                "select 'x' as a, 'y' as b, 'z' as A",
                "select x'', '', x'41424344'",
                "select 'héllo', 'tab\there'");
    }

    @ParameterizedTest
    @MethodSource("constantQueries")
    void constantSelectsAgree(String sql) throws SQLException {
        assertRowsEqual(describeAll(sqlite, sql), describeAll(petrel, sql), sql);
    }

    /** Reals whose text needs SQLite's %!.15g rendering, and text-to-number conversions. */
    static Stream<String> engineQueries() {
        return Stream.of(
                "select 1e20, 1.0e-5, 0.1, 123456789012345678.0, 1.5e300, 2.0/3, -0.0",
                "select -9223372036854775808, ?1 is null",
                "select '12abc', ' 7 ', '1e3', '-', '0x10', '9223372036854775808'",
                "select 1 as a union all select 2.5 union all select 'x' union all select null",
                "select typeof(1), abs(-3), length('abc'), 7 % 3, 7 / 2, 7.0 / 2");
    }

    @ParameterizedTest
    @MethodSource("engineQueries")
    void engineSelectsAgree(String sql) throws SQLException {
        assertRowsEqual(describeAll(sqlite, sql), describeAll(petrel, sql), sql);
    }

    /** Binds the same Java values through every setter and reads them back. */
    @Test
    void settersBindAsSqliteJdbc() throws SQLException {
        String sql = "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
        List<List<String>> results = new ArrayList<>();
        for (Connection c : new Connection[] {sqlite, petrel}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                assertEquals(15, ps.getParameterMetaData().getParameterCount());
                ps.setNull(1, java.sql.Types.INTEGER);
                ps.setBoolean(2, true);
                ps.setByte(3, (byte) -7);
                ps.setShort(4, (short) 300);
                ps.setInt(5, Integer.MIN_VALUE);
                ps.setLong(6, Long.MAX_VALUE);
                ps.setFloat(7, 0.25f);
                ps.setDouble(8, -1.5);
                ps.setBigDecimal(9, new java.math.BigDecimal("1.50"));
                ps.setString(10, "text");
                ps.setBytes(11, new byte[] {1, 2, 3});
                ps.setDate(12, new java.sql.Date(86_400_000L));
                ps.setTime(13, new java.sql.Time(1000L));
                ps.setTimestamp(14, new java.sql.Timestamp(1234L));
                ps.setObject(15, 'c');
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    results.add(describeRow(rs));
                }
                ps.clearParameters();
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    results.add(describeRow(rs));
                }
            }
        }
        assertRowsEqual(results.subList(0, 2), results.subList(2, 4), "setters");
    }

    @Test
    void datesReadAsSqliteJdbc() throws SQLException {
        String sql = "select 1600000000000, '2020-01-02 03:04:05.678', 2459000.5";
        for (int col = 1; col <= 3; col++) {
            List<String> seen = new ArrayList<>();
            for (Connection c : new Connection[] {sqlite, petrel}) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    assertTrue(rs.next());
                    seen.add(rs.getTimestamp(col).getTime() + " " + rs.getDate(col).getTime() + " "
                            + rs.getTime(col).getTime());
                }
            }
            assertEquals(seen.get(0), seen.get(1), "column " + col);
        }
    }

    @Test
    void updateCountsOfQueries() throws SQLException {
        for (Connection c : new Connection[] {sqlite, petrel}) {
            try (Statement s = c.createStatement()) {
                assertTrue(s.execute("select 1"));
                assertEquals(-1, s.getUpdateCount(), c.getMetaData().getDatabaseProductName());
                assertNotNull(s.getResultSet());
            }
        }
    }

    /** Scripts: execute/executeQuery run the first statement, executeUpdate runs all and sums the counts. */
    @Test
    void scriptsAsSqliteJdbc() throws SQLException {
        List<String> seen = new ArrayList<>();
        for (Connection c : new Connection[] {sqlite, petrel}) {
            StringBuilder sb = new StringBuilder();
            try (Statement s = c.createStatement()) {
                sb.append(s.executeUpdate("create table a(x); insert into a values(1); insert into a values(2),(3)"));
                sb.append(' ').append(s.execute("insert into a values(9); insert into a values(10)"));
                sb.append(' ').append(s.getUpdateCount());
                try (ResultSet rs = s.executeQuery("select 7; insert into a values(11)")) {
                    rs.next();
                    sb.append(' ').append(rs.getInt(1));
                }
                sb.append(' ').append(s.executeUpdate("update a set x = x; update a set x = x where x = 9"));
                sb.append(' ').append(s.executeUpdate("select 1"));
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("insert into a values(5)"));
                sb.append(' ').append(e.getMessage());
                try (ResultSet rs = s.executeQuery("select count(*) from a")) {
                    rs.next();
                    sb.append(' ').append(rs.getInt(1));
                }
            }
            seen.add(sb.toString());
        }
        assertEquals(seen.get(0), seen.get(1));
    }

    /** sqlite-jdbc's message format and codes, here for constraint, syntax and missing-object errors. */
    @Test
    void errorsAgree() throws SQLException {
        String[] setup = {"create table t(a unique, b not null, c check(c > 0))"};
        String[] failing = {"insert into t values(1, 1, 1), (1, 1, 1)", "insert into t(a, b, c) values(2, null, 1)",
            "insert into t values(3, 3, -1)", "selec 1", "select * from nosuch", "select nosuchcol",
            "select 1 limit 'x'"};
        for (Connection c : new Connection[] {sqlite, petrel}) {
            try (Statement s = c.createStatement()) {
                for (String sql : setup) {
                    s.execute(sql);
                }
            }
        }
        for (String sql : failing) {
            SQLException expected = assertThrows(SQLException.class, () -> sqlite.createStatement().execute(sql));
            SQLException actual = assertThrows(SQLException.class, () -> petrel.createStatement().execute(sql));
            assertEquals(expected.getMessage(), actual.getMessage(), sql);
            assertEquals(((org.sqlite.SQLiteException) expected).getResultCode().code, actual.getErrorCode(), sql);
            assertEquals(expected.getSQLState(), actual.getSQLState(), sql);
        }
    }

    /** The description table matches sqlite-jdbc's for every code Petrel has. */
    @Test
    void resultCodeDescriptionsMatchSqliteJdbc() {
        int checked = 0;
        for (dev.petrel.api.ResultCode rc : dev.petrel.api.ResultCode.values()) {
            org.sqlite.SQLiteErrorCode theirs = org.sqlite.SQLiteErrorCode.getErrorCode(rc.code);
            if (theirs != org.sqlite.SQLiteErrorCode.UNKNOWN_ERROR) {
                assertEquals(theirs.message, PetrelSQLException.description(rc), rc.name());
                assertEquals(theirs.name(), rc.sqliteName());
                checked++;
            }
        }
        assertTrue(checked > 60, "checked " + checked);
    }

    @Test
    void errorMessageFormat() {
        assertEquals("[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.a)",
                PetrelSQLException.format(dev.petrel.api.ResultCode.CONSTRAINT_UNIQUE,
                        "UNIQUE constraint failed: t.a"));
        assertArrayEquals(new int[] {2067}, new int[] {dev.petrel.api.ResultCode.CONSTRAINT_UNIQUE.code});
    }

    /** Each row of {@code sql} as one string of its columns' text, or the error's message. */
    private static List<String> rowsOrError(Connection c, String sql) {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        } catch (SQLException e) {
            String m = e.getMessage();
            // sqlite-jdbc wraps the message: "[CODE] description (message)".
            out.add("error: " + (m.endsWith(")") && m.contains("(") ? m.substring(m.lastIndexOf('(') + 1,
                    m.length() - 1) : m));
        }
        return out;
    }

    @Test
    void collationsAndWindowFunctionsThroughUnwrap() throws SQLException {
        java.util.Comparator<String> byLength = java.util.Comparator.comparingInt(String::length)
                .thenComparing(java.util.Comparator.naturalOrder());
        dev.petrel.api.Connection engine = petrel.unwrap(dev.petrel.api.Connection.class);
        engine.createCollation("bylength", byLength);
        org.sqlite.Collation.create(sqlite, "bylength", new org.sqlite.Collation() {
            @Override
            protected int xCompare(String a, String b) {
                return byLength.compare(a, b);
            }
        });
        engine.createWindowFunction("total2", 1, 0, () -> new dev.petrel.func.AggregateFunction() {
            private long sum;

            @Override
            public void step(dev.petrel.func.FunctionContext ctx, Object[] args) {
                sum += args[0] instanceof Long l ? l : 0;
            }

            @Override
            public void inverse(dev.petrel.func.FunctionContext ctx, Object[] args) {
                sum -= args[0] instanceof Long l ? l : 0;
            }

            @Override
            public boolean supportsInverse() {
                return true;
            }

            @Override
            public Object value(dev.petrel.func.FunctionContext ctx) {
                return sum;
            }
        });
        org.sqlite.Function.create(sqlite, "total2", new org.sqlite.Function.Window() {
            private long sum;

            @Override
            protected void xStep() throws SQLException {
                sum += value_type(0) == 1 ? value_long(0) : 0;
            }

            @Override
            protected void xInverse() throws SQLException {
                sum -= value_type(0) == 1 ? value_long(0) : 0;
            }

            @Override
            protected void xValue() throws SQLException {
                result(sum);
            }

            @Override
            protected void xFinal() throws SQLException {
                result(sum);
                sum = 0;
            }
        }, 1, 0);
        for (Connection c : List.of(petrel, sqlite)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table w(s text collate bylength, n)");
                s.execute("insert into w values ('ccc', 1), ('a', 2), ('bb', 3), ('dddd', 4)");
            }
        }
        for (String sql : List.of("select s from w order by s", "select s from w where s > 'zz' order by s",
                "select n, total2(n) over (order by s rows 1 preceding) from w order by n",
                "select total2(n) from w", "select s from w order by s collate nothere")) {
            assertEquals(rowsOrError(sqlite, sql), rowsOrError(petrel, sql), sql);
        }
    }
}
