package dev.petrel.codegen;

import dev.petrel.plan.AccessPath;
import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.plan.WhereAnalyzer;
import dev.petrel.plan.WhereTerm;
import dev.petrel.record.Collation;
import dev.petrel.schema.Index;
import dev.petrel.sql.ast.Expr;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the nested loops of a FROM clause with its WHERE terms: one loop per source in the planner's order, each
 * positioned by its {@link AccessPath}, each term tested at the innermost loop it needs, and LEFT JOIN's null row
 * for outer rows without a match. The caller supplies the body run for every qualifying row combination.
 *
 * <p>Loop shape (per level): open/seek, then {@code ON} terms, then the "matched" flag of an outer join, then
 * WHERE terms, then the inner levels or the body, then the continue point that advances the cursor. After an outer
 * join's loop ends without a match, the cursor is set to a null row and the body runs once more from after the
 * flag, with a null-mode register that makes the continue point leave the loop.
 */
final class LoopGen {
    private final ExprGen g;
    private final ProgramBuilder b;
    private final Scope scope;
    private final List<WhereTerm> terms;
    private final List<Object[]> order;
    private final boolean[] done;
    private final Runnable body;

    LoopGen(ExprGen g, List<WhereTerm> terms, List<Object[]> order, Runnable body) {
        this.g = g;
        this.b = g.b;
        this.scope = g.scope;
        this.terms = terms;
        this.order = order;
        this.done = new boolean[terms.size()];
        this.body = body;
        this.masks = new long[terms.size()];
        int n = scope.sources.size();
        boolean right = n > 0 && scope.sources.get(n - 1).rightJoin;
        for (int t = 0; t < terms.size(); t++) {
            WhereTerm wt = terms.get(t);
            // Under RIGHT/FULL JOIN, WHERE applies to the joined rows: test it only once the right side is known.
            masks[t] = wt.mask | (right && wt.onSource < 0 ? 1L << (n - 1) : 0);
        }
    }

    private final long[] masks;

    /** Opens the cursors of the table sources (read or write), records the plan lines, then emits the loops. */
    /**
     * The EXPLAIN QUERY PLAN line of one loop, as SQLite words it: a table-valued function is a virtual table whose
     * index number has a bit per argument given, and the inner table of a LEFT JOIN is marked.
     */
    private static String planDetail(Source s, AccessPath p) {
        String detail = s.derived && s.table == null ? "SCAN " + s.name : p.describe(s.name);
        if (s.tableFunction != null) {
            detail += " VIRTUAL TABLE INDEX " + ((1 << Math.min(30, s.tableArgs.size())) - 1) + ":";
        }
        return s.joinType == Source.JOIN_LEFT ? detail + " LEFT-JOIN" : detail;
    }

    void emit(boolean[] writable) {
        for (Object[] o : order) {
            int i = (Integer) o[0];
            Source s = scope.sources.get(i);
            AccessPath p = (AccessPath) o[1];
            if (s.table != null && !s.derived && !s.table.isView() && s.table.withoutRowid) {
                openWithoutRowid(s, p, writable != null && writable[i]);
            } else if (s.table != null && !s.derived && !s.table.isView()) {
                Index idx = p.index;
                boolean idxOnly = idx != null && p.covering;
                if (idx != null) {
                    s.indexCursor = b.cursor();
                    b.emit(Opcode.OpenRead, s.indexCursor, idx.rootPage, 0, keyOrder(idx), 0);
                }
                if (!idxOnly || (writable != null && writable[i])) {
                    b.emit(writable != null && writable[i] ? Opcode.OpenWrite : Opcode.OpenRead, s.cursor,
                            s.table.rootPage, 0, s.table.columns.size(), 0);
                }
                if (idxOnly && (writable == null || !writable[i])) {
                    s.coveringIndex = idx;
                }
            }
            b.plan(planDetail(s, p));
        }
        if (order.isEmpty() && scope.sources.isEmpty()) {
            b.plan("SCAN CONSTANT ROW");
        }
        int matched = -1;
        Source last = scope.sources.isEmpty() ? null : scope.sources.get(scope.sources.size() - 1);
        if (last != null && last.rightJoin) {
            matched = b.cursor();
            b.emit(Opcode.OpenEphemeral, matched, 1, 0, KeyOrder.BINARY, 0);
            matchedCursor = matched;
        }
        level(0);
        if (matched >= 0) {
            unmatchedRightRows(last, matched);
        }
    }

    private int matchedCursor = -1;

