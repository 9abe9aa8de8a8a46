package dev.petrel.jdbc;

import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link java.sql.Statement} over the engine. SQL is split with {@link SqlSplitter}; as in sqlite-jdbc,
 * {@code execute} and {@code executeQuery} run only the first statement of a script, while {@code executeUpdate}
 * runs them all and returns the sum of their update counts.
 *
 * <p>Invariants: (I1) at most one open result set per statement; executing again closes it. (I2) The update count
 * of a statement that changed nothing (DDL, SELECT) is 0 for {@code executeUpdate}, and {@code getUpdateCount()} is
 * -1 when the current result is a result set. (I3) With auto-commit off, a {@code BEGIN} is issued before the first
 * statement of each transaction ({@link PetrelConnection#beginIfNeeded()}).
 */
class PetrelStatement extends StatementBase implements SelfWrapper {
    final PetrelConnection connection;
    PetrelResultSet resultSet;
    long updateCount = -1;
    int maxRows;
    int fetchSize;
    int queryTimeout;
    boolean closed;
    boolean closeOnCompletion;
    private final List<String> batch = new ArrayList<>();
    /** last_insert_rowid() after the last change this statement made, for getGeneratedKeys. */
    long generatedKey;
    boolean hasGeneratedKey;

    PetrelStatement(PetrelConnection connection) {
        this.connection = connection;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw PetrelSQLException.closed("statement");
        }
        connection.checkOpen();
    }

    /** Closes the current result and forgets the last update count. */
    void clearResult() throws SQLException {
        if (resultSet != null) {
            PetrelResultSet rs = resultSet;
            resultSet = null;
            rs.close();
        }
        updateCount = -1;
    }

    /**
     * Runs a prepared engine statement: true (with {@link #resultSet} set) if it returns columns, else false with
     * {@link #updateCount} set. {@code owned} statements are finalized when done; others are only reset.
     */
    boolean run(Statement stmt, boolean owned) throws SQLException {
        try {
            connection.beginIfNeeded(stmt);
            connection.armQueryTimeout(queryTimeout);
            long totalBefore = connection.api().totalChanges();
            boolean row = stmt.step();
            if (stmt.columnCount() > 0) {
                resultSet = new PetrelResultSet(this, new Cursor.OfStatement(stmt, row, owned), maxRows);
                updateCount = -1;
                return true;
            }
            while (row) {
                row = stmt.step();
            }
            long totalAfter = connection.api().totalChanges();
            updateCount = totalAfter == totalBefore ? 0 : connection.api().changes();
            if (totalAfter != totalBefore) {
                generatedKey = connection.api().lastInsertRowid();
                hasGeneratedKey = true;
            }
            if (owned) {
                stmt.close();
            } else {
                stmt.reset();
            }
            return false;
        } catch (PetrelException e) {
            closeQuietly(stmt, owned);
            throw PetrelSQLException.of(e);
        }
    }

    private static void closeQuietly(Statement stmt, boolean owned) {
        try {
            if (owned) {
                stmt.close();
            } else {
                stmt.reset();
            }
        } catch (PetrelException suppressed) {
            // the statement's own failure is the one reported
        }
    }

    /**
     * Runs the statements of {@code sql}: only the first with {@code onlyFirst} (what sqlite-jdbc's
     * {@code execute}/{@code executeQuery} do with a script), else all of them. Returns the last run statement's
     * kind (true: {@link #resultSet} is set) and leaves in {@link #updateCount} the sum of the update counts.
     */
    boolean runScript(String sql, boolean onlyFirst) throws SQLException {
        checkOpen();
        clearResult();
        List<String> parts = SqlSplitter.split(sql);
        if (parts.isEmpty()) {
            updateCount = 0;
            return false;
        }
        int count = onlyFirst ? 1 : parts.size();
        boolean result = false;
        long total = 0;
        for (int i = 0; i < count; i++) {
            clearResult();
            Statement stmt;
            try {
                stmt = connection.api().prepare(parts.get(i));
            } catch (PetrelException e) {
                throw PetrelSQLException.of(e);
            }
            result = run(stmt, true);
            if (!result) {
                total += updateCount;
            }
        }
        if (!result) {
            updateCount = total;
        }
        return result;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return runScript(sql, true);
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!runScript(sql, true)) {
            throw new SQLException("query does not return ResultSet");
        }
        return resultSet;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    /** Runs every statement of {@code sql} and returns the sum of their update counts (sqlite-jdbc's rule). */
    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        if (runScript(sql, false)) {
            clearResult();
            return 0;
        }
        return updateCount;
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return execute(sql);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return (int) updateCount;
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        checkOpen();
        clearResult();
        return false;
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return getMoreResults();
    }

    /** A one-column result {@code last_insert_rowid()}, as sqlite-jdbc returns: empty if nothing was inserted. */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        List<Object[]> rows = hasGeneratedKey
                ? Collections.singletonList(new Object[] {generatedKey}) : Collections.emptyList();
        return new PetrelResultSet(this, new Cursor.OfRows(new String[] {"last_insert_rowid()"}, rows), 0);
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (int) counts[i];
        }
        return out;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> work = new ArrayList<>(batch);
        batch.clear();
        long[] counts = new long[work.size()];
        for (int i = 0; i < work.size(); i++) {
            try {
                counts[i] = executeLargeUpdate(work.get(i));
            } catch (SQLException e) {
                long[] done = java.util.Arrays.copyOf(counts, i);
                int[] doneInt = new int[i];
                for (int k = 0; k < i; k++) {
                    doneInt[k] = (int) done[k];
                }
                throw new java.sql.BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(),
                        doneInt, e);
            }
        }
        return counts;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        clearResult();
        closed = true;
        connection.forget(this);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("max row count must be >= 0");
        }
        maxRows = max;
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return getMaxRows();
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        setMaxRows((int) Math.min(Integer.MAX_VALUE, max));
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("query timeout must be >= 0");
        }
        queryTimeout = seconds;
    }

    /**
     * Interrupts the running statement (from another thread): the engine notices within a few thousand VM
     * instructions, even inside one long step, and the statement fails with SQLITE_INTERRUPT.
     */
    @Override
    public void cancel() throws SQLException {
        checkOpen();
        connection.api().interrupt();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        checkOpen();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw PetrelSQLException.unsupported("fetch direction other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("fetch size must be >= 0");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    /** Called by a result set of this statement when it closes. */
    void resultSetClosed(PetrelResultSet rs) throws SQLException {
        if (rs == resultSet) {
            resultSet = null;
            if (closeOnCompletion) {
                close();
            }
        }
    }
}
