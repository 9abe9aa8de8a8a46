package dev.petrel.func.datetime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Real SQLite (sqlite-jdbc) evaluating {@code SELECT f(?, ?, ...), typeof(f(?, ?, ...))} with bound storage
 * values, returning the value as a storage value of the type SQLite reported.
 */
public final class SqliteOracle implements AutoCloseable {
    private final Connection conn;
    private final Map<String, PreparedStatement> cache = new HashMap<>();

    public SqliteOracle() throws SQLException {
        conn = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    public Object call(String function, Object... args) throws SQLException {
        String key = function + "/" + args.length;
        PreparedStatement ps = cache.get(key);
        if (ps == null) {
            String[] marks = new String[args.length];
            Arrays.fill(marks, "?");
            String call = function + "(" + String.join(", ", marks) + ")";
            ps = conn.prepareStatement("SELECT " + call + ", typeof(" + call + ")");
            cache.put(key, ps);
        }
        for (int i = 0; i < args.length; i++) {
            bind(ps, i + 1, args[i]);
            bind(ps, args.length + i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            String type = rs.getString(2);
            switch (type) {
                case "null":
                    return null;
                case "integer":
                    return rs.getLong(1);
                case "real":
                    return rs.getDouble(1);
                case "text":
                    return new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
                default:
                    return rs.getBytes(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, int idx, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(idx, Types.NULL);
        } else if (v instanceof Long) {
            ps.setLong(idx, (Long) v);
        } else if (v instanceof Double) {
            ps.setDouble(idx, (Double) v);
        } else if (v instanceof String) {
            ps.setString(idx, (String) v);
        } else {
            ps.setBytes(idx, (byte[]) v);
        }
    }

    /** Storage values compared by type and exact value (REAL bit-for-bit). */
    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof Double) {
            return Double.doubleToLongBits((Double) a) == Double.doubleToLongBits((Double) b);
        }
        if (a instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        return a.equals(b);
    }

    public static String show(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String) {
            return "'" + v + "'";
        }
        if (v instanceof byte[]) {
            return "x'" + new java.math.BigInteger(1, (byte[]) v).toString(16) + "'";
        }
        return v + " (" + v.getClass().getSimpleName() + ")";
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : cache.values()) {
            ps.close();
        }
        conn.close();
    }
}
