package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.func.FunctionDef;
import dev.petrel.schema.Table;
import dev.petrel.sql.ast.Expr;

/**
 * The checks SQLite makes on expressions stored in the schema and evaluated against one row of one table:
 * generated columns, index expressions and partial-index WHERE clauses. Columns must be the table's own (not the
 * rowid), and there may be no subqueries and no non-deterministic functions. Messages name
 * the kind of expression ("generated columns", "index expressions", "partial index WHERE clauses").
 */
final class SchemaExprCheck {
    private SchemaExprCheck() {
    }

    /** Where a checked expression sits; its {@code what} is the plural SQLite's messages use. */
    enum Kind {
        GENERATED("generated columns"),
        INDEX("index expressions"),
        PARTIAL("partial index WHERE clauses");

        final String what;

        Kind(String what) {
            this.what = what;
        }
    }

    static void check(Compiler c, Table t, Expr e, Kind kind) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Subquery || e instanceof Expr.Exists || e instanceof Expr.InSelect) {
            throw PetrelException.error("subqueries prohibited in " + kind.what);
        }
        if (e instanceof Expr.ColumnRef r) {
            column(t, r, kind);
            return;
        }
        if (e instanceof Expr.Param) {
            throw PetrelException.error("parameters prohibited in " + kind.what);
        }
        if (e instanceof Expr.FunctionCall f) {
            FunctionDef def = c.functions.find(f.name(), f.star() ? 0 : f.args().size());
            if (def != null && !def.isDeterministic()) {
                throw PetrelException.error("non-deterministic functions prohibited in " + kind.what);
            }
        }
        for (Expr child : Exprs.children(e)) {
            check(c, t, child, kind);
        }
    }

    private static void column(Table t, Expr.ColumnRef r, Kind kind) {
        String full = r.table() == null ? r.column() : r.table() + "." + r.column();
        if (r.table() != null && !r.table().equalsIgnoreCase(t.name)) {
            throw PetrelException.error("no such column: " + full);
        }
        if (r.table() != null && kind == Kind.GENERATED) {
            throw PetrelException.error("the \".\" operator prohibited in " + kind.what);
        }
        if (t.columnIndex(r.column()) >= 0) {
            return;
        }
        if (r.doubleQuoted() && r.table() == null) {
            return; // a double-quoted string literal
        }
        throw PetrelException.error("no such column: " + full);
    }
}
