package dev.petrel.vm;

import java.util.Iterator;

/**
 * The cursor over the rows of one table-valued function call (opened by VFilter): forward iteration over the
 * function's row iterator, columns by index, and the row's 1-based position as its rowid.
 */
final class FunctionCursor extends VdbeCursor {
    private final Iterator<Object[]> rows;
    private Object[] row;
    private long rowid;

    FunctionCursor(Iterator<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    boolean first() {
        return next();
    }

    @Override
    boolean next() {
        nullRow = false;
        row = rows.hasNext() ? rows.next() : null;
        rowid++;
        return row != null;
    }

    @Override
    Object column(int i) {
        if (nullRow || row == null) {
            return null;
        }
        return i < row.length ? row[i] : null;
    }

    @Override
    int fieldCount() {
        return row == null ? 0 : row.length;
    }

    @Override
    long rowid() {
        return rowid;
    }
}
