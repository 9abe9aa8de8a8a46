package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.record.Collation;
import dev.petrel.schema.Index;
import dev.petrel.schema.Schema;
import dev.petrel.schema.Table;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.vm.Opcode;
import dev.petrel.vm.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Code for ANALYZE, REINDEX and VACUUM.
 *
 * <p>ANALYZE writes sqlite_stat1 as SQLite does (creating it, {@code CREATE TABLE sqlite_stat1(tbl,idx,stat)}, if
 * missing): the analyzed tables' old rows are deleted, then one row per index, {@code (table, index, "N d1 d2
 * ...")}, where N is the number of index entries and dK the average number of entries per distinct value of the
 * first K key columns, rounded up (and 2 shown as 1 when the true average is below 1.1); NULLs compare equal. A
 * table without indexes gets one {@code (table, NULL, "N")} row. Empty tables get no row, except that a partial
 * index always gets one ("0 0..." when empty). SQLite builds with STAT4 also write sqlite_stat4; Petrel writes
 * only sqlite_stat1.
 *
 * <p>REINDEX clears each selected index b-tree and fills it again from its table (all indexes, those of a table,
 * one index, or those using a collation).
 *
 * <p>VACUUM is one {@code Vacuum} instruction; the engine rebuilds the file (see {@code engine.Vacuum}).
 */
final class MaintenanceGen {
    private static final String STAT1 = "sqlite_stat1";
    private static final String STAT1_SQL = "CREATE TABLE sqlite_stat1(tbl,idx,stat)";

    private final Compiler c;
    private final ProgramBuilder b;
    private final DdlGen ddl;

    MaintenanceGen(Compiler c) {
        this.c = c;
        this.b = c.b;
        this.ddl = new DdlGen(c);
    }

    /** The user tables (not views, not sqlite_*) of database {@code db}, in schema order. */
    private List<Table> userTables(int db) {
        List<Table> out = new ArrayList<>();
        for (Table t : c.schema.schema(db).tables()) {
            if (!t.isView() && t.rootPage != Schema.ROOT_PAGE && !out.contains(t)
                    && !t.name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                out.add(t);
            }
        }
        return out;
    }

    void analyze(Stmt.Analyze an) {
        List<Table> tables = new ArrayList<>();
        Index onlyIndex = null;
        String name = an.name();
        String schemaName = an.schema();
        // ANALYZE db analyzes a whole database; ANALYZE [db.]name a table or an index.
        int db = 0;
        if (name != null && schemaName == null && c.schema.dbIndex(name) >= 0) {
            db = c.schema.dbIndex(name);
            name = null;
        }
        if (schemaName != null) {
            db = ddl.checkSchemaName(schemaName);
        }
        if (name == null) {
            tables.addAll(userTables(db));
        } else {
            Table t = c.schema.table(schemaName, name);
            Index idx = c.schema.index(schemaName, name);
            db = t != null ? t.db : idx != null ? idx.table.db : db;
            if (t != null && !t.isView()) {
                tables.add(t);
            } else if (idx != null) {
                tables.add(idx.table);
                onlyIndex = idx;
            } else {
                throw PetrelException.error("no such table: " + (schemaName == null ? "" : schemaName + ".")
                        + name);
            }
            if (t != null && t.name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                tables.clear();
            }
        }
        c.write = true;
        ddl.db = db;
        Table stat = c.schema.schema(db).table(STAT1);
        int statCur = b.cursor();
        if (stat == null) {
            int root = b.reg();
            b.emit(Opcode.CreateBtree, db, root, 1);
            int schema = ddl.openSchema();
            ddl.schemaRow(schema, "table", STAT1, STAT1, root, STAT1_SQL);
            b.emit(Opcode.OpenWrite, statCur, root, db, 3, Vm.OPFLAG_P2ISREG);
        } else {
            b.emit(Opcode.OpenWrite, statCur, stat.rootPage, stat.db, 3, 0);
            for (Table t : tables) {
                deleteStatRows(statCur, onlyIndex == null ? 0 : 1, onlyIndex == null ? t.name : onlyIndex.name);
            }
        }
        for (Table t : tables) {
            if (onlyIndex == null) {
                analyzeTable(t, statCur);
            } else {
                analyzeIndex(t, onlyIndex, statCur);
            }
        }
        if (stat == null) {
            ddl.finish();
        }
    }

