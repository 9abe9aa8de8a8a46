package dev.petrel.value;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Test oracle: real SQLite (sqlite-jdbc, in memory) evaluating expressions with bound parameters, returning
 * Petrel storage values (Long, Double, String, byte[], null) with their exact storage class, or an
 * {@link Failure} carrying SQLite's error message.
 */
public final class SqliteOracle implements AutoCloseable {
    /** An error SQLite raised; {@link #message} is the sqlite3_errmsg text. */
    public static final class Failure {
        public final String message;

        Failure(String message) {
            this.message = message;
        }

        @Override
        public String toString() {
            return "ERROR(" + message + ")";
        }
    }

    private final Connection conn;
    private final Map<String, PreparedStatement> cache = new HashMap<>();

    public SqliteOracle() {
        try {
            conn = DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement that returns nothing. */
    public void exec(String sql) {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a statement with parameters that returns nothing. */
    public void update(String sql, Object... params) {
        try {
            PreparedStatement ps = prepare(sql);
            bind(ps, params);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = cache.get(sql);
        if (ps == null) {
            ps = conn.prepareStatement(sql);
            cache.put(sql, ps);
        }
        return ps;
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else if (p instanceof Long) {
                ps.setLong(i + 1, (Long) p);
            } else if (p instanceof Double) {
                ps.setDouble(i + 1, (Double) p);
            } else if (p instanceof String) {
                ps.setString(i + 1, (String) p);
            } else {
                ps.setBytes(i + 1, (byte[]) p);
            }
        }
    }

    /** Value of the single expression {@code expr} (with ? parameters), or a Failure. */
    public Object eval(String expr, Object... params) {
        return row("SELECT typeof(v), v FROM (SELECT " + expr + " AS v)", params)[0];
    }

    /**
     * Runs a query whose result columns come in pairs (typeof(x), x) and returns the first row's values (one
     * per pair), or a one-element array holding a Failure.
     */
    public Object[] row(String sql, Object... params) {
        try {
            PreparedStatement ps = prepare(sql);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                int n = rs.getMetaData().getColumnCount() / 2;
                Object[] out = new Object[n];
                for (int i = 0; i < n; i++) {
                    out[i] = read(rs, 2 * i + 1);
                }
                return out;
            }
        } catch (SQLException e) {
            // sqlite-jdbc leaves a statement that failed mid-step unusable: drop it from the cache.
            PreparedStatement bad = cache.remove(sql);
            try {
                if (bad != null) {
                    bad.close();
                }
            } catch (SQLException ignored) {
                // already failed; the original error is what the caller needs
            }
            return new Object[] {new Failure(errmsg(e))};
        }
    }

    /** All rows of a query whose columns come in (typeof(x), x) pairs; a Failure row on error. */
    public java.util.List<Object[]> rows(String sql, Object... params) {
        java.util.List<Object[]> out = new java.util.ArrayList<>();
        try {
            PreparedStatement ps = prepare(sql);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount() / 2;
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = read(rs, 2 * i + 1);
                    }
                    out.add(row);
                }
            }
        } catch (SQLException e) {
            cache.remove(sql);
            out.add(new Object[] {new Failure(errmsg(e))});
        }
        return out;
    }

    /** Reads the value in column {@code col + 1} whose storage class is named in column {@code col}. */
    static Object read(ResultSet rs, int col) throws SQLException {
        String type = rs.getString(col);
        switch (type) {
            case "integer":
                return rs.getLong(col + 1);
            case "real":
                return rs.getDouble(col + 1);
            case "text":
                return rs.getString(col + 1);
            case "blob":
                return rs.getBytes(col + 1);
            default:
                return null;
        }
    }

    /** The sqlite3_errmsg part of a sqlite-jdbc exception message. */
    static String errmsg(SQLException e) {
        String m = e.getMessage();
        int open = m.indexOf('(');
        if (m.startsWith("[SQLITE_") && open > 0 && m.endsWith(")")) {
            return m.substring(open + 1, m.length() - 1);
        }
        return m;
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement ps : cache.values()) {
                ps.close();
            }
            conn.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two storage values are the same value of the same storage class (NaN equals NaN, 0.0 = -0.0). */
    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Failure || b instanceof Failure) {
            return a instanceof Failure && b instanceof Failure
                    && ((Failure) a).message.equals(((Failure) b).message);
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof Double) {
            double x = (Double) a;
            double y = (Double) b;
            return x == y || (Double.isNaN(x) && Double.isNaN(y));
        }
        if (a instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        return a.equals(b);
    }

    /** A readable rendering of a storage value for failure messages. */
    public static String show(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof byte[]) {
            StringBuilder sb = new StringBuilder("x'");
            for (byte b : (byte[]) v) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.append("'").toString();
        }
        if (v instanceof String) {
            return "'" + ((String) v).replace("\0", "\\0") + "'(text)";
        }
        if (v instanceof Double) {
            return v + "(real)";
        }
        if (v instanceof Long) {
            return v + "(int)";
        }
        return v.toString();
    }
}
