package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.schema.ForeignKeyDef;
import dev.petrel.schema.Index;
import dev.petrel.schema.Table;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.ForeignKey;
import dev.petrel.sql.ast.QualifiedTable;
import dev.petrel.sql.ast.SetClause;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.vm.Opcode;
import dev.petrel.vm.TriggerProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * Foreign key enforcement for the rows of one INSERT, UPDATE or DELETE (PRAGMA foreign_keys on), in SQLite's
 * counter-based form: a write that leaves a child row without its parent adds one to a violation counter, a write
 * that gives orphans their parent (or removes orphans) takes one away, and a statement (immediate constraints) or
 * COMMIT (DEFERRABLE INITIALLY DEFERRED, or PRAGMA defer_foreign_keys) fails with "FOREIGN KEY constraint failed"
 * if its counter is not back at zero. Decrements are skipped while the counter is zero, so that rows which were
 * orphans before foreign keys were switched on never drive it negative.
 *
 * <p>The table being written is a child through {@link Table#foreignKeys} and a parent through every foreign key
 * that names it. All checks run after the row is written, so a row that references itself finds itself. ON
 * DELETE / ON UPDATE actions other than NO ACTION and RESTRICT run as sub-programs (as SQLite's action triggers):
 * CASCADE deletes or updates the child rows, SET NULL and SET DEFAULT update them; RESTRICT fails at once.
 */
final class ForeignKeyGen {
    /** A foreign key with its parent key located: the parent's rowid or a unique index. */
    static final class Resolved {
        final ForeignKeyDef fk;
        final Table child;
        /** The parent table, or null when it does not exist (only PRAGMA foreign_key_check tolerates that). */
        final Table parent;
        /** Child and parent column of each key column, in the foreign key's order (-1: the rowid). */
        final int[] childCols;
        final int[] parentCols;
        /** The parent's unique index holding the key, or null when the key is the parent's rowid. */
        final Index index;

        Resolved(ForeignKeyDef fk, Table child, Table parent, int[] childCols, int[] parentCols, Index index) {
            this.fk = fk;
            this.child = child;
            this.parent = parent;
            this.childCols = childCols;
            this.parentCols = parentCols;
            this.index = index;
        }

        int counter() {
            return fk.deferred ? 1 : 0;
        }
    }

    private final Compiler c;
    private final ProgramBuilder b;
    private final Table table;
    private final Stmt.TriggerEvent event;
    private final List<Resolved> asChild = new ArrayList<>();
    private final List<Resolved> asParent = new ArrayList<>();

    ForeignKeyGen(Compiler c, Table table, Stmt.TriggerEvent event, boolean[] changed, boolean singleRowInsert) {
        this.c = c;
        this.b = c.b;
        this.table = table;
        this.event = event;
        if (table.isView()) {
            return;
        }
        List<ForeignKeyDef> own = new ArrayList<>(table.foreignKeys);
        own.sort((x, y) -> Integer.compare(x.id, y.id));
        for (ForeignKeyDef fk : own) {
            Resolved r = resolve(c, fk, false);
            if (event != Stmt.TriggerEvent.UPDATE || anyChanged(r.childCols, changed, table)) {
                asChild.add(r);
            }
        }
        List<ForeignKeyDef> referencing = c.schema.referencing(table);
        for (int i = referencing.size() - 1; i >= 0; i--) {
            ForeignKeyDef fk = referencing.get(i);
            if (singleRowInsert && !fk.deferred && !c.flag(Compiler.FLAG_DEFER_FOREIGN_KEYS)) {
                continue;
            }
            Resolved r = resolve(c, fk, false);
            if (event != Stmt.TriggerEvent.UPDATE || anyChanged(r.parentCols, changed, table)) {
                asParent.add(r);
            }
        }
    }

    private static boolean anyChanged(int[] cols, boolean[] changed, Table t) {
        for (int col : cols) {
            int k = col < 0 ? t.rowidAlias : col;
            if (changed == null || k < 0 || changed[k]) {
                return true;
            }
        }
        return false;
    }

    boolean active() {
        return !asChild.isEmpty() || !asParent.isEmpty();
    }

    /** SQLite's error when the parent key is neither the PRIMARY KEY nor a UNIQUE index. */
    static PetrelException mismatch(ForeignKeyDef fk) {
        return PetrelException.error("foreign key mismatch - \"" + fk.childTable + "\" referencing \""
                + fk.parentTable + "\"");
    }

    /** Locates the parent key of {@code fk} (a missing parent is an error unless {@code tolerateMissing}). */
    static Resolved resolve(Compiler c, ForeignKeyDef fk, boolean tolerateMissing) {
        Table child = c.schema.table(fk.db, fk.childTable);
        Table parent = c.schema.table(fk.db, fk.parentTable);
        int n = fk.childColumns.size();
        int[] childCols = new int[n];
        for (int i = 0; i < n; i++) {
            childCols[i] = child.columnIndex(fk.childColumns.get(i));
            if (childCols[i] < 0) {
                throw PetrelException.error("unknown column \"" + fk.childColumns.get(i)
                        + "\" in foreign key definition");
            }
        }
        if (parent == null || parent.isView()) {
            if (tolerateMissing) {
                return new Resolved(fk, child, null, childCols, new int[n], null);
            }
            throw PetrelException.error("no such table: " + c.schema.database(fk.db).name() + "." + fk.parentTable);
        }
        int[] parentCols = new int[n];
        if (fk.parentColumns.isEmpty()) {
            if (parent.rowidAlias >= 0 && n == 1) {
                return new Resolved(fk, child, parent, childCols, new int[] {parent.rowidAlias}, null);
            }
            for (Index idx : parent.indexes) {
                if (idx.primaryKey && idx.columns.length == n) {
                    return new Resolved(fk, child, parent, childCols, idx.columns.clone(), idx);
                }
            }
            throw mismatch(fk);
        }
        if (fk.parentColumns.size() != n) {
            throw mismatch(fk);
        }
        for (int i = 0; i < n; i++) {
            parentCols[i] = parent.columnIndex(fk.parentColumns.get(i));
            if (parentCols[i] < 0) {
                throw mismatch(fk);
            }
        }
        if (n == 1 && parentCols[0] == parent.rowidAlias) {
            return new Resolved(fk, child, parent, childCols, parentCols, null);
        }
        for (Index idx : parent.indexes) {
            if (idx.unique && idx.where == null && idx.columns.length == n && sameColumns(idx.columns, parentCols)) {
                return new Resolved(fk, child, parent, childCols, parentCols, idx);
            }
        }
        throw mismatch(fk);
    }

    private static boolean sameColumns(int[] a, int[] b) {
        for (int x : a) {
            boolean found = false;
            for (int y : b) {
                found |= x == y;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    // ---- per-row hooks -------------------------------------------------------------------------------------------

    /** After the row was written: {@code oldRegs}/{@code newRegs} hold the old and new row (0: none). */
    void afterRow(int oldRegs, int newRegs) {
        int ncol = table.columns.size();
        for (Resolved r : asChild) {
            if (oldRegs != 0) {
                childKeyGone(r, keyRegs(r.childCols, oldRegs, ncol));
            }
            if (newRegs != 0) {
                childKeyAdded(r, keyRegs(r.childCols, newRegs, ncol));
            }
        }
        for (Resolved r : asParent) {
            int self = r.child == table ? (newRegs != 0 ? newRegs : oldRegs) + ncol : 0;
            int[] oldKey = oldRegs == 0 ? null : keyRegs(r.parentCols, oldRegs, ncol);
            int[] newKey = newRegs == 0 ? null : keyRegs(r.parentCols, newRegs, ncol);
            ForeignKey.Action action = event == Stmt.TriggerEvent.DELETE ? r.fk.onDelete : r.fk.onUpdate;
            int done = b.newLabel();
            if (oldKey != null && newKey != null) {
                // An UPDATE that leaves the parent key as it was changes nothing for the children.
                int changed = b.newLabel();
                for (int i = 0; i < oldKey.length; i++) {
                    b.emit(Opcode.Ne, oldKey[i], changed, newKey[i], null, Opcode.NULLEQ);
                }
                b.emit(Opcode.Goto, 0, done);
                b.resolve(changed);
            }
            if (oldKey != null) {
                if (action == ForeignKey.Action.RESTRICT) {
                    scanChildren(r, oldKey, self, () -> b.emit(Opcode.Halt, ResultCode.CONSTRAINT_FOREIGNKEY.code, 2,
                            0, "FOREIGN KEY constraint failed", 0));
                } else {
                    scanChildren(r, oldKey, self, () -> b.emit(Opcode.FkCounter, r.counter(), 1));
                }
            }
            if (newKey != null) {
                int skip = b.newLabel();
                b.emit(Opcode.FkIfZero, r.counter(), skip);
                scanChildren(r, newKey, self, () -> b.emit(Opcode.FkCounter, r.counter(), -1));
                b.resolve(skip);
            }
            if (oldKey != null && (action == ForeignKey.Action.CASCADE || action == ForeignKey.Action.SET_NULL
                    || action == ForeignKey.Action.SET_DEFAULT)) {
                int args = TriggerGen.argumentBlock(c, ncol, oldRegs, newRegs);
                b.emit(Opcode.Program, args, done, 2 * (ncol + 1), actionProgram(r, action), 0);
            }
            b.resolve(done);
        }
    }

    /** The registers of a key's columns within a row block (columns, then rowid). */
    private static int[] keyRegs(int[] cols, int rowRegs, int ncol) {
        int[] regs = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            regs[i] = cols[i] < 0 ? rowRegs + ncol : rowRegs + cols[i];
        }
        return regs;
    }

    /** A child row with this key appeared: a violation unless the parent exists (or the key has a NULL). */
    private void childKeyAdded(Resolved r, int[] key) {
        int ok = b.newLabel();
        for (int reg : key) {
            b.emit(Opcode.IsNull, reg, ok);
        }
        lookupParent(c, r, key, ok);
        b.emit(Opcode.FkCounter, r.counter(), 1);
        b.resolve(ok);
    }

    /** A child row with this key went away: one violation fewer if it was an orphan. */
    private void childKeyGone(Resolved r, int[] key) {
        int ok = b.newLabel();
        for (int reg : key) {
            b.emit(Opcode.IsNull, reg, ok);
        }
        b.emit(Opcode.FkIfZero, r.counter(), ok);
        lookupParent(c, r, key, ok);
        b.emit(Opcode.FkCounter, r.counter(), -1);
        b.resolve(ok);
    }

    /** Jumps to {@code found} if the parent table has a row with this (non-NULL) key; falls through if not. */
    static void lookupParent(Compiler c, Resolved r, int[] key, int found) {
        ProgramBuilder b = c.b;
        int cur = b.cursor();
        int n = key.length;
        if (r.index == null) {
            int notFound = b.newLabel();
            int reg = b.reg();
            b.emit(Opcode.OpenRead, cur, r.parent.rootPage, r.parent.db, r.parent.columns.size(), 0);
            b.emit(Opcode.SCopy, key[0], reg);
            b.emit(Opcode.MustBeInt, reg, notFound);
            b.emit(Opcode.NotExists, cur, notFound, reg);
            b.emit(Opcode.Goto, 0, found);
            b.resolve(notFound);
            return;
        }
        b.emit(Opcode.OpenRead, cur, r.index.rootPage, r.index.table.db, LoopGen.keyOrder(r.index), 0);
        int probe = b.regs(n);
        StringBuilder aff = new StringBuilder();
        for (int k = 0; k < n; k++) {
            int col = r.index.columns[k];
            for (int i = 0; i < n; i++) {
                if (r.parentCols[i] == col) {
                    b.emit(Opcode.SCopy, key[i], probe + k);
                }
            }
            aff.append(r.parent.columns.get(col).affinity.code());
        }
        b.emit(Opcode.Affinity, probe, n, 0, aff.toString(), 0);
        b.emit(Opcode.Found, cur, found, probe, n, 0);
    }

    /**
     * Runs {@code body} for each row of the child table whose key equals {@code key} (parent values; none when
     * one is NULL), except the row whose rowid is in {@code exclude} (0: none).
     */
    private void scanChildren(Resolved r, int[] key, int exclude, Runnable body) {
        int done = b.newLabel();
        for (int reg : key) {
            b.emit(Opcode.IsNull, reg, done);
        }
        Index childIndex = childIndex(r);
        if (childIndex != null) {
            seekChildren(r, childIndex, key, exclude, body, done);
            return;
        }
        int cur = b.cursor();
        b.emit(Opcode.OpenRead, cur, r.child.rootPage, r.child.db, r.child.columns.size(), 0);
        b.emit(Opcode.Rewind, cur, done);
        int top = b.addr();
        int next = b.newLabel();
        int tmp = b.reg();
        for (int i = 0; i < key.length; i++) {
            int col = r.childCols[i];
            if (col == r.child.rowidAlias) {
                b.emit(Opcode.Rowid, cur, tmp);
            } else {
                b.emit(Opcode.Column, cur, col, tmp);
            }
            char aff = r.parent.columns.get(r.parentCols[i]).affinity.code();
            b.emit(Opcode.Ne, key[i], next, tmp, null, Opcode.JUMPIFNULL | (aff - 'A' + 1));
        }
        if (exclude != 0) {
            b.emit(Opcode.Rowid, cur, tmp);
            b.emit(Opcode.Eq, exclude, next, tmp, null, 0);
        }
        body.run();
        b.resolve(next);
        b.emit(Opcode.Next, cur, top);
        b.resolve(done);
        b.emit(Opcode.Close, cur);
    }

    /**
     * An index of the child table that finds the rows of a key as the full scan compares them, or null: not
     * partial, on a rowid table, its first columns the child key columns (in any order), each with BINARY
     * collation and the affinity of its parent column (so the index order and the scan's equality agree).
     */
    private static Index childIndex(Resolved r) {
        if (r.child.withoutRowid) {
            return null;
        }
        int n = r.childCols.length;
        for (Index idx : r.child.indexes) {
            if (idx.where != null || idx.columns.length < n) {
                continue;
            }
            boolean usable = true;
            for (int k = 0; k < n && usable; k++) {
                int i = keyPosition(r.childCols, idx.columns[k]);
                usable = i >= 0 && idx.columns[k] >= 0 && "BINARY".equalsIgnoreCase(idx.collations[k].name())
                        && r.child.columns.get(idx.columns[k]).affinity
                        == r.parent.columns.get(r.parentCols[i]).affinity;
            }
            if (usable) {
                return idx;
            }
        }
        return null;
    }

    private static int keyPosition(int[] cols, int col) {
        for (int i = 0; i < cols.length; i++) {
            if (cols[i] == col) {
                return i;
            }
        }
        return -1;
    }

    /** {@link #scanChildren} through {@code idx}: a seek to the key, then the entries equal to it. */
    private void seekChildren(Resolved r, Index idx, int[] key, int exclude, Runnable body, int done) {
        int n = key.length;
        int cur = b.cursor();
        b.emit(Opcode.OpenRead, cur, idx.rootPage, 0, LoopGen.keyOrder(idx), 0);
        int probe = b.regs(n);
        StringBuilder aff = new StringBuilder();
        for (int k = 0; k < n; k++) {
            int i = keyPosition(r.childCols, idx.columns[k]);
            b.emit(Opcode.SCopy, key[i], probe + k);
            aff.append(r.parent.columns.get(r.parentCols[i]).affinity.code());
        }
        b.emit(Opcode.Affinity, probe, n, 0, aff.toString(), 0);
        b.emit(Opcode.SeekGE, cur, done, probe, n, 0);
        int top = b.addr();
        b.emit(Opcode.IdxGT, cur, done, probe, n, 0);
        int next = b.newLabel();
        if (exclude != 0) {
            int tmp = b.reg();
            b.emit(Opcode.IdxRowid, cur, tmp);
            b.emit(Opcode.Eq, exclude, next, tmp, null, 0);
        }
        body.run();
        b.resolve(next);
        b.emit(Opcode.Next, cur, top);
        b.resolve(done);
        b.emit(Opcode.Close, cur);
    }

    /**
     * The sub-program of an ON DELETE / ON UPDATE action: with the parent's OLD (and NEW) row, CASCADE deletes
     * (or re-keys) the child rows of the old key; SET NULL / SET DEFAULT set their key columns.
     */
    private TriggerProgram actionProgram(Resolved r, ForeignKey.Action action) {
        String key = "fk:" + r.child.name + ":" + r.fk.id + ":" + event + ":" + action;
        TriggerProgram tp = c.triggerPrograms.get(key);
        if (tp != null) {
            return tp;
        }
        tp = new TriggerProgram(null);
        c.triggerPrograms.put(key, tp);
        Compiler sub = c.sub(r.child.sql, r.child.db);
        sub.inTrigger = true;
        List<String> names = TriggerGen.columnNames(c, table);
        int end = TriggerGen.open(sub, table, names.size(), names, true, event == Stmt.TriggerEvent.UPDATE);
        QualifiedTable target = new QualifiedTable(0, null, r.child.name, null, null, false);
        Expr where = null;
        for (int i = 0; i < r.childCols.length; i++) {
            Expr eq = new Expr.Binary(0, Expr.BinaryOp.EQ, childRef(r, i),
                    new Expr.ColumnRef(0, null, "old", parentName(r, i), false));
            where = where == null ? eq : new Expr.Binary(0, Expr.BinaryOp.AND, where, eq);
        }
        Stmt st;
        if (action == ForeignKey.Action.CASCADE && event == Stmt.TriggerEvent.DELETE) {
            st = new Stmt.Delete(0, null, target, where, List.of(), List.of(), null);
        } else {
            List<SetClause> sets = new ArrayList<>();
            for (int i = 0; i < r.childCols.length; i++) {
                Expr value;
                if (action == ForeignKey.Action.CASCADE) {
                    value = new Expr.ColumnRef(0, null, "new", parentName(r, i), false);
                } else if (action == ForeignKey.Action.SET_DEFAULT
                        && r.child.columns.get(r.childCols[i]).defaultValue != null) {
                    value = r.child.columns.get(r.childCols[i]).defaultValue;
                } else {
                    value = new Expr.Literal(0, Expr.LiteralKind.NULL, null, "NULL");
                }
                sets.add(new SetClause(0, List.of(r.child.columns.get(r.childCols[i]).name), false, value));
            }
            st = new Stmt.Update(0, null, null, target, sets, null, where, List.of(), List.of(), null);
        }
        TriggerGen.body(sub, st);
        tp.program = TriggerGen.close(sub, end);
        return tp;
    }

    private static Expr childRef(Resolved r, int i) {
        return new Expr.ColumnRef(0, null, r.child.name, r.child.columns.get(r.childCols[i]).name, false);
    }

    private static String parentName(Resolved r, int i) {
        return r.parent.columns.get(r.parentCols[i]).name;
    }
}
