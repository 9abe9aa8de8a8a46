package dev.petrel.codegen;

import dev.petrel.api.ResultCode;
import dev.petrel.record.Collation;
import dev.petrel.schema.Index;
import dev.petrel.schema.Table;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Opcode;
import dev.petrel.record.Collation;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Vm;

/**
 * CREATE INDEX on an existing table: the checks of its expressions and WHERE clause, and the loop that adds an
 * entry for every row of the table (only the rows a partial index's WHERE accepts), failing on a duplicate key of
 * a UNIQUE index with SQLite's message.
 */
final class IndexBuild {
    private IndexBuild() {
    }

    /** SQLite's checks of index expressions and of a partial index's WHERE (see {@link SchemaExprCheck}). */
    static void validate(Compiler c, Index idx) {
        for (int k = 0; k < idx.columns.length; k++) {
            SchemaExprCheck.check(c, idx.table, idx.expr(k), SchemaExprCheck.Kind.INDEX);
        }
        SchemaExprCheck.check(c, idx.table, idx.where, SchemaExprCheck.Kind.PARTIAL);
    }

    /**
     * Fills the new index b-tree whose root page number is in register {@code rootReg}. As SQLite, the entries go
     * through a sorter first (sorted on the whole entry, the index's own order) and are then inserted with the
     * append hint, so the b-tree is built left to right with full pages instead of by random inserts.
     */
    static void fill(Compiler c, Index idx, int rootReg) {
        fill(c, idx, rootReg, true);
    }

    /**
     * As {@link #fill(Compiler, Index, int)}, with the root page given directly when {@code rootIsReg} is false.
     * The entries go through the sorter first and are then appended in key order (as SQLite's CREATE INDEX): no
     * random b-tree inserts, no page splits in the middle of the tree.
     */
    static void fill(Compiler c, Index idx, int root, boolean rootIsReg) {
        ProgramBuilder b = c.b;
        Table t = idx.table;
        int tc = b.cursor();
        int ic = b.cursor();
        int sorter = b.cursor();
        int n = idx.columns.length;
        int width = idx.entryWidth();
        KeyOrder indexOrder = LoopGen.keyOrder(idx);
        Collation[] colls = new Collation[width];
        boolean[] desc = new boolean[width];
        for (int k = 0; k < width; k++) {
            colls[k] = indexOrder.collation(k);
            desc[k] = indexOrder.isDesc(k);
        }
        b.emit(Opcode.SorterOpen, sorter, width, 0, new KeyOrder(colls, desc, desc.clone()), 0);
        WithoutRowid.open(b, Opcode.OpenRead, tc, t, t.rootPage, 0);
        IndexKeys keys = IndexKeys.forCursor(c, t, tc);
        int scanned = b.newLabel();
        b.emit(Opcode.Rewind, tc, scanned);
        int scan = b.addr();
        int next = b.newLabel();
        int key = b.regs(width);
        keys.skipUnlessIndexed(idx, next);
        keys.key(idx, key);
        int rec = b.reg();
        b.emit(Opcode.MakeRecord, key, width, rec);
        b.emit(Opcode.SorterInsert, sorter, rec);
        b.resolve(next);
        b.emit(Opcode.Next, tc, scan);
        b.resolve(scanned);
        b.emit(Opcode.OpenWrite, ic, root, t.db, indexOrder, rootIsReg ? Vm.OPFLAG_P2ISREG : 0);
        int done = b.newLabel();
        b.emit(Opcode.SorterSort, sorter, done);
        int top = b.addr();
        int sorted = b.reg();
        b.emit(Opcode.SorterData, sorter, sorted, 0);
        if (idx.unique) {
            int pseudo = b.cursor();
            b.emit(Opcode.OpenPseudo, pseudo, sorted, width);
            for (int k = 0; k < n; k++) {
                b.emit(Opcode.Column, pseudo, k, key + k);
            }
            int ok = b.newLabel();
            b.emit(Opcode.NoConflict, ic, ok, key, n, 0);
            b.emit(Opcode.Halt, ResultCode.CONSTRAINT_UNIQUE.code, 2, 0, DmlGen.uniqueFailure(t, idx),
                    Vm.CONSTRAINT_UNIQUE);
            b.resolve(ok);
        }
        b.emit(Opcode.IdxInsert, ic, sorted, 0, null, Vm.OPFLAG_APPEND);
        b.emit(Opcode.SorterNext, sorter, top);
        b.resolve(done);
    }
}