    /**
     * Opens a WITHOUT ROWID source: its table cursor, in PRIMARY KEY order, also serves as the "index" cursor of
     * a PRIMARY KEY path; a secondary index gets its own cursor (rows are then found by their PRIMARY KEY).
     */
    private void openWithoutRowid(Source s, AccessPath p, boolean writable) {
        Index idx = p.index;
        if (idx != null && WithoutRowid.isTableKey(idx)) {
            s.indexCursor = s.cursor;
            s.coveringIndex = idx;
        } else if (idx != null) {
            s.indexCursor = b.cursor();
            b.emit(Opcode.OpenRead, s.indexCursor, idx.rootPage, 0, keyOrder(idx), 0);
            if (p.covering && !writable) {
                s.coveringIndex = idx;
                return;
            }
        }
        WithoutRowid.open(b, writable ? Opcode.OpenWrite : Opcode.OpenRead, s.cursor, s.table, s.table.rootPage, 0);
    }

    /** Positions the table cursor of {@code s} on the row of the {@code idx} entry its index cursor is on. */
    private void seekTableRow(Source s, Index idx, int missing) {
        if (!s.table.withoutRowid) {
            b.emit(Opcode.DeferredSeek, s.indexCursor, 0, s.cursor);
            return;
        }
        Index pk = s.table.primaryKeyIndex();
        int key = b.regs(pk.columns.length);
        for (int k = 0; k < pk.columns.length; k++) {
            b.emit(Opcode.Column, s.indexCursor, idx.positionInEntry(pk.columns[k]), key + k);
        }
        b.emit(Opcode.NotFound, s.cursor, missing, key, pk.columns.length, 0);
    }

    /** The second pass of RIGHT/FULL JOIN: rows of the right source no combination matched, others NULL. */
    private void unmatchedRightRows(Source s, int matched) {
        int ri = scope.sources.size() - 1;
        int brk = b.newLabel();
        int cur = s.coveringIndex != null ? s.indexCursor : s.cursor;
        b.emit(Opcode.Rewind, cur, brk);
        int top = b.addr();
        int skip = b.newLabel();
        int r = b.reg();
        g.readColumn(s, -1, r);
        b.emit(Opcode.Found, matched, skip, r, 1, 0);
        for (int i = 0; i < ri; i++) {
            Source o = scope.sources.get(i);
            if (o.coveringIndex == null || o.derived) {
                b.emit(Opcode.NullRow, o.cursor);
            }
            if (o.indexCursor >= 0) {
                b.emit(Opcode.NullRow, o.indexCursor);
            }
        }
        for (WhereTerm wt : terms) {
            if (wt.onSource < 0) {
                g.ifFalse(wt.expr, skip, true);
            }
        }
        body.run();
        b.resolve(skip);
        b.emit(Opcode.Next, cur, top);
        b.resolve(brk);
    }

    static KeyOrder keyOrder(Index idx) {
        return new KeyOrder(idx.collations.clone(), idx.desc.clone(), idx.desc.clone());
    }

    private void level(int k) {
        if (k == order.size()) {
            // Terms not placed at any loop (no FROM, or reading only outer scopes) are tested here.
            int skip = b.newLabel();
            for (int t = 0; t < terms.size(); t++) {
                if (!done[t]) {
                    done[t] = true;
                    g.ifFalse(terms.get(t).expr, skip, true);
                }
            }
            body.run();
            b.resolve(skip);
            return;
        }
        int si = (Integer) order.get(k)[0];
        AccessPath p = (AccessPath) order.get(k)[1];
        Source s = scope.sources.get(si);
        boolean outer = s.joinType == Source.JOIN_LEFT;
        int matchReg = 0;
        int nullMode = 0;
        if (outer) {
            matchReg = b.reg();
            nullMode = b.reg();
            b.emit(Opcode.Integer, 0, matchReg);
            b.emit(Opcode.Integer, 0, nullMode);
        }
        int brk = b.newLabel();
        int cont = b.newLabel();
        int[] after = new int[1];
        Runnable close = s.tableFunction != null
                ? TableFunctionGen.open(g, b, s, si, outerMask(k), terms, brk)
                : open(s, p, brk, cont, after);
        long avail = 0;
        for (int j = 0; j <= k; j++) {
            avail |= 1L << (Integer) order.get(j)[0];
        }
        int bodyStart = b.newLabel();
        if (outer || s.rightJoin) {
            for (int t = 0; t < terms.size(); t++) {
                WhereTerm wt = terms.get(t);
                if (wt.onSource == si) {
                    done[t] = true;
                    g.ifFalse(wt.expr, cont, true);
                }
            }
            if (outer) {
                b.emit(Opcode.Integer, 1, matchReg);
            }
            if (s.rightJoin) {
                int r = b.reg();
                int rec = b.reg();
                g.readColumn(s, -1, r);
                b.emit(Opcode.MakeRecord, r, 1, rec);
                b.emit(Opcode.IdxInsert, matchedCursor, rec);
            }
        }
        b.resolve(bodyStart);
        for (int t = 0; t < terms.size(); t++) {
            WhereTerm wt = terms.get(t);
            if (!done[t] && (wt.onSource < 0 || wt.onSource == si) && (masks[t] & ~avail) == 0) {
                done[t] = true;
                g.ifFalse(wt.expr, cont, true);
            }
        }
        level(k + 1);
        // Terms whose level was reached above are marked done; inner levels may not re-test them.
        b.resolve(cont);
        if (outer) {
            b.emit(Opcode.If, nullMode, after[0] == 0 ? brk : brk);
        }
        close.run();
        b.resolve(brk);
        if (outer) {
            int end = b.newLabel();
            b.emit(Opcode.If, nullMode, end);
            b.emit(Opcode.IfPos, matchReg, end, 0);
            b.emit(Opcode.NullRow, s.cursor);
            if (s.indexCursor >= 0) {
                b.emit(Opcode.NullRow, s.indexCursor);
            }
            b.emit(Opcode.Integer, 1, nullMode);
            b.emit(Opcode.Goto, 0, bodyStart);
            b.resolve(end);
        }
    }

