package dev.petrel.vm;

import java.util.List;

/**
 * The cursor over the rows of one table-valued function call (opened by VFilter): forward iteration, columns
 * by index, and the row's 1-based position as its rowid.
 */
final class FunctionCursor extends VdbeCursor {
    private final List<Object[]> rows;
    private int at = -1;

    FunctionCursor(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    boolean first() {
        nullRow = false;
        at = 0;
        return !rows.isEmpty();
    }

    @Override
    boolean next() {
        nullRow = false;
        at++;
        return at < rows.size();
    }

    @Override
    Object column(int i) {
        if (nullRow || at < 0 || at >= rows.size()) {
            return null;
        }
        Object[] r = rows.get(at);
        return i < r.length ? r[i] : null;
    }

    @Override
    int fieldCount() {
        return at >= 0 && at < rows.size() ? rows.get(at).length : 0;
    }

    @Override
    long rowid() {
        return at + 1;
    }
}
