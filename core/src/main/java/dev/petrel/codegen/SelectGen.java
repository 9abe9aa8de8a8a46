package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.func.FunctionDef;
import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.plan.WhereAnalyzer;
import dev.petrel.plan.WhereTerm;
import dev.petrel.record.Collation;
import dev.petrel.schema.Table;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.OrderingTerm;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SelectBody;
import dev.petrel.sql.ast.TableSource;
import dev.petrel.sql.ast.With;
import dev.petrel.value.Affinity;
import dev.petrel.vm.FuncCall;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Code for SELECT: WITH, compound operators, select cores (FROM/WHERE loops, GROUP BY and aggregates, HAVING,
 * DISTINCT), ORDER BY/LIMIT through {@link OutputStage}, and the subquery forms used by expressions (scalar,
 * EXISTS, IN sets) and by FROM (materialized derived tables).
 */
final class SelectGen {
    private final Compiler c;
    private final ProgramBuilder b;
    private final IdentityHashMap<Select, ResultInfo> described = new IdentityHashMap<>();
    private int subqueryCounter;
    /** IN subqueries whose plan is already listed. */
    private final java.util.Set<Select> listedSets = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** A common table expression in scope; {@code cursor} >= 0 while its recursive step reads the current row. */
    static final class Cte {
        final With.Cte def;
        final boolean recursive;
        int cursor = -1;
        ResultInfo info;
        /** Set while the CTE's own body is compiled: its name then refers to a schema table, not itself. */
        boolean expanding;

        Cte(With.Cte def, boolean recursive) {
            this.def = def;
            this.recursive = recursive;
        }
    }

    private final List<Map<String, Cte>> ctes = new ArrayList<>();

    SelectGen(Compiler c) {
        this.c = c;
        this.b = c.b;
    }

    // ---- entry points ------------------------------------------------------------------------------------------

    /** Runs {@code sel} sending rows to {@code dest}; returns its result description. */
    ResultInfo run(Select sel, Scope outer, Dest dest) {
        boolean pushed = pushWith(sel.with());
        try {
            OutputStage out = new OutputStage(b, dest);
            ExprGen lg = new ExprGen(c, new Scope(outer));
            out.limit(lg, sel.limit());
            ResultInfo info;
            if (sel.body() instanceof SelectBody.Compound comp) {
                info = compound(comp, sel, outer, out);
            } else {
                info = body(sel.body(), sel, outer, out, true);
            }
            out.finish();
            described.put(sel, info);
            return info;
        } finally {
            if (pushed) {
                ctes.remove(ctes.size() - 1);
            }
        }
    }

    /** Generates {@code body} with the CTEs of a WITH clause in scope: {@code WITH ... INSERT/UPDATE/DELETE}. */
    <T> T withCtes(With with, java.util.function.Supplier<T> body) {
        boolean pushed = pushWith(with);
        try {
            return body.get();
        } finally {
            if (pushed) {
                ctes.remove(ctes.size() - 1);
            }
        }
    }

    private boolean pushWith(With with) {
        if (with == null) {
            return false;
        }
        Map<String, Cte> m = new HashMap<>();
        for (With.Cte d : with.ctes()) {
            m.put(d.name().toLowerCase(java.util.Locale.ROOT), new Cte(d, with.recursive()));
        }
        ctes.add(m);
        return true;
    }

    private Cte cte(String name) {
        String k = name.toLowerCase(java.util.Locale.ROOT);
        for (int i = ctes.size() - 1; i >= 0; i--) {
            Cte x = ctes.get(i).get(k);
            if (x != null && !x.expanding) {
                return x;
            }
        }
        return null;
    }

    Affinity firstColumnAffinity(Select sel, Scope scope) {
        ResultInfo info = described.get(sel);
        return info == null || info.size() == 0 ? Affinity.NONE : info.affinities.get(0);
    }

    /** A scalar subquery: its first column of the first row (NULL if none) into {@code target}. */
    void scalar(Select sel, Scope scope, int target) {
        int once = b.emit(Opcode.Once, 0, 0);
        int skip = b.newLabel();
        b.at(once).p2 = skip;
        Scope inner = new Scope(scope);
        int exit = b.newLabel();
        b.emit(Opcode.Null, 0, target);
        int saved = b.eqpParent;
        int number = ++subqueryCounter;
        b.eqpParent = b.plan("SCALAR SUBQUERY " + number);
        runScoped(sel, inner, (reg, n, info) -> {
            b.emit(Opcode.SCopy, reg, target);
            b.emit(Opcode.Goto, 0, exit);
        });
        if (inner.correlated) {
            b.replan(b.eqpParent, "CORRELATED SCALAR SUBQUERY " + number);
        }
        b.eqpParent = saved;
        b.resolve(exit);
        b.resolve(skip);
        if (inner.correlated) {
            b.at(once).op = Opcode.Noop;
        }
    }

