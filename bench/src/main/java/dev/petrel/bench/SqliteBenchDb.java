package dev.petrel.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;

/** {@link BenchDb} over real SQLite through sqlite-jdbc (an in-memory database, auto-commit as SQLite's C API). */
final class SqliteBenchDb implements BenchDb {
    private final Connection connection;

    SqliteBenchDb() throws Exception {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @Override
    public void exec(String sql) throws Exception {
        try (java.sql.Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Override
    public BenchStatement prepare(String sql) throws Exception {
        PreparedStatement ps = connection.prepareStatement(sql);
        return new BenchStatement() {
            @Override
            public void bindLong(int index, long value) throws Exception {
                ps.setLong(index, value);
            }

            @Override
            public void bindText(int index, String value) throws Exception {
                ps.setString(index, value);
            }

            @Override
            public long run() throws Exception {
                if (!ps.execute()) {
                    return ps.getUpdateCount();
                }
                long sum = 0;
                try (ResultSet rs = ps.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    int n = md.getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object o = rs.getObject(i);
                            sum += o instanceof Number ? ((Number) o).longValue() : o instanceof String ? ((String) o).length() : Types.NULL;
                        }
                    }
                }
                return sum;
            }

            @Override
            public void close() throws Exception {
                ps.close();
            }
        };
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
