package dev.petrel.codegen;

import dev.petrel.plan.Source;
import dev.petrel.record.Collation;
import dev.petrel.schema.Index;
import dev.petrel.schema.Table;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Opcode;

/**
 * WITHOUT ROWID tables (withoutrowid.html): the table is an index b-tree keyed by its PRIMARY KEY, whose entries
 * are the whole rows (PRIMARY KEY columns first, see {@link Table#recordIndex}); a secondary index entry ends with
 * the PRIMARY KEY columns the index does not already hold, in place of a rowid (fileformat2.html 2.5.1).
 *
 * <p>The PRIMARY KEY's automatic index stays in {@link Table#indexes} (for the planner and the PRAGMAs) with the
 * table's root page: it is the table, so it is neither created nor maintained apart from it.
 */
final class WithoutRowid {
    private WithoutRowid() {
    }

    /** Whether {@code idx} is the b-tree of its table itself (the PRIMARY KEY of a WITHOUT ROWID table). */
    static boolean isTableKey(Index idx) {
        return idx.primaryKey && idx.table.withoutRowid;
    }

    /**
     * How the entries of {@code idx} compare: its columns' collations and directions, and for a secondary index of
     * a WITHOUT ROWID table the PRIMARY KEY suffix too, each column with the collation and direction it has in the
     * PRIMARY KEY (so {@code PRIMARY KEY(k DESC)} orders equal index keys by descending k, as SQLite's entries are).
     */
    static KeyOrder keyOrder(Index idx) {
        if (!idx.table.withoutRowid || isTableKey(idx)) {
            return new KeyOrder(idx.collations.clone(), idx.desc.clone(), idx.desc.clone());
        }
        Index pk = idx.table.primaryKeyIndex();
        int[] suffix = idx.suffixColumns();
        int n = idx.columns.length;
        Collation[] colls = java.util.Arrays.copyOf(idx.collations, n + suffix.length);
        boolean[] desc = java.util.Arrays.copyOf(idx.desc, n + suffix.length);
        for (int k = 0; k < suffix.length; k++) {
            for (int p = 0; p < pk.columns.length; p++) {
                if (pk.columns[p] == suffix[k]) {
                    colls[n + k] = pk.collations[p];
                    desc[n + k] = pk.desc[p];
                    break;
                }
            }
        }
        return new KeyOrder(colls, desc, desc.clone());
    }

    /** Opens cursor {@code cur} on table {@code t} (P5 as given): a table b-tree, or an index b-tree in key order. */
    static void open(ProgramBuilder b, Opcode op, int cur, Table t, int root, int p5) {
        if (t.withoutRowid) {
            b.emit(op, cur, root, t.db, LoopGen.keyOrder(t.primaryKeyIndex()), p5);
        } else {
            b.emit(op, cur, root, t.db, t.columns.size(), p5);
        }
    }

    /** The number of registers of a row's key: 1 (the rowid), or the PRIMARY KEY's column count. */
    static int keyWidth(Table t) {
        return t.withoutRowid ? t.primaryKeyIndex().columns.length : 1;
    }

    /** Reads the key of the row source {@code s} is on into {@code reg..} ({@link #keyWidth} registers). */
    static void readKey(ExprGen g, Source s, int reg) {
        if (!s.table.withoutRowid) {
            g.readColumn(s, -1, reg);
            return;
        }
        int[] pk = s.table.primaryKeyIndex().columns;
        for (int k = 0; k < pk.length; k++) {
            g.readColumn(s, pk[k], reg + k);
        }
    }

    /** Positions table cursor {@code cur} on the row whose key is in {@code key..}, or jumps to {@code missing}. */
    static void seekKey(ProgramBuilder b, Table t, int cur, int missing, int key) {
        if (t.withoutRowid) {
            b.emit(Opcode.NotFound, cur, missing, key, keyWidth(t), 0);
        } else {
            b.emit(Opcode.NotExists, cur, missing, key);
        }
    }
}
