package dev.petrel.slt;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Real SQLite (sqlite-jdbc) behind the runner's interface: proves the runner itself. */
final class SqliteJdbcSltEngine implements SltEngine {
    private final Connection connection;

    SqliteJdbcSltEngine() {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Override
    public List<String> query(String sql, String types) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (s.getMetaData().getColumnCount() != types.length()) {
                throw new SQLException("column count mismatch");
            }
            try {
                ResultSet rs = s.executeQuery();
                while (rs.next()) {
                    for (int i = 0; i < types.length(); i++) {
                        Object o = rs.getObject(i + 1);
                        if (o == null) {
                            out.add("NULL");
                            continue;
                        }
                        switch (types.charAt(i)) {
                            case 'I':
                                out.add(SltValues.integer(rs.getInt(i + 1)));
                                break;
                            case 'R':
                                out.add(SltValues.real(rs.getDouble(i + 1)));
                                break;
                            default:
                                out.add(SltValues.text(rs.getString(i + 1)));
                        }
                    }
                }
            } catch (SQLException stepFailure) {
                // an error while stepping ends the result, as in the reference harness
            }
        }
        return out;
    }

    @Override
    public void interrupt() {
        // sqlite-jdbc runs the small self-test files well inside any budget
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
