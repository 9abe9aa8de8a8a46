package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.schema.Table;
import dev.petrel.schema.Trigger;
import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.vm.Opcode;
import dev.petrel.vm.Program;
import dev.petrel.vm.TriggerProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Row triggers: compiles each trigger body into a sub-program ({@link TriggerProgram}) and emits the
 * {@link Opcode#Program} calls that run it for a row being inserted, updated or deleted.
 *
 * <p>Calling convention (shared with {@link ForeignKeyGen}'s action programs): the caller passes one block of
 * {@code 2 * (ncol + 1)} registers, the OLD row (columns, then rowid) followed by the NEW row; the sub-program
 * receives them as its registers 1.. and opens a pseudo cursor over a record of each, so that {@code OLD.x} and
 * {@code NEW.x} are ordinary column reads of the qualified-only sources "old" and "new" of the outermost scope of
 * every body statement. Body statements run with the firing statement's conflict action when it has one (as
 * SQLite's {@code OR} propagation); a SELECT's rows are discarded.
 *
 * <p>Sub-programs are compiled once per statement, per trigger and conflict action, and shared by every call
 * site, including calls from inside the trigger itself (recursion is then a runtime matter: the Program opcode
 * skips a trigger already running unless PRAGMA recursive_triggers is on).
 */
final class TriggerGen {
    private final Compiler c;
    private final ProgramBuilder b;
    private final Table table;
    /** The column names of the table or view: the OLD and NEW rows have these. */
    private final List<String> names;
    private final List<Trigger> triggers = new ArrayList<>();
    private final ConflictAction conflict;

    /**
     * The triggers on {@code table} for {@code event}; {@code changed} marks the columns an UPDATE assigns (for
     * {@code UPDATE OF}); {@code conflict} is the firing statement's OR action (null or NONE: none).
     */
    TriggerGen(Compiler c, Table table, Stmt.TriggerEvent event, boolean[] changed, ConflictAction conflict) {
        this.c = c;
        this.b = c.b;
        this.table = table;
        this.conflict = conflict == null || conflict == ConflictAction.NONE ? c.triggerConflict : conflict;
        List<Trigger> on = c.triggersDisabled ? List.of() : c.schema.triggersOn(table);
        this.names = on.isEmpty() ? List.of() : columnNames(c, table);
        for (Trigger tr : on) {
            if (tr.event == event && (event != Stmt.TriggerEvent.UPDATE || tr.firesOnUpdateOf(names, changed))) {
                triggers.add(tr);
            }
        }
    }

    /** Whether any trigger fires at {@code time}. */
    boolean has(Stmt.TriggerTime time) {
        for (Trigger tr : triggers) {
            if (tr.time == time) {
                return true;
            }
        }
        return false;
    }

    boolean any() {
        return !triggers.isEmpty();
    }

    /**
     * Calls the triggers firing at {@code time} with the OLD row at {@code oldRegs} and the NEW row at
     * {@code newRegs} (each columns then rowid; 0: absent). RAISE(IGNORE) jumps to {@code ignore}.
     */
    void fire(Stmt.TriggerTime time, int oldRegs, int newRegs, int ignore) {
        int args = 0;
        for (Trigger tr : triggers) {
            if (tr.time != time) {
                continue;
            }
            if (args == 0) {
                args = argumentBlock(names.size(), oldRegs, newRegs);
            }
            TriggerProgram tp = program(tr);
            b.emit(Opcode.Program, args, ignore, 2 * (names.size() + 1), tp,
                    c.flag(Compiler.FLAG_RECURSIVE_TRIGGERS) ? 0 : 1);
        }
    }

    /** Copies OLD and NEW (or NULLs) into one contiguous block, the Program opcode's arguments. */
    static int argumentBlock(Compiler c, int ncol, int oldRegs, int newRegs) {
        ProgramBuilder b = c.b;
        int n = ncol + 1;
        int args = b.regs(2 * n);
        if (oldRegs != 0) {
            b.emit(Opcode.Copy, oldRegs, args, n - 1);
        } else {
            b.emit(Opcode.Null, 0, args, args + n - 1);
        }
        if (newRegs != 0) {
            b.emit(Opcode.Copy, newRegs, args + n, n - 1);
        } else {
            b.emit(Opcode.Null, 0, args + n, args + 2 * n - 1);
        }
        return args;
    }

    private int argumentBlock(int ncol, int oldRegs, int newRegs) {
        return argumentBlock(c, ncol, oldRegs, newRegs);
    }

    private TriggerProgram program(Trigger tr) {
        String key = "trigger:" + tr.name.toLowerCase(Locale.ROOT) + ":" + conflict;
        TriggerProgram tp = c.triggerPrograms.get(key);
        if (tp != null) {
            return tp;
        }
        tp = new TriggerProgram(tr.name);
        c.triggerPrograms.put(key, tp);
        Compiler sub = c.sub(tr.sql, tr.db);
        sub.inTrigger = true;
        sub.triggerConflict = conflict;
        Stmt.TriggerEvent ev = tr.event;
        boolean hasOld = ev != Stmt.TriggerEvent.INSERT;
        boolean hasNew = ev != Stmt.TriggerEvent.DELETE;
        int end = open(sub, table, names.size(), names, hasOld, hasNew);
        if (tr.when != null) {
            new ExprGen(sub, sub.emptyScope()).ifFalse(tr.when, end, true);
        }
        for (Stmt st : tr.body) {
            body(sub, st);
            if (!(st instanceof Select)) {
                sub.b.emit(Opcode.ResetCount, 0);
            }
        }
        tp.program = close(sub, end);
        return tp;
    }

    /**
     * Starts a sub-program whose registers 1.. hold OLD and NEW rows of {@code ncol} columns named
     * {@code names}: opens their pseudo cursors and makes them the sub-compiler's outermost scope. Returns the
     * label of the program's end.
     */
    static int open(Compiler sub, Table t, int ncol, List<String> names, boolean hasOld, boolean hasNew) {
        ProgramBuilder b = sub.b;
        b.emit(Opcode.Init, 0, 1);
        int n = ncol + 1;
        b.regs(2 * n);
        Scope scope = new Scope(null);
        if (hasOld) {
            scope.sources.add(pseudoSource(sub, "old", t, names, 1, n));
        }
        if (hasNew) {
            scope.sources.add(pseudoSource(sub, "new", t, names, 1 + n, n));
        }
        sub.rootScope = scope;
        return b.newLabel();
    }

    private static Source pseudoSource(Compiler sub, String name, Table t, List<String> names, int first, int n) {
        ProgramBuilder b = sub.b;
        int rec = b.reg();
        int cur = b.cursor();
        b.emit(Opcode.MakeRecord, first, n, rec);
        b.emit(Opcode.OpenPseudo, cur, rec, n);
        Source s = new Source(name, t.isView() ? null : t, false);
        if (t.isView()) {
            for (String col : names) {
                s.columnNames.add(col);
                s.affinities.add(dev.petrel.value.Affinity.NONE);
                s.collations.add(dev.petrel.record.Collation.BINARY);
                s.declTypes.add(null);
            }
        }
        s.qualifiedOnly = true;
        s.overrideCursor = cur;
        s.overrideBase = 0;
        s.cursor = cur;
        return s;
    }

    /** Ends a sub-program opened by {@link #open} and builds it. */
    static Program close(Compiler sub, int end) {
        sub.b.resolve(end);
        sub.b.emit(Opcode.Halt, 0, 0);
        return sub.b.build(List.of(), List.of(), List.of(), false, 0);
    }

    /** Compiles one statement of a trigger body (or of a foreign key action) into {@code sub}. */
    static void body(Compiler sub, Stmt st) {
        try {
            compileStep(sub, st);
        } catch (PetrelException e) {
            // Trigger steps name tables of the trigger's own database, and SQLite reports them so (a TEMP trigger's
            // steps search every database and are reported unqualified).
            String m = e.getMessage();
            int db = sub.schema.fixedDb();
            if (db >= 0 && m != null && m.startsWith(NO_SUCH_TABLE) && m.indexOf('.', NO_SUCH_TABLE.length()) < 0) {
                throw PetrelException.error(NO_SUCH_TABLE + sub.schema.database(db).name() + "."
                        + m.substring(NO_SUCH_TABLE.length()));
            }
            throw e;
        }
    }

    private static final String NO_SUCH_TABLE = "no such table: ";

    private static void compileStep(Compiler sub, Stmt st) {
        ConflictAction inherited = sub.triggerConflict;
        boolean inherit = inherited != null && inherited != ConflictAction.NONE;
        if (st instanceof Stmt.Insert ins) {
            if (inherit) {
                ins = new Stmt.Insert(ins.pos(), ins.with(), inherited, ins.schema(), ins.table(), ins.alias(),
                        ins.columns(), ins.select(), ins.defaultValues(), ins.upserts(), ins.returning());
            }
            new DmlGen(sub).insert(ins);
        } else if (st instanceof Stmt.Update up) {
            if (inherit) {
                up = new Stmt.Update(up.pos(), up.with(), inherited, up.table(), up.sets(), up.from(), up.where(),
                        up.returning(), up.orderBy(), up.limit());
            }
            new DmlGen(sub).update(up);
        } else if (st instanceof Stmt.Delete del) {
            new DmlGen(sub).delete(del);
        } else if (st instanceof Select s) {
            sub.touchesDatabase = true;
            sub.select.run(s, null, (reg, n, info) -> { });
        } else {
            throw PetrelException.error("statement not supported in a trigger");
        }
    }

    /** The column names of a table, or of a view as its SELECT (or column list) names them. */
    static List<String> columnNames(Compiler c, Table t) {
        List<String> names = new ArrayList<>();
        if (!t.isView()) {
            for (dev.petrel.schema.Column col : t.columns) {
                names.add(col.name);
            }
            return names;
        }
        if (t.viewColumns != null) {
            return new ArrayList<>(t.viewColumns);
        }
        Compiler scratch = c.sub(t.sql);
        ResultInfo info = scratch.select.run(t.viewSelect, null, (reg, n, i) -> { });
        return new ArrayList<>(info.names);
    }

    /** RAISE(...) in an expression: only inside a trigger body. */
    static void raise(ExprGen g, Compiler c, Expr.Raise r, int target) {
        if (!c.inTrigger) {
            throw PetrelException.error("RAISE() may only be used within a trigger-program");
        }
        int msg = c.b.reg();
        if (r.message() != null) {
            g.exprTo(r.message(), msg);
        } else {
            c.b.emit(Opcode.Null, 0, msg);
        }
        int action = r.kind() == Expr.RaiseKind.IGNORE ? 0 : r.kind() == Expr.RaiseKind.ROLLBACK ? 1
                : r.kind() == Expr.RaiseKind.ABORT ? 2 : 3;
        c.b.emit(Opcode.Raise, msg, action);
        c.b.emit(Opcode.Null, 0, target);
    }
}
