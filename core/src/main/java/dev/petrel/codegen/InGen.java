package dev.petrel.codegen;

import dev.petrel.record.Collation;
import dev.petrel.sql.ast.Expr;
import dev.petrel.value.Affinity;
import dev.petrel.value.Comparison;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Opcode;

/**
 * Code for {@code IN}: {@code x IN (list)} as a chain of comparisons with SQLite's NULL rule (NULL if x is NULL or
 * no element matched and some element was NULL; an empty list is false even for a NULL x), {@code x IN (SELECT
 * ...)} through an ephemeral index filled once (or per outer row when correlated), and the value sets that drive
 * IN lookups in a WHERE loop.
 */
final class InGen {
    private InGen() {
    }

    static void inList(ExprGen g, Expr.InList in, int target) {
        ProgramBuilder b = g.b;
        if (in.list().isEmpty()) {
            b.emit(Opcode.Integer, in.not() ? 1 : 0, target);
            return;
        }
        int x = g.expr(in.operand());
        int isNull = b.newLabel();
        int found = b.newLabel();
        int done = b.newLabel();
        int sawNull = b.reg();
        b.emit(Opcode.IsNull, x, isNull);
        b.emit(Opcode.Integer, 0, sawNull);
        for (Expr e : in.list()) {
            int r = g.expr(e);
            int next = b.newLabel();
            int nul = b.newLabel();
            b.emit(Opcode.IsNull, r, nul);
            g.compareRegs(in.operand(), x, Opcode.Eq, e, r, found, 0);
            b.emit(Opcode.Goto, 0, next);
            b.resolve(nul);
            b.emit(Opcode.Integer, 1, sawNull);
            b.resolve(next);
        }
        b.emit(Opcode.If, sawNull, isNull);
        b.emit(Opcode.Integer, in.not() ? 1 : 0, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(found);
        b.emit(Opcode.Integer, in.not() ? 0 : 1, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(isNull);
        b.emit(Opcode.Null, 0, target);
        b.resolve(done);
    }

    static void inSelect(ExprGen g, Expr.InSelect in, int target) {
        ProgramBuilder b = g.b;
        Affinity lhsAff = g.affinity(in.operand());
        Affinity rhsAff = g.c.select.firstColumnAffinity(in.select(), g.scope);
        Affinity aff = Comparison.comparisonAffinity(lhsAff, rhsAff);
        Collation coll = g.collation(in.operand());
        if (coll == null) {
            coll = Collation.BINARY;
        }
        int eph = b.cursor();
        g.c.select.materializeSet(in.select(), g.scope, eph,
                new KeyOrder(new Collation[] {coll}, new boolean[1], new boolean[1]), aff);
        int x = g.expr(in.operand());
        if (aff != Affinity.BLOB && aff != Affinity.NONE) {
            b.emit(Opcode.Affinity, x, 1, 0, String.valueOf(aff == Affinity.TEXT ? 'B' : 'C'), 0);
        }
        int done = b.newLabel();
        int isNull = b.newLabel();
        int notFound = b.newLabel();
        int empty = b.newLabel();
        b.emit(Opcode.Integer, in.not() ? 1 : 0, target);
        b.emit(Opcode.Rewind, eph, done);
        b.emit(Opcode.IsNull, x, isNull);
        b.emit(Opcode.NotFound, eph, notFound, x, 1, 0);
        b.emit(Opcode.Integer, in.not() ? 0 : 1, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(notFound);
        int nul = b.reg();
        b.emit(Opcode.Null, 0, nul);
        b.emit(Opcode.NotFound, eph, done, nul, 1, 0);
        b.resolve(isNull);
        b.emit(Opcode.Null, 0, target);
        b.resolve(empty);
        b.resolve(done);
    }

    /** Fills a new ephemeral index with the distinct values of an IN list or subquery; returns its cursor. */
    static int valueSet(ExprGen g, Expr in) {
        ProgramBuilder b = g.b;
        int eph = b.cursor();
        KeyOrder order = new KeyOrder(new Collation[] {Collation.BINARY}, new boolean[1], new boolean[1]);
        if (in instanceof Expr.InList list) {
            b.emit(Opcode.OpenEphemeral, eph, 1, 0, order, 0);
            int r = b.reg();
            int rec = b.reg();
            for (Expr e : list.list()) {
                g.exprTo(e, r);
                b.emit(Opcode.MakeRecord, r, 1, rec);
                b.emit(Opcode.IdxInsert, eph, rec);
            }
        } else {
            Expr.InSelect s = (Expr.InSelect) in;
            g.c.select.materializeSet(s.select(), g.scope, eph, order, Affinity.NONE);
        }
        return eph;
    }
}
