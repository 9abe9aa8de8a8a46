package dev.petrel.codegen;

import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.schema.Index;
import dev.petrel.schema.Table;

/**
 * The entry of one index for one row (fileformat2.html 2.5.1): the key columns in index order (table columns, or
 * the values of index expressions), then the rowid (or a WITHOUT ROWID table's PRIMARY KEY columns); and whether the row belongs in a partial index at all.
 *
 * <p>The row is read through an {@link ExprGen} whose scope's single source is the indexed table: a cursor on the
 * table (deleting or rebuilding entries) or the registers of a row being written ({@link #forRegisters}).
 */
final class IndexKeys {
    private final ExprGen g;
    private final Source source;

    private IndexKeys(ExprGen g, Source source) {
        this.g = g;
        this.source = source;
    }

    /** Keys of the row the table cursor {@code cursor} is on. */
    static IndexKeys forCursor(Compiler c, Table t, int cursor) {
        Scope scope = new Scope(null);
        Source s = new Source(t.name, t, false);
        s.cursor = cursor;
        scope.sources.add(s);
        return new IndexKeys(new ExprGen(c, scope), s);
    }

    /** Keys of the row in registers {@code rowRegs} (one per column, then the rowid). */
    static IndexKeys forRegisters(Compiler c, Table t, int rowRegs) {
        Scope scope = new Scope(null);
        Source s = new Source(t.name, t, false);
        s.overrideCursor = -1;
        scope.sources.add(s);
        return new IndexKeys(new RowExprGen(c, scope, rowRegs, t), s);
    }

    /** The generator reading the row (for other checks of the same row, e.g. PRAGMA integrity_check's). */
    ExprGen exprGen() {
        return g;
    }

    /** The row's source in {@link #exprGen()}'s scope. */
    Source source() {
        return source;
    }

    /** Jumps to {@code skip} unless the row satisfies the WHERE of a partial index (no code for other indexes). */
    void skipUnlessIndexed(Index idx, int skip) {
        if (idx.where != null) {
            g.ifFalse(idx.where, skip, true);
        }
    }

    /**
     * Fills {@code key..} with an entry of {@code idx} ({@link Index#entryWidth} registers): the key columns,
     * then the rowid, or on a WITHOUT ROWID table the PRIMARY KEY columns not among the key columns.
     */
    void key(Index idx, int key) {
        int n = idx.columns.length;
        for (int k = 0; k < n; k++) {
            if (idx.columns[k] >= 0) {
                g.readColumn(source, idx.columns[k], key + k);
            } else {
                g.exprTo(idx.expr(k), key + k);
            }
        }
        if (idx.table.withoutRowid) {
            int[] suffix = idx.suffixColumns();
            for (int i = 0; i < suffix.length; i++) {
                g.readColumn(source, suffix[i], key + n + i);
            }
        } else {
            g.readColumn(source, -1, key + n);
        }
    }
}
