package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.schema.Table;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.QualifiedTable;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SelectBody;
import dev.petrel.sql.ast.SetClause;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.TableSource;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT, UPDATE and DELETE on a view: allowed only through INSTEAD OF triggers for that event, which run once per
 * row (the rows to insert, or the view rows the WHERE clause selects) with OLD and NEW as the view's columns;
 * otherwise SQLite's "cannot modify v because it is a view". The statement changes no table itself, so it counts
 * no rows in changes().
 *
 * <p>The rows are first materialized into an ephemeral table (UPDATE: each view row's old values followed by
 * the new ones), so that the triggers never see the statement's own effects while it selects its rows.
 */
final class ViewDmlGen {
    private final Compiler c;
    private final ProgramBuilder b;

    ViewDmlGen(Compiler c) {
        this.c = c;
        this.b = c.b;
    }

    /** Whether {@code schema.name} is a view (the statement is then compiled here). */
    static boolean isView(Compiler c, String schema, String name) {
        Table t = c.schema.table(schema, name);
        return t != null && t.isView();
    }

    private TriggerGen triggers(Table v, Stmt.TriggerEvent event, boolean[] changed,
                                dev.petrel.sql.ast.ConflictAction conflict) {
        TriggerGen tg = new TriggerGen(c, v, event, changed, conflict);
        if (!tg.has(Stmt.TriggerTime.INSTEAD_OF)) {
            throw PetrelException.error("cannot modify " + v.name + " because it is a view");
        }
        return tg;
    }

