package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.plan.WhereTerm;
import dev.petrel.schema.Column;
import dev.petrel.schema.Index;
import dev.petrel.schema.Table;
import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.QualifiedTable;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SelectBody;
import dev.petrel.sql.ast.SetClause;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.Upsert;
import dev.petrel.vm.Opcode;
import dev.petrel.vm.Vm;
import java.util.ArrayList;
import java.util.List;

/**
 * Code for INSERT, UPDATE and DELETE: row construction with defaults and affinities, NOT NULL / CHECK / UNIQUE /
 * PRIMARY KEY constraints with SQLite's messages and conflict resolution (ABORT, FAIL, ROLLBACK, IGNORE, REPLACE,
 * and ON CONFLICT DO NOTHING), index maintenance, AUTOINCREMENT through sqlite_sequence, and RETURNING.
 *
 * <p>UPDATE and DELETE first collect their target rows (UPDATE: the new column values too) into an ephemeral
 * table, then apply the changes in a second loop, so that a statement never sees its own writes.
 */
final class DmlGen {
    private final Compiler c;
    private final ProgramBuilder b;
    /** Triggers and foreign keys of the statement's rows (see RowEvents for where each hook runs). */
    private RowEvents events;
    /** Where the row being inserted ends (RAISE(IGNORE) in a BEFORE trigger skips it). */
    private int rowSkip;

    DmlGen(Compiler c) {
        this.c = c;
        this.b = c.b;
    }

    private Table target(String schemaName, String name) {
        Table t = c.schema.table(schemaName, name);
        if (t == null) {
            throw PetrelException.error("no such table: " + (schemaName != null ? schemaName + "." : "") + name);
        }
        if (t.isView()) {
            throw PetrelException.error("cannot modify " + t.name + " because it is a view");
        }
        if (t.rootPage == 1 || t.name.toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")
                && !t.name.equalsIgnoreCase("sqlite_sequence")) {
            throw PetrelException.error("table " + t.name + " may not be modified");
        }
        return t;
    }

    /** Cursors of a write: the table's and one per index, opened for writing. */
    private static final class Cursors {
        int table;
        int[] index;
        /**
         * UPDATE: indexes whose key the statement cannot change (no key column assigned, rowid kept); their
         * entries are neither deleted, checked nor re-inserted, as SQLite skips them. Null: none.
         */
        boolean[] unchanged;

        boolean keeps(int i) {
            return unchanged != null && unchanged[i];
        }
    }

    private Cursors openWrite(Table t, int tableCursor) {
        Cursors cs = new Cursors();
        cs.table = tableCursor;
        WithoutRowid.open(b, Opcode.OpenWrite, cs.table, t, t.rootPage, 0);
        cs.index = new int[t.indexes.size()];
        for (int i = 0; i < cs.index.length; i++) {
            Index idx = t.indexes.get(i);
            if (WithoutRowid.isTableKey(idx)) {
                cs.index[i] = cs.table;
                continue;
            }
            cs.index[i] = b.cursor();
            b.emit(Opcode.OpenWrite, cs.index[i], idx.rootPage, idx.table.db, LoopGen.keyOrder(idx), 0);
        }
        return cs;
    }

    // ---- INSERT --------------------------------------------------------------------------------------------------

    ResultInfo insert(Stmt.Insert ins) {
        if (ViewDmlGen.isView(c, ins.schema(), ins.table())) {
            return new ViewDmlGen(c).insert(ins);
        }
        Table t = target(ins.schema(), ins.table());
        int ncol = t.columns.size();
        int[] map;
        if (ins.columns() == null || ins.columns().isEmpty()) {
            // Without a column list, values go to the columns that are not generated.
            int writable = 0;
            for (Column col : t.columns) {
                writable += col.generated ? 0 : 1;
            }
            map = new int[writable];
            for (int i = 0, k = 0; i < ncol; i++) {
                if (!t.columns.get(i).generated) {
                    map[k++] = i;
                }
            }
        } else {
            map = new int[ins.columns().size()];
            for (int i = 0; i < map.length; i++) {
                String n = ins.columns().get(i);
                int k = t.columnIndex(n);
                if (k < 0 && Scope.isRowidName(n) && !t.withoutRowid) {
                    k = -1 - 1;
                } else if (k < 0) {
                    throw PetrelException.error("table " + t.name + " has no column named " + n);
                } else if (t.columns.get(k).generated) {
                    throw GeneratedColumns.notWritable("INSERT into", t.columns.get(k));
                }
                map[i] = k;
            }
        }
        ConflictAction onConflict = ins.orAction();
        boolean doNothing = false;
        upsert = null;
        for (Upsert u : ins.upserts()) {
            if (u.doNothing()) {
                doNothing = upsert == null;
            } else if (upsert == null && !doNothing) {
                upsert = u;
                upsertAlias = ins.alias();
            }
        }
        Cursors cs = openWrite(t, b.cursor());
        events = RowEvents.forInsert(c, t, ins);
        int seqReg = autoincrementStart(t);
        int rowRegs = b.regs(ncol + 1);
        ExprGen g = new ExprGen(c, c.emptyScope());
        ReturningGen ret = ins.returning() == null || ins.returning().isEmpty() ? null
                : new ReturningGen(c, t, cs.table, ins.returning());
        final boolean ignoreConflicts = doNothing;
        if (ins.defaultValues() || ins.select() == null) {
            buildRow(t, g, map, null, rowRegs, cs, seqReg);
            writeRow(t, cs, rowRegs, onConflict, ignoreConflicts, ret, true);
        } else if (ins.select().body() instanceof SelectBody.Values v && ins.select().orderBy().isEmpty()
                && ins.select().limit() == null && ins.select().with() == null) {
            for (List<Expr> row : v.rows()) {
                checkCount(t, map, row.size(), ins.columns());
                int[] vals = new int[row.size()];
                int base = b.regs(row.size());
                for (int i = 0; i < row.size(); i++) {
                    g.exprTo(row.get(i), base + i);
                    vals[i] = base + i;
                }
                buildRow(t, g, map, vals, rowRegs, cs, seqReg);
                writeRow(t, cs, rowRegs, onConflict, ignoreConflicts, ret, true);
            }
        } else {
            // Materialize the SELECT first: it may read the table being written.
            int eph = b.cursor();
            b.emit(Opcode.OpenEphemeral, eph, 0);
            int rec = b.reg();
            int rid = b.reg();
            int[] width = new int[1];
            c.touchesDatabase = true;
            c.select.run(ins.select(), null, (reg, n, info) -> {
                width[0] = n;
                b.emit(Opcode.MakeRecord, reg, n, rec);
                b.emit(Opcode.NewRowid, eph, rid);
                b.emit(Opcode.Insert, eph, rec, rid);
            });
            checkCount(t, map, width[0], ins.columns());
            int brk = b.newLabel();
            b.emit(Opcode.Rewind, eph, brk);
            int top = b.addr();
            int[] vals = new int[width[0]];
            int base = b.regs(width[0]);
            for (int i = 0; i < width[0]; i++) {
                b.emit(Opcode.Column, eph, i, base + i);
                vals[i] = base + i;
            }
            buildRow(t, g, map, vals, rowRegs, cs, seqReg);
            writeRow(t, cs, rowRegs, onConflict, ignoreConflicts, ret, true);
            b.emit(Opcode.Next, eph, top);
            b.resolve(brk);
        }
        autoincrementEnd(t, seqReg);
        return ret == null ? null : ret.info;
    }

