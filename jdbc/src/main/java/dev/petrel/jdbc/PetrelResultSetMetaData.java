package dev.petrel.jdbc;

import dev.petrel.api.ColumnType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * Column names and types of a result, as sqlite-jdbc reports them.
 *
 * <p>Type rule ({@link #getColumnType}): the type name is the declared type of a table column, upper-cased without
 * its size, else the storage class of the value in the current row ({@code INTEGER}, {@code FLOAT}, {@code TEXT},
 * {@code BLOB}, or {@code NUMERIC} for NULL or no row); the JDBC type follows from the name within the value's storage
 * class. Before {@code next()} the first row counts, as in sqlite-jdbc, which steps once on execute.
 */
final class PetrelResultSetMetaData implements ResultSetMetaData, SelfWrapper {
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

    /** The declared type upper-cased without its size ({@code varchar(10)} is {@code VARCHAR}), or null. */
    private String declaredName(int column) throws SQLException {
        String d = declType(column);
        if (d == null) {
            return null;
        }
        int paren = d.indexOf('(');
        return (paren >= 0 ? d.substring(0, paren) : d).trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        String decl = declaredName(column);
        if (decl != null) {
            return decl;
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

    /**
     * sqlite-jdbc's rule: the type name ({@link #getColumnTypeName}) decides within the storage class of the current
     * value, so a declared {@code INT} holding 3000000000 is {@code BIGINT} and a {@code NUMERIC} holding 7 is
     * {@code INTEGER}; a NULL value lets the declared name alone decide.
     */
    @Override
    public int getColumnType(int column) throws SQLException {
        String name = getColumnTypeName(column);
        int vt = valueType(column);
        boolean isNull = vt == ColumnType.NULL;
        if (vt == ColumnType.INTEGER || isNull) {
            switch (name) {
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
                    return Types.DATE;
                case "DATETIME":
                case "TIMESTAMP":
                    return Types.TIMESTAMP;
                default:
                    break;
            }
            if (!isNull || name.equals("INT") || name.equals("INTEGER") || name.equals("MEDIUMINT")) {
                long v = isNull ? 0 : cursor.longValue(column - 1);
                return v == (int) v ? Types.INTEGER : Types.BIGINT;
            }
        }
        if (vt == ColumnType.FLOAT || isNull) {
            switch (name) {
                case "DECIMAL":
                    return Types.DECIMAL;
                case "DOUBLE":
                case "DOUBLE PRECISION":
                    return Types.DOUBLE;
                case "NUMERIC":
                    return Types.NUMERIC;
                case "FLOAT":
                    return Types.FLOAT;
                case "REAL":
                    return Types.REAL;
                default:
                    if (!isNull) {
                        return Types.FLOAT;
                    }
            }
        }
        if (vt == ColumnType.BLOB || (isNull && name.equals("BLOB"))) {
            return Types.BLOB;
        }
        switch (name) {
            case "CHAR":
            case "NCHAR":
            case "CHARACTER":
            case "NATIVE CHARACTER":
                return Types.CHAR;
            case "CLOB":
                return Types.CLOB;
            case "DATE":
                return Types.DATE;
            case "DATETIME":
            case "TIMESTAMP":
                return Types.TIMESTAMP;
            default:
                break;
        }
        if (isNull && !(name.contains("CHAR") || name.contains("TEXT") || name.contains("CLOB"))) {
            return Types.NUMERIC;
        }
        return Types.VARCHAR;
    }

    /** By the current value, as sqlite-jdbc: Integer or Long, Double, String, else Object (BLOB, NULL). */
    @Override
    public String getColumnClassName(int column) throws SQLException {
        switch (valueType(column)) {
            case ColumnType.INTEGER:
                long v = cursor.longValue(column - 1);
                return v == (int) v ? "java.lang.Integer" : "java.lang.Long";
            case ColumnType.FLOAT:
                return "java.lang.Double";
            case ColumnType.TEXT:
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
}
