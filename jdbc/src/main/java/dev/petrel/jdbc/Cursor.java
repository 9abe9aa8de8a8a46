package dev.petrel.jdbc;

import dev.petrel.api.ColumnType;
import dev.petrel.api.Statement;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rows behind a {@link PetrelResultSet}: either a running engine {@link Statement} or a list built by the driver
 * (catalogue queries, generated keys). Column indexes are 0-based; value accessors are valid only on a row.
 */
abstract class Cursor {
    /** Advances to the next row; false when there is none. */
    abstract boolean next();

    /**
     * Whether column values can be read: on a row, or before the first {@link #next()} when the first row is
     * already known (metadata types come from it, as sqlite-jdbc's do).
     */
    abstract boolean hasRow();

    abstract int columnCount();

    abstract String columnName(int idx);

    /** The declared type of a table column, else null. */
    abstract String declType(int idx);

    /** The storage value: null, Long, Double, String or byte[]. */
    abstract Object value(int idx);

    /** The {@link ColumnType} of the current value. */
    int type(int idx) {
        return ColumnType.of(value(idx));
    }

    /** As {@code sqlite3_column_int64}. */
    abstract long longValue(int idx);

    /** As {@code sqlite3_column_double}. */
    abstract double doubleValue(int idx);

    /** As {@code sqlite3_column_text}. */
    abstract String text(int idx);

    /** As {@code sqlite3_column_blob}. */
    abstract byte[] blob(int idx);

    /** Releases the rows (a statement is finalized or reset, as its owner wants). */
    abstract void close();

    /** A running engine statement; {@code hasRow} says whether its first {@code step()} already produced a row. */
    static final class OfStatement extends Cursor {
        private final Statement stmt;
        private final boolean finalizeOnClose;
        private boolean pendingFirst;
        private boolean firstRow;
        private boolean done;

        OfStatement(Statement stmt, boolean firstRow, boolean finalizeOnClose) {
            this.stmt = stmt;
            this.firstRow = firstRow;
            this.pendingFirst = true;
            this.finalizeOnClose = finalizeOnClose;
        }

        @Override
        boolean next() {
            if (done) {
                return false;
            }
            boolean row;
            if (pendingFirst) {
                pendingFirst = false;
                row = firstRow;
            } else {
                row = stmt.step();
            }
            done = !row;
            return row;
        }

        @Override
        boolean hasRow() {
            return !done && (!pendingFirst || firstRow);
        }

        @Override
        int columnCount() {
            return stmt.columnCount();
        }

        @Override
        String columnName(int idx) {
            return stmt.columnName(idx);
        }

        @Override
        String declType(int idx) {
            return stmt.columnDeclType(idx);
        }

        @Override
        Object value(int idx) {
            return stmt.columnValue(idx);
        }

        @Override
        int type(int idx) {
            return stmt.columnType(idx);
        }

        @Override
        long longValue(int idx) {
            return stmt.columnLong(idx);
        }

        @Override
        double doubleValue(int idx) {
            return stmt.columnDouble(idx);
        }

        @Override
        String text(int idx) {
            return stmt.columnText(idx);
        }

        @Override
        byte[] blob(int idx) {
            return stmt.columnBlob(idx);
        }

        @Override
        void close() {
            done = true;
            if (finalizeOnClose) {
                stmt.close();
            } else {
                stmt.reset();
            }
        }
    }

    /** Rows built by the driver; values are null, Long, Double, String or byte[]. */
    static final class OfRows extends Cursor {
        private final String[] names;
        private final List<Object[]> rows;
        private int pos = -1;

        OfRows(String[] names, List<Object[]> rows) {
            this.names = names;
            this.rows = rows;
        }

        @Override
        boolean next() {
            if (pos < rows.size()) {
                pos++;
            }
            return pos < rows.size();
        }

        @Override
        boolean hasRow() {
            return pos >= 0 && pos < rows.size();
        }

        @Override
        int columnCount() {
            return names.length;
        }

        @Override
        String columnName(int idx) {
            return names[idx];
        }

        @Override
        String declType(int idx) {
            return null;
        }

        @Override
        Object value(int idx) {
            return rows.get(pos)[idx];
        }

        @Override
        long longValue(int idx) {
            Object v = value(idx);
            if (v instanceof Number) {
                return ((Number) v).longValue();
            }
            if (v instanceof String) {
                try {
                    return Long.parseLong(((String) v).trim());
                } catch (NumberFormatException e) {
                    return (long) doubleValue(idx);
                }
            }
            return 0;
        }

        @Override
        double doubleValue(int idx) {
            Object v = value(idx);
            if (v instanceof Number) {
                return ((Number) v).doubleValue();
            }
            if (v instanceof String) {
                try {
                    return Double.parseDouble(((String) v).trim());
                } catch (NumberFormatException e) {
                    return 0.0;
                }
            }
            return 0.0;
        }

        @Override
        String text(int idx) {
            Object v = value(idx);
            if (v == null) {
                return null;
            }
            return v instanceof byte[] ? new String((byte[]) v, StandardCharsets.UTF_8) : v.toString();
        }

        @Override
        byte[] blob(int idx) {
            Object v = value(idx);
            if (v == null || v instanceof byte[]) {
                return (byte[]) v;
            }
            return text(idx).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        void close() {
            pos = rows.size();
        }
    }
}
