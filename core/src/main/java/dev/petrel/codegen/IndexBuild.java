package dev.petrel.codegen;

import dev.petrel.api.ResultCode;
import dev.petrel.schema.Index;
import dev.petrel.schema.Table;
import dev.petrel.vm.Opcode;
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

    /** Fills the new index b-tree whose root page number is in register {@code rootReg}. */
    static void fill(Compiler c, Index idx, int rootReg) {
        ProgramBuilder b = c.b;
        Table t = idx.table;
        int tc = b.cursor();
        int ic = b.cursor();
        WithoutRowid.open(b, Opcode.OpenRead, tc, t, t.rootPage, 0);
        b.emit(Opcode.OpenWrite, ic, rootReg, 0, LoopGen.keyOrder(idx), Vm.OPFLAG_P2ISREG);
        IndexKeys keys = IndexKeys.forCursor(c, t, tc);
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, tc, brk);
        int top = b.addr();
        int next = b.newLabel();
        int n = idx.columns.length;
        int width = idx.entryWidth();
        int key = b.regs(width);
        keys.skipUnlessIndexed(idx, next);
        keys.key(idx, key);
        if (idx.unique) {
            int ok = b.newLabel();
            b.emit(Opcode.NoConflict, ic, ok, key, n, 0);
            b.emit(Opcode.Halt, ResultCode.CONSTRAINT_UNIQUE.code, 2, 0, DmlGen.uniqueFailure(t, idx),
                    Vm.CONSTRAINT_UNIQUE);
            b.resolve(ok);
        }
        int rec = b.reg();
        b.emit(Opcode.MakeRecord, key, width, rec);
        b.emit(Opcode.IdxInsert, ic, rec);
        b.resolve(next);
        b.emit(Opcode.Next, tc, top);
        b.resolve(brk);
    }
}
