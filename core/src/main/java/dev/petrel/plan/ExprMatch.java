package dev.petrel.plan;

import dev.petrel.sql.ast.Expr;
import java.util.List;
import java.util.Objects;

/**
 * Structural equality of expressions as the planner needs it to match a query's expressions against an index's
 * (expression columns and partial-index WHERE terms): same operators, literals and functions (names compared
 * case-insensitively), and column references naming the same column of the indexed table whatever their
 * qualifier. Source positions are ignored. Expressions holding subqueries, parameters or RAISE never match.
 */
public final class ExprMatch {
    private ExprMatch() {
    }

    /**
     * Whether {@code query} (from a statement, resolved in {@code scope}) is the same expression as {@code indexed}
     * (from the schema, over source {@code s}'s table).
     */
    public static boolean same(Expr query, Expr indexed, Source s, Scope scope) {
        if (query instanceof Expr.ColumnRef q && indexed instanceof Expr.ColumnRef i) {
            Scope.Resolved r;
            try {
                r = scope.resolve(q);
            } catch (RuntimeException e) {
                return false;
            }
            return r != null && r.depth() == 0 && r.source() == s && r.column() >= 0
                    && s.table.columns.get(r.column()).name.equalsIgnoreCase(i.column());
        }
        if (query == null || indexed == null) {
            return query == indexed;
        }
        if (query.getClass() != indexed.getClass() || !sameNode(query, indexed)) {
            return false;
        }
        // sameNode made optional parts (ESCAPE, CASE base and ELSE) present on both sides or on neither.
        List<Expr> a = ExprChildren.of(query);
        List<Expr> b = ExprChildren.of(indexed);
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (!same(a.get(k), b.get(k), s, scope)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The node's own attributes (not its operands) are equal; both have the same class. False for the nodes that
     * never match: subqueries, parameters, RAISE, aggregate FILTER and window calls.
     */
    private static boolean sameNode(Expr a, Expr b) {
        if (a instanceof Expr.Literal x) {
            Expr.Literal y = (Expr.Literal) b;
            return x.kind() == y.kind() && (x.value() instanceof byte[] xb && y.value() instanceof byte[] yb
                    ? java.util.Arrays.equals(xb, yb) : Objects.equals(x.value(), y.value()));
        }
        if (a instanceof Expr.Unary x) {
            return x.op() == ((Expr.Unary) b).op();
        }
        if (a instanceof Expr.Binary x) {
            return x.op() == ((Expr.Binary) b).op();
        }
        if (a instanceof Expr.Like x) {
            Expr.Like y = (Expr.Like) b;
            return x.op() == y.op() && x.not() == y.not() && (x.escape() == null) == (y.escape() == null);
        }
        if (a instanceof Expr.Between x) {
            return x.not() == ((Expr.Between) b).not();
        }
        if (a instanceof Expr.InList x) {
            return x.not() == ((Expr.InList) b).not();
        }
        if (a instanceof Expr.NullTest x) {
            return x.notNull() == ((Expr.NullTest) b).notNull();
        }
        if (a instanceof Expr.Case x) {
            Expr.Case y = (Expr.Case) b;
            return (x.base() == null) == (y.base() == null) && (x.elseExpr() == null) == (y.elseExpr() == null);
        }
        if (a instanceof Expr.Cast x) {
            return x.type().name().equalsIgnoreCase(((Expr.Cast) b).type().name());
        }
        if (a instanceof Expr.Collate x) {
            return x.collation().equalsIgnoreCase(((Expr.Collate) b).collation());
        }
        if (a instanceof Expr.FunctionCall x) {
            Expr.FunctionCall y = (Expr.FunctionCall) b;
            return x.name().equalsIgnoreCase(y.name()) && x.distinct() == y.distinct() && x.star() == y.star()
                    && x.filter() == null && y.filter() == null && x.over() == null && y.over() == null;
        }
        return a instanceof Expr.RowValue;
    }
}
