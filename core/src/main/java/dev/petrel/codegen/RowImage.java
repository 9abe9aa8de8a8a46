package dev.petrel.codegen;

import dev.petrel.schema.Column;
import dev.petrel.schema.Table;
import dev.petrel.vm.Opcode;
import dev.petrel.vm.StrictColumns;

/**
 * The last steps from a row in registers (one per column in declaration order, then the rowid) to the bytes of
 * its table record: the type check of a STRICT table (stricttables.html), and the record itself, which leaves
 * out VIRTUAL generated columns and stores a rowid alias (INTEGER PRIMARY KEY) as NULL.
 */
final class RowImage {
    private RowImage() {
    }

    /** For a STRICT table, fails with SQLITE_CONSTRAINT_DATATYPE when a value does not fit its column's type. */
    static void typeCheck(ProgramBuilder b, Table t, int rowRegs) {
        if (!t.strict) {
            return;
        }
        int n = t.columns.size();
        String[] names = new String[n];
        String[] types = new String[n];
        for (int i = 0; i < n; i++) {
            Column col = t.columns.get(i);
            names[i] = col.name;
            types[i] = i == t.rowidAlias || col.strictType == null ? "ANY" : col.strictType;
        }
        b.emit(Opcode.TypeCheck, rowRegs, n, 0, new StrictColumns(t.name, names, types), 0);
    }

    /** Builds the table record of the row in {@code rowRegs} into register {@code rec}. */
    static void record(ProgramBuilder b, Table t, int rowRegs, int rec) {
        int n = t.recordColumnCount();
        int base = b.regs(Math.max(n, 1));
        for (int col = 0; col < t.columns.size(); col++) {
            int at = t.recordIndex(col);
            if (at < 0) {
                continue;
            }
            if (col == t.rowidAlias) {
                b.emit(Opcode.Null, 0, base + at);
            } else {
                b.emit(Opcode.SCopy, rowRegs + col, base + at);
            }
        }
        b.emit(Opcode.MakeRecord, base, n, rec);
    }
}
