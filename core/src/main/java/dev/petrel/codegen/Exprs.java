package dev.petrel.codegen;

import dev.petrel.plan.ExprChildren;
import dev.petrel.sql.ast.Expr;
import java.util.List;

/** Structural helpers over expression trees: the direct sub-expressions of a node (subqueries excluded). */
final class Exprs {
    private Exprs() {
    }

    static List<Expr> children(Expr e) {
        return ExprChildren.of(e);
    }

    /** Whether {@code e} contains a subquery. */
    static boolean hasSubquery(Expr e) {
        if (e instanceof Expr.Subquery || e instanceof Expr.Exists || e instanceof Expr.InSelect) {
            return true;
        }
        for (Expr c : children(e)) {
            if (hasSubquery(c)) {
                return true;
            }
        }
        return false;
    }

    /** Collects every column reference in {@code e}, including those inside subqueries' expressions. */
    static void columnRefs(Object node, List<Expr.ColumnRef> out) {
        if (node instanceof Expr.ColumnRef r) {
            out.add(r);
            return;
        }
        if (node instanceof Expr e) {
            for (Expr c : children(e)) {
                columnRefs(c, out);
            }
        }
    }
}
