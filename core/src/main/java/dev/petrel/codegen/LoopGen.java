package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
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
        long[] place = WhereAnalyzer.placementMasks(scope, terms);
        this.masks = new long[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            masks[t] = place != null ? place[t] : terms.get(t).mask;
        }
        int n = scope.sources.size();
        this.matchedCursor = new int[n];
        this.rightMode = new int[n];
        this.rightNext = new int[n];
        this.rightBody = new int[n];
    }

    /** The loop level a term is tested at waits for these sources (see WhereAnalyzer.placementMasks). */
    private final long[] masks;
    /**
     * Per right-joined source (by scope index): the ephemeral set of the keys of its rows that some row of its left
     * operand matched, the register that is 1 while the pass over its unmatched rows runs, the label where that
     * pass takes its next row, and the label after the source's ON terms where an unmatched row enters the loops.
     */
    private final int[] matchedCursor;
    private final int[] rightMode;
    private final int[] rightNext;
    private final int[] rightBody;

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

    /** Opens the cursors of the table sources (read or write), records the plan lines, then emits the loops. */
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
                    b.emit(Opcode.OpenRead, s.indexCursor, idx.rootPage, idx.table.db, keyOrder(idx), 0);
                }
                if (!idxOnly || (writable != null && writable[i])) {
                    b.emit(writable != null && writable[i] ? Opcode.OpenWrite : Opcode.OpenRead, s.cursor,
                            s.table.rootPage, s.table.db, s.table.columns.size(), 0);
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
        for (Object[] o : order) {
            int i = (Integer) o[0];
            if (scope.sources.get(i).rightJoin) {
                rightJoined.add(i);
                matchedCursor[i] = b.cursor();
                rightMode[i] = b.reg();
                rightNext[i] = b.newLabel();
                rightBody[i] = b.newLabel();
            }
        }
        if (fromStart == 0) {
            joinedLevels(0);
        } else {
            level(0);
        }
    }

    /** The right-joined sources in FROM order. */
    private final List<Integer> rightJoined = new ArrayList<>();
    /** The first source of the FROM clause proper (UPDATE ... FROM: the target table comes before it). */
    private int fromStart;

    /**
     * Declares sources before {@code first} a target that each row combination of the FROM clause is paired with
     * (UPDATE ... FROM): the FROM clause's RIGHT JOINs match and add rows for each target row in turn.
     */
    LoopGen fromClauseStart(int first) {
        this.fromStart = first;
        return this;
    }

    /**
     * Level {@code k}, the first of the FROM clause, with the extra passes of its RIGHT JOINs: the matched sets
     * start empty, and after the loops each right-joined source's unmatched rows run, in FROM order (a later
     * RIGHT JOIN's left operand includes the rows an earlier one added, so its matches are complete only then).
     */
    private void joinedLevels(int k) {
        for (int i : rightJoined) {
            b.emit(Opcode.OpenEphemeral, matchedCursor[i], matchKeyWidth(scope.sources.get(i)), 0, KeyOrder.BINARY, 0);
            b.emit(Opcode.Integer, 0, rightMode[i]);
        }
        level(k);
        for (int i : rightJoined) {
            unmatchedRightRows(i);
        }
    }

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
            b.emit(Opcode.OpenRead, s.indexCursor, idx.rootPage, idx.table.db, keyOrder(idx), 0);
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

    /**
     * The extra pass of a RIGHT/FULL JOIN: every row of source {@code ri} whose key is not in its matched set
     * enters the loops just after the source's ON terms, with every earlier source on a NULL row; the source's
     * continue point then comes back here ({@link #rightMode}) instead of advancing its ordinary loop.
     */
    private void unmatchedRightRows(int ri) {
        Source s = scope.sources.get(ri);
        int savedParent = b.eqpParent;
        b.eqpParent = b.plan("RIGHT-JOIN " + s.name);
        b.plan("SCAN " + s.name + (s.coveringIndex != null && !s.coveringIndex.primaryKey
                ? " USING COVERING INDEX " + s.coveringIndex.name : ""));
        b.eqpParent = savedParent;
        int done = b.newLabel();
        b.emit(Opcode.Integer, 1, rightMode[ri]);
        int cur;
        Runnable advance;
        if (s.tableFunction != null) {
            cur = s.cursor;
            advance = TableFunctionGen.open(g, b, s, ri, 0L, List.of(), done);
        } else {
            cur = s.coveringIndex != null ? s.indexCursor : s.cursor;
            b.emit(Opcode.Rewind, cur, done);
            int top = b.addr();
            advance = () -> b.emit(Opcode.Next, cur, top);
        }
        int key = matchKey(s);
        b.emit(Opcode.Found, matchedCursor[ri], rightNext[ri], key, matchKeyWidth(s), 0);
        for (int i = fromStart; i < ri; i++) {
            nullRow(scope.sources.get(i));
        }
        b.emit(Opcode.Goto, 0, rightBody[ri]);
        b.resolve(rightNext[ri]);
        advance.run();
        b.resolve(done);
        b.emit(Opcode.Integer, 0, rightMode[ri]);
    }

    /** Puts the cursors {@code s} is read through on a NULL row (a covering index's table is never opened). */
    private void nullRow(Source s) {
        if (s.coveringIndex == null || s.derived || s.indexCursor == s.cursor) {
            b.emit(Opcode.NullRow, s.cursor);
        }
        if (s.indexCursor >= 0 && s.indexCursor != s.cursor) {
            b.emit(Opcode.NullRow, s.indexCursor);
        }
    }

    /** How many values identify a row of {@code s} in its matched set: the PRIMARY KEY of WITHOUT ROWID, else 1. */
    private static int matchKeyWidth(Source s) {
        return isWithoutRowid(s) ? s.table.primaryKeyIndex().columns.length : 1;
    }

    private static boolean isWithoutRowid(Source s) {
        return s.table != null && !s.derived && !s.table.isView() && s.table.withoutRowid;
    }

    /** Reads the key of the current row of {@code s} (see {@link #matchKeyWidth}) into new registers. */
    private int matchKey(Source s) {
        if (!isWithoutRowid(s)) {
            int r = b.reg();
            g.readColumn(s, -1, r);
            return r;
        }
        Index pk = s.table.primaryKeyIndex();
        int key = b.regs(pk.columns.length);
        for (int k = 0; k < pk.columns.length; k++) {
            g.readColumn(s, pk.columns[k], key + k);
        }
        return key;
    }

    static KeyOrder keyOrder(Index idx) {
        return WithoutRowid.keyOrder(idx);
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
        // A right-joined function's extra pass calls it again with its own arguments only: bind no WHERE terms.
        Runnable close = s.tableFunction != null
                ? TableFunctionGen.open(g, b, s, si, outerMask(k), s.rightJoin ? List.of() : terms, brk)
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
                int rec = b.reg();
                b.emit(Opcode.MakeRecord, matchKey(s), matchKeyWidth(s), rec);
                b.emit(Opcode.IdxInsert, matchedCursor[si], rec);
            }
        }
        b.resolve(bodyStart);
        if (s.rightJoin) {
            b.resolve(rightBody[si]);
        }
        for (int t = 0; t < terms.size(); t++) {
            WhereTerm wt = terms.get(t);
            if (!done[t] && (wt.onSource < 0 || wt.onSource == si) && (masks[t] & ~avail) == 0) {
                done[t] = true;
                g.ifFalse(wt.expr, cont, true);
            }
        }
        if (k + 1 == fromStart) {
            joinedLevels(k + 1);
        } else {
            level(k + 1);
        }
        // Terms whose level was reached above are marked done; inner levels may not re-test them.
        b.resolve(cont);
        if (s.rightJoin) {
            b.emit(Opcode.If, rightMode[si], rightNext[si]);
        }
        if (outer) {
            b.emit(Opcode.If, nullMode, after[0] == 0 ? brk : brk);
        }
        close.run();
        b.resolve(brk);
        if (outer) {
            int end = b.newLabel();
            b.emit(Opcode.If, nullMode, end);
            b.emit(Opcode.IfPos, matchReg, end, 0);
            nullRow(s);
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
        if (g.scope.ambiguousUsing != null && WhereAnalyzer.lastRightJoin(g.scope) >= 0) {
            throw PetrelException.error("ambiguous reference to " + g.scope.ambiguousUsing + " in USING()");
        }
        List<WhereTerm> out = new ArrayList<>();
        WhereAnalyzer.split(where, g.scope, -1, out);
        for (int i = 0; i < onTerms.size(); i++) {
            int src = onSources.get(i);
            Source s = g.scope.sources.get(src);
            boolean outer = s.joinType == Source.JOIN_LEFT || s.rightJoin;
            List<WhereTerm> on = new ArrayList<>();
            WhereAnalyzer.split(onTerms.get(i), g.scope, outer ? src : -1, on);
            for (WhereTerm t : on) {
                if (outer && (t.mask >>> src >>> 1) != 0 && !Exprs.hasSubquery(t.expr)) {
                    throw PetrelException.error("ON clause references tables to its right");
                }
                out.add(new WhereTerm(t.expr, t.mask, t.onSource, src));
            }
        }
        return out;
    }
}