    /** EXISTS (subquery) into {@code target} as 1 or 0. */
    void exists(Select sel, Scope scope, int target) {
        int once = b.emit(Opcode.Once, 0, 0);
        int skip = b.newLabel();
        b.at(once).p2 = skip;
        Scope inner = new Scope(scope);
        int exit = b.newLabel();
        b.emit(Opcode.Integer, 0, target);
        int saved = b.eqpParent;
        int number = ++subqueryCounter;
        b.eqpParent = b.plan("SCALAR SUBQUERY " + number);
        runScoped(sel, inner, (reg, n, info) -> {
            b.emit(Opcode.Integer, 1, target);
            b.emit(Opcode.Goto, 0, exit);
        });
        if (inner.correlated) {
            b.replan(b.eqpParent, "CORRELATED SCALAR SUBQUERY " + number);
        }
        b.eqpParent = saved;
        b.resolve(exit);
        b.resolve(skip);
        if (inner.correlated) {
            b.at(once).op = Opcode.Noop;
        }
    }

    /** Fills ephemeral index {@code cursor} with the subquery's first column (comparison affinity applied). */
    void materializeSet(Select sel, Scope scope, int cursor, KeyOrder order, Affinity lhsAff) {
        int once = b.emit(Opcode.Once, 0, 0);
        int skip = b.newLabel();
        b.at(once).p2 = skip;
        b.emit(Opcode.OpenEphemeral, cursor, 1, 0, order, 0);
        Scope inner = new Scope(scope);
        int rec = b.reg();
        // A set the loop code builds a second time for the same IN (an index lookup's value list, then the
        // re-checked term) is listed once.
        boolean again = !listedSets.add(sel);
        b.eqpMuted += again ? 1 : 0;
        int saved = b.eqpParent;
        int number = again ? 0 : ++subqueryCounter;
        b.eqpParent = b.plan("LIST SUBQUERY " + number);
        runScoped(sel, inner, (reg, n, info) -> {
            if (n != 1) {
                throw PetrelException.error("sub-select returns " + n + " columns - expected 1");
            }
            Affinity aff = dev.petrel.value.Comparison.comparisonAffinity(lhsAff,
                    info == null ? Affinity.NONE : info.affinities.get(0));
            b.emit(Opcode.MakeRecord, reg, 1, rec, aff == Affinity.BLOB || aff == Affinity.NONE ? null
                    : String.valueOf(aff == Affinity.TEXT ? 'B' : 'C'), 0);
            b.emit(Opcode.IdxInsert, cursor, rec);
        });
        if (inner.correlated) {
            b.replan(b.eqpParent, "CORRELATED LIST SUBQUERY " + number);
        }
        b.eqpParent = saved;
        b.eqpMuted -= again ? 1 : 0;
        b.resolve(skip);
        if (inner.correlated) {
            b.at(once).op = Opcode.Noop;
        }
    }

    /** Runs a subquery whose outer references go through {@code inner}, which is marked when it is correlated. */
    private void runScoped(Select sel, Scope inner, Dest dest) {
        described.put(sel, run(sel, inner, dest));
    }

    // ---- compound -------------------------------------------------------------------------------------------------

    private ResultInfo compound(SelectBody.Compound comp, Select whole, Scope outer, OutputStage out) {
        // ORDER BY terms of a compound name result columns.
        setCompoundOrder(whole, out);
        int saved = b.eqpParent;
        b.eqpParent = b.plan("COMPOUND QUERY");
        compoundLabel = "LEFT-MOST SUBQUERY";
        ResultInfo r = compoundInto(comp, outer, out, null);
        b.eqpParent = saved;
        return r;
    }

