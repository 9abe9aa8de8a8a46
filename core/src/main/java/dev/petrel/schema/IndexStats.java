package dev.petrel.schema;

import dev.petrel.btree.BTree;
import dev.petrel.btree.BtCursor;
import dev.petrel.record.Record;

/**
 * Reads sqlite_stat1 (written by ANALYZE) into {@link Index#stat}: for each row {@code (tbl, idx, "N d1 d2 ...")}
 * naming an index of the schema, the numbers N (entries) and dK (average entries per distinct key prefix of K
 * columns). Rows that do not parse, or name no index, are ignored, as SQLite ignores them; so is a missing
 * sqlite_stat1.
 */
final class IndexStats {
    private IndexStats() {
    }

    static void load(BTree bt, Schema schema) {
        Table stat = schema.table("sqlite_stat1");
        if (stat == null || stat.isView() || stat.rootPage <= 0) {
            return;
        }
        BtCursor cur = bt.openTable(stat.rootPage, false);
        try {
            for (boolean ok = cur.first(); ok; ok = cur.next()) {
                Record r = new Record(cur.payload(), bt.textEncoding());
                Object idxName = r.columnCount() > 1 ? r.column(1) : null;
                Object text = r.columnCount() > 2 ? r.column(2) : null;
                Index idx = idxName instanceof String s ? schema.index(s) : null;
                if (idx != null && text instanceof String st) {
                    idx.stat = parse(st, idx.columns.length + 1);
                }
            }
        } finally {
            cur.close();
        }
    }

    /** The leading integers of {@code text} (at most {@code max}), or null if there are none. */
    static long[] parse(String text, int max) {
        long[] out = new long[max];
        int n = 0;
        int i = 0;
        while (n < max && i < text.length()) {
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            long v = 0;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && v < Long.MAX_VALUE / 10) {
                v = v * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                break;
            }
            out[n++] = v;
            while (i < text.length() && text.charAt(i) != ' ') {
                i++;
            }
        }
        if (n < 2) {
            return null;
        }
        long[] exact = new long[n];
        System.arraycopy(out, 0, exact, 0, n);
        return exact;
    }
}
