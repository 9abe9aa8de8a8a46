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

    /** Whether {@code name} is a view of the main schema (the statement is then compiled here). */
    static boolean isView(Compiler c, String schema, String name) {
        if (schema != null && !schema.equalsIgnoreCase("main")) {
            return false;
        }
        Table t = c.schema.table(name);
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
        Table v = c.schema.table(ins.table());
        TriggerGen tg = triggers(v, Stmt.TriggerEvent.INSERT, null, ins.orAction());
        rejectReturning(ins.returning());
        List<String> names = TriggerGen.columnNames(c, v);
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
            b.resolve(skip);
            return null;
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
        if (width[0] != map.length) {
            if (ins.columns() == null || ins.columns().isEmpty()) {
                throw PetrelException.error("table " + v.name + " has " + ncol + " columns but " + width[0]
                        + " values were supplied");
            }
            throw PetrelException.error(width[0] + " values for " + map.length + " columns");
        }
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, eph, brk);
        int top = b.addr();
        int skip = b.newLabel();
        b.emit(Opcode.Null, 0, row, row + ncol);
        for (int i = 0; i < map.length; i++) {
            b.emit(Opcode.Column, eph, i, row + map[i]);
        }
        tg.fire(Stmt.TriggerTime.INSTEAD_OF, 0, row, skip);
        b.resolve(skip);
        b.emit(Opcode.Next, eph, top);
        b.resolve(brk);
        return null;
    }

    ResultInfo update(Stmt.Update up) {
        Table v = c.schema.table(up.table().name());
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
        rejectReturning(up.returning());
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
        });
        return null;
    }

    ResultInfo delete(Stmt.Delete del) {
        Table v = c.schema.table(del.table().name());
        TriggerGen tg = triggers(v, Stmt.TriggerEvent.DELETE, null, null);
        rejectReturning(del.returning());
        List<String> names = TriggerGen.columnNames(c, v);
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
        });
        return null;
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

    private static Expr ref(QualifiedTable qt, String column) {
        return new Expr.ColumnRef(qt.pos(), null, qt.alias() != null ? qt.alias() : qt.name(), column, false);
    }

    private static int indexOf(List<String> names, String n) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(n)) {
                return i;
            }
        }
        return -1;
    }

    private static void rejectReturning(List<ResultColumn> returning) {
        if (returning != null && !returning.isEmpty()) {
            throw PetrelException.error("cannot use RETURNING on a view with INSTEAD OF triggers");
        }
    }
}
