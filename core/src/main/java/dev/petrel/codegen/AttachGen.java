package dev.petrel.codegen;

import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.vm.Opcode;

/**
 * Code for ATTACH DATABASE file AS name and DETACH DATABASE name: the operands are ordinary expressions evaluated
 * into registers (a bare identifier, as in {@code AS aux}, is its own name, as in SQLite), and the {@code Attach} /
 * {@code Detach} opcodes hand them to the connection, which checks them and raises SQLite's errors.
 */
final class AttachGen {
    private AttachGen() {
    }

    static void attach(Compiler c, Stmt.Attach at) {
        ExprGen g = new ExprGen(c, c.emptyScope());
        int file = c.b.regs(2);
        g.exprTo(nameOrExpr(at.file()), file);
        g.exprTo(nameOrExpr(at.schema()), file + 1);
        c.b.emit(Opcode.Attach, file, file + 1, 0);
    }

    static void detach(Compiler c, Stmt.Detach dt) {
        ExprGen g = new ExprGen(c, c.emptyScope());
        int name = c.b.reg();
        g.exprTo(nameOrExpr(dt.schema()), name);
        c.b.emit(Opcode.Detach, name, 0);
    }

    /** A lone identifier stands for its text (SQLite resolves it as a string, not a column). */
    private static Expr nameOrExpr(Expr e) {
        if (e instanceof Expr.ColumnRef ref && ref.table() == null && ref.schema() == null) {
            return new Expr.Literal(ref.pos(), Expr.LiteralKind.STRING, ref.column(), ref.column());
        }
        return e;
    }
}
