package dev.petrel.sql.parser;

import java.sql.SQLException;

/** Helpers for comparing with real SQLite through sqlite-jdbc. */
final class SqliteOracle {
    private SqliteOracle() {
    }

    /**
     * The {@code sqlite3_errmsg} text inside a sqlite-jdbc exception message, which reads
     * {@code "[SQLITE_ERROR] SQL error or missing database (near "x": syntax error)"}.
     */
    static String message(SQLException e) {
        String m = e.getMessage();
        int open = m.indexOf(" (");
        if (m.startsWith("[") && open >= 0 && m.endsWith(")")) {
            return m.substring(open + 2, m.length() - 1);
        }
        return m;
    }
}
