package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.plan.WhereTerm;
import dev.petrel.record.Collation;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.OrderingTerm;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SelectBody;
import dev.petrel.value.Affinity;
import dev.petrel.vm.FuncCall;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Code for one select core: FROM loops with WHERE, then either a row per qualifying combination (with DISTINCT)
 * or aggregation. GROUP BY sorts rows of {@code (group keys, every column of every source)} and walks the sorted
 * rows detecting group changes; output expressions then read columns of the group's last row through a pseudo
 * cursor ({@link Source#overrideCursor}) and aggregate results from registers.
 */
final class CoreGen implements WindowGen.Host {
    private final Compiler c;
    private final SelectGen sel;
    private final ProgramBuilder b;
    private final SelectBody.Core core;
    private final Select whole;
    private final OutputStage out;
    private final Scope scope;
    private final ExprGen g;
    private final List<Expr> exprs = new ArrayList<>();
    private final ResultInfo info = new ResultInfo();
    private final List<Expr> onTerms = new ArrayList<>();
    private final List<Integer> onSources = new ArrayList<>();
    private int distinctCursor = -1;
    /** The window-function stage, or null when the core has no window function. */
    private WindowGen windows;

    private CoreGen(Compiler c, SelectGen sel, SelectBody.Core core, Select whole, Scope outer, OutputStage out) {
        this.c = c;
        this.sel = sel;
        this.b = c.b;
        this.core = core;
        this.whole = whole;
        this.out = out;
        this.scope = new Scope(outer);
        this.g = new ExprGen(c, scope);
    }

    static ResultInfo core(Compiler c, SelectGen sel, SelectBody.Core core, Select whole, Scope outer,
                           OutputStage out) {
        return new CoreGen(c, sel, core, outer == null ? c.rootScope : outer, whole, out).run();
    }

    private CoreGen(Compiler c, SelectGen sel, SelectBody.Core core, Scope outer, Select whole, OutputStage out) {
        this(c, sel, core, whole, outer, out);
    }

    private ResultInfo run() {
        sel.from(core.from(), scope, onTerms, onSources);
        expandColumns();
        windows = WindowGen.collect(c, this, g, core, exprs, whole == null ? List.of() : whole.orderBy());
        markReferences();
        g.aliases = core.columns();
        List<Expr.FunctionCall> aggs = new ArrayList<>();
        for (Expr e : exprs) {
            sel.collectAggregates(e, aggs);
        }
        if (windows != null) {
            for (Expr e : windows.specExprs()) {
                sel.collectAggregates(e, aggs);
            }
        }
        sel.collectAggregates(core.having(), aggs);
        List<OrderingTerm> orderBy = whole == null ? List.of() : whole.orderBy();
        for (OrderingTerm t : orderBy) {
            sel.collectAggregates(t.expr(), aggs);
        }
        for (Expr e : core.groupBy()) {
            List<Expr.FunctionCall> bad = new ArrayList<>();
            sel.collectAggregates(e, bad);
            if (!bad.isEmpty()) {
                throw PetrelException.error("aggregate functions are not allowed in the GROUP BY clause");
            }
        }
        if (core.where() != null) {
            List<Expr.FunctionCall> bad = new ArrayList<>();
            sel.collectAggregates(core.where(), bad);
            if (!bad.isEmpty()) {
                throw PetrelException.error("misuse of aggregate: " + bad.get(0).name() + "()");
            }
        }
        boolean aggregate = !aggs.isEmpty() || !core.groupBy().isEmpty();
        if (core.having() != null && !aggregate) {
            throw PetrelException.error("a GROUP BY clause is required before HAVING");
        }
        if (core.distinct()) {
            distinctCursor = b.cursor();
            Collation[] colls = new Collation[exprs.size()];
            for (int i = 0; i < colls.length; i++) {
                colls[i] = info.collations.get(i);
            }
            b.emit(Opcode.OpenEphemeral, distinctCursor, exprs.size(), 0,
                    KeyOrder.of(colls, new boolean[colls.length]), 0);
        }
        List<WhereTerm> terms = sel.terms(g, core.where(), onTerms, onSources);
        List<Object[]> plan = sel.plan(scope, terms);
        if (aggregate || core.distinct() || windows != null || !OrderByIndex.satisfied(g, scope, plan, orderBy)) {
            setOrderBy(orderBy);
        }
        if (windows != null) {
            windows.open();
        }
        if (!aggregate) {
            new LoopGen(g, terms, plan, () -> emitRow(g)).emit(null);
        } else if (core.groupBy().isEmpty()) {
            simpleAggregate(aggs, terms, plan);
        } else {
            groupBy(aggs, terms, plan);
        }
        if (windows != null) {
            windows.finish();
        }
        if (core.distinct()) {
            b.plan("USE TEMP B-TREE FOR DISTINCT");
        }
        return info;
    }

    private void setOrderBy(List<OrderingTerm> orderBy) {
        if (orderBy.isEmpty()) {
            return;
        }
        int n = orderBy.size();
        int[] cols = new int[n];
        Expr[] keys = new Expr[n];
        Collation[] colls = new Collation[n];
        for (int i = 0; i < n; i++) {
            Expr e = orderBy.get(i).expr();
            Expr bare = e instanceof Expr.Collate co ? co.operand() : e;
            int k = -1;
            if (bare instanceof Expr.Literal lit && lit.value() instanceof Long num) {
                if (num < 1 || num > exprs.size()) {
                    throw PetrelException.error(SelectGen.ordinal(i)
                            + " ORDER BY term out of range - should be between 1 and " + exprs.size());
                }
                k = (int) (num - 1);
            } else if (bare instanceof Expr.ColumnRef ref && ref.table() == null) {
                for (int j = 0; j < core.columns().size() && k < 0; j++) {
                    if (core.columns().get(j) instanceof ResultColumn.Item it && it.alias() != null
                            && it.alias().equalsIgnoreCase(ref.column())) {
                        k = aliasIndex(j);
                    }
                }
            }
            if (k >= 0 && e == bare) {
                cols[i] = k;
                colls[i] = info.collations.get(k);
            } else {
                cols[i] = -1;
                keys[i] = k >= 0 ? exprs.get(k) : bare;
                colls[i] = e instanceof Expr.Collate co ? dev.petrel.schema.TableBuilder.collation(co.collation())
                        : g.collation(keys[i]);
            }
        }
        out.orderBy(orderBy, cols, keys, colls);
    }

    /** The expanded result index of core column {@code j} (stars before it expand to several). */
    private int aliasIndex(int j) {
        int idx = 0;
        for (int i = 0; i < j; i++) {
            ResultColumn rc = core.columns().get(i);
            idx += rc instanceof ResultColumn.Star st ? starWidth(st) : 1;
        }
        return idx;
    }

    private int starWidth(ResultColumn.Star st) {
        int n = 0;
        for (Source s : scope.sources) {
            if (st.table() == null) {
                for (String col : s.columnNames.subList(0, s.starColumnCount())) {
                    n += s.mergedColumns.contains(col.toLowerCase(java.util.Locale.ROOT)) ? 0 : 1;
                }
            } else if (s.name.equalsIgnoreCase(st.table())) {
                n += s.starColumnCount();
            }
        }
        return n;
    }

    private void expandColumns() {
        for (ResultColumn rc : core.columns()) {
            if (rc instanceof ResultColumn.Star st) {
                if (scope.sources.isEmpty()) {
                    throw PetrelException.error("no tables specified");
                }
                boolean any = false;
                for (Source s : scope.sources) {
                    if (st.table() != null && !s.name.equalsIgnoreCase(st.table())) {
                        continue;
                    }
                    any = true;
                    for (int i = 0; i < s.columnCount(); i++) {
                        s.referencedColumns.add(i);
                    }
                    for (int i = 0; i < s.starColumnCount(); i++) {
                        String col = s.columnNames.get(i);
                        if (st.table() == null && s.mergedColumns.contains(col.toLowerCase(java.util.Locale.ROOT))) {
                            continue;
                        }
                        Expr ref = new Expr.ColumnRef(st.pos(), null, s.name, col, false);
                        Expr merged = st.table() == null
                                ? scope.rightJoinUsing.get(col.toLowerCase(java.util.Locale.ROOT)) : null;
                        // USING column of a RIGHT/FULL JOIN: whichever side has a row.
                        exprs.add(merged != null ? merged : ref);
                        info.names.add(col);
                        info.declTypes.add(s.declTypes.get(i));
                        info.affinities.add(s.affinities.get(i));
                        info.collations.add(s.collations.get(i));
                    }
                }
                if (!any) {
                    throw PetrelException.error("no such table: " + st.table());
                }
            } else {
                ResultColumn.Item it = (ResultColumn.Item) rc;
                exprs.add(it.expr());
                String name = it.alias();
                String decl = null;
                Expr e = it.expr();
                if (e instanceof Expr.ColumnRef ref) {
                    Scope.Resolved r = scope.resolve(ref);
                    if (r != null && r.column() >= 0) {
                        decl = r.source().declTypes.get(r.column());
                        if (name == null) {
                            name = r.source().columnNames.get(r.column());
                        }
                    } else if (name == null) {
                        name = ref.column();
                    }
                }
                if (name == null) {
                    name = c.spanText(it);
                }
                info.names.add(name);
                info.declTypes.add(decl);
                info.affinities.add(safeAffinity(e));
                Collation coll = safeCollation(e);
                info.collations.add(coll == null ? Collation.BINARY : coll);
            }
        }
    }

    private Affinity safeAffinity(Expr e) {
        try {
            return g.affinity(e);
        } catch (PetrelException ex) {
            return Affinity.NONE;
        }
    }

    private Collation safeCollation(Expr e) {
        try {
            return g.collation(e);
        } catch (PetrelException ex) {
            return null;
        }
    }

    /** Marks the columns each source may be read for (a superset), so covering indexes can be chosen. */
    private void markReferences() {
        List<Expr> all = new ArrayList<>(exprs);
        all.add(core.where());
        all.addAll(core.groupBy());
        all.add(core.having());
        all.addAll(onTerms);
        if (windows != null) {
            all.addAll(windows.specExprs());
        }
        if (whole != null) {
            for (OrderingTerm t : whole.orderBy()) {
                all.add(t.expr());
            }
        }
        boolean sub = false;
        List<Expr.ColumnRef> refs = new ArrayList<>();
        for (Expr e : all) {
            if (e != null) {
                sub |= Exprs.hasSubquery(e);
                Exprs.columnRefs(e, refs);
            }
        }
        for (Source s : scope.sources) {
            if (sub) {
                s.allColumnsReferenced = true;
            }
            for (Expr.ColumnRef r : refs) {
                if (r.table() != null && !r.table().equalsIgnoreCase(s.name)) {
                    continue;
                }
                int i = s.columnIndex(r.column());
                if (i >= 0) {
                    s.referencedColumns.add(i);
                }
            }
        }
    }

    /** A qualifying row (or group): to the window stage when there is one, else straight to the output. */
    private void emitRow(ExprGen eg) {
        if (windows != null) {
            windows.insert(eg);
        } else {
            emitResultRow(eg);
        }
    }

    /** Computes the result row, applies DISTINCT, and hands it to the output stage. */
    @Override
    public void emitResultRow(ExprGen eg) {
        int n = exprs.size();
        int base = b.regs(n);
        for (int i = 0; i < n; i++) {
            eg.exprTo(exprs.get(i), base + i);
        }
        int skip = b.newLabel();
        if (distinctCursor >= 0) {
            int rec = b.reg();
            b.emit(Opcode.Found, distinctCursor, skip, base, n, 0);
            b.emit(Opcode.MakeRecord, base, n, rec);
            b.emit(Opcode.IdxInsert, distinctCursor, rec);
        }
        out.row(eg, base, n, info);
        b.resolve(skip);
    }

    // ---- aggregates ---------------------------------------------------------------------------------------------

    private final IdentityHashMap<Expr, Integer> accRegs = new IdentityHashMap<>();
    private final List<Expr.FunctionCall> uniqueAggs = new ArrayList<>();
    private final List<Integer> distinctAggCursors = new ArrayList<>();

    private void setupAccumulators(List<Expr.FunctionCall> aggs) {
        for (Expr.FunctionCall f : aggs) {
            if (accRegs.containsKey(f)) {
                continue;
            }
            int r = b.reg();
            accRegs.put(f, r);
            uniqueAggs.add(f);
            int dc = 0;
            if (f.distinct()) {
                int cur = b.cursor();
                b.emit(Opcode.OpenEphemeral, cur, 1, 0, KeyOrder.BINARY, 0);
                dc = cur + 1;
            }
            distinctAggCursors.add(dc);
            b.emit(Opcode.Null, 0, r);
        }
    }

    private void resetAccumulators() {
        for (int i = 0; i < uniqueAggs.size(); i++) {
            b.emit(Opcode.Null, 0, accRegs.get(uniqueAggs.get(i)));
            if (distinctAggCursors.get(i) != 0) {
                b.emit(Opcode.ResetSorter, distinctAggCursors.get(i) - 1);
            }
        }
    }

    private void stepAggregates(ExprGen eg) {
        for (int i = 0; i < uniqueAggs.size(); i++) {
            Expr.FunctionCall f = uniqueAggs.get(i);
            FuncCall call = sel.aggCall(f, eg);
            int argc = call.argc;
            int base = b.regs(Math.max(argc, 1));
            for (int k = 0; k < argc; k++) {
                eg.argTo(call.def, f.args().get(k), base + k);
            }
            int skip = b.newLabel();
            if (f.filter() != null) {
                eg.ifFalse(f.filter(), skip, true);
            }
            b.emit(Opcode.AggStep, distinctAggCursors.get(i), base, accRegs.get(f), call, argc);
            b.resolve(skip);
        }
    }

    /** The single min()/max() call whose row bare columns come from (SQLite's rule), or null. */
    private Expr.FunctionCall minMax() {
        if (uniqueAggs.size() != 1) {
            return null;
        }
        Expr.FunctionCall f = uniqueAggs.get(0);
        boolean mm = f.name().equalsIgnoreCase("min") || f.name().equalsIgnoreCase("max");
        return mm && f.args().size() == 1 && !f.distinct() && f.filter() == null ? f : null;
    }

    /**
     * Emits {@code record} for the bare-column row: for the group's first row, or, under a single min()/max(), when
     * the row's argument beats the best so far (kept in {@code best}), so bare columns come from the min/max row.
     */
    private void recordBareRow(Expr.FunctionCall mm, int best, Runnable record) {
        if (mm == null) {
            // SQLite 3.53 takes bare columns from the first row of each group: record it once, with {@code best}
            // (NULL at the start of every group) as the "taken" flag.
            int taken = b.newLabel();
            b.emit(Opcode.NotNull, best, taken);
            record.run();
            b.emit(Opcode.Integer, 1, best);
            b.resolve(taken);
            return;
        }
        int arg = g.expr(mm.args().get(0));
        int skip = b.newLabel();
        int take = b.newLabel();
        b.emit(Opcode.IsNull, arg, skip);
        b.emit(Opcode.IsNull, best, take);
        Collation coll = g.collation(mm.args().get(0));
        boolean max = mm.name().equalsIgnoreCase("max");
        b.emit(max ? Opcode.Le : Opcode.Ge, best, skip, arg, coll == null ? Collation.BINARY : coll, 0);
        b.resolve(take);
        b.emit(Opcode.SCopy, arg, best);
        record.run();
        b.resolve(skip);
    }

    private void finalizeAggregates(ExprGen eg) {
        for (Expr.FunctionCall f : uniqueAggs) {
            b.emit(Opcode.AggFinal, accRegs.get(f), f.star() ? 0 : f.args().size(), 0, sel.aggCall(f, eg), 0);
        }
    }

    /** Layout of a full row of every source: per source its columns, then its rowid. */
    @Override
    public int rowWidth() {
        int w = 0;
        for (Source s : scope.sources) {
            w += s.columnCount() + 1;
        }
        return w;
    }

    @Override
    public void emitFullRow(int base) {
        int off = 0;
        for (Source s : scope.sources) {
            for (int i = 0; i < s.columnCount(); i++) {
                if (s.allColumnsReferenced || s.referencedColumns.contains(i) || s.derived) {
                    g.readColumn(s, i, base + off + i);
                } else {
                    b.emit(Opcode.Null, 0, base + off + i);
                }
            }
            if (s.hasRowid() || s.derived) {
                g.readColumn(s, -1, base + off + s.columnCount());
            } else {
                b.emit(Opcode.Null, 0, base + off + s.columnCount());
            }
            off += s.columnCount() + 1;
        }
    }

    @Override
    public void overrideSources(int cursor, int firstOffset) {
        int off = firstOffset;
        for (Source s : scope.sources) {
            s.overrideCursor = cursor;
            s.overrideBase = off;
            off += s.columnCount() + 1;
        }
    }

    @Override
    public void clearOverrides() {
        for (Source s : scope.sources) {
            s.overrideCursor = -1;
        }
    }

    @Override
    public ExprGen outputGen() {
        ExprGen og = new ExprGen(c, scope);
        og.aliases = core.columns();
        og.aggRegs = accRegs;
        return og;
    }

    private void simpleAggregate(List<Expr.FunctionCall> aggs, List<WhereTerm> terms, List<Object[]> plan) {
        setupAccumulators(aggs);
        int width = rowWidth();
        int prev = b.reg();
        b.emit(Opcode.Null, 0, prev);
        int rowBase = b.regs(width);
        boolean bare = needsBareColumns();
        Expr.FunctionCall mm = minMax();
        int best = b.reg();
        b.emit(Opcode.Null, 0, best);
        new LoopGen(g, terms, plan, () -> {
            stepAggregates(g);
            if (bare) {
                recordBareRow(mm, best, () -> {
                    emitFullRow(rowBase);
                    b.emit(Opcode.MakeRecord, rowBase, width, prev);
                });
            }
        }).emit(null);
        int pprev = b.cursor();
        b.emit(Opcode.OpenPseudo, pprev, prev, width);
        overrideSources(pprev, 0);
        ExprGen og = outputGen();
        finalizeAggregates(og);
        int end = b.newLabel();
        if (core.having() != null) {
            og.ifFalse(core.having(), end, true);
        }
        emitRow(og);
        b.resolve(end);
        clearOverrides();
    }

    @Override
    public IdentityHashMap<Expr, Integer> accRegs() {
        return accRegs;
    }

    /** Whether output expressions read columns outside aggregate calls (bare columns) or hold subqueries. */
    private boolean needsBareColumns() {
        if (windows != null) {
            return true;
        }
        List<Expr> outputs = new ArrayList<>(exprs);
        outputs.add(core.having());
        if (whole != null) {
            for (OrderingTerm t : whole.orderBy()) {
                outputs.add(t.expr());
            }
        }
        for (Expr e : outputs) {
            if (e != null && bareRef(e)) {
                return true;
            }
        }
        return false;
    }

    private boolean bareRef(Expr e) {
        if (e instanceof Expr.ColumnRef || Exprs.hasSubquery(e)) {
            return true;
        }
        if (e instanceof Expr.FunctionCall f && accRegs.containsKey(f)) {
            return false;
        }
        for (Expr ch : Exprs.children(e)) {
            if (bareRef(ch)) {
                return true;
            }
        }
        return false;
    }

    private void groupBy(List<Expr.FunctionCall> aggs, List<WhereTerm> terms, List<Object[]> plan) {
        List<Expr> keys = new ArrayList<>();
        for (Expr e : core.groupBy()) {
            Expr bare = e instanceof Expr.Collate co ? co.operand() : e;
            if (bare instanceof Expr.Literal lit && lit.value() instanceof Long k) {
                if (k < 1 || k > exprs.size()) {
                    throw PetrelException.error(SelectGen.ordinal(keys.size())
                            + " GROUP BY term out of range - should be between 1 and " + exprs.size());
                }
                keys.add(exprs.get((int) (k - 1)));
            } else {
                keys.add(e);
            }
        }
        int nk = keys.size();
        // SQLite's rule: when ORDER BY has as many terms as GROUP BY, the groups are formed in the ORDER BY's
        // directions, term by term (whatever the expressions), so that the ORDER BY may be satisfied for free.
        // It decides the order of groups that tie under the ORDER BY, since the final sort is stable.
        List<OrderingTerm> finalOrder = whole == null ? List.of() : whole.orderBy();
        boolean[] desc = new boolean[nk];
        List<OrderingTerm> asOrder = new ArrayList<>();
        for (int i = 0; i < nk; i++) {
            desc[i] = finalOrder.size() == nk && finalOrder.get(i).order() == dev.petrel.sql.ast.SortOrder.DESC;
            asOrder.add(new OrderingTerm(keys.get(i),
                    desc[i] ? dev.petrel.sql.ast.SortOrder.DESC : dev.petrel.sql.ast.SortOrder.NONE,
                    dev.petrel.sql.ast.NullsOrder.NONE));
        }
        KeyOrder order = g.keyOrder(keys).withDescending(desc);
        if (OrderByIndex.satisfied(g, scope, plan, asOrder) || OrderByIndex.groupingSatisfied(scope, plan, keys)) {
            groupByInOrder(aggs, terms, plan, keys, order);
            return;
        }
        int sorter = b.cursor();
        b.emit(Opcode.SorterOpen, sorter, nk, 0, order, 0);
        int width = rowWidth();
        int inBase = b.regs(nk + width);
        int inRec = b.reg();
        new LoopGen(g, terms, plan, () -> {
            for (int i = 0; i < nk; i++) {
                g.exprTo(keys.get(i), inBase + i);
            }
            emitFullRow(inBase + nk);
            b.emit(Opcode.MakeRecord, inBase, nk + width, inRec);
            b.emit(Opcode.SorterInsert, sorter, inRec);
        }).emit(null);
        b.plan("USE TEMP B-TREE FOR GROUP BY");
        setupAccumulators(aggs);
        int data = b.reg();
        int prev = b.reg();
        int pcur = b.cursor();
        int pprev = b.cursor();
        b.emit(Opcode.OpenPseudo, pcur, data, nk + width);
        b.emit(Opcode.OpenPseudo, pprev, prev, nk + width);
        int curKeys = b.regs(nk);
        int prevKeys = b.regs(nk);
        int have = b.reg();
        int ret = b.reg();
        b.emit(Opcode.Integer, 0, have);
        int end = b.newLabel();
        int outSub = b.newLabel();
        b.emit(Opcode.SorterSort, sorter, end);
        int top = b.addr();
        b.emit(Opcode.SorterData, sorter, data, pcur);
        for (int i = 0; i < nk; i++) {
            b.emit(Opcode.Column, pcur, i, curKeys + i);
        }
        int same = b.newLabel();
        int changed = b.newLabel();
        int first = b.newLabel();
        Expr.FunctionCall mm = minMax();
        int best = b.reg();
        b.emit(Opcode.IfNot, have, first, 0);
        b.emit(Opcode.Compare, curKeys, prevKeys, nk, order, 0);
        b.emit(Opcode.Jump, changed, same, changed);
        b.resolve(changed);
        b.emit(Opcode.Gosub, ret, outSub);
        resetAccumulators();
        b.resolve(first);
        b.emit(Opcode.Null, 0, best);
        b.emit(Opcode.SCopy, data, prev);
        b.resolve(same);
        b.emit(Opcode.Copy, curKeys, prevKeys, nk - 1);
        b.emit(Opcode.Integer, 1, have);
        overrideSources(pcur, nk);
        stepAggregates(g);
        recordBareRow(mm, best, () -> b.emit(Opcode.SCopy, data, prev));
        clearOverrides();
        b.emit(Opcode.SorterNext, sorter, top);
        b.emit(Opcode.IfNot, have, end, 0);
        b.emit(Opcode.Gosub, ret, outSub);
        b.emit(Opcode.Goto, 0, end);
        // Output subroutine: one row per group.
        b.resolve(outSub);
        overrideSources(pprev, nk);
        ExprGen og = outputGen();
        finalizeAggregates(og);
        int skip = b.newLabel();
        if (core.having() != null) {
            og.ifFalse(core.having(), skip, true);
        }
        emitRow(og);
        b.resolve(skip);
        b.emit(Opcode.Return, ret);
        clearOverrides();
        b.resolve(end);
    }

    /**
     * GROUP BY when the loop already returns rows in group order (an index or rowid scan): groups are detected
     * as rows arrive, without a sorter.
     */
    private void groupByInOrder(List<Expr.FunctionCall> aggs, List<WhereTerm> terms, List<Object[]> plan,
                                List<Expr> keys, KeyOrder order) {
        int nk = keys.size();
        setupAccumulators(aggs);
        int width = rowWidth();
        int prev = b.reg();
        int rowBase = b.regs(width);
        int curKeys = b.regs(nk);
        int prevKeys = b.regs(nk);
        int have = b.reg();
        int ret = b.reg();
        int best = b.reg();
        b.emit(Opcode.Integer, 0, have);
        b.emit(Opcode.Null, 0, prev);
        int end = b.newLabel();
        int outSub = b.newLabel();
        Expr.FunctionCall mm = minMax();
        new LoopGen(g, terms, plan, () -> {
            for (int i = 0; i < nk; i++) {
                g.exprTo(keys.get(i), curKeys + i);
            }
            int same = b.newLabel();
            int changed = b.newLabel();
            int first = b.newLabel();
            b.emit(Opcode.IfNot, have, first, 0);
            b.emit(Opcode.Compare, curKeys, prevKeys, nk, order, 0);
            b.emit(Opcode.Jump, changed, same, changed);
            b.resolve(changed);
            b.emit(Opcode.Gosub, ret, outSub);
            resetAccumulators();
            b.resolve(first);
            b.emit(Opcode.Null, 0, best);
            emitFullRow(rowBase);
            b.emit(Opcode.MakeRecord, rowBase, width, prev);
            b.resolve(same);
            b.emit(Opcode.Copy, curKeys, prevKeys, nk - 1);
            b.emit(Opcode.Integer, 1, have);
            stepAggregates(g);
            recordBareRow(mm, best, () -> {
                emitFullRow(rowBase);
                b.emit(Opcode.MakeRecord, rowBase, width, prev);
            });
        }).emit(null);
        b.emit(Opcode.IfNot, have, end, 0);
        b.emit(Opcode.Gosub, ret, outSub);
        b.emit(Opcode.Goto, 0, end);
        b.resolve(outSub);
        int pprev = b.cursor();
        b.emit(Opcode.OpenPseudo, pprev, prev, width);
        overrideSources(pprev, 0);
        ExprGen og = outputGen();
        finalizeAggregates(og);
        int skip = b.newLabel();
        if (core.having() != null) {
            og.ifFalse(core.having(), skip, true);
        }
        emitRow(og);
        b.resolve(skip);
        b.emit(Opcode.Return, ret);
        clearOverrides();
        b.resolve(end);
    }
}
