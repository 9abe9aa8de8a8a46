package dev.petrel.jdbc;

import dev.petrel.api.ColumnType;
import dev.petrel.api.PetrelException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A forward-only, read-only {@link ResultSet} over a {@link Cursor}, converting values as sqlite-jdbc does.
 *
 * <p>Value mapping of {@link #getObject(int)}: INTEGER to {@code Integer} when it fits in 32 bits else {@code Long},
 * REAL to {@code Double}, TEXT to {@code String}, BLOB to {@code byte[]}, NULL to null. Numeric getters convert as
 * {@code sqlite3_column_int64}/{@code _double} (so {@code getInt} of 2.9 is 2 and of 3000000000 keeps the low 32
 * bits), {@link #getString} as {@code sqlite3_column_text} (2.5 as "2.5", 1e20 as "1.0e+20"). Dates follow
 * sqlite-jdbc's defaults: INTEGER is milliseconds since the epoch, REAL a Julian day number, TEXT
 * {@code yyyy-MM-dd[ HH:mm:ss[.SSS]]}.
 *
 * <p>Invariant (I1): value getters are valid only while positioned on a row (after a true {@link #next()}).
 */
final class PetrelResultSet extends ResultSetBase implements SelfWrapper {
    private final PetrelStatement statement;
    private final Cursor cursor;
    private final int maxRows;
    private int rowNumber;
    private boolean onRow;
    private boolean afterLast;
    private boolean closed;
    private boolean lastWasNull;
    private String[] labels;

    PetrelResultSet(PetrelStatement statement, Cursor cursor, int maxRows) {
        this.statement = statement;
        this.cursor = cursor;
        this.maxRows = maxRows;
    }

    Cursor cursor() {
        return cursor;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw PetrelSQLException.closed("result set");
        }
    }

    /** Checks (I1) and the index; returns the 0-based column index. */
    private int col(int columnIndex) throws SQLException {
        checkOpen();
        if (!onRow) {
            throw new SQLException(afterLast ? "ResultSet closed" : "no current row: call next() first");
        }
        if (columnIndex < 1 || columnIndex > cursor.columnCount()) {
            throw new SQLException("column " + columnIndex + " out of bounds [1," + cursor.columnCount() + "]");
        }
        int idx = columnIndex - 1;
        lastWasNull = cursor.type(idx) == ColumnType.NULL;
        return idx;
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (afterLast) {
            return false;
        }
        boolean row;
        try {
            row = (maxRows == 0 || rowNumber < maxRows) && cursor.next();
        } catch (PetrelException e) {
            onRow = false;
            afterLast = true;
            throw PetrelSQLException.of(e);
        }
        if (row) {
            rowNumber++;
            onRow = true;
        } else {
            onRow = false;
            afterLast = true;
            cursor.close();
        }
        return row;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        onRow = false;
        if (!afterLast) {
            afterLast = true;
            try {
                cursor.close();
            } catch (PetrelException e) {
                throw PetrelSQLException.of(e);
            }
        }
        if (statement != null) {
            statement.resultSetClosed(this);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return lastWasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (labels == null) {
            labels = new String[cursor.columnCount()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = cursor.columnName(i);
            }
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != null && labels[i].equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw new SQLException("no such column: '" + label + "'");
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        int idx = col(columnIndex);
        switch (cursor.type(idx)) {
            case ColumnType.INTEGER:
                long v = cursor.longValue(idx);
                return v == (int) v ? (Object) (int) v : (Object) v;
            case ColumnType.FLOAT:
                return cursor.doubleValue(idx);
            case ColumnType.TEXT:
                return cursor.text(idx);
            case ColumnType.BLOB:
                return cursor.blob(idx);
            default:
                return null;
        }
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        int idx = col(columnIndex);
        return cursor.text(idx);
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        return cursor.longValue(col(columnIndex));
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) getLong(columnIndex);
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) getLong(columnIndex);
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) getLong(columnIndex);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        return getInt(columnIndex) != 0;
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        return cursor.doubleValue(col(columnIndex));
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return (float) getDouble(columnIndex);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new SQLException("Bad value for type BigDecimal : " + s, e);
        }
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(columnIndex);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_EVEN);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        return cursor.blob(col(columnIndex));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    /** Milliseconds since the epoch of a date-like value, or null for NULL (sqlite-jdbc's default rules). */
    private Long millis(int columnIndex, Calendar cal) throws SQLException {
        int idx = col(columnIndex);
        switch (cursor.type(idx)) {
            case ColumnType.NULL:
                return null;
            case ColumnType.INTEGER:
                return cursor.longValue(idx);
            case ColumnType.FLOAT:
                return JdbcDates.julianDayToMillis(cursor.doubleValue(idx));
            default:
                return JdbcDates.parse(cursor.text(idx), cal);
        }
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        Long ms = millis(columnIndex, cal);
        return ms == null ? null : new Date(ms);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return getTime(columnIndex, null);
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        Long ms = millis(columnIndex, cal);
        return ms == null ? null : new Time(ms);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        Long ms = millis(columnIndex, cal);
        return ms == null ? null : new Timestamp(ms);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("type is null");
        }
        Object v;
        if (type == String.class) {
            v = getString(columnIndex);
        } else if (type == Integer.class) {
            v = getInt(columnIndex);
        } else if (type == Long.class) {
            v = getLong(columnIndex);
        } else if (type == Short.class) {
            v = getShort(columnIndex);
        } else if (type == Byte.class) {
            v = getByte(columnIndex);
        } else if (type == Double.class) {
            v = getDouble(columnIndex);
        } else if (type == Float.class) {
            v = getFloat(columnIndex);
        } else if (type == Boolean.class) {
            v = getBoolean(columnIndex);
        } else if (type == BigDecimal.class) {
            v = getBigDecimal(columnIndex);
        } else if (type == byte[].class) {
            v = getBytes(columnIndex);
        } else if (type == Date.class) {
            v = getDate(columnIndex);
        } else if (type == Time.class) {
            v = getTime(columnIndex);
        } else if (type == Timestamp.class) {
            v = getTimestamp(columnIndex);
        } else if (type == Object.class) {
            v = getObject(columnIndex);
        } else {
            throw PetrelSQLException.unsupported("getObject as " + type.getName());
        }
        return lastWasNull ? null : type.cast(v);
    }

    @Override
    public Object getObject(int columnIndex, java.util.Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public Object getObject(String label, java.util.Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return getAsciiStream(findColumn(label));
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar cal) throws SQLException {
        return getDate(findColumn(label), cal);
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Time getTime(String label, Calendar cal) throws SQLException {
        return getTime(findColumn(label), cal);
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label), cal);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new PetrelResultSetMetaData(cursor);
    }

    @Override
    public java.sql.Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return onRow ? rowNumber : 0;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return rowNumber == 0 && !afterLast;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return afterLast && rowNumber > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return onRow && rowNumber == 1;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw PetrelSQLException.unsupported("fetch direction other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
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
}
