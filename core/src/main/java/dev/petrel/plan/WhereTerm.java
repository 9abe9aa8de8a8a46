package dev.petrel.plan;

import dev.petrel.sql.ast.Expr;

/**
 * One conjunct of a WHERE clause (or of an ON clause): the expression, the sources it reads (a bit per source
 * of the scope, in FROM order) and, for an ON term of a LEFT JOIN, the source it belongs to.
 */
public final class WhereTerm {
    public final Expr expr;
    public final long mask;
    /** For ON terms of an outer join: the index of the joined source; -1 for WHERE and inner-join terms. */
    public final int onSource;
    /** The source whose ON (or USING) clause the term came from, inner joins too; -1 for WHERE terms. */
    public final int joinSource;

    public WhereTerm(Expr expr, long mask, int onSource) {
        this(expr, mask, onSource, onSource);
    }

    public WhereTerm(Expr expr, long mask, int onSource, int joinSource) {
        this.expr = expr;
        this.mask = mask;
        this.onSource = onSource;
        this.joinSource = joinSource;
    }
}