    static void checkCount(Table t, int[] map, int n, List<String> cols) {
        if (n != map.length) {
            if (cols == null || cols.isEmpty()) {
                throw PetrelException.error("table " + t.name + " has " + map.length + " columns but " + n
                        + " values were supplied");
            }
            throw PetrelException.error(n + " values for " + map.length + " columns");
        }
    }

    /**
     * Fills {@code rowRegs[0..ncol-1]} with the new row's column values and {@code rowRegs[ncol]} with its rowid.
     * {@code vals[i]} is the register of the value for column {@code map[i]} (null: DEFAULT VALUES).
     */
    private void buildRow(Table t, ExprGen g, int[] map, int[] vals, int rowRegs, Cursors cs, int seqReg) {
        int ncol = t.columns.size();
        int rowid = rowRegs + ncol;
        rowSkip = b.newLabel();
        boolean[] given = new boolean[ncol];
        int rowidFrom = 0;
        for (int i = 0; vals != null && i < map.length; i++) {
            if (map[i] >= 0) {
                given[map[i]] = true;
                b.emit(Opcode.SCopy, vals[i], rowRegs + map[i]);
            } else {
                rowidFrom = vals[i];
            }
        }
        for (int col = 0; col < ncol; col++) {
            if (!given[col]) {
                Column column = t.columns.get(col);
                if (column.defaultValue != null) {
                    g.exprTo(column.defaultValue, rowRegs + col);
                } else {
                    b.emit(Opcode.Null, 0, rowRegs + col);
                }
            }
        }
        int alias = t.rowidAlias;
        int src = alias >= 0 && given[alias] ? rowRegs + alias : rowidFrom;
        events.beforeInsert(rowRegs, src, rowSkip);
        int done = b.newLabel();
        if (t.withoutRowid) {
            b.emit(Opcode.Null, 0, rowid);
            b.emit(Opcode.Goto, 0, done);
        } else if (src != 0) {
            int gen = b.newLabel();
            b.emit(Opcode.SCopy, src, rowid);
            b.emit(Opcode.IsNull, rowid, gen);
            b.emit(Opcode.MustBeInt, rowid, 0);
            if (seqReg != 0) {
                // AUTOINCREMENT remembers explicit rowids larger than the high-water mark.
                int skip = b.newLabel();
                b.emit(Opcode.Le, seqReg, skip, rowid, null, Opcode.JUMPIFNULL);
                b.emit(Opcode.SCopy, rowid, seqReg);
                b.resolve(skip);
            }
            b.emit(Opcode.Goto, 0, done);
            b.resolve(gen);
        }
        b.emit(Opcode.NewRowid, cs.table, rowid, seqReg);
        b.resolve(done);
        if (alias >= 0) {
            b.emit(Opcode.SCopy, rowid, rowRegs + alias);
        }
        // Column affinities (the rowid alias is already an integer).
        StringBuilder aff = new StringBuilder();
        for (Column col : t.columns) {
            aff.append(col.affinity.code());
        }
        b.emit(Opcode.Affinity, rowRegs, ncol, 0, aff.toString(), 0);
        GeneratedColumns.computeRow(c, t, rowRegs);
    }

    /**
     * Checks constraints and writes the row in {@code rowRegs} (columns, then rowid): table record and index
     * entries. {@code isInsert} false means an UPDATE whose old index entries are already deleted.
     */
    private void writeRow(Table t, Cursors cs, int rowRegs, ConflictAction stmtAction, boolean doNothing,
                          ReturningGen ret, boolean isInsert) {
        writeRow(t, cs, rowRegs, stmtAction, doNothing, ret, isInsert, 0, null);
    }

