package dev.petrel.codegen;

import dev.petrel.record.Collation;
import dev.petrel.vm.Opcode;

/**
 * Small loops over one b-tree cursor that the schema-changing generators share: visit the rows whose column equals
 * a name (sqlite_schema, sqlite_sequence and sqlite_stat1 rows), and rewrite the row a cursor is on.
 */
final class RowLoops {
    private RowLoops() {
    }

    /**
     * Emits a pass over cursor {@code cur} running {@code body} on each row whose column {@code col} equals
     * {@code value} under {@code collation} (null: BINARY); a NULL column never matches.
     */
    static void forEachMatching(ProgramBuilder b, int cur, int col, String value, Collation collation,
                                Runnable body) {
        int want = b.reg();
        b.emit(Opcode.String8, 0, want, 0, value, 0);
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, cur, brk);
        int top = b.addr();
        int v = b.reg();
        int next = b.newLabel();
        b.emit(Opcode.Column, cur, col, v);
        b.emit(Opcode.Ne, want, next, v, collation, Opcode.JUMPIFNULL);
        body.run();
        b.resolve(next);
        b.emit(Opcode.Next, cur, top);
        b.resolve(brk);
    }

    /** Emits the replacement of the row {@code cur} is on by the record of registers [base, base + n). */
    static void rewriteRow(ProgramBuilder b, int cur, int base, int n) {
        int rec = b.reg();
        int rowid = b.reg();
        b.emit(Opcode.MakeRecord, base, n, rec);
        b.emit(Opcode.Rowid, cur, rowid);
        b.emit(Opcode.Insert, cur, rec, rowid);
    }
}
