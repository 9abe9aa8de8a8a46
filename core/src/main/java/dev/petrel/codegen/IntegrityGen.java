package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.func.FunctionDef;
import dev.petrel.schema.Column;
import dev.petrel.schema.Index;
import dev.petrel.schema.Table;
import dev.petrel.vm.FuncCall;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * PRAGMA integrity_check and quick_check as bytecode (pragma.html): the b-tree structure check ({@code IntegrityCk},
 * one result row holding all of its messages), then the checks of table contents that need the schema:
 *
 * <ol>
 * <li>for every table, each index that is not partial has as many entries as the table has rows
 * ("wrong # of entries in index X"), all tables first;</li>
 * <li>then table by table, row by row: NOT NULL columns ("NULL value in t.c"), the storage classes of STRICT
 * columns ("non-INT value in t.c"), the CHECK constraints together ("CHECK constraint failed in t"), and, for
 * integrity_check only, the row's entry in every index it belongs to ("row N missing from index X", N counting
 * rows from 1) and, for a UNIQUE index, that the next entry has a different key ("non-unique entry in index X",
 * keys with a NULL are exempt).</li>
 * </ol>
 *
 * Each message is one result row; at most N messages are produced ({@code integrity_check(N)}, default 100; 0
 * means 100, a negative N its magnitude), and "ok" alone when there is none. {@code integrity_check(table)} checks
 * only that table and its indexes and skips the file's page accounting. Tables are visited in the reverse of their
 * sqlite_schema order and indexes in the order PRAGMA index_list lists them: SQLite walks its schema hash table,
 * whose order is the reverse of the schema order for small schemas (it differs past a few tables).
 */
final class IntegrityGen {
    private static final int DEFAULT_MAX_ERRORS = 100;

    private final Compiler c;
    private final ProgramBuilder b;
    private final boolean quick;
    /** Register holding how many more messages may be produced. */
    private int left;
    /** Where the program stops once {@link #left} reaches zero. */
    private int stop;

    /** Where a result row goes: ResultRow, or the ephemeral table of {@code pragma_integrity_check()}. */
    interface RowSink {
        void emit(int base, int n);
    }

    private final RowSink rows;

    private IntegrityGen(Compiler c, boolean quick, RowSink rows) {
        this.rows = rows;
        this.c = c;
        this.b = c.b;
        this.quick = quick;
    }

    /**
     * Emits the check for PRAGMA {@code integrity_check} or {@code quick_check} with argument {@code arg} (null,
     * a number of messages or a table name); the single result column is the pragma's name.
     */
    static void generate(Compiler c, boolean quick, String arg, int db, RowSink rows) {
        new IntegrityGen(c, quick, rows).emit(arg, db);
    }

    /**
     * The check of database {@code db}, or of every open database (main, temp once created, then the attached ones,
     * as PRAGMA database_list orders them) when {@code db} is negative. Each database's b-tree messages come in one
     * row after SQLite's "*** in database NAME ***" line.
     */
    private void emit(String arg, int db) {
        c.touchesDatabase = true;
        int max = DEFAULT_MAX_ERRORS;
        Long n = arg == null ? null : leadingInteger(arg);
        boolean wholeFile = arg == null || n != null;
        if (n != null && n != 0) {
            max = (int) Math.min(Integer.MAX_VALUE, Math.abs(n));
        }
        List<Integer> dbs = new ArrayList<>();
        List<List<Table>> tablesByDb = new ArrayList<>();
        for (int d = 0; d < c.schema.size(); d++) {
            if ((db >= 0 && d != db) || !c.schema.database(d).open()) {
                continue;
            }
            List<Table> tables = new ArrayList<>();
            if (!wholeFile) {
                Table only = c.schema.table(d, arg);
                if (only == null || only.isView()) {
                    continue;
                }
                tables.add(only);
            } else {
                List<Table> all = c.schema.schema(d).tables();
                for (int i = all.size() - 1; i >= 0; i--) {
                    if (!all.get(i).isView() && all.get(i).rootPage > 0) {
                        tables.add(all.get(i));
                    }
                }
            }
            dbs.add(d);
            tablesByDb.add(tables);
        }
        if (!wholeFile && dbs.isEmpty()) {
            throw PetrelException.error("no such table: " + arg);
        }
        left = b.reg();
        b.emit(Opcode.Integer, max, left);
        stop = b.newLabel();
        int out = b.reg();
        int header = b.reg();
        for (int k = 0; k < dbs.size(); k++) {
            int d = dbs.get(k);
            List<Table> tables = tablesByDb.get(k);
            b.emit(Opcode.IntegrityCk, d, out, left, wholeFile ? null : roots(tables.get(0)), 0);
            int treesOk = b.newLabel();
            b.emit(Opcode.IsNull, out, treesOk);
            b.emit(Opcode.String8, 0, header, 0, "*** in database " + c.schema.database(d).name() + " ***\n", 0);
            b.emit(Opcode.Concat, out, header, out);
            rows.emit(out, 1);
            b.emit(Opcode.IfPos, left, treesOk, 0);
            b.emit(Opcode.Goto, 0, stop);
            b.resolve(treesOk);
            for (Table t : tables) {
                countChecks(t);
            }
            for (Table t : tables) {
                rowChecks(t);
            }
        }
        b.resolve(stop);
        int notOk = b.newLabel();
        int maxReg = b.reg();
        b.emit(Opcode.Integer, max, maxReg);
        b.emit(Opcode.Ne, maxReg, notOk, left, null, 0);
        b.emit(Opcode.String8, 0, out, 0, "ok", 0);
        rows.emit(out, 1);
        b.resolve(notOk);
    }