    /**
     * The UPDATE half of {@link #writeRow}: runs after every constraint check passed, before the new row is
     * stored. It removes the old row's index entries, and the old row itself when the rowid changes. Doing this
     * only after the checks is what makes OR IGNORE (and a failed check) leave the old row and its index entries
     * untouched, as in SQLite.
     */
    /**
     * Writes the new version of an updated row. Every constraint is checked first and only then the old row is
     * replaced ({@link #removeOldRow}), so that OR FAIL and OR IGNORE (and a failed check) leave it untouched. A
     * WITHOUT ROWID table's checks tell its own old entries by their PRIMARY KEY ({@code oldKey}).
     */
    private void updateRow(Table t, Cursors cs, int rowRegs, ConflictAction action, ReturningGen ret, int oldRowid) {
        if (t.withoutRowid) {
            Index pk = t.primaryKeyIndex();
            int oldKey = b.regs(pk.columns.length);
            for (int k = 0; k < pk.columns.length; k++) {
                b.emit(Opcode.Column, cs.table, pk.positionInEntry(pk.columns[k]), oldKey + k);
            }
            withoutRowidOldKey = oldKey;
            try {
                writeRow(t, cs, rowRegs, action, false, ret, false, 0, skipRow -> {
                    // The checks moved the table cursor: find the old row again.
                    WithoutRowid.seekKey(b, t, cs.table, skipRow, oldKey);
                    deleteIndexEntries(t, cs, oldKey);
                    b.emit(Opcode.Delete, cs.table, 0, 0, t.name, 0);
                });
            } finally {
                withoutRowidOldKey = 0;
            }
        } else {
            writeRow(t, cs, rowRegs, action, false, ret, false, oldRowid,
                    removeOldRow(t, cs, oldRowid, rowRegs + t.columns.size()));
        }
    }

    /** While a WITHOUT ROWID row is updated: the registers of its old PRIMARY KEY (see {@link #updateRow}); else 0. */
    private int withoutRowidOldKey;

    private java.util.function.IntConsumer removeOldRow(Table t, Cursors cs, int oldRowid, int newRowid) {
        return skipRow -> {
            // An OR REPLACE check may have moved the cursor to (and deleted) a conflicting row: come back.
            b.emit(Opcode.NotExists, cs.table, skipRow, oldRowid);
            deleteIndexEntries(t, cs, oldRowid);
            int same = b.newLabel();
            b.emit(Opcode.Eq, oldRowid, same, newRowid, null, 0);
            b.emit(Opcode.Delete, cs.table, 0, 0, t.name, 0);
            b.resolve(same);
        };
    }

    /** The ON CONFLICT DO UPDATE clause of the INSERT being compiled, or null. */
    private Upsert upsert;
    private String upsertAlias;

    /** Whether the upsert's conflict target names exactly these table columns (empty target: any). */
    private boolean upsertMatches(Table t, int[] cols) {
        if (upsert == null) {
            return false;
        }
        if (upsert.target().isEmpty()) {
            return true;
        }
        java.util.Set<Integer> want = new java.util.HashSet<>();
        for (dev.petrel.sql.ast.IndexedColumn ic : upsert.target()) {
            Expr e = ic.expr() instanceof Expr.Collate co ? co.operand() : ic.expr();
            if (!(e instanceof Expr.ColumnRef r)) {
                return false;
            }
            want.add(t.columnIndex(r.column()));
        }
        java.util.Set<Integer> have = new java.util.HashSet<>();
        for (int c : cols) {
            have.add(c);
        }
        return want.equals(have);
    }

    /**
     * DO UPDATE for a conflict with the row whose rowid is in {@code conflictRowid} (on a WITHOUT ROWID table, the
     * row the table cursor is on): updates that row (SET expressions see it and {@code excluded}, the row that was
     * to be inserted) and skips the insert.
     */
    private void upsertUpdate(Table t, Cursors cs, int rowRegs, int conflictRowid, int skipRow, ReturningGen ret) {
        Upsert u = upsert;
        upsert = null;
        try {
            int ncol = t.columns.size();
            if (!t.withoutRowid) {
                b.emit(Opcode.NotExists, cs.table, skipRow, conflictRowid);
            }
            Scope scope = c.emptyScope();
            Source target = new Source(upsertAlias != null ? upsertAlias : t.name, t, false);
            target.cursor = cs.table;
            Source excluded = new Source("excluded", t, false);
            excluded.cursor = cs.table;
            for (Column col : t.columns) {
                // Unqualified names mean the target row; "excluded" must be named.
                excluded.mergedColumns.add(col.name.toLowerCase(java.util.Locale.ROOT));
            }
            scope.sources.add(target);
            scope.sources.add(excluded);
            ExprGen g = new ExprGen(c, scope) {
                @Override
                void readColumn(Source s, int col, int reg) {
                    if (s == excluded) {
                        b.emit(Opcode.SCopy, col < 0 ? rowRegs + ncol : rowRegs + col, reg);
                    } else {
                        super.readColumn(s, col, reg);
                    }
                }
            };
            if (u.where() != null) {
                g.ifFalse(u.where(), skipRow, true);
            }
            Expr[] newVal = new Expr[ncol];
            for (SetClause sc : u.sets()) {
                for (String n : sc.columns()) {
                    int k = t.columnIndex(n);
                    if (k < 0) {
                        throw PetrelException.error("no such column: " + n);
                    }
                    if (t.columns.get(k).generated) {
                        throw GeneratedColumns.notWritable("UPDATE", t.columns.get(k));
                    }
                    newVal[k] = sc.value();
                }
            }
            int upd = b.regs(ncol + 1);
            int oldRowid = b.reg();
            b.emit(Opcode.SCopy, conflictRowid, oldRowid); // unused for a WITHOUT ROWID table
            for (int i = 0; i < ncol; i++) {
                if (newVal[i] != null) {
                    g.exprTo(newVal[i], upd + i);
                } else {
                    g.readColumn(target, i, upd + i);
                }
            }
            if (t.withoutRowid) {
                b.emit(Opcode.Null, 0, upd + ncol);
            } else {
                b.emit(Opcode.SCopy, t.rowidAlias >= 0 && newVal[t.rowidAlias] != null ? upd + t.rowidAlias
                        : oldRowid, upd + ncol);
                b.emit(Opcode.MustBeInt, upd + ncol, 0);
            }
            if (t.rowidAlias >= 0) {
                b.emit(Opcode.SCopy, upd + ncol, upd + t.rowidAlias);
            }
            StringBuilder aff = new StringBuilder();
            for (Column col : t.columns) {
                aff.append(col.affinity.code());
            }
            b.emit(Opcode.Affinity, upd, ncol, 0, aff.toString(), 0);
            RowEvents insertEvents = events;
            events = RowEvents.forUpsertUpdate(c, t, newVal);
            events.before(cs.table, oldRowid, upd, skipRow);
            GeneratedColumns.computeRow(c, t, upd);
            updateRow(t, cs, upd, ConflictAction.ABORT, ret, oldRowid);
            events = insertEvents;
            b.emit(Opcode.Goto, 0, skipRow);
        } finally {
            upsert = u;
        }
    }

