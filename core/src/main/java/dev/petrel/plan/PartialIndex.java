package dev.petrel.plan;

import dev.petrel.schema.Index;
import dev.petrel.sql.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * When a partial index (CREATE INDEX ... WHERE) may serve a query (partialindex.html section 3): the query's WHERE
 * must imply the index's. Like SQLite, Petrel proves it term by term: every AND-ed term of the index's WHERE must
 * be the same expression as a term of the query's WHERE ({@link ExprMatch}), or be {@code X IS NOT NULL} while
 * the query compares X with {@code =, <, <=, >, >=} or {@code <>} (such a comparison is never true for NULL).
 */
public final class PartialIndex {
    private PartialIndex() {
    }

    /** Whether {@code idx} is not partial, or {@code whereTerms} (terms over {@code s}'s loop) imply its WHERE. */
    public static boolean usable(Index idx, Source s, List<Expr> whereTerms, Scope scope) {
        if (idx.where == null) {
            return true;
        }
        List<Expr> required = new ArrayList<>();
        conjuncts(idx.where, required);
        for (Expr need : required) {
            boolean found = false;
            for (Expr have : whereTerms) {
                if (ExprMatch.same(have, need, s, scope) || impliesNotNull(have, need, s, scope)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static void conjuncts(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            conjuncts(b.left(), out);
            conjuncts(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /** X of {@code X IS NOT NULL} / {@code X NOTNULL}, else null. */
    private static Expr notNullOperand(Expr e) {
        if (e instanceof Expr.NullTest nt && nt.notNull()) {
            return nt.operand();
        }
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.IS_NOT && b.right() instanceof Expr.Literal l
                && l.kind() == Expr.LiteralKind.NULL) {
            return b.left();
        }
        return null;
    }

    private static boolean impliesNotNull(Expr have, Expr need, Source s, Scope scope) {
        Expr operand = notNullOperand(need);
        if (operand == null || !(have instanceof Expr.Binary b)) {
            return false;
        }
        switch (b.op()) {
            case EQ:
            case NE:
            case LT:
            case LE:
            case GT:
            case GE:
                return ExprMatch.same(b.left(), operand, s, scope) || ExprMatch.same(b.right(), operand, s, scope);
            default:
                return false;
        }
    }
}