    /** Deletes the sqlite_stat1 rows whose column {@code col} (0 tbl, 1 idx) is {@code name}. */
    private void deleteStatRows(int cur, int col, String name) {
        RowLoops.forEachMatching(b, cur, col, name, Collation.NOCASE, () -> b.emit(Opcode.Delete, cur, 0));
    }

    private void analyzeTable(Table t, int statCur) {
        if (t.indexes.isEmpty()) {
            int tc = b.cursor();
            b.emit(Opcode.OpenRead, tc, t.rootPage, t.db, 0, 0);
            int n = b.reg();
            b.emit(Opcode.Count, tc, n);
            int skip = b.newLabel();
            b.emit(Opcode.IfNot, n, skip, 0);
            int text = b.reg();
            statText(n, 0, 0, text);
            insertStat(statCur, t.name, null, text);
            b.resolve(skip);
            return;
        }
        // SQLite keeps a table's indexes newest first; its stat rows come in that order.
        for (int i = t.indexes.size() - 1; i >= 0; i--) {
            analyzeIndex(t, t.indexes.get(i), statCur);
        }
    }

    /** Counts entries and distinct key prefixes of one index in one ordered pass, then writes its stat row. */
    private void analyzeIndex(Table t, Index idx, int statCur) {
        int n = idx.columns.length;
        int ic = b.cursor();
        b.emit(Opcode.OpenRead, ic, idx.rootPage, idx.table.db, LoopGen.keyOrder(idx), 0);
        int cnt = b.reg();
        int distinct = b.regs(n);
        int prev = b.regs(n);
        int cur = b.regs(n);
        b.emit(Opcode.Integer, 0, cnt);
        for (int k = 0; k < n; k++) {
            b.emit(Opcode.Integer, 0, distinct + k);
            b.emit(Opcode.Null, 0, prev + k);
        }
        int done = b.newLabel();
        b.emit(Opcode.Rewind, ic, done);
        int top = b.addr();
        int[] differs = new int[n];
        for (int k = 0; k < n; k++) {
            differs[k] = b.newLabel();
            b.emit(Opcode.Column, ic, k, cur + k);
        }
        b.emit(Opcode.IfNot, cnt, differs[0], 1);
        for (int k = 0; k < n; k++) {
            b.emit(Opcode.Ne, prev + k, differs[k], cur + k, idx.collations[k], Opcode.NULLEQ);
        }
        int same = b.newLabel();
        b.emit(Opcode.Goto, 0, same);
        for (int k = 0; k < n; k++) {
            b.resolve(differs[k]);
            b.emit(Opcode.AddImm, distinct + k, 1);
        }
        b.resolve(same);
        b.emit(Opcode.Copy, cur, prev, n - 1);
        b.emit(Opcode.AddImm, cnt, 1);
        b.emit(Opcode.Next, ic, top);
        b.resolve(done);
        int write = b.newLabel();
        int text = b.reg();
        if (idx.where != null) {
            // A partial index gets a row even when empty.
            int counted = b.newLabel();
            b.emit(Opcode.If, cnt, counted, 0);
            b.emit(Opcode.String8, 0, text, 0, "0" + " 0".repeat(n), 0);
            b.emit(Opcode.Goto, 0, write);
            b.resolve(counted);
        } else {
            int skip = b.newLabel();
            b.emit(Opcode.If, cnt, skip, 0);
            int end = b.newLabel();
            b.emit(Opcode.Goto, 0, end);
            b.resolve(skip);
            statText(cnt, distinct, n, text);
            insertStat(statCur, t.name, idx.name, text);
            b.resolve(end);
            return;
        }
        statText(cnt, distinct, n, text);
        b.resolve(write);
        insertStat(statCur, t.name, idx.name, text);
    }

