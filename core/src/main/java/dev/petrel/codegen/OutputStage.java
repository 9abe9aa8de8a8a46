package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.record.Collation;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Limit;
import dev.petrel.sql.ast.NullsOrder;
import dev.petrel.sql.ast.OrderingTerm;
import dev.petrel.sql.ast.SortOrder;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Opcode;
import java.util.List;

/**
 * The tail of a SELECT: ORDER BY through a sorter, then OFFSET and LIMIT, then the {@link Dest}. Rows arrive from
 * one or more select cores ({@link #row}); {@link #finish} drains the sorter.
 *
 * <p>ORDER BY terms are either result column numbers (compound selects, and terms naming a result column by
 * number or alias) or expressions evaluated by the core's ExprGen when its row is emitted.
 */
final class OutputStage {
    final ProgramBuilder b;
    final Dest dest;
    final int done;
    int limitReg;
    int offsetReg;
    int sorter = -1;
    KeyOrder order;
    /** Per ORDER BY term: result column index, or -1 with {@link #keyExprs} holding the expression. */
    int[] keyCols;
    Expr[] keyExprs;
    int width = -1;
    ResultInfo info;

    OutputStage(ProgramBuilder b, Dest dest) {
        this.b = b;
        this.dest = dest;
        this.done = b.newLabel();
    }

    void limit(ExprGen g, Limit limit) {
        if (limit == null) {
            return;
        }
        limitReg = b.reg();
        g.exprTo(limit.limit(), limitReg);
        b.emit(Opcode.MustBeInt, limitReg, 0);
        if (limit.offset() != null) {
            offsetReg = b.reg();
            g.exprTo(limit.offset(), offsetReg);
            b.emit(Opcode.MustBeInt, offsetReg, 0);
        }
        b.emit(Opcode.IfNot, limitReg, done, 0);
    }

    /** Sets up the sorter for {@code terms}; {@code cols[i]} >= 0 names a result column. */
    void orderBy(List<OrderingTerm> terms, int[] cols, Expr[] exprs, Collation[] colls) {
        if (terms.isEmpty()) {
            return;
        }
        int n = terms.size();
        boolean[] desc = new boolean[n];
        boolean[] nullsLast = new boolean[n];
        for (int i = 0; i < n; i++) {
            OrderingTerm t = terms.get(i);
            desc[i] = t.order() == SortOrder.DESC;
            nullsLast[i] = t.nulls() == NullsOrder.NONE ? desc[i] : t.nulls() == NullsOrder.LAST;
        }
        order = new KeyOrder(colls, desc, nullsLast);
        keyCols = cols;
        keyExprs = exprs;
        sorter = b.cursor();
        b.emit(Opcode.SorterOpen, sorter, n, 0, order, 0);
    }

    void row(ExprGen g, int base, int n, ResultInfo info) {
        if (width >= 0 && width != n) {
            throw PetrelException.error("SELECTs to the left and right of UNION do not have the same number of "
                    + "result columns");
        }
        width = n;
        if (this.info == null) {
            this.info = info;
        }
        if (sorter < 0) {
            limited(base, n);
            return;
        }
        int nk = keyCols.length;
        int kbase = b.regs(nk + n);
        for (int i = 0; i < nk; i++) {
            if (keyCols[i] >= 0) {
                b.emit(Opcode.SCopy, base + keyCols[i], kbase + i);
            } else {
                g.exprTo(keyExprs[i], kbase + i);
            }
        }
        b.emit(Opcode.Copy, base, kbase + nk, n - 1);
        int rec = b.reg();
        b.emit(Opcode.MakeRecord, kbase, nk + n, rec);
        b.emit(Opcode.SorterInsert, sorter, rec);
    }

    private void limited(int base, int n) {
        int skip = b.newLabel();
        if (offsetReg != 0) {
            b.emit(Opcode.IfPos, offsetReg, skip, 1);
        }
        dest.row(base, n, info);
        if (limitReg != 0) {
            b.emit(Opcode.DecrJumpZero, limitReg, done);
        }
        b.resolve(skip);
    }

    void finish() {
        if (sorter >= 0) {
            b.plan("USE TEMP B-TREE FOR ORDER BY");
        }
        if (sorter >= 0 && width >= 0) {
            int nk = keyCols.length;
            int data = b.reg();
            int pseudo = b.cursor();
            b.emit(Opcode.OpenPseudo, pseudo, data, nk + width);
            b.emit(Opcode.SorterSort, sorter, done);
            int top = b.addr();
            b.emit(Opcode.SorterData, sorter, data, pseudo);
            int base = b.regs(width);
            for (int i = 0; i < width; i++) {
                b.emit(Opcode.Column, pseudo, nk + i, base + i);
            }
            limited(base, width);
            b.emit(Opcode.SorterNext, sorter, top);
        }
        b.resolve(done);
    }
}
