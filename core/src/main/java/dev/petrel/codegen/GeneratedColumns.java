package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.schema.Column;
import dev.petrel.schema.Table;
import dev.petrel.sql.ast.Expr;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated columns (sqlite.org/gencol.html): {@code b AS (expr) [VIRTUAL|STORED]}. A STORED column is computed
 * when a row is written and kept in the record; a VIRTUAL one is absent from the record and computed whenever it
 * is read. Either way the value gets the column's affinity.
 *
 * <p>Entry points: {@link #validate} at CREATE TABLE; {@link #computeRow} after an INSERT or UPDATE has the row's
 * other columns (and rowid) in registers; {@link #read} when a query reads a VIRTUAL column through a cursor.
 */
final class GeneratedColumns {
    private GeneratedColumns() {
    }

    /**
     * SQLite's CREATE TABLE checks of generated columns: expressions over the table's own columns, deterministic,
     * without subqueries, and no loop among VIRTUAL columns (reported on the loop's last column in declaration
     * order). Loops through a STORED column are only found when a row is written ({@link #computeRow}).
     */
    static void validate(Compiler c, Table t) {
        for (Column col : t.columns) {
            if (col.generated) {
                SchemaExprCheck.check(c, t, col.generatedExpr, SchemaExprCheck.Kind.GENERATED);
            }
        }
        checkLoops(t, true);
    }

    /** Fails on a cycle of generated columns (only VIRTUAL ones when {@code virtualOnly}). */
    private static void checkLoops(Table t, boolean virtualOnly) {
        int n = t.columns.size();
        int[] state = new int[n];
        List<Integer> stack = new ArrayList<>();
        for (int col = 0; col < n; col++) {
            if (inLoopGraph(t, col, virtualOnly)) {
                visit(t, col, virtualOnly, state, stack);
            }
        }
    }

    private static boolean inLoopGraph(Table t, int col, boolean virtualOnly) {
        Column c = t.columns.get(col);
        return c.generated && (!virtualOnly || c.isVirtual());
    }

    private static void visit(Table t, int col, boolean virtualOnly, int[] state, List<Integer> stack) {
        if (state[col] == 2) {
            return;
        }
        if (state[col] == 1) {
            int last = col;
            for (int k = stack.indexOf(col); k < stack.size(); k++) {
                last = Math.max(last, stack.get(k));
            }
            throw PetrelException.error("generated column loop on \"" + t.columns.get(last).name + "\"");
        }
        state[col] = 1;
        stack.add(col);
        List<Expr.ColumnRef> refs = new ArrayList<>();
        Exprs.columnRefs(t.columns.get(col).generatedExpr, refs);
        for (Expr.ColumnRef r : refs) {
            int dep = t.columnIndex(r.column());
            if (dep >= 0 && inLoopGraph(t, dep, virtualOnly)) {
                visit(t, dep, virtualOnly, state, stack);
            }
        }
        stack.remove(stack.size() - 1);
        state[col] = 2;
    }

    /**
     * Computes every generated column of the row in {@code rowRegs} (one register per column, then the rowid)
     * from the other columns, each after the generated columns it reads, and applies its affinity.
     */
    static void computeRow(Compiler c, Table t, int rowRegs) {
        if (!t.hasGenerated()) {
            return;
        }
        checkLoops(t, false);
        Scope scope = new Scope(null);
        Source s = new Source(t.name, t, false);
        s.overrideCursor = -1;
        scope.sources.add(s);
        boolean[] done = new boolean[t.columns.size()];
        ExprGen g = new ExprGen(c, scope) {
            @Override
            void readColumn(Source src, int col, int target) {
                if (col >= 0 && t.columns.get(col).generated && !done[col]) {
                    compute(this, t, col, rowRegs, done);
                }
                b.emit(Opcode.SCopy, col < 0 ? rowRegs + t.columns.size() : rowRegs + col, target);
            }
        };
        for (int col = 0; col < t.columns.size(); col++) {
            if (t.columns.get(col).generated && !done[col]) {
                compute(g, t, col, rowRegs, done);
            }
        }
    }

    private static void compute(ExprGen g, Table t, int col, int rowRegs, boolean[] done) {
        done[col] = true;
        Column column = t.columns.get(col);
        g.exprTo(column.generatedExpr, rowRegs + col);
        g.b.emit(Opcode.Affinity, rowRegs + col, 1, 0, String.valueOf(column.affinity.code()), 0);
    }

    /** Evaluates VIRTUAL column {@code col} of source {@code s} over the row {@code s}'s cursor is on. */
    static void read(ExprGen g, Source s, int col, int target) {
        Column column = s.table.columns.get(col);
        Scope scope = new Scope(null);
        scope.sources.add(s);
        g.withScope(scope).exprTo(column.generatedExpr, target);
        g.b.emit(Opcode.Affinity, target, 1, 0, String.valueOf(column.affinity.code()), 0);
    }

    /** SQLite's error for an INSERT column list ("INSERT into") or UPDATE SET ("UPDATE") naming a generated column. */
    static PetrelException notWritable(String action, Column column) {
        return PetrelException.error("cannot " + action + " generated column \"" + column.name + "\"");
    }
}