    /** The sources of the loops outside level {@code k}. */
    private long outerMask(int k) {
        long m = 0;
        for (int j = 0; j < k; j++) {
            m |= 1L << (Integer) order.get(j)[0];
        }
        return m;
    }

    /** Emits the positioning of a loop; returns the code of its continue step (advance and jump back). */
    private Runnable open(Source s, AccessPath p, int brk, int cont, int[] after) {
        if (s.derived || s.table == null || s.table.isView()) {
            b.emit(Opcode.Rewind, s.cursor, brk);
            int top = b.addr();
            return () -> b.emit(Opcode.Next, s.cursor, top);
        }
        int cur = s.cursor;
        switch (p.kind) {
            case AccessPath.ROWID_EQ: {
                int r = g.expr(p.eq.get(0));
                b.emit(Opcode.SeekRowid, cur, brk, r);
                if (p.eqTerm != null && !s.rightJoin) {
                    for (int t = 0; t < terms.size(); t++) {
                        if (terms.get(t).expr == p.eqTerm) {
                            done[t] = true;
                        }
                    }
                }
                return () -> { };
            }
            case AccessPath.ROWID_IN:
            case AccessPath.INDEX_IN: {
                int eph = InGen.valueSet(g, p.in);
                int outerTop = b.newLabel();
                int nextValue = b.newLabel();
                b.emit(Opcode.Rewind, eph, brk);
                b.resolve(outerTop);
                int v = b.reg();
                b.emit(Opcode.Column, eph, 0, v);
                if (p.kind == AccessPath.ROWID_IN) {
                    b.emit(Opcode.SeekRowid, cur, nextValue, v);
                    return () -> {
                        b.resolve(nextValue);
                        b.emit(Opcode.Next, eph, outerTop);
                    };
                }
                b.emit(Opcode.IsNull, v, nextValue);
                applyAffinity(s, p.index.columns[0], v, 1);
                b.emit(Opcode.SeekGE, s.indexCursor, nextValue, v, 1, 0);
                int top = b.addr();
                b.emit(Opcode.IdxGT, s.indexCursor, nextValue, v, 1, 0);
                if (s.coveringIndex == null) {
                    seekTableRow(s, p.index, cont);
                }
                return () -> {
                    b.emit(Opcode.Next, s.indexCursor, top);
                    b.resolve(nextValue);
                    b.emit(Opcode.Next, eph, outerTop);
                };
            }
            case AccessPath.ROWID_RANGE: {
                if (p.low != null) {
                    int r = g.expr(p.low);
                    b.emit(p.lowInclusive ? Opcode.SeekGE : Opcode.SeekGT, cur, brk, r, 1, 0);
                } else {
                    b.emit(Opcode.Rewind, cur, brk);
                }
                int hi = 0;
                if (p.high != null) {
                    hi = g.expr(p.high);
                }
                int top = b.addr();
                if (p.high != null) {
                    int rr = b.reg();
                    b.emit(Opcode.Rowid, cur, rr);
                    b.emit(p.highInclusive ? Opcode.Gt : Opcode.Ge, hi, brk, rr, Collation.BINARY,
                            ExprGen.affinityP5(dev.petrel.value.Affinity.NUMERIC) | Opcode.JUMPIFNULL);
                }
                return () -> b.emit(Opcode.Next, cur, top);
            }
            case AccessPath.INDEX: {
                Index idx = p.index;
                int n = p.eq.size();
                boolean hasLow = p.low != null;
                boolean hasHigh = p.high != null;
                int key = b.regs(n + 1);
                for (int i = 0; i < n; i++) {
                    g.exprTo(p.eq.get(i), key + i);
                    b.emit(Opcode.IsNull, key + i, brk);
                }
                applyAffinity(s, idx, key, n);
                int hiKey = 0;
                if (hasHigh) {
                    hiKey = b.regs(n + 1);
                    if (n > 0) {
                        b.emit(Opcode.Copy, key, hiKey, n - 1);
                    }
                    g.exprTo(p.high, hiKey + n);
                    b.emit(Opcode.IsNull, hiKey + n, brk);
                    applyAffinity(s, idx.columns[n], hiKey + n, 1);
                }
                if (hasLow) {
                    g.exprTo(p.low, key + n);
                    b.emit(Opcode.IsNull, key + n, brk);
                    applyAffinity(s, idx.columns[n], key + n, 1);
                    b.emit(p.lowInclusive ? Opcode.SeekGE : Opcode.SeekGT, s.indexCursor, brk, key, n + 1, 0);
                } else if (n > 0) {
                    if (hasHigh) {
                        // Skip the NULLs that sort first under the equal prefix.
                        b.emit(Opcode.Null, 0, key + n);
                        b.emit(Opcode.SeekGT, s.indexCursor, brk, key, n + 1, 0);
                    } else {
                        b.emit(Opcode.SeekGE, s.indexCursor, brk, key, n, 0);
                    }
                } else {
                    b.emit(Opcode.Null, 0, key);
                    b.emit(Opcode.SeekGT, s.indexCursor, brk, key, 1, 0);
                }
                int top = b.addr();
                if (hasHigh) {
                    b.emit(p.highInclusive ? Opcode.IdxGT : Opcode.IdxGE, s.indexCursor, brk, hiKey, n + 1, 0);
                } else if (n > 0) {
                    b.emit(Opcode.IdxGT, s.indexCursor, brk, key, n, 0);
                }
                if (s.coveringIndex == null) {
                    seekTableRow(s, p.index, cont);
                }
                if (hasLow && !s.rightJoin && idx.columns[n] >= 0
                        && idx.collations[n].name().equals(s.collations.get(idx.columns[n]).name())) {
                    // The seek and the end test decide the range terms exactly (NULLs sort before the low bound).
                    consumeRangeTerm(p.lowTerm, p.highTerm, hasHigh);
                    if (hasHigh) {
                        consumeRangeTerm(p.highTerm, p.lowTerm, true);
                    }
                }
                return () -> b.emit(Opcode.Next, s.indexCursor, top);
            }
            default: {
                Opcode first = p.reverse ? Opcode.Last : Opcode.Rewind;
                Opcode step = p.reverse ? Opcode.Prev : Opcode.Next;
                if (p.index != null && s.coveringIndex == null) {
                    // A full scan in index order (it provides the ORDER BY).
                    b.emit(first, s.indexCursor, brk);
                    int top = b.addr();
                    seekTableRow(s, p.index, cont);
                    return () -> b.emit(step, s.indexCursor, top);
                }
                int c = s.coveringIndex != null ? s.indexCursor : cur;
                b.emit(first, c, brk);
                int top = b.addr();
                return () -> b.emit(step, c, top);
            }
        }
    }

