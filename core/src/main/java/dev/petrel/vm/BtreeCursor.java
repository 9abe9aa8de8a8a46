package dev.petrel.vm;

import dev.petrel.btree.BtCursor;
import dev.petrel.record.IndexKey;
import dev.petrel.record.Record;

/**
 * A VM cursor on a table or index b-tree of the database: delegates moves, seeks and writes to a
 * {@link BtCursor} and decodes the current entry's record lazily, once per position.
 */
final class BtreeCursor extends VdbeCursor {
    private final BtCursor bt;
    private final KeyOrder order;
    private final boolean table;
    private Record rec;
    private boolean valid;

    BtreeCursor(BtCursor bt, KeyOrder order, boolean table) {
        this.bt = bt;
        this.order = order;
        this.table = table;
    }

    boolean isTable() {
        return table;
    }

    /** The field read last at this position and its value (a WHERE clause often reads one field twice). */
    private int lastField = -1;
    private Object lastValue;

    private boolean moved(boolean ok) {
        nullRow = false;
        rec = null;
        lastField = -1;
        valid = ok;
        return ok;
    }

    @Override
    boolean first() {
        return moved(bt.first());
    }

    @Override
    boolean last() {
        return moved(bt.last());
    }

    @Override
    boolean next() {
        return moved(bt.next());
    }

    @Override
    boolean prev() {
        return moved(bt.prev());
    }

    private Record rec() {
        if (rec == null) {
            rec = bt.record();
        }
        return rec;
    }

    @Override
    Object column(int i) {
        if (nullRow || !valid) {
            return null;
        }
        if (i != lastField) {
            lastValue = rec().column(i);
            lastField = i;
        }
        return lastValue;
    }

    @Override
    int fieldCount() {
        return rec().columnCount();
    }

    @Override
    long rowid() {
        if (table) {
            return bt.rowid();
        }
        Record r = rec();
        int last = r.columnCount() - 1;
        return last >= 0 && r.isInteger(last) ? r.integer(last) : 0;
    }

    @Override
    byte[] record() {
        return bt.payload();
    }

    @Override
    boolean seekRowid(long rowid) {
        int c = bt.seekRowid(rowid);
        boolean ok = c == 0 && !bt.eof();
        moved(ok);
        return ok;
    }

    @Override
    boolean seekRowid(long rowid, int op) {
        return moved(bt.seekRowid(rowid, op));
    }

    @Override
    boolean seek(Object[] key, int op) {
        return moved(bt.seek(new IndexKey(order.toKeyInfo(), key, key.length, 0), op));
    }

    @Override
    int compareKey(Object[] key) {
        return compareKey(key, 0, key.length);
    }

    /** Integer fields against integer key values compare unboxed; others as {@link KeyOrder#compareColumn}. */
    @Override
    int compareKey(Object[] regs, int start, int n) {
        Record r = rec();
        for (int i = 0; i < n; i++) {
            Object k = regs[start + i];
            int c;
            if (k instanceof Long && r.isInteger(i)) {
                c = Long.compare(r.integer(i), (Long) k);
                c = order.isDesc(i) ? -c : c;
            } else {
                c = order.compareColumn(i, r.column(i), k);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    void insert(long rowid, byte[] record) {
        bt.insert(rowid, record);
        moved(false);
    }

    @Override
    void insertKey(byte[] key) {
        insertKey(key, false);
    }

    @Override
    void insertKey(byte[] key, boolean appendHint) {
        bt.insert(key, appendHint);
        moved(false);
    }

    @Override
    void delete() {
        bt.delete();
        rec = null;
        lastField = -1;
    }

    @Override
    long maxRowid() {
        boolean ok = bt.last();
        long r = ok ? bt.rowid() : 0;
        moved(false);
        return r;
    }

    @Override
    long count() {
        long n = 0;
        for (boolean ok = bt.first(); ok; ok = bt.next()) {
            n++;
        }
        moved(false);
        return n;
    }

    @Override
    void close() {
        bt.close();
    }
}
