package dev.petrel.plan;

import dev.petrel.sql.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/** The direct sub-expressions of an expression node, in source order (absent optional parts and subqueries left out). */
public final class ExprChildren {
    private ExprChildren() {
    }

    public static List<Expr> of(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.Unary u) {
            out.add(u.operand());
        } else if (e instanceof Expr.Binary b) {
            out.add(b.left());
            out.add(b.right());
        } else if (e instanceof Expr.Like l) {
            out.add(l.left());
            out.add(l.pattern());
            if (l.escape() != null) {
                out.add(l.escape());
            }
        } else if (e instanceof Expr.Between b) {
            out.add(b.operand());
            out.add(b.low());
            out.add(b.high());
        } else if (e instanceof Expr.InList in) {
            out.add(in.operand());
            out.addAll(in.list());
        } else if (e instanceof Expr.InSelect in) {
            out.add(in.operand());
        } else if (e instanceof Expr.InTable in) {
            out.add(in.operand());
        } else if (e instanceof Expr.NullTest n) {
            out.add(n.operand());
        } else if (e instanceof Expr.Case c) {
            if (c.base() != null) {
                out.add(c.base());
            }
            for (Expr.WhenThen wt : c.whens()) {
                out.add(wt.when());
                out.add(wt.then());
            }
            if (c.elseExpr() != null) {
                out.add(c.elseExpr());
            }
        } else if (e instanceof Expr.Cast c) {
            out.add(c.operand());
        } else if (e instanceof Expr.Collate c) {
            out.add(c.operand());
        } else if (e instanceof Expr.FunctionCall f) {
            out.addAll(f.args());
        } else if (e instanceof Expr.RowValue rv) {
            out.addAll(rv.values());
        }
        return out;
    }
}
