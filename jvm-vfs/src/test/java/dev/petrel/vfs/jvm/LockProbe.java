package dev.petrel.vfs.jvm;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Run in a child JVM by {@link FileVfsTest}: asks real SQLite for a read and a write lock on a database. */
public final class LockProbe {
    private LockProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=0");
            System.out.println("read=" + attempt(s, "SELECT count(*) FROM sqlite_schema"));
            System.out.println("write=" + attempt(s, "BEGIN IMMEDIATE"));
        }
    }

    private static String attempt(Statement s, String sql) {
        try {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    rs.next();
                }
            }
            return "ok";
        } catch (SQLException e) {
            return e.getMessage().contains("locked") || e.getMessage().contains("BUSY") ? "busy" : e.getMessage();
        }
    }
}
