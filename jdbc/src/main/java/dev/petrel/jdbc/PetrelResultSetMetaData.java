package dev.petrel.jdbc;

import dev.petrel.api.ColumnType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * Column names and types of a result, as sqlite-jdbc reports them.
 *
 * <p>Type rule: a column with a declared type (a table column) maps from that type's name
 * ({@link #typeOfDeclared}); an expression column maps from the storage class of its value in the current row
 * (INTEGER to {@code INTEGER}, or {@code BIGINT} when it does not fit in 32 bits; REAL to {@code FLOAT}; TEXT to
 * {@code VARCHAR}; BLOB to {@code BLOB}; NULL, or no current row, to {@code NUMERIC}). Type names are the declared
 * type as written, else {@code INTEGER}, {@code FLOAT}, {@code TEXT}, {@code BLOB} or {@code NUMERIC}.
 */
final class PetrelResultSetMetaData implements ResultSetMetaData {
    private final Cursor cursor;

    PetrelResultSetMetaData(Cursor cursor) {
        this.cursor = cursor;
    }

    private int idx(int column) throws SQLException {
        if (column < 1 || column > cursor.columnCount()) {
            throw new SQLException("column " + column + " out of bounds [1," + cursor.columnCount() + "]");
        }
        return column - 1;
    }

    @Override
    public int getColumnCount() {
        return cursor.columnCount();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return cursor.columnName(idx(column));
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return cursor.columnName(idx(column));
    }

    private String declType(int column) throws SQLException {
        String d = cursor.declType(idx(column));
        return d == null || d.isEmpty() ? null : d;
    }

    private int valueType(int column) throws SQLException {
        int idx = idx(column);
        return cursor.hasRow() ? cursor.type(idx) : ColumnType.NULL;
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        String decl = declType(column);
        if (decl != null) {
            return typeOfDeclared(decl);
        }
        switch (valueType(column)) {
            case ColumnType.INTEGER:
                long v = cursor.longValue(column - 1);
                return v == (int) v ? Types.INTEGER : Types.BIGINT;
            case ColumnType.FLOAT:
                return Types.FLOAT;
            case ColumnType.TEXT:
                return Types.VARCHAR;
            case ColumnType.BLOB:
                return Types.BLOB;
            default:
                return Types.NUMERIC;
        }
    }

    /** The {@link Types} code of a declared column type, by the words it contains (sqlite-jdbc's mapping). */
    static int typeOfDeclared(String declared) {
        String t = declared.toUpperCase(Locale.ROOT);
        int paren = t.indexOf('(');
        if (paren >= 0) {
            t = t.substring(0, paren);
        }
        t = t.trim();
        switch (t) {
            case "BOOLEAN":
                return Types.BOOLEAN;
            case "TINYINT":
                return Types.TINYINT;
            case "SMALLINT":
            case "INT2":
                return Types.SMALLINT;
            case "BIGINT":
            case "INT8":
            case "UNSIGNED BIG INT":
                return Types.BIGINT;
            case "DATE":
            case "DATETIME":
                return Types.DATE;
            case "TIMESTAMP":
                return Types.TIMESTAMP;
            case "INT":
            case "INTEGER":
            case "MEDIUMINT":
                return Types.INTEGER;
            case "DECIMAL":
                return Types.DECIMAL;
            case "DOUBLE":
            case "DOUBLE PRECISION":
                return Types.DOUBLE;
            case "NUMERIC":
                return Types.NUMERIC;
            case "REAL":
                return Types.REAL;
            case "FLOAT":
                return Types.FLOAT;
            case "BLOB":
                return Types.BLOB;
            case "CHAR":
            case "CHARACTER":
            case "NCHAR":
            case "NATIVE CHARACTER":
                return Types.CHAR;
            case "CLOB":
                return Types.CLOB;
            default:
                break;
        }
        if (t.contains("INT")) {
            return Types.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Types.VARCHAR;
        }
        if (t.contains("BLOB")) {
            return Types.BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Types.REAL;
        }
        return Types.NUMERIC;
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        String decl = declType(column);
        if (decl != null) {
            return decl.toUpperCase(Locale.ROOT);
        }
        switch (valueType(column)) {
            case ColumnType.INTEGER:
                return "INTEGER";
            case ColumnType.FLOAT:
                return "FLOAT";
            case ColumnType.TEXT:
                return "TEXT";
            case ColumnType.BLOB:
                return "BLOB";
            default:
                return "NUMERIC";
        }
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        switch (getColumnType(column)) {
            case Types.INTEGER:
            case Types.SMALLINT:
            case Types.TINYINT:
            case Types.BOOLEAN:
                return "java.lang.Integer";
            case Types.BIGINT:
                return "java.lang.Long";
            case Types.FLOAT:
            case Types.REAL:
            case Types.DOUBLE:
                return "java.lang.Double";
            case Types.VARCHAR:
            case Types.CHAR:
            case Types.CLOB:
                return "java.lang.String";
            default:
                return "java.lang.Object";
        }
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        idx(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        idx(column);
        return true;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        idx(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        idx(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        idx(column);
        return columnNullable;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        int t = getColumnType(column);
        return t == Types.INTEGER || t == Types.BIGINT || t == Types.FLOAT || t == Types.REAL
                || t == Types.DOUBLE || t == Types.NUMERIC || t == Types.DECIMAL;
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        idx(column);
        return Integer.MAX_VALUE;
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        idx(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        idx(column);
        return 0;
    }

    @Override
    public int getScale(int column) throws SQLException {
        idx(column);
        return 0;
    }

    /** Empty: the public API does not expose {@code sqlite3_column_table_name}. */
    @Override
    public String getTableName(int column) throws SQLException {
        idx(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        idx(column);
        return "";
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        idx(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        idx(column);
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        idx(column);
        return true;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