    /** The root pages of {@code t} and its indexes (a WITHOUT ROWID table's key index is the table). */
    private static int[] roots(Table t) {
        List<Index> idxs = checkedIndexes(t);
        int[] roots = new int[idxs.size() + 1];
        roots[0] = t.rootPage;
        for (int i = 0; i < idxs.size(); i++) {
            roots[i + 1] = idxs.get(i).rootPage;
        }
        return roots;
    }

    /** The indexes of {@code t} other than a WITHOUT ROWID table's own key, in PRAGMA index_list order. */
    private static List<Index> checkedIndexes(Table t) {
        List<Index> out = new ArrayList<>();
        for (int i = t.indexes.size() - 1; i >= 0; i--) {
            Index idx = t.indexes.get(i);
            if (!(t.withoutRowid && idx.primaryKey) && idx.rootPage > 0) {
                out.add(idx);
            }
        }
        return out;
    }

    /** Produces the result row {@code text}, then stops if that was the last message allowed. */
    private void message(String text) {
        int r = b.reg();
        b.emit(Opcode.String8, 0, r, 0, text, 0);
        messageIn(r);
    }

    private void messageIn(int r) {
        rows.emit(r, 1);
        b.emit(Opcode.DecrJumpZero, left, stop);
    }

    /** Every index that is not partial has one entry per row of the table. */
    private void countChecks(Table t) {
        List<Index> full = new ArrayList<>();
        for (Index idx : checkedIndexes(t)) {
            if (idx.where == null) {
                full.add(idx);
            }
        }
        if (full.isEmpty()) {
            return;
        }
        int tc = b.cursor();
        WithoutRowid.open(b, Opcode.OpenRead, tc, t, t.rootPage, 0);
        int rows = b.reg();
        b.emit(Opcode.Count, tc, rows);
        for (Index idx : full) {
            int ic = b.cursor();
            b.emit(Opcode.OpenRead, ic, idx.rootPage, t.db, LoopGen.keyOrder(idx), 0);
            int entries = b.reg();
            b.emit(Opcode.Count, ic, entries);
            int same = b.newLabel();
            b.emit(Opcode.Eq, entries, same, rows, null, 0);
            message("wrong # of entries in index " + idx.name);
            b.resolve(same);
        }
    }

    /** The per-row checks of {@code t}: NOT NULL, STRICT types, CHECK, and (not quick) index entries. */
    private void rowChecks(Table t) {
        List<Index> idxs = quick ? List.of() : checkedIndexes(t);
        boolean hasColumnChecks = false;
        for (int j = 0; j < t.columns.size(); j++) {
            hasColumnChecks |= j != t.rowidAlias && (t.columns.get(j).notNull || strictType(t, j) != null);
        }
        if (!hasColumnChecks && t.checks.isEmpty() && idxs.isEmpty()) {
            return;
        }
        int tc = b.cursor();
        WithoutRowid.open(b, Opcode.OpenRead, tc, t, t.rootPage, 0);
        int[] ics = new int[idxs.size()];
        for (int i = 0; i < ics.length; i++) {
            ics[i] = b.cursor();
            b.emit(Opcode.OpenRead, ics[i], idxs.get(i).rootPage, t.db, LoopGen.keyOrder(idxs.get(i)), 0);
        }
        IndexKeys keys = IndexKeys.forCursor(c, t, tc);
        ExprGen g = keys.exprGen();
        int rowNumber = b.reg();
        b.emit(Opcode.Integer, 0, rowNumber);
        int end = b.newLabel();
        b.emit(Opcode.Rewind, tc, end);
        int top = b.addr();
        b.emit(Opcode.AddImm, rowNumber, 1);
        for (int j = 0; j < t.columns.size(); j++) {
            Column col = t.columns.get(j);
            String type = strictType(t, j);
            if (j == t.rowidAlias || (!col.notNull && type == null)) {
                continue;
            }
            int v = b.reg();
            g.readColumn(keys.source(), j, v);
            String where = t.name + "." + col.name;
            if (col.notNull) {
                int present = b.newLabel();
                b.emit(Opcode.NotNull, v, present);
                message("NULL value in " + where);
                b.resolve(present);
            }
            if (type != null) {
                typeCheck(v, type, "non-" + type + " value in " + where);
            }
        }
        if (!t.checks.isEmpty()) {
            int failed = b.newLabel();
            int passed = b.newLabel();
            for (Table.Check check : t.checks) {
                g.ifFalse(check.expr(), failed, false);
            }
            b.emit(Opcode.Goto, 0, passed);
            b.resolve(failed);
            message("CHECK constraint failed in " + t.name);
            b.resolve(passed);
        }
        for (int i = 0; i < ics.length; i++) {
            indexEntryCheck(keys, idxs.get(i), ics[i], rowNumber);
        }
        b.emit(Opcode.Next, tc, top);
        b.resolve(end);
    }