    /** r[text] = cnt || ' ' || ceil(cnt / d1) || ... (2 shown as 1 when cnt * 10 <= d * 11). */
    private void statText(int cnt, int distinct, int n, int text) {
        int one = b.reg();
        int two = b.reg();
        int ten = b.reg();
        int eleven = b.reg();
        int space = b.reg();
        b.emit(Opcode.Integer, 1, one);
        b.emit(Opcode.Integer, 2, two);
        b.emit(Opcode.Integer, 10, ten);
        b.emit(Opcode.Integer, 11, eleven);
        b.emit(Opcode.String8, 0, space, 0, " ", 0);
        b.emit(Opcode.String8, 0, text, 0, "", 0);
        b.emit(Opcode.Concat, cnt, text, text);
        int sum = b.reg();
        int val = b.reg();
        int lhs = b.reg();
        int rhs = b.reg();
        for (int k = 0; k < n; k++) {
            int d = distinct + k;
            b.emit(Opcode.Add, cnt, d, sum);
            b.emit(Opcode.Subtract, one, sum, sum);
            b.emit(Opcode.Divide, d, sum, val);
            int keep = b.newLabel();
            b.emit(Opcode.Ne, two, keep, val, null, 0);
            b.emit(Opcode.Multiply, cnt, ten, lhs);
            b.emit(Opcode.Multiply, d, eleven, rhs);
            b.emit(Opcode.Gt, rhs, keep, lhs, null, 0);
            b.emit(Opcode.Integer, 1, val);
            b.resolve(keep);
            b.emit(Opcode.Concat, space, text, text);
            b.emit(Opcode.Concat, val, text, text);
        }
    }

    private void insertStat(int statCur, String table, String index, int statReg) {
        int row = b.regs(3);
        b.emit(Opcode.String8, 0, row, 0, table, 0);
        if (index == null) {
            b.emit(Opcode.Null, 0, row + 1);
        } else {
            b.emit(Opcode.String8, 0, row + 1, 0, index, 0);
        }
        b.emit(Opcode.SCopy, statReg, row + 2);
        int rec = b.reg();
        int rowid = b.reg();
        b.emit(Opcode.MakeRecord, row, 3, rec);
        b.emit(Opcode.NewRowid, statCur, rowid);
        b.emit(Opcode.Insert, statCur, rec, rowid);
    }

    void vacuum(Stmt.Vacuum v) {
        int db = ddl.checkSchemaName(v.schema());
        int into = 0;
        if (v.into() != null) {
            into = b.reg();
            new ExprGen(c, c.emptyScope()).exprTo(v.into(), into);
            c.touchesDatabase = true;
        } else {
            c.write = true;
        }
        b.emit(Opcode.Vacuum, db, into);
    }

    // ---- REINDEX -------------------------------------------------------------------------------------------------

    void reindex(Stmt.Reindex ri) {
        String name = ri.name();
        List<Index> targets = new ArrayList<>();
        if (ri.schema() != null) {
            ddl.checkSchemaName(ri.schema());
        }
        String coll = name == null || ri.schema() != null || c.functions.findCollation(name) == null ? null : name;
        Table t = name == null ? null : c.schema.table(ri.schema(), name);
        Index one = name == null ? null : c.schema.index(ri.schema(), name);
        for (int db = 0; db < c.schema.size(); db++) {
            for (Table table : userTables(db)) {
                for (Index idx : table.indexes) {
                    boolean pick = name == null || (coll != null && uses(idx, coll)) || table == t || idx == one;
                    if (pick && !WithoutRowid.isTableKey(idx)) {
                        targets.add(idx);
                    }
                }
            }
        }
        if (name != null && coll == null && t == null && one == null) {
            throw PetrelException.error("unable to identify the object to be reindexed");
        }
        c.write = true;
        for (Index idx : targets) {
            b.emit(Opcode.Clear, idx.rootPage, idx.table.db, 0);
            IndexBuild.fill(c, idx, idx.rootPage, false);
        }
    }

    private static boolean uses(Index idx, String coll) {
        for (Collation k : idx.collations) {
            if (k.name().equalsIgnoreCase(coll)) {
                return true;
            }
        }
        return false;
    }
}