    private void setCompoundOrder(Select whole, OutputStage out) {
        List<OrderingTerm> terms = whole.orderBy();
        if (terms.isEmpty()) {
            return;
        }
        SelectBody leftmost = whole.body();
        while (leftmost instanceof SelectBody.Compound cc) {
            leftmost = cc.left();
        }
        List<ResultColumn> cols = leftmost instanceof SelectBody.Core core ? core.columns() : null;
        int[] idx = new int[terms.size()];
        Collation[] colls = new Collation[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            Expr e = terms.get(i).expr();
            if (e instanceof Expr.Collate co) {
                colls[i] = dev.petrel.schema.TableBuilder.collation(co.collation());
                e = co.operand();
            }
            idx[i] = matchResultColumn(e, cols, i, true);
        }
        out.orderBy(terms, idx, new Expr[terms.size()], colls);
    }

    static String ordinal(int i) {
        int n = i + 1;
        String suf = (n % 100 >= 11 && n % 100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd"
                : n % 10 == 3 ? "rd" : "th";
        return n + suf;
    }

    /** The result column an ORDER BY/GROUP BY term names by number or alias (or, in a compound, by expression). */
    private int matchResultColumn(Expr e, List<ResultColumn> cols, int termIdx, boolean compound) {
        int n = cols == null ? 0 : cols.size();
        if (e instanceof Expr.Literal lit && lit.value() instanceof Long k) {
            if (k < 1 || k > n) {
                throw PetrelException.error(ordinal(termIdx) + " ORDER BY term out of range - should be between 1 and "
                        + n);
            }
            return (int) (k - 1);
        }
        if (e instanceof Expr.ColumnRef ref && ref.table() == null && cols != null) {
            for (int i = 0; i < n; i++) {
                if (cols.get(i) instanceof ResultColumn.Item it && it.alias() != null
                        && it.alias().equalsIgnoreCase(ref.column())) {
                    return i;
                }
            }
        }
        if (compound && cols != null) {
            for (int i = 0; i < n; i++) {
                if (cols.get(i) instanceof ResultColumn.Item it && sameExpr(it.expr(), e)) {
                    return i;
                }
            }
            throw PetrelException.error(ordinal(termIdx) + " ORDER BY term does not match any column in the result set");
        }
        return -1;
    }

    static boolean sameExpr(Expr a, Expr b) {
        if (a instanceof Expr.ColumnRef x && b instanceof Expr.ColumnRef y) {
            return x.column().equalsIgnoreCase(y.column())
                    && (x.table() == null || y.table() == null || x.table().equalsIgnoreCase(y.table()));
        }
        return String.valueOf(strip(a)).equals(String.valueOf(strip(b)));
    }

    private static Object strip(Expr e) {
        return e == null ? null : e.toString().replaceAll("pos=\\d+", "");
    }

    /** Sends the rows of a compound to {@code out} (or, with {@code set} >= 0, into that ephemeral index). */
    private ResultInfo compoundInto(SelectBody body, Scope outer, OutputStage out, int[] set) {
        if (!(body instanceof SelectBody.Compound comp)) {
            // Each member is listed under the compound as sqlite3 3.40 lists a compound computed with temporary
            // b-trees: LEFT-MOST SUBQUERY, then the operator that adds each other member.
            int saved = b.eqpParent;
            if (compoundLabel != null) {
                b.eqpParent = b.plan(compoundLabel);
                compoundLabel = null;
            }
            try {
                if (set != null) {
                    OutputStage o = new OutputStage(b, setDest(set[0], set[1] == 1));
                    ResultInfo r = body(body, null, outer, o, false);
                    o.finish();
                    return r;
                }
                return body(body, null, outer, out, false);
            } finally {
                b.eqpParent = saved;
            }
        }
        switch (comp.op()) {
            case UNION_ALL: {
                ResultInfo r = compoundInto(comp.left(), outer, out, set);
                same(comp, r, compoundRight(comp, outer, out, set == null ? null : new int[] {set[0], 0}));
                return r;
            }
            case UNION: {
                if (set != null && set[1] == 0) {
                    ResultInfo r = compoundInto(comp.left(), outer, out, set);
                    same(comp, r, compoundRight(comp, outer, out, set));
                    return r;
                }
                int eph = b.cursor();
                int open = b.emit(Opcode.OpenEphemeral, eph, 0, 0, null, 0);
                ResultInfo r = compoundInto(comp.left(), outer, out, new int[] {eph, 0});
                same(comp, r, compoundRight(comp, outer, out, new int[] {eph, 0}));
                fixSetOpen(open, r);
                scanSet(eph, r, out, set);
                return r;
            }
            case EXCEPT: {
                int eph = b.cursor();
                int open = b.emit(Opcode.OpenEphemeral, eph, 0, 0, null, 0);
                ResultInfo r = compoundInto(comp.left(), outer, out, new int[] {eph, 0});
                same(comp, r, compoundRight(comp, outer, out, new int[] {eph, 1}));
                fixSetOpen(open, r);
                scanSet(eph, r, out, set);
                return r;
            }
            default: {
                int eph = b.cursor();
                int open = b.emit(Opcode.OpenEphemeral, eph, 0, 0, null, 0);
                ResultInfo r = compoundInto(comp.left(), outer, out, new int[] {eph, 0});
                int eph2 = b.cursor();
                int open2 = b.emit(Opcode.OpenEphemeral, eph2, 0, 0, null, 0);
                same(comp, r, compoundRight(comp, outer, out, new int[] {eph2, 0}));
                fixSetOpen(open, r);
                fixSetOpen(open2, r);
                int n = r.size();
                int base = b.regs(n);
                int brk = b.newLabel();
                b.emit(Opcode.Rewind, eph, brk);
                int top = b.addr();
                int nxt = b.newLabel();
                for (int i = 0; i < n; i++) {
                    b.emit(Opcode.Column, eph, i, base + i);
                }
                b.emit(Opcode.NotFound, eph2, nxt, base, n, 0);
                emitSetRow(base, n, r, out, set);
                b.resolve(nxt);
                b.emit(Opcode.Next, eph, top);
                b.resolve(brk);
                return r;
            }
        }
    }

    /** The plan label of the next compound member (null: none, e.g. inside a recursive CTE). */
    private String compoundLabel;

    /** The right member of {@code comp}, listed in the plan under its operator. */
    private ResultInfo compoundRight(SelectBody.Compound comp, Scope outer, OutputStage out, int[] set) {
        compoundLabel = switch (comp.op()) {
            case UNION_ALL -> "UNION ALL";
            case UNION -> "UNION USING TEMP B-TREE";
            case EXCEPT -> "EXCEPT USING TEMP B-TREE";
            default -> "INTERSECT USING TEMP B-TREE";
        };
        ResultInfo r = compoundInto(comp.right(), outer, out, set);
        compoundLabel = null;
        return r;
    }

    private static void same(SelectBody.Compound comp, ResultInfo left, ResultInfo right) {
        if (left.size() != right.size()) {
            String op = comp.op() == SelectBody.Op.UNION_ALL ? "UNION ALL" : comp.op().name();
            throw PetrelException.error("SELECTs to the left and right of " + op
                    + " do not have the same number of result columns");
        }
    }

    private void fixSetOpen(int addr, ResultInfo r) {
        int n = r.size();
        Collation[] colls = new Collation[n];
        for (int i = 0; i < n; i++) {
            colls[i] = r.collations.get(i);
        }
        b.at(addr).p2 = n;
        b.at(addr).p4 = KeyOrder.of(colls, new boolean[n]);
    }

    private void scanSet(int eph, ResultInfo r, OutputStage out, int[] set) {
        int n = r.size();
        int base = b.regs(n);
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, eph, brk);
        int top = b.addr();
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.Column, eph, i, base + i);
        }
        emitSetRow(base, n, r, out, set);
        b.emit(Opcode.Next, eph, top);
        b.resolve(brk);
    }

    private void emitSetRow(int base, int n, ResultInfo r, OutputStage out, int[] set) {
        if (set != null) {
            setDest(set[0], set[1] == 1).row(base, n, r);
        } else {
            out.row(null, base, n, r);
        }
    }

    private Dest setDest(int eph, boolean delete) {
        return (reg, n, info) -> {
            if (delete) {
                b.emit(Opcode.IdxDelete, eph, reg, n);
            } else {
                int rec = b.reg();
                b.emit(Opcode.MakeRecord, reg, n, rec);
                b.emit(Opcode.IdxInsert, eph, rec);
            }
        };
    }

    // ---- one body ---------------------------------------------------------------------------------------------------

    private ResultInfo body(SelectBody body, Select whole, Scope outer, OutputStage out, boolean simple) {
        if (body instanceof SelectBody.Values v) {
            return values(v, outer, out, whole);
        }
        return CoreGen.core(c, this, (SelectBody.Core) body, simple ? whole : null, outer, out);
    }

    private ResultInfo values(SelectBody.Values v, Scope outer, OutputStage out, Select whole) {
        ExprGen g = new ExprGen(c, new Scope(outer));
        int n = v.rows().get(0).size();
        ResultInfo info = new ResultInfo();
        for (int i = 0; i < n; i++) {
            info.names.add("column" + (i + 1));
            info.declTypes.add(null);
            info.affinities.add(Affinity.NONE);
            info.collations.add(Collation.BINARY);
        }
        if (whole != null && !whole.orderBy().isEmpty()) {
            int[] idx = new int[whole.orderBy().size()];
            Collation[] colls = new Collation[idx.length];
            for (int i = 0; i < idx.length; i++) {
                Expr e = whole.orderBy().get(i).expr();
                if (!(e instanceof Expr.Literal lit && lit.value() instanceof Long k && k >= 1 && k <= n)) {
                    throw PetrelException.error(ordinal(i) + " ORDER BY term does not match any column in the result set");
                }
                idx[i] = (int) (k - 1);
            }
            out.orderBy(whole.orderBy(), idx, new Expr[idx.length], colls);
        }
        for (List<Expr> row : v.rows()) {
            if (row.size() != n) {
                throw PetrelException.error("all VALUES must have the same number of terms");
            }
            int base = b.regs(n);
            for (int i = 0; i < n; i++) {
                g.exprTo(row.get(i), base + i);
            }
            out.row(g, base, n, info);
        }
        return info;
    }

    // ---- FROM -------------------------------------------------------------------------------------------------

    /**
     * Whether the parenthesized join that added sources {@code before..} as the right operand of {@code j} cannot be
     * flattened into the FROM list: under an outer join it would have to be null-extended (or matched) as a whole,
     * and a RIGHT or FULL JOIN inside it must not see the sources to its left.
     */
    private static boolean groupNeedsNesting(TableSource.Join j, Scope scope, int before) {
        if (j.type() == TableSource.JoinType.LEFT || j.type() == TableSource.JoinType.RIGHT
                || j.type() == TableSource.JoinType.FULL) {
            return true;
        }
        for (int i = before + 1; i < scope.sources.size(); i++) {
            if (scope.sources.get(i).rightJoin) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether USING column {@code key} is ambiguous on the left of a join: two left sources have it unmerged. With a
     * RIGHT or FULL JOIN anywhere in the FROM clause the leftmost may be NULL where another is not, so SQLite then
     * refuses it ({@link LoopGen#terms}).
     */
    private static boolean ambiguousUsing(Scope scope, int before, String key) {
        int found = 0;
        for (int k = 0; k < before; k++) {
            Source s = scope.sources.get(k);
            if (s.columnIndex(key) >= 0 && !s.mergedColumns.contains(key)) {
                found++;
            }
        }
        return found > 1;
    }

    /** Adds the sources of {@code ts} to {@code scope}, materializing derived tables; collects ON terms. */
    void from(TableSource ts, Scope scope, List<Expr> onTerms, List<Integer> onSources) {
        if (ts == null) {
            return;
        }
        if (ts instanceof TableSource.Join j) {
            from(j.left(), scope, onTerms, onSources);
            int before = scope.sources.size();
            from(j.right(), scope, onTerms, onSources);
            if (scope.sources.size() != before + 1 && groupNeedsNesting(j, scope, before)) {
                throw PetrelException.error("Petrel does not support a parenthesized join as the right operand of"
                        + " an outer join, or holding a RIGHT or FULL JOIN");
            }
            Source right = scope.sources.get(scope.sources.size() - 1);
            int ri = scope.sources.size() - 1;
            switch (j.type()) {
                case LEFT:
                    right.joinType = Source.JOIN_LEFT;
                    break;
                case RIGHT:
                    right.rightJoin = true;
                    break;
                case FULL:
                    right.joinType = Source.JOIN_LEFT;
                    right.rightJoin = true;
                    break;
                default:
                    break;
            }
            int onSrc = ri; // the joined source; LoopGen.terms tells outer joins' ON terms from inner ones
            List<String> using = new ArrayList<>(j.using());
            if (j.natural()) {
                for (String col : right.columnNames) {
                    for (int k = 0; k < before; k++) {
                        if (scope.sources.get(k).columnIndex(col) >= 0 && !using.contains(col)) {
                            using.add(col);
                            break;
                        }
                    }
                }
            }
            for (String col : using) {
                Source left = null;
                for (int k = 0; k < before && left == null; k++) {
                    if (scope.sources.get(k).columnIndex(col) >= 0) {
                        left = scope.sources.get(k);
                    }
                }
                if (left == null || right.columnIndex(col) < 0) {
                    throw PetrelException.error("cannot join using column " + col
                            + " - column not present in both tables");
                }
                String key = col.toLowerCase(java.util.Locale.ROOT);
                if (scope.ambiguousUsing == null && ambiguousUsing(scope, before, key)) {
                    scope.ambiguousUsing = col;
                }
                right.mergedColumns.add(key);
                // The left operand's column: after an earlier RIGHT/FULL JOIN merged it, whichever side had a row.
                Expr leftValue = scope.rightJoinUsing.containsKey(key) ? scope.rightJoinUsing.get(key)
                        : new Expr.ColumnRef(0, null, left.name, col, false);
                Expr rightValue = new Expr.ColumnRef(0, null, right.name, col, false);
                onTerms.add(new Expr.Binary(0, Expr.BinaryOp.EQ, leftValue, rightValue));
                if (right.rightJoin) {
                    List<Expr> merged = new ArrayList<>();
                    if (leftValue instanceof Expr.FunctionCall fc) {
                        merged.addAll(fc.args());
                    } else {
                        merged.add(leftValue);
                    }
                    merged.add(rightValue);
                    scope.rightJoinUsing.put(key, new Expr.FunctionCall(0, "coalesce", false, false, merged,
                            List.of(), null, null));
                }
                onSources.add(onSrc);
            }
            if (j.on() != null) {
                onTerms.add(j.on());
                onSources.add(onSrc);
            }
            return;
        }
        if (ts instanceof TableSource.Paren p) {
            from(p.inner(), scope, onTerms, onSources);
            return;
        }
        if (ts instanceof TableSource.Subquery sq) {
            String name = sq.alias() != null ? sq.alias() : "(subquery-" + (++subqueryCounter) + ")";
            scope.sources.add(derived(name, sq.select(), scope.parent, null));
            return;
        }
        if (ts instanceof TableSource.Function f) {
            Source fs = f.schema() == null || f.schema().equalsIgnoreCase("main")
                    ? TableFunctionGen.source(c, f.name(), f.alias(), f.args()) : null;
            if (fs == null && (f.schema() == null || f.schema().equalsIgnoreCase("main"))) {
                fs = PragmaFunctionGen.source(c, f.name(), f.alias(), f.args());
            }
            if (fs == null) {
                throw PetrelException.error("no such table: " + f.name());
            }
            scope.sources.add(fs);
            return;
        }
        TableSource.Table t = (TableSource.Table) ts;
        String name = t.alias() != null ? t.alias() : t.name();
        if (t.schema() == null) {
            Cte x = cte(t.name());
            if (x != null) {
                if (x.cursor >= 0) {
                    Source s = new Source(name, null, true);
                    s.cursor = x.cursor;
                    describeInto(s, x.info);
                    scope.sources.add(s);
                    return;
                }
                scope.sources.add(cteSource(name, x, scope));
                return;
            }
        }
        Table table = c.schema.table(t.schema(), t.name());
        Source eponymous = table == null && t.schema() == null
                ? TableFunctionGen.source(c, t.name(), t.alias(), List.of()) : null;
        if (table == null && eponymous == null && t.schema() == null) {
            eponymous = PragmaFunctionGen.source(c, t.name(), t.alias(), List.of());
        }
        if (eponymous != null) {
            scope.sources.add(eponymous);
            return;
        }
        if (table == null) {
            throw PetrelException.error("no such table: " + (t.schema() != null ? t.schema() + "." : "") + t.name());
        }
        if (table.isView()) {
            if (c.viewDepth > 20) {
                throw PetrelException.error("view " + table.name + " is circularly defined");
            }
            c.viewDepth++;
            try {
                Source s = derived(name, table.viewSelect, null, table.viewColumns);
                scope.sources.add(s);
            } finally {
                c.viewDepth--;
            }
            return;
        }
        if (t.indexedBy() != null && c.schema.schema(table.db).index(t.indexedBy()) == null) {
            throw PetrelException.error("no such index: " + t.indexedBy());
        }
        Source s = new Source(name, table, false);
        s.schemaName = t.alias() == null ? c.schema.database(table.db).name() : null;
        s.cursor = b.cursor();
        s.notIndexed = t.notIndexed();
        s.indexedBy = t.indexedBy();
        scope.sources.add(s);
    }

    private void describeInto(Source s, ResultInfo info) {
        for (int i = 0; i < info.size(); i++) {
            s.columnNames.add(info.names.get(i));
            s.affinities.add(info.affinities.get(i));
            s.collations.add(info.collations.get(i));
            s.declTypes.add(info.declTypes.get(i));
        }
    }

    private Source derived(String name, Select sel, Scope outer, List<String> colNames) {
        int cur = b.cursor();
        b.emit(Opcode.OpenEphemeral, cur, 0);
        int rec = b.reg();
        int rowid = b.reg();
        int saved = b.eqpParent;
        b.eqpParent = b.plan("MATERIALIZE " + name);
        ResultInfo info = run(sel, outer, (reg, n, ri) -> {
            b.emit(Opcode.MakeRecord, reg, n, rec);
            b.emit(Opcode.NewRowid, cur, rowid);
            b.emit(Opcode.Insert, cur, rec, rowid);
        });
        b.eqpParent = saved;
        Source s = new Source(name, null, true);
        s.cursor = cur;
        describeInto(s, info);
        if (colNames != null) {
            for (int i = 0; i < colNames.size() && i < s.columnNames.size(); i++) {
                s.columnNames.set(i, colNames.get(i));
            }
        }
        return s;
    }

    private Source cteSource(String name, Cte x, Scope scope) {
        Select sel = x.def.select();
        List<String> cols = x.def.columns().isEmpty() ? null : x.def.columns();
        if (sel.body() instanceof SelectBody.Compound comp
                && (comp.op() == SelectBody.Op.UNION || comp.op() == SelectBody.Op.UNION_ALL)
                && mentions(comp.right(), x.def.name())) {
            return recursiveCte(name, x, comp, cols);
        }
        // The CTE body sees CTEs defined before it, not itself.
        x.expanding = true;
        try {
            return derived(name, sel, null, cols);
        } finally {
            x.expanding = false;
        }
    }

    private static boolean mentions(SelectBody body, String name) {
        if (body instanceof SelectBody.Core core) {
            return mentions(core.from(), name);
        }
        if (body instanceof SelectBody.Compound comp) {
            return mentions(comp.left(), name) || mentions(comp.right(), name);
        }
        return false;
    }

    private static boolean mentions(TableSource ts, String name) {
        if (ts instanceof TableSource.Table t) {
            return t.schema() == null && t.name().equalsIgnoreCase(name);
        }
        if (ts instanceof TableSource.Join j) {
            return mentions(j.left(), name) || mentions(j.right(), name);
        }
        if (ts instanceof TableSource.Paren p) {
            return mentions(p.inner(), name);
        }
        return false;
    }

    /**
     * WITH RECURSIVE: the initial arm fills a queue and the result; then, while the queue is not empty, its first
     * row is moved to a one-row table that the recursive arm reads under the CTE's name, and the recursive arm's
     * rows go to the queue and the result (through a distinct set for UNION).
     */
    private Source recursiveCte(String name, Cte x, SelectBody.Compound comp, List<String> colNames) {
        int result = b.cursor();
        int queue = b.cursor();
        int current = b.cursor();
        b.emit(Opcode.OpenEphemeral, result, 0);
        b.emit(Opcode.OpenEphemeral, queue, 0);
        b.emit(Opcode.OpenEphemeral, current, 0);
        boolean distinct = comp.op() == SelectBody.Op.UNION;
        int seen = -1;
        int seenOpen = -1;
        if (distinct) {
            seen = b.cursor();
            seenOpen = b.emit(Opcode.OpenEphemeral, seen, 0, 0, KeyOrder.BINARY, 0);
        }
        int rec = b.reg();
        int rowid = b.reg();
        int limitReg = 0;
        int done = b.newLabel();
        Select sel = x.def.select();
        if (sel.limit() != null) {
            limitReg = b.reg();
            new ExprGen(c, new Scope(null)).exprTo(sel.limit().limit(), limitReg);
            b.emit(Opcode.MustBeInt, limitReg, 0);
            b.emit(Opcode.IfNot, limitReg, done, 0);
        }
        final int seenC = seen;
        final int limitC = limitReg;
        Dest dest = (reg, n, info) -> {
            int skip = b.newLabel();
            b.emit(Opcode.MakeRecord, reg, n, rec);
            if (seenC >= 0) {
                b.emit(Opcode.Found, seenC, skip, rec, 0, 0);
                b.emit(Opcode.IdxInsert, seenC, rec);
            }
            b.emit(Opcode.NewRowid, result, rowid);
            b.emit(Opcode.Insert, result, rec, rowid);
            b.emit(Opcode.NewRowid, queue, rowid);
            b.emit(Opcode.Insert, queue, rec, rowid);
            if (limitC != 0) {
                b.emit(Opcode.DecrJumpZero, limitC, done);
            }
            b.resolve(skip);
        };
        OutputStage initOut = new OutputStage(b, dest);
        x.expanding = true;
        ResultInfo info;
        try {
            info = compoundInto(comp.left(), null, initOut, null);
        } finally {
            x.expanding = false;
        }
        initOut.finish();
        if (colNames != null) {
            if (colNames.size() != info.size()) {
                throw PetrelException.error("table " + x.def.name() + " has " + info.size()
                        + " values for " + colNames.size() + " columns");
            }
            for (int i = 0; i < colNames.size(); i++) {
                info.names.set(i, colNames.get(i));
            }
        }
        int loopTop = b.addr();
        b.emit(Opcode.Rewind, queue, done);
        int data = b.reg();
        b.emit(Opcode.RowData, queue, data);
        b.emit(Opcode.Delete, queue, 0);
        b.emit(Opcode.ResetSorter, current);
        b.emit(Opcode.Integer, 1, rowid);
        b.emit(Opcode.Insert, current, data, rowid);
        x.cursor = current;
        x.info = info;
        try {
            OutputStage recOut = new OutputStage(b, dest);
            compoundInto(comp.right(), null, recOut, null);
            recOut.finish();
        } finally {
            x.cursor = -1;
        }
        b.emit(Opcode.Goto, 0, loopTop);
        b.resolve(done);
        if (seenOpen >= 0) {
            b.at(seenOpen).p2 = info.size();
        }
        Source s = new Source(name, null, true);
        s.cursor = result;
        describeInto(s, info);
        return s;
    }

    // ---- aggregates helpers -----------------------------------------------------------------------------------

    /** Collects aggregate calls in {@code e} (not inside subqueries) into {@code out}. */
    void collectAggregates(Expr e, List<Expr.FunctionCall> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.FunctionCall f) {
            int argc = f.star() ? 0 : f.args().size();
            FunctionDef def = c.functions.find(f.name(), argc);
            if (def != null && def.isAggregate() && f.over() == null) {
                for (Expr a : f.args()) {
                    List<Expr.FunctionCall> nested = new ArrayList<>();
                    collectAggregates(a, nested);
                    if (!nested.isEmpty()) {
                        throw PetrelException.error("misuse of aggregate function " + nested.get(0).name() + "()");
                    }
                }
                out.add(f);
                return;
            }
            for (Expr a : f.args()) {
                collectAggregates(a, out);
            }
            return;
        }
        for (Expr child : Exprs.children(e)) {
            collectAggregates(child, out);
        }
    }

    FuncCall aggCall(Expr.FunctionCall f, ExprGen g) {
        int argc = f.star() ? 0 : f.args().size();
        FunctionDef def = c.functions.find(f.name(), argc);
        if (def == null) {
            throw PetrelException.error(dev.petrel.func.FunctionRegistry.wrongArgumentCountMessage(f.name()));
        }
        if (f.distinct() && argc != 1) {
            throw PetrelException.error("DISTINCT aggregates must have exactly one argument");
        }
        Collation coll = argc > 0 ? g.collation(f.args().get(0)) : null;
        return new FuncCall(def, coll, argc);
    }

    List<WhereTerm> terms(ExprGen g, Expr where, List<Expr> on, List<Integer> onSrc) {
        return LoopGen.terms(g, where, on, onSrc);
    }

    List<Object[]> plan(Scope scope, List<WhereTerm> terms) {
        boolean outer = false;
        for (Source s : scope.sources) {
            outer |= s.joinType != Source.JOIN_INNER || s.rightJoin;
        }
        return WhereAnalyzer.plan(scope, terms, outer);
    }
}
