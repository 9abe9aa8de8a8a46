package dev.petrel.codegen;

import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.schema.Table;
import dev.petrel.vm.Opcode;

/** An {@link ExprGen} whose single table's columns are the registers of a row being written (CHECK constraints). */
final class RowExprGen extends ExprGen {
    private final int rowRegs;
    private final Table table;

    RowExprGen(Compiler c, Scope scope, int rowRegs, Table table) {
        super(c, scope);
        this.rowRegs = rowRegs;
        this.table = table;
    }

    @Override
    void readColumn(Source s, int col, int target) {
        int reg = col < 0 ? rowRegs + table.columns.size() : rowRegs + col;
        b.emit(Opcode.SCopy, reg, target);
    }
}
