package dev.petrel.codegen;

import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.schema.Table;
import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.vm.Opcode;

/**
 * What happens around each row an INSERT, UPDATE or DELETE writes, besides the write itself: row triggers
 * ({@link TriggerGen}) and foreign key checks and actions ({@link ForeignKeyGen}). {@link DmlGen} calls these
 * hooks at fixed points of its per-row code; everything they emit is decided here.
 *
 * <p>Order per row, as SQLite's: BEFORE triggers; the write (constraint checks, record, indexes); foreign key
 * checks of the row and then the actions on child rows; AFTER triggers. Row registers are laid out as DmlGen's:
 * columns, then the rowid.
 */
final class RowEvents {
    private final Compiler c;
    private final ProgramBuilder b;
    private final Table table;
    private final Stmt.TriggerEvent event;
    /** UPDATE: the columns the statement assigns. */
    private final boolean[] changed;
    final TriggerGen triggers;
    final ForeignKeyGen foreignKeys;
    /** The OLD row of the row being updated or deleted (0 before it is loaded). */
    private int oldRegs;

    RowEvents(Compiler c, Table table, Stmt.TriggerEvent event, boolean[] changed, ConflictAction conflict) {
        this(c, table, event, changed, conflict, true, false);
    }

    private RowEvents(Compiler c, Table table, Stmt.TriggerEvent event, boolean[] changed, ConflictAction conflict,
                      boolean withTriggers, boolean singleRowInsert) {
        this.c = c;
        this.b = c.b;
        this.table = table;
        this.event = event;
        this.changed = changed;
        this.triggers = new TriggerGen(c, table, withTriggers ? event : null, changed, conflict);
        this.foreignKeys = c.flag(Compiler.FLAG_FOREIGN_KEYS)
                ? new ForeignKeyGen(c, table, event, changed, singleRowInsert) : null;
    }

    /**
     * The events of an INSERT. As in SQLite, a top-level single-row INSERT without REPLACE skips the parent side
     * of immediate foreign keys: one new parent row cannot change the statement's own violation count.
     */
    static RowEvents forInsert(Compiler c, Table t, Stmt.Insert ins) {
        boolean single = !c.inTrigger && ins.orAction() != ConflictAction.REPLACE && (ins.defaultValues()
                || ins.select() == null || ins.select().body() instanceof dev.petrel.sql.ast.SelectBody.Values v
                && v.rows().size() == 1 && ins.select().with() == null);
        return new RowEvents(c, t, Stmt.TriggerEvent.INSERT, null, ins.orAction(), true, single);
    }

    /** Whether anything must run per row (a DELETE can then not just clear the table). */
    boolean active() {
        return triggers.any() || foreignKeys != null && foreignKeys.active();
    }

    /**
     * INSERT, before the rowid is chosen: BEFORE INSERT triggers see the new row with affinities applied and
     * {@code NEW.rowid} -1 unless the statement gives one ({@code givenRowid}, 0 if none).
     */
    void beforeInsert(int rowRegs, int givenRowid, int skip) {
        if (!triggers.has(Stmt.TriggerTime.BEFORE)) {
            return;
        }
        int ncol = table.columns.size();
        int row = b.regs(ncol + 1);
        b.emit(Opcode.Copy, rowRegs, row, ncol - 1);
        b.emit(Opcode.Integer, -1, row + ncol);
        if (givenRowid != 0) {
            int none = b.newLabel();
            b.emit(Opcode.IsNull, givenRowid, none);
            b.emit(Opcode.SCopy, givenRowid, row + ncol);
            b.resolve(none);
        }
        if (table.rowidAlias >= 0) {
            b.emit(Opcode.SCopy, row + ncol, row + table.rowidAlias);
        }
        b.emit(Opcode.Affinity, row, ncol, 0, affinities(table), 0);
        triggers.fire(Stmt.TriggerTime.BEFORE, 0, row, skip);
    }