    ResultInfo insert(Stmt.Insert ins) {
        Table v = c.schema.table(ins.schema(), ins.table());
        TriggerGen tg = triggers(v, Stmt.TriggerEvent.INSERT, null, ins.orAction());
        List<String> names = TriggerGen.columnNames(c, v);
        Returning ret = Returning.of(c, ins.alias() != null ? ins.alias() : v.name, names, ins.returning());
        int ncol = names.size();
        int[] map;
        if (ins.columns() == null || ins.columns().isEmpty()) {
            map = new int[ncol];
            for (int i = 0; i < ncol; i++) {
                map[i] = i;
            }
        } else {
            map = new int[ins.columns().size()];
            for (int i = 0; i < map.length; i++) {
                map[i] = indexOf(names, ins.columns().get(i));
                if (map[i] < 0) {
                    throw PetrelException.error("table " + v.name + " has no column named " + ins.columns().get(i));
                }
            }
        }
        c.touchesDatabase = true;
        c.write = true;
        int row = b.regs(ncol + 1);
        if (ins.defaultValues() || ins.select() == null) {
            b.emit(Opcode.Null, 0, row, row + ncol);
            int skip = b.newLabel();
            tg.fire(Stmt.TriggerTime.INSTEAD_OF, 0, row, skip);
            Returning.emit(ret, row);
            b.resolve(skip);
            return Returning.info(ret);
        }
        int eph = b.cursor();
        b.emit(Opcode.OpenEphemeral, eph, 0);
        int[] width = {-1};
        int rec = b.reg();
        int rid = b.reg();
        c.select.run(ins.select(), null, (reg, n, info) -> {
            width[0] = n;
            b.emit(Opcode.MakeRecord, reg, n, rec);
            b.emit(Opcode.NewRowid, eph, rid);
            b.emit(Opcode.Insert, eph, rec, rid);
        });
        DmlGen.checkCount(v, map, width[0], ins.columns());
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, eph, brk);
        int top = b.addr();
        int skip = b.newLabel();
        b.emit(Opcode.Null, 0, row, row + ncol);
        for (int i = 0; i < map.length; i++) {
            b.emit(Opcode.Column, eph, i, row + map[i]);
        }
        tg.fire(Stmt.TriggerTime.INSTEAD_OF, 0, row, skip);
        Returning.emit(ret, row);
        b.resolve(skip);
        b.emit(Opcode.Next, eph, top);
        b.resolve(brk);
        return Returning.info(ret);
    }

    ResultInfo update(Stmt.Update up) {
        Table v = c.schema.table(up.table().schema(), up.table().name());
        List<String> names = TriggerGen.columnNames(c, v);
        int ncol = names.size();
        Expr[] newVal = new Expr[ncol];
        boolean[] changed = new boolean[ncol];
        for (SetClause sc : up.sets()) {
            for (String n : sc.columns()) {
                int k = indexOf(names, n);
                if (k < 0) {
                    throw PetrelException.error("no such column: " + n);
                }
                newVal[k] = sc.value();
                changed[k] = true;
            }
        }
        // UPDATE OF on a view names view columns: map them through a stand-in table of those names.
        TriggerGen tg = triggers(v, Stmt.TriggerEvent.UPDATE, changed, up.orAction());
        Returning ret = Returning.of(c, sourceName(up.table()), names, up.returning());
        List<ResultColumn> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(new ResultColumn.Item(0, ref(up.table(), n), null));
        }
        for (int i = 0; i < ncol; i++) {
            cols.add(new ResultColumn.Item(0, newVal[i] != null ? newVal[i] : ref(up.table(), names.get(i)), null));
        }
        rows(up.table(), cols, up.where(), 2 * ncol, (eph, row) -> {
            int oldRegs = b.regs(ncol + 1);
            int newRegs = b.regs(ncol + 1);
            for (int i = 0; i < ncol; i++) {
                b.emit(Opcode.Column, eph, i, oldRegs + i);
                b.emit(Opcode.Column, eph, ncol + i, newRegs + i);
            }
            b.emit(Opcode.Null, 0, oldRegs + ncol);
            b.emit(Opcode.Null, 0, newRegs + ncol);
            tg.fire(Stmt.TriggerTime.INSTEAD_OF, oldRegs, newRegs, row);
            Returning.emit(ret, newRegs);
        });
        return Returning.info(ret);
    }

    ResultInfo delete(Stmt.Delete del) {
        Table v = c.schema.table(del.table().schema(), del.table().name());
        TriggerGen tg = triggers(v, Stmt.TriggerEvent.DELETE, null, null);
        List<String> names = TriggerGen.columnNames(c, v);
        Returning ret = Returning.of(c, sourceName(del.table()), names, del.returning());
        int ncol = names.size();
        List<ResultColumn> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(new ResultColumn.Item(0, ref(del.table(), n), null));
        }
        rows(del.table(), cols, del.where(), ncol, (eph, row) -> {
            int oldRegs = b.regs(ncol + 1);
            for (int i = 0; i < ncol; i++) {
                b.emit(Opcode.Column, eph, i, oldRegs + i);
            }
            b.emit(Opcode.Null, 0, oldRegs + ncol);
            tg.fire(Stmt.TriggerTime.INSTEAD_OF, oldRegs, 0, row);
            Returning.emit(ret, oldRegs);
        });
        return Returning.info(ret);
    }

    private interface RowBody {
        void emit(int eph, int rowEnd);
    }

    /** Materializes {@code SELECT cols FROM view WHERE where}, then runs {@code body} for each row. */
    private void rows(QualifiedTable qt, List<ResultColumn> cols, Expr where, int width, RowBody body) {
        c.touchesDatabase = true;
        c.write = true;
        TableSource from = new TableSource.Table(qt.pos(), qt.schema(), qt.name(), qt.alias(), null, false);
        Select sel = new Select(qt.pos(), null, new SelectBody.Core(qt.pos(), false, cols, from, where, List.of(),
                null, List.of()), List.of(), null);
        int eph = b.cursor();
        b.emit(Opcode.OpenEphemeral, eph, width);
        int rec = b.reg();
        int rid = b.reg();
        c.select.run(sel, null, (reg, n, info) -> {
            b.emit(Opcode.MakeRecord, reg, n, rec);
            b.emit(Opcode.NewRowid, eph, rid);
            b.emit(Opcode.Insert, eph, rec, rid);
        });
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, eph, brk);
        int top = b.addr();
        int rowEnd = b.newLabel();
        body.emit(eph, rowEnd);
        b.resolve(rowEnd);
        b.emit(Opcode.Next, eph, top);
        b.resolve(brk);
    }

    private static String sourceName(QualifiedTable qt) {
        return qt.alias() != null ? qt.alias() : qt.name();
    }

    private static Expr ref(QualifiedTable qt, String column) {
        return new Expr.ColumnRef(qt.pos(), null, sourceName(qt), column, false);
    }

    private static int indexOf(List<String> names, String n) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(n)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * RETURNING on a view: evaluated over the view row the triggers received (NEW for INSERT and UPDATE, OLD for
     * DELETE), one result row per row of the statement.
     */
    private static final class Returning {
        final Compiler c;
        final String source;
        final List<String> names;
        final List<ResultColumn> cols;
        final ResultInfo info = new ResultInfo();

        private Returning(Compiler c, String source, List<String> names, List<ResultColumn> cols) {
            this.c = c;
            this.source = source;
            this.names = names;
            this.cols = cols;
            for (ResultColumn rc : cols) {
                if (rc instanceof ResultColumn.Star) {
                    for (String n : names) {
                        info.names.add(n);
                        info.declTypes.add(null);
                    }
                } else {
                    ResultColumn.Item it = (ResultColumn.Item) rc;
                    info.names.add(it.alias() != null ? it.alias() : it.expr() instanceof Expr.ColumnRef r
                            ? r.column() : c.spanText(it));
                    info.declTypes.add(null);
                }
            }
        }

        /** The RETURNING clause's generator, or null when there is none. */
        static Returning of(Compiler c, String source, List<String> names, List<ResultColumn> cols) {
            return cols == null || cols.isEmpty() ? null : new Returning(c, source, names, cols);
        }

        static ResultInfo info(Returning r) {
            return r == null ? null : r.info;
        }

        static void emit(Returning r, int rowRegs) {
            if (r != null) {
                r.emit(rowRegs);
            }
        }

        private void emit(int rowRegs) {
            dev.petrel.plan.Scope scope = c.emptyScope();
            dev.petrel.plan.Source s = new dev.petrel.plan.Source(source, null, false);
            for (String n : names) {
                s.columnNames.add(n);
                s.affinities.add(dev.petrel.value.Affinity.NONE);
                s.collations.add(dev.petrel.record.Collation.BINARY);
                s.declTypes.add(null);
            }
            scope.sources.add(s);
            ExprGen g = new ExprGen(c, scope) {
                @Override
                void readColumn(dev.petrel.plan.Source src, int col, int target) {
                    if (src == s) {
                        b.emit(Opcode.SCopy, rowRegs + col, target);
                    } else {
                        super.readColumn(src, col, target);
                    }
                }
            };
            int n = info.names.size();
            int base = c.b.regs(n);
            int k = 0;
            for (ResultColumn rc : cols) {
                if (rc instanceof ResultColumn.Star) {
                    for (int i = 0; i < names.size(); i++) {
                        c.b.emit(Opcode.SCopy, rowRegs + i, base + k++);
                    }
                } else {
                    g.exprTo(((ResultColumn.Item) rc).expr(), base + k++);
                }
            }
            c.b.emit(Opcode.ResultRow, base, n);
        }
    }
}
