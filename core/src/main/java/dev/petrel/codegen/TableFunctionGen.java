package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.func.TableFunction;
import dev.petrel.plan.Source;
import dev.petrel.plan.WhereTerm;
import dev.petrel.sql.ast.Expr;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Table-valued functions in FROM (SQLite's eponymous virtual tables, sqlite.org/vtab.html#tabfunc2): the
 * {@link Source} for {@code f(args)} or a bare {@code f}, and the loop opening that calls the function.
 *
 * <p>The call's arguments bind the function's hidden columns in order. Hidden columns the call leaves unbound
 * may be bound by a WHERE/ON term {@code hidden = expr} whose right side reads only sources of earlier loops, as
 * SQLite's xBestIndex would use it ({@code SELECT value FROM generate_series WHERE start = 1 AND stop = 3}). The
 * function runs each time its loop starts, so arguments may refer to outer sources
 * ({@code FROM t, json_each(t.doc)}).
 */
final class TableFunctionGen {
    private TableFunctionGen() {
    }

    /** The source for a call of {@code name}, or null when no table-valued function has that name. */
    static Source source(Compiler c, String name, String alias, List<Expr> args) {
        TableFunction f = c.functions.findTable(name);
        return f == null ? null : source(c, f, alias, args);
    }

    /** The source for a call of {@code f}. */
    static Source source(Compiler c, TableFunction f, String alias, List<Expr> args) {
        if (args.size() > f.hiddenCount()) {
            throw PetrelException.error("too many arguments on " + f.name() + "() - max " + f.hiddenCount());
        }
        Source s = new Source(alias != null ? alias : f.name(), null, true);
        s.tableFunction = f;
        s.tableArgs = args;
        for (String col : f.columns()) {
            s.columnNames.add(col);
            s.affinities.add(dev.petrel.value.Affinity.BLOB);
            s.collations.add(null);
            s.declTypes.add(null);
        }
        s.hiddenStart = f.columns().size() - f.hiddenCount();
        s.cursor = c.b.cursor();
        return s;
    }

    /**
     * Emits the evaluation of the arguments and the VFilter that fills the cursor (jumping to {@code brk} when the
     * call returns no row); returns the emitter of the loop's Next.
     */
    static Runnable open(ExprGen g, ProgramBuilder b, Source s, int sourceIdx, long outerMask, List<WhereTerm> terms,
            int brk) {
        TableFunction f = (TableFunction) s.tableFunction;
        List<Expr> args = new ArrayList<>(s.tableArgs);
        while (args.size() < f.hiddenCount()) {
            Expr bound = constraint(s, sourceIdx, outerMask, terms, s.hiddenStart + args.size());
            if (bound == null) {
                break;
            }
            args.add(bound);
        }
        int base = b.regs(Math.max(1, args.size()));
        for (int i = 0; i < args.size(); i++) {
            g.exprTo(args.get(i), base + i);
        }
        b.emit(Opcode.VFilter, s.cursor, brk, base, f, args.size());
        int top = b.addr();
        return () -> b.emit(Opcode.Next, s.cursor, top);
    }

    /** The right side of a term {@code column = expr} usable as an argument, or null. */
    private static Expr constraint(Source s, int sourceIdx, long outerMask, List<WhereTerm> terms, int column) {
        for (WhereTerm t : terms) {
            if (!(t.expr instanceof Expr.Binary bin) || bin.op() != Expr.BinaryOp.EQ) {
                continue;
            }
            if ((t.mask & ~(outerMask | 1L << sourceIdx)) != 0) {
                continue;
            }
            if (isColumn(bin.left(), s, column)) {
                return bin.right();
            }
            if (isColumn(bin.right(), s, column)) {
                return bin.left();
            }
        }
        return null;
    }

    private static boolean isColumn(Expr e, Source s, int column) {
        return e instanceof Expr.ColumnRef ref && ref.column().equalsIgnoreCase(s.columnNames.get(column))
                && (ref.table() == null || ref.table().equalsIgnoreCase(s.name));
    }
}
