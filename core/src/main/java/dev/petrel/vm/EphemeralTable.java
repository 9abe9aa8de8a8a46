package dev.petrel.vm;

import dev.petrel.btree.BtCursor;
import dev.petrel.record.Record;
import java.util.Map;
import java.util.TreeMap;

/**
 * A temporary rowid table held in memory (OpenEphemeral without a KeyInfo): the materialized rows of a subquery,
 * view or CTE in FROM, and the queue of a recursive CTE. Moves are by key, so deleting the current row and then
 * moving on is safe.
 */
final class EphemeralTable extends VdbeCursor {
    private final TreeMap<Long, byte[]> rows;
    private Long cur;
    private Record rec;

    EphemeralTable() {
        this.rows = new TreeMap<>();
    }

    private EphemeralTable(TreeMap<Long, byte[]> shared) {
        this.rows = shared;
    }

    /** A second cursor on the same rows (OpenDup). */
    EphemeralTable dup() {
        return new EphemeralTable(rows);
    }

    private boolean at(Long k) {
        cur = k;
        rec = null;
        nullRow = false;
        return k != null;
    }

    @Override
    boolean first() {
        return at(rows.isEmpty() ? null : rows.firstKey());
    }

    @Override
    boolean last() {
        return at(rows.isEmpty() ? null : rows.lastKey());
    }

    @Override
    boolean next() {
        return at(cur == null ? null : rows.higherKey(cur));
    }

    @Override
    boolean prev() {
        return at(cur == null ? null : rows.lowerKey(cur));
    }

    @Override
    Object column(int i) {
        if (nullRow || cur == null) {
            return null;
        }
        if (rec == null) {
            byte[] r = rows.get(cur);
            if (r == null) {
                return null;
            }
            rec = new Record(r);
        }
        return rec.column(i);
    }

    @Override
    int fieldCount() {
        column(0);
        return rec == null ? 0 : rec.columnCount();
    }

    @Override
    long rowid() {
        return cur;
    }

    @Override
    byte[] record() {
        return rows.get(cur);
    }

    @Override
    boolean seekRowid(long rowid) {
        return at(rows.containsKey(rowid) ? rowid : null) ;
    }

    @Override
    boolean seekRowid(long rowid, int op) {
        switch (op) {
            case BtCursor.GE:
                return at(rows.ceilingKey(rowid));
            case BtCursor.GT:
                return at(rows.higherKey(rowid));
            case BtCursor.LE:
                return at(rows.floorKey(rowid));
            default:
                return at(rows.lowerKey(rowid));
        }
    }

    @Override
    void insert(long rowid, byte[] record) {
        rows.put(rowid, record);
    }

    @Override
    void delete() {
        if (cur != null) {
            rows.remove(cur);
            rec = null;
        }
    }

    @Override
    long maxRowid() {
        return rows.isEmpty() ? 0 : rows.lastKey();
    }

    @Override
    long count() {
        return rows.size();
    }

    @Override
    void clear() {
        rows.clear();
        at(null);
    }

    /** For the stand-alone test of entries. */
    Map<Long, byte[]> rows() {
        return rows;
    }
}