    private void writeRow(Table t, Cursors cs, int rowRegs, ConflictAction stmtAction, boolean doNothing,
                          ReturningGen ret, boolean isInsert, int oldRowid,
                          java.util.function.IntConsumer beforeWrite) {
        int ncol = t.columns.size();
        int rowid = rowRegs + ncol;
        int skipRow = b.newLabel();
        // NOT NULL.
        for (int col = 0; col < ncol; col++) {
            Column column = t.columns.get(col);
            if (column.notNull && col != t.rowidAlias) {
                ConflictAction a = action(stmtAction, column.notNullConflict);
                if (a == ConflictAction.IGNORE) {
                    b.emit(Opcode.IsNull, rowRegs + col, skipRow);
                } else {
                    if (a == ConflictAction.REPLACE && column.defaultValue != null) {
                        int ok = b.newLabel();
                        b.emit(Opcode.NotNull, rowRegs + col, ok);
                        new ExprGen(c, new Scope(null)).exprTo(column.defaultValue, rowRegs + col);
                        b.resolve(ok);
                    }
                    b.emit(Opcode.HaltIfNull, ResultCode.CONSTRAINT_NOTNULL.code, haltP2(a), rowRegs + col,
                            "NOT NULL constraint failed: " + t.name + "." + column.name, Vm.CONSTRAINT_NOTNULL);
                }
            }
        }
        RowImage.typeCheck(b, t, rowRegs);
        // CHECK.
        if (!t.checks.isEmpty() && (c.flags & Compiler.FLAG_IGNORE_CHECKS) == 0) {
            Scope sc = new Scope(null);
            Source s = new Source(t.name, t, false);
            s.overrideCursor = -1;
            sc.sources.add(s);
            ExprGen g = new RowExprGen(c, sc, rowRegs, t);
            for (Table.Check ck : t.checks) {
                int ok = b.newLabel();
                g.ifTrue(ck.expr(), ok, true);
                ConflictAction a = action(stmtAction, ConflictAction.NONE);
                if (a == ConflictAction.IGNORE) {
                    b.emit(Opcode.Goto, 0, skipRow);
                } else {
                    b.emit(Opcode.Halt, ResultCode.CONSTRAINT_CHECK.code, haltP2(a), 0,
                            "CHECK constraint failed: " + checkName(t, ck), Vm.CONSTRAINT_CHECK);
                }
                b.resolve(ok);
            }
        }
        // Rowid uniqueness (a WITHOUT ROWID table's PRIMARY KEY is checked with the unique indexes).
        if (!t.withoutRowid && (t.rowidAlias >= 0 || isInsert)) {
            int ok = b.newLabel();
            if (oldRowid != 0) {
                b.emit(Opcode.Eq, oldRowid, ok, rowid, null, 0);
            }
            b.emit(Opcode.NotExists, cs.table, ok, rowid);
            ConflictAction a = doNothing ? ConflictAction.IGNORE : action(stmtAction, t.pkOnConflict);
            if (isInsert && upsertMatches(t, t.rowidAlias >= 0 ? new int[] {t.rowidAlias} : new int[0])) {
                upsertUpdate(t, cs, rowRegs, rowid, skipRow, ret);
            } else if (a == ConflictAction.IGNORE) {
                b.emit(Opcode.Goto, 0, skipRow);
            } else if (a == ConflictAction.REPLACE) {
                deleteCurrentRow(t, cs, false);
            } else {
                String col = t.rowidAlias >= 0 ? t.columns.get(t.rowidAlias).name : "rowid";
                b.emit(Opcode.Halt, ResultCode.CONSTRAINT_PRIMARYKEY.code, haltP2(a), 0,
                        "UNIQUE constraint failed: " + t.name + "." + col, Vm.CONSTRAINT_PRIMARYKEY);
            }
            b.resolve(ok);
        }
        // Unique indexes.
        IndexKeys rowKeys = IndexKeys.forRegisters(c, t, rowRegs);
        for (int i = 0; i < t.indexes.size(); i++) {
            Index idx = t.indexes.get(i);
            if (!idx.unique || cs.keeps(i)) {
                continue;
            }
            int n = idx.columns.length;
            int key = b.regs(idx.entryWidth());
            int ok = b.newLabel();
            rowKeys.skipUnlessIndexed(idx, ok);
            rowKeys.key(idx, key);
            b.emit(Opcode.NoConflict, cs.index[i], ok, key, n, 0);
            int other = b.reg();
            if (t.withoutRowid && withoutRowidOldKey != 0) {
                // UPDATE: the old row's own entry (still in the index) is no conflict.
                Index pk = t.primaryKeyIndex();
                int differs = b.newLabel();
                for (int k = 0; k < pk.columns.length; k++) {
                    int v = b.reg();
                    b.emit(Opcode.Column, cs.index[i], idx.positionInEntry(pk.columns[k]), v);
                    b.emit(Opcode.Ne, withoutRowidOldKey + k, differs, v, null, 0);
                }
                b.emit(Opcode.Goto, 0, ok);
                b.resolve(differs);
            }
            if (!t.withoutRowid) {
                b.emit(Opcode.IdxRowid, cs.index[i], other);
                b.emit(Opcode.Eq, other, ok, rowid, null, 0);
                if (oldRowid != 0) {
                    // UPDATE: the old row's own entry (still in the index) is no conflict.
                    b.emit(Opcode.Eq, other, ok, oldRowid, null, 0);
                }
            }
            ConflictAction a = doNothing ? ConflictAction.IGNORE : action(stmtAction, idx.onConflict);
            if (isInsert && upsertMatches(t, idx.columns)) {
                if (t.withoutRowid) {
                    seekConflictingRow(idx, cs, i, skipRow);
                }
                upsertUpdate(t, cs, rowRegs, other, skipRow, ret);
            } else if (a == ConflictAction.IGNORE) {
                b.emit(Opcode.Goto, 0, skipRow);
            } else if (a == ConflictAction.REPLACE) {
                if (t.withoutRowid) {
                    seekConflictingRow(idx, cs, i, ok);
                } else {
                    b.emit(Opcode.NotExists, cs.table, ok, other);
                }
                deleteCurrentRow(t, cs, false);
            } else {
                String msg = uniqueFailure(t, idx);
                boolean pk = idx.auto && isPrimaryKeyIndex(t, idx);
                b.emit(Opcode.Halt, (pk ? ResultCode.CONSTRAINT_PRIMARYKEY : ResultCode.CONSTRAINT_UNIQUE).code,
                        haltP2(a), 0, msg, Vm.CONSTRAINT_UNIQUE);
            }
            b.resolve(ok);
        }
        if (beforeWrite != null) {
            beforeWrite.accept(skipRow);
        }
        // Write.
        int rec = b.reg();
        RowImage.record(b, t, rowRegs, rec);
        if (t.withoutRowid) {
            b.emit(Opcode.IdxInsert, cs.table, rec, 0, null, Vm.OPFLAG_NCHANGE);
        } else {
            b.emit(Opcode.Insert, cs.table, rec, rowid, t.name,
                    Vm.OPFLAG_NCHANGE | (isInsert ? Vm.OPFLAG_LASTROWID : 0));
        }
        for (int i = 0; i < t.indexes.size(); i++) {
            Index idx = t.indexes.get(i);
            if (WithoutRowid.isTableKey(idx) || cs.keeps(i)) {
                continue;
            }
            int width = idx.entryWidth();
            int key = b.regs(width);
            int skip = b.newLabel();
            rowKeys.skipUnlessIndexed(idx, skip);
            rowKeys.key(idx, key);
            int krec = b.reg();
            b.emit(Opcode.MakeRecord, key, width, krec);
            b.emit(Opcode.IdxInsert, cs.index[i], krec);
            b.resolve(skip);
        }
        if (events != null && events.firesAfterWrite(isInsert)) {
            events.after(rowRegs, skipRow);
        }
        if (ret != null) {
            if (t.withoutRowid) {
                Index pk = t.primaryKeyIndex();
                int key = b.regs(pk.columns.length);
                rowKeys.key(pk, key);
                ret.emitAt(key);
            } else {
                ret.emit(rowid);
            }
        }
        b.resolve(skipRow);
        if (isInsert) {
            b.resolve(rowSkip);
        }
    }