    /**
     * Marks {@code term} tested by the loop's positioning; a BETWEEN only if the other bound ({@code other}, when
     * {@code otherUsed}) came from it too.
     */
    private void consumeRangeTerm(Expr term, Expr other, boolean otherUsed) {
        if (term instanceof Expr.Between && (!otherUsed || other != term)) {
            return;
        }
        for (int t = 0; t < terms.size(); t++) {
            if (terms.get(t).expr == term) {
                done[t] = true;
            }
        }
    }

    private void applyAffinity(Source s, Index idx, int reg, int n) {
        for (int i = 0; i < n; i++) {
            applyAffinity(s, idx.columns[i], reg + i, 1);
        }
    }

    private void applyAffinity(Source s, int col, int reg, int n) {
        if (col >= 0) {
            char a = s.affinities.get(col).code();
            if (a != 'A') {
                b.emit(Opcode.Affinity, reg, n, 0, String.valueOf(a), 0);
            }
        }
    }

    /** Plans the loops for the scope's sources under {@code where} (plus join ON terms). */
    static List<WhereTerm> terms(ExprGen g, Expr where, List<Expr> onTerms, List<Integer> onSources) {
        List<WhereTerm> out = new ArrayList<>();
        WhereAnalyzer.split(where, g.scope, -1, out);
        for (int i = 0; i < onTerms.size(); i++) {
            WhereAnalyzer.split(onTerms.get(i), g.scope, onSources.get(i), out);
        }
        return out;
    }
}
