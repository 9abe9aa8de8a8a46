package dev.petrel.jdbc;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.api.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * {@link java.sql.PreparedStatement} over one engine {@link Statement}, compiled once and reset between runs.
 *
 * <p>Binding follows sqlite-jdbc: integral types bind as INTEGER, {@code float}/{@code double} as REAL,
 * {@link BigDecimal} as its plain text, booleans as 0/1, {@code Date}/{@code Time}/{@code Timestamp} as milliseconds
 * since the epoch, {@code byte[]} as a BLOB and other objects as their {@code toString()}. Invariant (I1):
 * {@link #values} mirrors the bindings, so a batch can replay each row's parameters.
 */
final class PetrelPreparedStatement extends PreparedStatementBase {
    private final String sql;
    private final Statement stmt;
    private final Object[] values;
    private final List<Object[]> batchRows = new ArrayList<>();

    PetrelPreparedStatement(PetrelConnection connection, String sql) throws SQLException {
        super(connection);
        this.sql = sql;
        List<String> parts = SqlSplitter.split(sql);
        try {
            this.stmt = connection.api().prepare(parts.isEmpty() ? sql : parts.get(0));
        } catch (PetrelException e) {
            throw PetrelSQLException.of(e);
        }
        this.values = new Object[stmt.parameterCount()];
    }

    private void bindAll(Object[] row) throws SQLException {
        try {
            stmt.reset();
            for (int i = 0; i < row.length; i++) {
                stmt.bind(i + 1, row[i]);
            }
        } catch (PetrelException e) {
            throw PetrelSQLException.of(e);
        }
    }

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > values.length) {
            throw PetrelSQLException.of(ResultCode.RANGE, "column index out of range");
        }
        values[index - 1] = value;
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        clearResult();
        bindAll(values);
        return run(stmt, false);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw new SQLException("query does not return ResultSet");
        }
        return resultSet;
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (execute()) {
            clearResult();
            return 0;
        }
        return updateCount;
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batchRows.add(values.clone());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batchRows.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<Object[]> work = new ArrayList<>(batchRows);
        batchRows.clear();
        long[] counts = new long[work.size()];
        for (int i = 0; i < work.size(); i++) {
            try {
                clearResult();
                bindAll(work.get(i));
                run(stmt, false);
                counts[i] = updateCount < 0 ? 0 : updateCount;
                clearResult();
            } catch (SQLException e) {
                int[] done = new int[i];
                for (int k = 0; k < i; k++) {
                    done[k] = (int) counts[k];
                }
                throw new java.sql.BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), done, e);
            }
        }
        return counts;
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
    public void clearParameters() throws SQLException {
        checkOpen();
        java.util.Arrays.fill(values, null);
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, null);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        set(index, null);
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        set(index, x ? 1L : 0L);
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        set(index, (double) x);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        set(index, x == null ? null : x.toPlainString());
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setNString(int index, String x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        set(index, x == null ? null : x.clone());
    }

    @Override
    public void setDate(int index, Date x) throws SQLException {
        set(index, x == null ? null : x.getTime());
    }

    @Override
    public void setDate(int index, Date x, Calendar cal) throws SQLException {
        setDate(index, x);
    }

    @Override
    public void setTime(int index, Time x) throws SQLException {
        set(index, x == null ? null : x.getTime());
    }

    @Override
    public void setTime(int index, Time x, Calendar cal) throws SQLException {
        setTime(index, x);
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        set(index, x == null ? null : x.getTime());
    }

    @Override
    public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
        setTimestamp(index, x);
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        set(index, storageValue(x));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        setObject(index, x);
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, x);
    }

    /** The storage value sqlite-jdbc binds for a Java object. */
    static Object storageValue(Object x) throws SQLException {
        if (x == null || x instanceof Long || x instanceof Double || x instanceof String) {
            return x;
        }
        if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
            return ((Number) x).longValue();
        }
        if (x instanceof Float) {
            return ((Float) x).doubleValue();
        }
        if (x instanceof Boolean) {
            return ((Boolean) x) ? 1L : 0L;
        }
        if (x instanceof byte[]) {
            return ((byte[]) x).clone();
        }
        if (x instanceof BigDecimal) {
            return ((BigDecimal) x).toPlainString();
        }
        if (x instanceof BigInteger) {
            BigInteger b = (BigInteger) x;
            return b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
        }
        if (x instanceof java.util.Date) {
            return ((java.util.Date) x).getTime();
        }
        return x.toString();
    }

    @Override
    public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
        setBinaryStream(index, x, (long) length);
    }

    @Override
    public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
        set(index, x == null ? null : readAll(x, length));
    }

    @Override
    public void setBinaryStream(int index, InputStream x) throws SQLException {
        setBinaryStream(index, x, -1L);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        setCharacterStream(index, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        if (reader == null) {
            set(index, null);
            return;
        }
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            int n;
            while ((length < 0 || sb.length() < length) && (n = reader.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new SQLException("cannot read the character stream", e);
        }
        set(index, length >= 0 && sb.length() > length ? sb.substring(0, (int) length) : sb.toString());
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader, -1L);
    }

    private static byte[] readAll(InputStream in, long length) throws SQLException {
        try {
            byte[] all = in.readAllBytes();
            return length >= 0 && all.length > length ? java.util.Arrays.copyOf(all, (int) length) : all;
        } catch (IOException e) {
            throw new SQLException("cannot read the stream", e);
        }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new PetrelParameterMetaData(stmt.parameterCount());
    }

    /** Describes the result columns without running the statement (types need a row, so they are NUMERIC). */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (stmt.columnCount() == 0) {
            return null;
        }
        return new PetrelResultSetMetaData(new Cursor.OfStatement(stmt, false, false));
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        super.close();
        try {
            stmt.close();
        } catch (PetrelException e) {
            throw PetrelSQLException.of(e);
        }
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw PetrelSQLException.of(ResultCode.MISUSE, "execute(String) is not allowed on a PreparedStatement");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw PetrelSQLException.of(ResultCode.MISUSE, "executeQuery(String) is not allowed on a PreparedStatement");
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw PetrelSQLException.of(ResultCode.MISUSE, "executeUpdate(String) is not allowed on a PreparedStatement");
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw PetrelSQLException.of(ResultCode.MISUSE, "addBatch(String) is not allowed on a PreparedStatement");
    }

    @Override
    public String toString() {
        return sql;
    }
}