    /** UPDATE or DELETE of the row at {@code rowid} ({@code cursor} on it): loads OLD, runs BEFORE triggers. */
    void before(int cursor, int rowid, int newRegs, int skip) {
        oldRegs = 0;
        if (!active()) {
            return;
        }
        int ncol = table.columns.size();
        oldRegs = b.regs(ncol + 1);
        Scope scope = new Scope(null);
        Source s = new Source(table.name, table, false);
        s.cursor = cursor;
        scope.sources.add(s);
        ExprGen g = new ExprGen(c, scope);
        for (int i = 0; i < ncol; i++) {
            g.readColumn(s, i, oldRegs + i);
        }
        b.emit(Opcode.SCopy, rowid, oldRegs + ncol);
        if (triggers.has(Stmt.TriggerTime.BEFORE)) {
            triggers.fire(Stmt.TriggerTime.BEFORE, oldRegs, newRegs, skip);
            // The trigger may have deleted the row or moved the cursor.
            b.emit(Opcode.NotExists, cursor, skip, rowid);
            if (newRegs != 0 && changed != null) {
                // ... or changed it: the columns the UPDATE does not assign are read again, as SQLite does.
                for (int i = 0; i < ncol; i++) {
                    if (!changed[i] && i != table.rowidAlias) {
                        g.readColumn(s, i, newRegs + i);
                    }
                }
            }
        }
    }

    /** After the row was written (INSERT, UPDATE) or deleted: foreign keys, then AFTER triggers. */
    void after(int newRegs, int skip) {
        if (foreignKeys != null) {
            foreignKeys.afterRow(oldRegs, newRegs);
        }
        triggers.fire(Stmt.TriggerTime.AFTER, oldRegs, newRegs, skip);
    }

    /** The events of an upsert's DO UPDATE: the UPDATE triggers and foreign keys of the columns it sets. */
    static RowEvents forUpsertUpdate(Compiler c, Table t, dev.petrel.sql.ast.Expr[] newValues) {
        boolean[] changed = new boolean[newValues.length];
        for (int i = 0; i < changed.length; i++) {
            changed[i] = newValues[i] != null;
        }
        return new RowEvents(c, t, Stmt.TriggerEvent.UPDATE, changed, null);
    }

    /** A row deleted by REPLACE conflict resolution, with what runs around its deletion. */
    static final class Replaced {
        final RowEvents deletion;
        final int skip;

        Replaced(RowEvents deletion, int skip) {
            this.deletion = deletion;
            this.skip = skip;
        }
    }

    /**
     * REPLACE conflict resolution is about to delete the row {@code cursor} is on: as in SQLite, its DELETE
     * triggers fire only under PRAGMA recursive_triggers, and foreign keys treat it as a deletion. Returns null
     * when nothing runs.
     */
    Replaced beforeReplaceDelete(int cursor, int rowid) {
        boolean recursive = c.flag(Compiler.FLAG_RECURSIVE_TRIGGERS);
        if (!recursive && !c.flag(Compiler.FLAG_FOREIGN_KEYS)) {
            return null;
        }
        RowEvents deletion = new RowEvents(c, table, Stmt.TriggerEvent.DELETE, null, null, recursive, false);
        if (!deletion.active()) {
            return null;
        }
        Replaced r = new Replaced(deletion, b.newLabel());
        deletion.before(cursor, rowid, 0, r.skip);
        return r;
    }

    void afterReplaceDelete(Replaced r) {
        r.deletion.after(0, r.skip);
        r.deletion.b.resolve(r.skip);
    }

    /** Whether DmlGen's write of a row is this statement's own (not an upsert's update inside an INSERT). */
    boolean firesAfterWrite(boolean isInsert) {
        return (event == Stmt.TriggerEvent.INSERT) == isInsert;
    }

    static String affinities(Table t) {
        StringBuilder aff = new StringBuilder();
        for (dev.petrel.schema.Column col : t.columns) {
            aff.append(col.affinity.code());
        }
        return aff.toString();
    }
}