    private static boolean isPrimaryKeyIndex(Table t, Index idx) {
        return idx.primaryKey;
    }

    /** The message of a UNIQUE constraint failure on {@code idx}: its columns, or its name if it has expressions. */
    static String uniqueFailure(Table t, Index idx) {
        if (idx.exprs != null) {
            return "UNIQUE constraint failed: index '" + idx.name + "'";
        }
        StringBuilder msg = new StringBuilder("UNIQUE constraint failed: ");
        for (int k = 0; k < idx.columns.length; k++) {
            msg.append(k > 0 ? ", " : "").append(t.name).append('.').append(t.columns.get(idx.columns[k]).name);
        }
        return msg.toString();
    }

    private static String checkName(Table t, Table.Check ck) {
        if (ck.name() != null) {
            return ck.name();
        }
        String sql = t.sql;
        int p = Math.min(ck.expr().pos(), sql.length());
        int kw = sql.toUpperCase(java.util.Locale.ROOT).lastIndexOf("CHECK", p);
        int open = kw < 0 ? -1 : sql.indexOf('(', kw);
        if (open < 0) {
            return "";
        }
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return sql.substring(open + 1, i).trim();
            }
        }
        return "";
    }

    private static ConflictAction action(ConflictAction stmt, ConflictAction constraint) {
        if (stmt != null && stmt != ConflictAction.NONE) {
            return stmt;
        }
        return constraint == null || constraint == ConflictAction.NONE ? ConflictAction.ABORT : constraint;
    }

    private static int haltP2(ConflictAction a) {
        return a == ConflictAction.ROLLBACK ? 1 : a == ConflictAction.FAIL ? 3 : 2;
    }

    /** Deletes the row {@code cs.table} is on, with its index entries. */
    private void deleteCurrentRow(Table t, Cursors cs, boolean count) {
        RowEvents.Replaced replaced = null;
        if (!t.withoutRowid && events != null) {
            int rowid = b.reg();
            b.emit(Opcode.Rowid, cs.table, rowid);
            replaced = events.beforeReplaceDelete(cs.table, rowid);
        }
        // Another row than the one being updated: its entries go from every index, changed by the UPDATE or not.
        boolean[] unchanged = cs.unchanged;
        cs.unchanged = null;
        deleteIndexEntries(t, cs, 0);
        cs.unchanged = unchanged;
        b.emit(Opcode.Delete, cs.table, 0, 0, t.name, count ? Vm.OPFLAG_NCHANGE : 0);
        if (replaced != null) {
            events.afterReplaceDelete(replaced);
        }
    }

    // ---- AUTOINCREMENT ---------------------------------------------------------------------------------------------

    private int autoincrementStart(Table t) {
        if (!t.autoincrement) {
            return 0;
        }
        Table seq = c.schema.schema(t.db).table("sqlite_sequence");
        if (seq == null) {
            return 0;
        }
        int reg = b.reg();
        b.emit(Opcode.Integer, 0, reg);
        int cur = b.cursor();
        b.emit(Opcode.OpenRead, cur, seq.rootPage, seq.db, 2, 0);
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, cur, brk);
        int top = b.addr();
        int name = b.reg();
        int next = b.newLabel();
        b.emit(Opcode.Column, cur, 0, name);
        int want = b.reg();
        b.emit(Opcode.String8, 0, want, 0, t.name, 0);
        b.emit(Opcode.Ne, want, next, name, null, 0);
        b.emit(Opcode.Column, cur, 1, reg);
        b.resolve(next);
        b.emit(Opcode.Next, cur, top);
        b.resolve(brk);
        b.emit(Opcode.Close, cur);
        return reg;
    }

    private void autoincrementEnd(Table t, int reg) {
        if (reg == 0) {
            return;
        }
        Table seq = c.schema.schema(t.db).table("sqlite_sequence");
        int cur = b.cursor();
        b.emit(Opcode.OpenWrite, cur, seq.rootPage, seq.db, 2, 0);
        int brk = b.newLabel();
        int found = b.reg();
        b.emit(Opcode.Null, 0, found);
        b.emit(Opcode.Rewind, cur, brk);
        int top = b.addr();
        int name = b.reg();
        int next = b.newLabel();
        b.emit(Opcode.Column, cur, 0, name);
        int want = b.reg();
        b.emit(Opcode.String8, 0, want, 0, t.name, 0);
        b.emit(Opcode.Ne, want, next, name, null, 0);
        b.emit(Opcode.Rowid, cur, found);
        b.resolve(next);
        b.emit(Opcode.Next, cur, top);
        b.resolve(brk);
        int rec = b.regs(3);
        b.emit(Opcode.String8, 0, rec, 0, t.name, 0);
        b.emit(Opcode.SCopy, reg, rec + 1);
        b.emit(Opcode.MakeRecord, rec, 2, rec + 2);
        int have = b.newLabel();
        b.emit(Opcode.NotNull, found, have);
        b.emit(Opcode.NewRowid, cur, found);
        b.resolve(have);
        b.emit(Opcode.Insert, cur, rec + 2, found);
    }

    // ---- UPDATE ---------------------------------------------------------------------------------------------------

    ResultInfo update(Stmt.Update up) {
        QualifiedTable qt = up.table();
        if (ViewDmlGen.isView(c, qt.schema(), qt.name())) {
            return new ViewDmlGen(c).update(up);
        }
        Table t = target(qt.schema(), qt.name());
        int ncol = t.columns.size();
        Scope scope = c.emptyScope();
        Source src = new Source(qt.alias() != null ? qt.alias() : t.name, t, false);
        src.cursor = b.cursor();
        src.allColumnsReferenced = true;
        scope.sources.add(src);
        List<Expr> onTerms = new ArrayList<>();
        List<Integer> onSources = new ArrayList<>();
        if (up.from() != null) {
            c.select.from(up.from(), scope, onTerms, onSources);
        }
        ExprGen g = new ExprGen(c, scope);
        Expr[] newVal = new Expr[ncol];
        Expr rowidExpr = null;
        for (SetClause sc : up.sets()) {
            if (sc.columns().size() != 1) {
                throw PetrelException.error("row value misused");
            }
            String n = sc.columns().get(0);
            int k = t.columnIndex(n);
            if (k < 0) {
                if (Scope.isRowidName(n)) {
                    rowidExpr = sc.value();
                    continue;
                }
                throw PetrelException.error("no such column: " + n);
            }
            if (t.columns.get(k).generated) {
                throw GeneratedColumns.notWritable("UPDATE", t.columns.get(k));
            }
            newVal[k] = sc.value();
        }
        if (t.rowidAlias >= 0 && newVal[t.rowidAlias] != null) {
            rowidExpr = newVal[t.rowidAlias];
        }
        final Expr newRowidExpr = rowidExpr;
        boolean[] changed = new boolean[ncol];
        for (int i = 0; i < ncol; i++) {
            changed[i] = newVal[i] != null || i == t.rowidAlias && rowidExpr != null;
        }
        events = new RowEvents(c, t, Stmt.TriggerEvent.UPDATE, changed, up.orAction());
        // Pass 1: collect (old row key, new rowid, new values); the key is the rowid or the PRIMARY KEY columns.
        int kw = WithoutRowid.keyWidth(t);
        int eph = b.cursor();
        b.emit(Opcode.OpenEphemeral, eph, ncol + kw + 1);
        int width = ncol + kw + 1;
        int base = b.regs(width);
        int rec = b.reg();
        int seq = b.reg();
        List<WhereTerm> terms = LoopGen.terms(g, up.where(), onTerms, onSources);
        List<Object[]> plan = c.select.plan(scope, terms);
        c.touchesDatabase = true;
        new LoopGen(g, terms, plan, () -> {
            WithoutRowid.readKey(g, src, base);
            if (newRowidExpr != null) {
                g.exprTo(newRowidExpr, base + kw);
            } else {
                b.emit(Opcode.SCopy, base, base + kw);
            }
            for (int i = 0; i < ncol; i++) {
                if (newVal[i] != null) {
                    g.exprTo(newVal[i], base + kw + 1 + i);
                } else {
                    g.readColumn(src, i, base + kw + 1 + i);
                }
            }
            b.emit(Opcode.MakeRecord, base, width, rec);
            b.emit(Opcode.NewRowid, eph, seq);
            b.emit(Opcode.Insert, eph, rec, seq);
        }).fromClauseStart(1).emit(null);
        // Pass 2: apply.
        Cursors cs = openWrite(t, b.cursor());
        cs.unchanged = unchangedIndexes(t, newVal, newRowidExpr != null);
        ReturningGen ret = up.returning() == null || up.returning().isEmpty() ? null
                : new ReturningGen(c, t, cs.table, up.returning());
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, eph, brk);
        int top = b.addr();
        int next = b.newLabel();
        int oldRowid = b.regs(kw);
        int rowRegs = b.regs(ncol + 1);
        for (int k = 0; k < kw; k++) {
            b.emit(Opcode.Column, eph, k, oldRowid + k);
        }
        WithoutRowid.seekKey(b, t, cs.table, next, oldRowid);
        for (int i = 0; i < ncol; i++) {
            b.emit(Opcode.Column, eph, kw + 1 + i, rowRegs + i);
        }
        if (t.withoutRowid) {
            b.emit(Opcode.Null, 0, rowRegs + ncol);
        } else {
            b.emit(Opcode.Column, eph, kw, rowRegs + ncol);
            b.emit(Opcode.MustBeInt, rowRegs + ncol, 0);
        }
        if (t.rowidAlias >= 0) {
            b.emit(Opcode.SCopy, rowRegs + ncol, rowRegs + t.rowidAlias);
        }
        StringBuilder aff = new StringBuilder();
        for (Column col : t.columns) {
            aff.append(col.affinity.code());
        }
        b.emit(Opcode.Affinity, rowRegs, ncol, 0, aff.toString(), 0);
        events.before(cs.table, oldRowid, rowRegs, next);
        GeneratedColumns.computeRow(c, t, rowRegs);
        updateRow(t, cs, rowRegs, up.orAction(), ret, oldRowid);
        b.resolve(next);
        b.emit(Opcode.Next, eph, top);
        b.resolve(brk);
        return ret == null ? null : ret.info;
    }

    /**
     * Per index of {@code t}, whether an UPDATE assigning {@code newVal} keeps its key: the rowid stays and no key
     * column is assigned. A table with generated columns is not judged (a key column may depend on others), nor
     * an expression column (-1) or a partial index (its WHERE may read assigned columns).
     */
    private static boolean[] unchangedIndexes(Table t, Expr[] newVal, boolean rowidChanges) {
        boolean[] out = new boolean[t.indexes.size()];
        if (rowidChanges || t.withoutRowid) {
            // A WITHOUT ROWID row is deleted and written again, and its index entries end with the key.
            return out;
        }
        for (Column col : t.columns) {
            if (col.generated) {
                return out;
            }
        }
        for (int i = 0; i < out.length; i++) {
            Index idx = t.indexes.get(i);
            // A partial index's WHERE may read any column: such an index is always maintained.
            boolean keeps = idx.where == null;
            for (int col : idx.columns) {
                keeps &= col >= 0 && newVal[col] == null;
            }
            out[i] = keeps;
        }
        return out;
    }

    /** Deletes the index entries of the row the table cursor is on (whose rowid is also in {@code rowid}). */
    private void deleteIndexEntries(Table t, Cursors cs, int rowid) {
        IndexKeys keys = IndexKeys.forCursor(c, t, cs.table);
        for (int i = 0; i < t.indexes.size(); i++) {
            Index idx = t.indexes.get(i);
            if (WithoutRowid.isTableKey(idx) || cs.keeps(i)) {
                continue;
            }
            int width = idx.entryWidth();
            int key = b.regs(width);
            int skip = b.newLabel();
            keys.skipUnlessIndexed(idx, skip);
            keys.key(idx, key);
            b.emit(Opcode.IdxDelete, cs.index[i], key, width);
            b.resolve(skip);
        }
    }

    /**
     * Positions the WITHOUT ROWID table cursor on the row whose entry unique index {@code i} just found (the index
     * cursor is on it), or jumps to {@code missing}.
     */
    private void seekConflictingRow(Index idx, Cursors cs, int i, int missing) {
        if (WithoutRowid.isTableKey(idx)) {
            return; // NoConflict left the table cursor on the row
        }
        Index pk = idx.table.primaryKeyIndex();
        int key = b.regs(pk.columns.length);
        for (int k = 0; k < pk.columns.length; k++) {
            b.emit(Opcode.Column, cs.index[i], idx.positionInEntry(pk.columns[k]), key + k);
        }
        b.emit(Opcode.NotFound, cs.table, missing, key, pk.columns.length, 0);
    }

    // ---- DELETE -------------------------------------------------------------------------------------------------

    ResultInfo delete(Stmt.Delete del) {
        QualifiedTable qt = del.table();
        if (ViewDmlGen.isView(c, qt.schema(), qt.name())) {
            return new ViewDmlGen(c).delete(del);
        }
        Table t = target(qt.schema(), qt.name());
        c.touchesDatabase = true;
        boolean hasReturning = del.returning() != null && !del.returning().isEmpty();
        events = new RowEvents(c, t, Stmt.TriggerEvent.DELETE, null, null);
        if (del.where() == null && !hasReturning && !events.active()) {
            b.emit(Opcode.Clear, t.rootPage, t.db, 1);
            for (Index idx : t.indexes) {
                if (WithoutRowid.isTableKey(idx)) {
                    continue;
                }
                b.emit(Opcode.Clear, idx.rootPage, t.db, 0);
            }
            return null;
        }
        Scope scope = c.emptyScope();
        Source src = new Source(qt.alias() != null ? qt.alias() : t.name, t, false);
        src.cursor = b.cursor();
        src.allColumnsReferenced = true;
        scope.sources.add(src);
        ExprGen g = new ExprGen(c, scope);
        int kw = WithoutRowid.keyWidth(t);
        int eph = b.cursor();
        b.emit(Opcode.OpenEphemeral, eph, kw);
        int rid = b.regs(kw);
        int rec = b.reg();
        int seq = b.reg();
        List<WhereTerm> terms = LoopGen.terms(g, del.where(), List.of(), List.of());
        List<Object[]> plan = c.select.plan(scope, terms);
        new LoopGen(g, terms, plan, () -> {
            WithoutRowid.readKey(g, src, rid);
            b.emit(Opcode.MakeRecord, rid, kw, rec);
            b.emit(Opcode.NewRowid, eph, seq);
            b.emit(Opcode.Insert, eph, rec, seq);
        }).emit(null);
        Cursors cs = openWrite(t, b.cursor());
        ReturningGen ret = hasReturning ? new ReturningGen(c, t, cs.table, del.returning()) : null;
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, eph, brk);
        int top = b.addr();
        int next = b.newLabel();
        int rowid = b.regs(kw);
        for (int k = 0; k < kw; k++) {
            b.emit(Opcode.Column, eph, k, rowid + k);
        }
        WithoutRowid.seekKey(b, t, cs.table, next, rowid);
        if (ret != null) {
            ret.emitAt(rowid);
        }
        events.before(cs.table, rowid, 0, next);
        deleteIndexEntries(t, cs, rowid);
        b.emit(Opcode.Delete, cs.table, 0, 0, t.name, Vm.OPFLAG_NCHANGE);
        events.after(0, next);
        b.resolve(next);
        b.emit(Opcode.Next, eph, top);
        b.resolve(brk);
        return ret == null ? null : ret.info;
    }

    /** Evaluates RETURNING expressions over the row at a rowid of the written table. */
    static final class ReturningGen {
        private final Compiler c;
        private final Table t;
        private final int cursor;
        private final List<ResultColumn> cols;
        ResultInfo info = new ResultInfo();

        ReturningGen(Compiler c, Table t, int cursor, List<ResultColumn> cols) {
            this.c = c;
            this.t = t;
            this.cursor = cursor;
            this.cols = cols;
            for (ResultColumn rc : cols) {
                if (rc instanceof ResultColumn.Star) {
                    for (Column col : t.columns) {
                        info.names.add(col.name);
                        info.declTypes.add(col.declType);
                    }
                } else {
                    ResultColumn.Item it = (ResultColumn.Item) rc;
                    info.names.add(it.alias() != null ? it.alias() : it.expr() instanceof Expr.ColumnRef r
                            ? r.column() : c.spanText(it));
                    info.declTypes.add(null);
                }
            }
        }

        void emit(int rowid) {
            emitAt(rowid);
        }

        /** RETURNING for the row whose key (a rowid, or the PRIMARY KEY values) is in {@code key..}. */
        void emitAt(int key) {
            ProgramBuilder b = c.b;
            WithoutRowid.seekKey(b, t, cursor, b.addr() + 1, key);
            Scope scope = new Scope(null);
            Source s = new Source(t.name, t, false);
            s.cursor = cursor;
            scope.sources.add(s);
            ExprGen g = new ExprGen(c, scope);
            int n = info.names.size();
            int base = b.regs(n);
            int k = 0;
            for (ResultColumn rc : cols) {
                if (rc instanceof ResultColumn.Star) {
                    for (int i = 0; i < t.columns.size(); i++) {
                        g.readColumn(s, i, base + k++);
                    }
                } else {
                    g.exprTo(((ResultColumn.Item) rc).expr(), base + k++);
                }
            }
            b.emit(Opcode.ResultRow, base, n);
        }
    }
}
