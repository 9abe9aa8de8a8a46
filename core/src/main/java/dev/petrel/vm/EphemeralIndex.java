package dev.petrel.vm;

import dev.petrel.btree.BtCursor;
import dev.petrel.record.Record;
import java.util.Comparator;
import java.util.TreeMap;

/**
 * A temporary index held in memory (OpenEphemeral with a KeyInfo): a sorted set of keys used for DISTINCT, IN
 * lists and subqueries, UNION/INTERSECT/EXCEPT and DISTINCT aggregates. Keys equal in every field are stored once.
 *
 * <p>Seeks use a probe key compared on a prefix with a tie-break sign, as the b-tree layer's IndexKey: a tie of
 * +1 makes equal-prefix entries sort after the probe, -1 before it.
 */
final class EphemeralIndex extends VdbeCursor {
    /** A search key: the first {@code values.length} fields and the sign of (entry - probe) on an equal prefix. */
    private static final class Probe {
        final Object[] values;
        final int tie;

        Probe(Object[] values, int tie) {
            this.values = values;
            this.tie = tie;
        }
    }

    private final KeyOrder order;
    private final TreeMap<Object, byte[]> keys;
    private Object[] cur;

    EphemeralIndex(KeyOrder order) {
        this.order = order;
        Comparator<Object> cmp = (a, b) -> {
            if (b instanceof Probe) {
                return compareProbe((Object[]) a, (Probe) b);
            }
            if (a instanceof Probe) {
                return -compareProbe((Object[]) b, (Probe) a);
            }
            Object[] x = (Object[]) a;
            Object[] y = (Object[]) b;
            int c = order.compare(x, y, Math.max(x.length, y.length));
            return c != 0 ? c : Integer.compare(x.length, y.length);
        };
        this.keys = new TreeMap<>(cmp);
    }

    private int compareProbe(Object[] entry, Probe p) {
        int n = Math.min(p.values.length, entry.length);
        for (int i = 0; i < n; i++) {
            int c = order.compareColumn(i, entry[i], p.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return p.tie;
    }

    private boolean at(Object k) {
        cur = (Object[]) k;
        nullRow = false;
        return k != null;
    }

    @Override
    boolean first() {
        return at(keys.isEmpty() ? null : keys.firstKey());
    }

    @Override
    boolean last() {
        return at(keys.isEmpty() ? null : keys.lastKey());
    }

    @Override
    boolean next() {
        return at(cur == null ? null : keys.higherKey(cur));
    }

    @Override
    boolean prev() {
        return at(cur == null ? null : keys.lowerKey(cur));
    }

    @Override
    Object column(int i) {
        if (nullRow || cur == null || i >= cur.length) {
            return null;
        }
        return cur[i];
    }

    @Override
    int fieldCount() {
        return cur == null ? 0 : cur.length;
    }

    @Override
    long rowid() {
        Object v = cur == null || cur.length == 0 ? null : cur[cur.length - 1];
        return v instanceof Long ? (Long) v : 0;
    }

    @Override
    byte[] record() {
        return keys.get(cur);
    }

    @Override
    boolean seek(Object[] key, int op) {
        switch (op) {
            case BtCursor.GE:
                return at(keys.ceilingKey(new Probe(key, 1)));
            case BtCursor.GT:
                return at(keys.ceilingKey(new Probe(key, -1)));
            case BtCursor.LE:
                return at(keys.floorKey(new Probe(key, -1)));
            default:
                return at(keys.floorKey(new Probe(key, 1)));
        }
    }

    @Override
    int compareKey(Object[] key) {
        return compareProbe(cur, new Probe(key, 0));
    }

    @Override
    void insertKey(byte[] key) {
        keys.put(Record.decode(key), key);
    }

    @Override
    void delete() {
        if (cur != null) {
            keys.remove(cur);
        }
    }

    @Override
    long count() {
        return keys.size();
    }

    @Override
    void clear() {
        keys.clear();
        at(null);
    }
}