    /** The STRICT type of column {@code j} when it restricts the values stored (not ANY), else null. */
    private static String strictType(Table t, int j) {
        String type = t.strict ? t.columns.get(j).strictType : null;
        return type == null || type.equals("ANY") ? null : type;
    }

    /** Reports {@code text} unless r[v] has a storage class STRICT type {@code type} allows (NULL always is). */
    private void typeCheck(int v, String type, String text) {
        FunctionDef typeof = c.functions.find("typeof", 1);
        int cls = b.reg();
        b.emit(Opcode.Function, 0, v, cls, new FuncCall(typeof, null, 1), 1);
        int ok = b.newLabel();
        List<String> allowed = new ArrayList<>(List.of("null"));
        switch (type) {
            case "INT", "INTEGER" -> allowed.add("integer");
            case "REAL" -> allowed.addAll(List.of("real", "integer"));
            case "TEXT" -> allowed.add("text");
            default -> allowed.add("blob");
        }
        int name = b.reg();
        for (String a : allowed) {
            b.emit(Opcode.String8, 0, name, 0, a, 0);
            b.emit(Opcode.Eq, name, ok, cls, null, 0);
        }
        message(text);
        b.resolve(ok);
    }

    /**
     * The row's entry is in {@code idx} (when the row belongs there at all), and for a UNIQUE index the next entry
     * has another key.
     */
    private void indexEntryCheck(IndexKeys keys, Index idx, int ic, int rowNumber) {
        int next = b.newLabel();
        keys.skipUnlessIndexed(idx, next);
        int width = idx.entryWidth();
        int key = b.regs(width);
        keys.key(idx, key);
        int found = b.newLabel();
        b.emit(Opcode.Found, ic, found, key, width, 0);
        int text = b.reg();
        int part = b.reg();
        b.emit(Opcode.String8, 0, text, 0, "row ", 0);
        b.emit(Opcode.Concat, rowNumber, text, text);
        b.emit(Opcode.String8, 0, part, 0, " missing from index " + idx.name, 0);
        b.emit(Opcode.Concat, part, text, text);
        messageIn(text);
        b.emit(Opcode.Goto, 0, next);
        b.resolve(found);
        if (idx.unique) {
            int n = idx.columns.length;
            for (int k = 0; k < n; k++) {
                b.emit(Opcode.IsNull, key + k, next);
            }
            int compare = b.newLabel();
            b.emit(Opcode.Next, ic, compare);
            b.emit(Opcode.Goto, 0, next);
            b.resolve(compare);
            b.emit(Opcode.IdxGT, ic, next, key, n, 0);
            message("non-unique entry in index " + idx.name);
        }
        b.resolve(next);
    }

    /** "2.5" -> 2, "-3" -> -3, "+2" -> 2; null when {@code arg} does not start like a number (a table name). */
    static Long leadingInteger(String arg) {
        int i = 0;
        int sign = 1;
        if (i < arg.length() && (arg.charAt(i) == '-' || arg.charAt(i) == '+')) {
            sign = arg.charAt(i) == '-' ? -1 : 1;
            i++;
        }
        int start = i;
        long v = 0;
        while (i < arg.length() && arg.charAt(i) >= '0' && arg.charAt(i) <= '9') {
            v = Math.min(v * 10 + (arg.charAt(i) - '0'), Integer.MAX_VALUE);
            i++;
        }
        if (i == start) {
            return null;
        }
        return sign * v;
    }
}
