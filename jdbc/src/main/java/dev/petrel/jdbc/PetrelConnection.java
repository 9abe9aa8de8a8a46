package dev.petrel.jdbc;

import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.api.Statement;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * {@link java.sql.Connection} over one engine {@link Database} and its {@link Connection}; closing it closes both.
 *
 * <p>Transactions: auto-commit is on by default. With it off, the connection issues {@code BEGIN} lazily, just
 * before the first statement that runs while the engine is in autocommit mode, so a connection that only sets
 * auto-commit off never holds a lock. {@link #commit()}/{@link #rollback()} run {@code COMMIT}/{@code ROLLBACK} when a
 * transaction is open. Savepoints are SQL {@code SAVEPOINT}s named {@code SP_<n>} unless the caller names them.
 * Isolation is always {@code TRANSACTION_SERIALIZABLE}.
 *
 * <pre>
 *   autoCommit=true --setAutoCommit(false)--> IDLE --first statement: BEGIN--> IN_TX
 *   IN_TX --commit()/rollback()--> IDLE;   IN_TX --setAutoCommit(true): COMMIT--> autoCommit=true
 * </pre>
 */
final class PetrelConnection extends ConnectionBase {
    private final String url;
    private final Database database;
    private final Connection api;
    private final boolean readOnly;
    private final List<PetrelStatement> statements = new ArrayList<>();
    private boolean autoCommit = true;
    private boolean closed;
    private int savepointCounter;
    private int isolation = TRANSACTION_SERIALIZABLE;
    private int holdability = ResultSet.CLOSE_CURSORS_AT_COMMIT;
    private final Properties clientInfo = new Properties();

    PetrelConnection(String url, Database database, boolean readOnly) {
        this.url = url;
        this.database = database;
        this.api = new SerializedConnection(database.connect());
        this.readOnly = readOnly;
    }

    /** The engine connection behind this JDBC connection, serialized ({@link SerializedConnection}). */
    Connection api() {
        return api;
    }

    String url() {
        return url;
    }

    /** VM instructions between two looks at the clock of a query timeout. */
    private static final int TIMEOUT_CHECK_INSTRUCTIONS = 10_000;
    private boolean timeoutArmed;

    /**
     * Statement.setQueryTimeout through the engine's progress handler: statements stepped from now on stop with
     * SQLITE_INTERRUPT once {@code seconds} have passed ({@code 0}: no limit, the handler is removed).
     */
    void armQueryTimeout(int seconds) {
        if (seconds <= 0) {
            if (timeoutArmed) {
                api.setProgressHandler(0, null);
                timeoutArmed = false;
            }
            return;
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        api.setProgressHandler(TIMEOUT_CHECK_INSTRUCTIONS, () -> System.nanoTime() - deadline > 0);
        timeoutArmed = true;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw PetrelSQLException.closed("database connection");
        }
    }

    /**
     * Opens the lazy transaction before {@code stmt} runs when auto-commit is off (invariant I3 of
     * {@link PetrelStatement}); statements that manage transactions themselves are left alone.
     */
    void beginIfNeeded(Statement stmt) {
        if (autoCommit || !api.isAutocommit()) {
            return;
        }
        String head = firstWord(stmt.sql());
        if (head.equals("BEGIN") || head.equals("COMMIT") || head.equals("END") || head.equals("ROLLBACK")
                || head.equals("SAVEPOINT") || head.equals("RELEASE")) {
            return;
        }
        api.exec("BEGIN");
    }

    private static String firstWord(String sql) {
        int i = 0;
        while (i < sql.length() && !Character.isLetter(sql.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(java.util.Locale.ROOT);
    }

    private void exec(String sql) throws SQLException {
        try {
            api.exec(sql);
        } catch (PetrelException e) {
            throw PetrelSQLException.of(e);
        }
    }

    void forget(PetrelStatement s) {
        statements.remove(s);
    }

    private <S extends PetrelStatement> S track(S s) {
        statements.add(s);
        return s;
    }

    private static void checkCursorOptions(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            throw PetrelSQLException.unsupported("result set type other than TYPE_FORWARD_ONLY");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw PetrelSQLException.unsupported("result set concurrency other than CONCUR_READ_ONLY");
        }
    }

    @Override
    public java.sql.Statement createStatement() throws SQLException {
        checkOpen();
        return track(new PetrelStatement(this));
    }

    @Override
    public java.sql.Statement createStatement(int type, int concurrency) throws SQLException {
        checkCursorOptions(type, concurrency);
        return createStatement();
    }

    @Override
    public java.sql.Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkCursorOptions(type, concurrency);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return track(new PetrelPreparedStatement(this, sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        checkCursorOptions(type, concurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        checkCursorOptions(type, concurrency);
        return prepareStatement(sql);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    @Override
    public void setAutoCommit(boolean on) throws SQLException {
        checkOpen();
        if (on == autoCommit) {
            return;
        }
        if (on && !api.isAutocommit()) {
            exec("COMMIT");
        }
        autoCommit = on;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("database in auto-commit mode");
        }
        if (!api.isAutocommit()) {
            exec("COMMIT");
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("database in auto-commit mode");
        }
        if (!api.isAutocommit()) {
            exec("ROLLBACK");
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        checkOpen();
        int id = ++savepointCounter;
        return savepoint(new PetrelSavepoint(id, "SP_" + id));
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        checkOpen();
        return savepoint(new PetrelSavepoint(++savepointCounter, name));
    }

    private Savepoint savepoint(PetrelSavepoint sp) throws SQLException {
        if (!autoCommit && api.isAutocommit()) {
            exec("BEGIN");
        }
        exec("SAVEPOINT " + sp.quotedName());
        return sp;
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        exec("ROLLBACK TO SAVEPOINT " + PetrelSavepoint.cast(savepoint).quotedName());
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        exec("RELEASE SAVEPOINT " + PetrelSavepoint.cast(savepoint).quotedName());
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        for (PetrelStatement s : new ArrayList<>(statements)) {
            s.close();
        }
        closed = true;
        try {
            api.close();
        } catch (PetrelException e) {
            throw PetrelSQLException.of(e);
        } finally {
            database.close();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw new SQLException("timeout must be >= 0");
        }
        if (closed) {
            return false;
        }
        try (Statement s = api.prepare("select 1")) {
            return s.step();
        } catch (PetrelException e) {
            return false;
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new PetrelDatabaseMetaData(this);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    /** The read-only flag is fixed when the connection opens (property {@code readonly=true}). */
    @Override
    public void setReadOnly(boolean on) throws SQLException {
        checkOpen();
        if (on != readOnly) {
            throw new SQLException("Cannot change read-only flag after establishing a connection."
                    + " Use the connection property readonly=true instead.");
        }
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return null;
    }

    /** Only SERIALIZABLE, which is what SQLite gives; READ_UNCOMMITTED is accepted and still serializable. */
    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != TRANSACTION_SERIALIZABLE && level != TRANSACTION_READ_UNCOMMITTED) {
            throw PetrelSQLException.unsupported("transaction isolation level " + level);
        }
        isolation = TRANSACTION_SERIALIZABLE;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return isolation;
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
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return Collections.emptyMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
    }

    @Override
    public void setHoldability(int h) throws SQLException {
        checkOpen();
        holdability = h;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return holdability;
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        clientInfo.setProperty(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo.putAll(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        return (Properties) clientInfo.clone();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        close();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return 0;
    }

    /** Unwraps to this connection, the engine {@link Connection} or the engine {@link Database}. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface.isInstance(api)) {
            return iface.cast(api);
        }
        if (iface.isInstance(database)) {
            return iface.cast(database);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this) || iface.isInstance(api) || iface.isInstance(database);
    }
}
