package dev.petrel.plan;

import dev.petrel.record.Collation;
import dev.petrel.schema.Index;
import dev.petrel.schema.TableBuilder;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.SortOrder;
import dev.petrel.value.Affinity;
import dev.petrel.value.Comparison;
import java.util.ArrayList;
import java.util.List;

/**
 * WHERE analysis: splits a condition into AND-ed terms, computes which sources each term reads, and chooses the
 * access path of each loop and the order of the loops.
 *
 * <p>Rules: a term {@code col op expr} can drive a lookup on {@code col}'s source when {@code expr} reads only
 * sources of outer loops, and the comparison's affinity and collation are those of the column (otherwise an index
 * ordered by the column's rules could miss rows that the comparison accepts). Terms are always evaluated again as
 * filters, so a chosen path only has to return a superset of the matching rows. Costs are rough constants by
 * path kind (no statistics): rowid equality, then a unique index fully matched, then index equality (more columns
 * better), IN lists, ranges, and a full scan last. Inner joins are ordered greedily by cost; a query with an outer
 * join keeps the FROM order.
 */
public final class WhereAnalyzer {
    private WhereAnalyzer() {
    }

    /** Adds the AND-ed conjuncts of {@code e} to {@code out}. */
    public static void split(Expr e, Scope scope, int onSource, List<WhereTerm> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            split(b.left(), scope, onSource, out);
            split(b.right(), scope, onSource, out);
            return;
        }
        out.add(new WhereTerm(e, mask(e, scope), onSource));
    }

    /** The bit set of this scope's sources {@code e} reads; all bits if it holds a subquery. */
    public static long mask(Expr e, Scope scope) {
        long[] m = new long[1];
        boolean[] sub = new boolean[1];
        walk(e, scope, m, sub);
        if (sub[0]) {
            return (1L << scope.sources.size()) - 1;
        }
        return m[0];
    }

    private static boolean hasSubquery(Expr e, Scope scope) {
        boolean[] sub = new boolean[1];
        walk(e, scope, new long[1], sub);
        return sub[0];
    }

    private static void walk(Expr e, Scope scope, long[] m, boolean[] sub) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.ColumnRef ref) {
            Scope.Resolved r;
            try {
                r = scope.resolve(ref);
            } catch (RuntimeException ex) {
                r = null;
            }
            Expr merged = r == null ? null : scope.usingValue(ref, r);
            if (merged != null) {
                walk(merged, scope, m, sub);
            } else if (r != null && r.depth() == 0) {
                m[0] |= 1L << scope.sources.indexOf(r.source());
            }
        } else if (e instanceof Expr.Unary u) {
            walk(u.operand(), scope, m, sub);
        } else if (e instanceof Expr.Binary b) {
            walk(b.left(), scope, m, sub);
            walk(b.right(), scope, m, sub);
        } else if (e instanceof Expr.Like l) {
            walk(l.left(), scope, m, sub);
            walk(l.pattern(), scope, m, sub);
            walk(l.escape(), scope, m, sub);
        } else if (e instanceof Expr.Between b) {
            walk(b.operand(), scope, m, sub);
            walk(b.low(), scope, m, sub);
            walk(b.high(), scope, m, sub);
        } else if (e instanceof Expr.InList in) {
            walk(in.operand(), scope, m, sub);
            for (Expr x : in.list()) {
                walk(x, scope, m, sub);
            }
        } else if (e instanceof Expr.InSelect in) {
            walk(in.operand(), scope, m, sub);
            sub[0] = true;
        } else if (e instanceof Expr.Exists || e instanceof Expr.Subquery) {
            sub[0] = true;
        } else if (e instanceof Expr.NullTest n) {
            walk(n.operand(), scope, m, sub);
        } else if (e instanceof Expr.Case c) {
            walk(c.base(), scope, m, sub);
            for (Expr.WhenThen wt : c.whens()) {
                walk(wt.when(), scope, m, sub);
                walk(wt.then(), scope, m, sub);
            }
            walk(c.elseExpr(), scope, m, sub);
        } else if (e instanceof Expr.Cast c) {
            walk(c.operand(), scope, m, sub);
        } else if (e instanceof Expr.Collate c) {
            walk(c.operand(), scope, m, sub);
        } else if (e instanceof Expr.FunctionCall f) {
            for (Expr x : f.args()) {
                walk(x, scope, m, sub);
            }
            walk(f.filter(), scope, m, sub);
        } else if (e instanceof Expr.RowValue rv) {
            for (Expr x : rv.values()) {
                walk(x, scope, m, sub);
            }
        }
    }

    /** The affinity of an expression for index decisions (columns and CASTs; everything else has none). */
    public static Affinity affinity(Expr e, Scope scope) {
        if (e instanceof Expr.Collate c) {
            return affinity(c.operand(), scope);
        }
        if (e instanceof Expr.Cast c) {
            return Affinity.fromDeclaredType(c.type().name());
        }
        if (e instanceof Expr.ColumnRef ref) {
            Scope.Resolved r = scope.resolve(ref);
            if (r != null) {
                return r.column() < 0 ? Affinity.INTEGER : r.source().affinities.get(r.column());
            }
        }
        return Affinity.NONE;
    }

    private static Collation explicitCollation(Expr e) {
        return e instanceof Expr.Collate c ? TableBuilder.collation(c.collation()) : null;
    }

    private static Collation columnCollation(Expr e, Scope scope) {
        if (e instanceof Expr.ColumnRef ref) {
            Scope.Resolved r = scope.resolve(ref);
            if (r != null && r.column() >= 0) {
                return r.source().collations.get(r.column());
            }
        }
        return null;
    }

    /** A column of source {@code s} that {@code e} names directly (through COLLATE too), or null. */
    private static int[] columnOf(Expr e, Source s, Scope scope) {
        if (e instanceof Expr.ColumnRef ref) {
            Scope.Resolved r = scope.resolve(ref);
            if (r != null && r.depth() == 0 && r.source() == s) {
                return new int[] {r.column() == s.rowidAlias() && r.column() >= 0 ? -1 : r.column()};
            }
        }
        return null;
    }

    /** A usable constraint {@code column op value} found in a term. */
    private record Constraint(int column, Expr.BinaryOp op, Expr value, Expr term) {}

    private static Expr.BinaryOp flip(Expr.BinaryOp op) {
        switch (op) {
            case LT:
                return Expr.BinaryOp.GT;
            case LE:
                return Expr.BinaryOp.GE;
            case GT:
                return Expr.BinaryOp.LT;
            case GE:
                return Expr.BinaryOp.LE;
            default:
                return op;
        }
    }

    private static void constraints(WhereTerm t, Source s, long srcBit, long available, Scope scope,
                                    List<Constraint> out) {
        Expr e = t.expr;
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case EQ:
                case IS:
                case LT:
                case LE:
                case GT:
                case GE: {
                    int[] l = columnOf(b.left(), s, scope);
                    if (l != null && (mask(b.right(), scope) & ~available) == 0
                            && compatible(b.left(), b.right(), l[0], s, scope)) {
                        out.add(new Constraint(l[0], b.op(), b.right(), e));
                    }
                    int[] r = columnOf(b.right(), s, scope);
                    if (r != null && (mask(b.left(), scope) & ~available) == 0
                            && compatible(b.right(), b.left(), r[0], s, scope)) {
                        out.add(new Constraint(r[0], flip(b.op()), b.left(), e));
                    }
                    break;
                }
                default:
                    break;
            }
        } else if (e instanceof Expr.Between bt && !bt.not()) {
            int[] l = columnOf(bt.operand(), s, scope);
            if (l != null && (mask(bt.low(), scope) & ~available) == 0 && (mask(bt.high(), scope) & ~available) == 0
                    && compatible(bt.operand(), bt.low(), l[0], s, scope)
                    && compatible(bt.operand(), bt.high(), l[0], s, scope)) {
                out.add(new Constraint(l[0], Expr.BinaryOp.GE, bt.low(), e));
                out.add(new Constraint(l[0], Expr.BinaryOp.LE, bt.high(), e));
            }
        } else if (e instanceof Expr.InList in && !in.not()) {
            int[] l = columnOf(in.operand(), s, scope);
            if (l != null && (mask(e, scope) & ~available & ~srcBit) == 0 && !in.list().isEmpty()) {
                boolean ok = true;
                for (Expr x : in.list()) {
                    ok &= (mask(x, scope) & ~available) == 0 && compatible(in.operand(), x, l[0], s, scope);
                }
                if (ok) {
                    out.add(new Constraint(l[0], null, e, e));
                }
            }
        } else if (e instanceof Expr.InSelect in && !in.not()) {
            int[] l = columnOf(in.operand(), s, scope);
            if (l != null && in.select().body() instanceof dev.petrel.sql.ast.SelectBody.Core core
                    && core.columns().size() == 1 && !references(in, s)) {
                out.add(new Constraint(l[0], null, e, e));
            }
        }
    }

    /**
     * Whether the subquery of {@code in} names {@code s} as a qualifier ({@code s.col}): such a correlated set
     * changes with each row of s and cannot drive a lookup into s. (An unqualified outer reference is not seen.)
     */
    private static boolean references(Expr.InSelect in, Source s) {
        String all = dev.petrel.sql.parser.SqlPrinter.print(in);
        String sub = all.substring(Math.min(all.length(), dev.petrel.sql.parser.SqlPrinter.print(in.operand()).length()));
        String lower = sub.toLowerCase(java.util.Locale.ROOT);
        for (String q : new String[] {s.name, dev.petrel.sql.parser.SqlPrinter.quoteName(s.name)}) {
            String want = q.toLowerCase(java.util.Locale.ROOT) + ".";
            for (int at = lower.indexOf(want); at >= 0; at = lower.indexOf(want, at + 1)) {
                if (at == 0 || !isIdentChar(lower.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '"';
    }

    private static boolean compatible(Expr colExpr, Expr value, int col, Source s, Scope scope) {
        Affinity colAff = col < 0 ? Affinity.INTEGER : s.affinities.get(col);
        Affinity cmp = Comparison.comparisonAffinity(colAff, affinity(value, scope));
        if (col < 0) {
            return true;
        }
        boolean affOk = cmp == Affinity.BLOB || cmp == Affinity.NONE || (cmp.isNumeric() && colAff.isNumeric()) || cmp == colAff
                || (cmp == Affinity.TEXT && colAff == Affinity.TEXT);
        if (!affOk) {
            return false;
        }
        Collation coll = explicitCollation(colExpr);
        if (coll == null) {
            coll = explicitCollation(value);
        }
        if (coll == null) {
            coll = s.collations.get(col);
        }
        return true && coll == s.collations.get(col) || coll.name().equals(s.collations.get(col).name());
    }

    /** The cheapest access path for source {@code s} (bit {@code srcBit}) given sources {@code available}. */
    public static AccessPath choose(Source s, long srcBit, long available, List<WhereTerm> terms, Scope scope,
                                    int leftJoinSource) {
        AccessPath best = new AccessPath();
        best.cost = 1e6;
        if (s.table == null || s.derived || s.table.isView()) {
            best.cost = 1e6;
            return best;
        }
        List<Constraint> cons = new ArrayList<>();
        List<WhereTerm> own = new ArrayList<>();
        for (WhereTerm t : terms) {
            if (leftJoinSource >= 0 ? t.onSource != leftJoinSource : t.onSource >= 0 && t.onSource != -1) {
                continue;
            }
            if ((t.mask & srcBit) == 0) {
                continue;
            }
            own.add(t);
            constraints(t, s, srcBit, available, scope, cons);
        }
        // Rowid.
        for (Constraint c : cons) {
            if (c.column == -1 && (c.op == Expr.BinaryOp.EQ || c.op == Expr.BinaryOp.IS)) {
                AccessPath p = new AccessPath();
                p.kind = AccessPath.ROWID_EQ;
                p.eq.add(c.value);
                p.eqTerm = c.op == Expr.BinaryOp.EQ ? c.term : null;
                p.cost = 1;
                return p;
            }
        }
        for (Constraint c : cons) {
            if (c.column == -1 && c.op == null && better(15, best)) {
                best = new AccessPath();
                best.kind = AccessPath.ROWID_IN;
                best.in = c.value;
                best.cost = 15;
            }
        }
        AccessPath range = new AccessPath();
        range.kind = AccessPath.ROWID_RANGE;
        for (Constraint c : cons) {
            if (c.column == -1 && c.op != null) {
                addRange(range, c);
            }
        }
        if (range.low != null || range.high != null) {
            range.cost = range.low != null && range.high != null ? 200 : 400;
            if (range.cost < best.cost) {
                best = range;
            }
        }
        List<Expr> ownExprs = new ArrayList<>();
        for (WhereTerm t : own) {
            ownExprs.add(t.expr);
        }
        List<Constraint> all = cons;
        for (Index idx : s.table.indexes) {
            if (!allowed(s, idx) || !PartialIndex.usable(idx, s, ownExprs, scope)) {
                continue;
            }
            cons = idx.exprs == null ? all : withExpressionColumns(idx, all, own, s, available, scope);
            AccessPath p = new AccessPath();
            p.kind = AccessPath.INDEX;
            p.index = idx;
            int k = 0;
            for (; k < idx.columns.length; k++) {
                Constraint eq = null;
                for (Constraint c : cons) {
                    if (c.column == keyColumn(idx, k) && (c.op == Expr.BinaryOp.EQ)) {
                        eq = c;
                        break;
                    }
                }
                if (eq == null) {
                    break;
                }
                p.eq.add(eq.value);
            }
            if (k < idx.columns.length && !idx.desc[k]) {
                for (Constraint c : cons) {
                    if (c.column == keyColumn(idx, k) && c.op != null && c.op != Expr.BinaryOp.EQ
                            && c.op != Expr.BinaryOp.IS) {
                        addRange(p, c);
                    }
                }
            }
            p.covering = covers(idx, s);
            if (k > 0) {
                boolean full = idx.unique && k == idx.columns.length;
                p.cost = full ? 2 : idx.stat != null && k < idx.stat.length && idx.stat[0] > 0
                        // ANALYZE'd: the fewer rows per key, the cheaper (between 2 and 20).
                        ? 2 + 18.0 * Math.min(idx.stat[k], idx.stat[0]) / idx.stat[0]
                        : 20.0 / k + (p.low != null || p.high != null ? -1 : 0);
            } else if (p.low != null || p.high != null) {
                p.cost = p.low != null && p.high != null ? 250 : 450;
            } else {
                // IN on the first column.
                for (Constraint c : cons) {
                    if (c.column == keyColumn(idx, 0) && c.op == null) {
                        p.kind = AccessPath.INDEX_IN;
                        p.in = c.value;
                        p.cost = 30;
                        break;
                    }
                }
                if (p.kind != AccessPath.INDEX_IN) {
                    continue;
                }
            }
            if (!p.covering) {
                p.cost += 1;
                if (k > 0 && idx.stat != null && k < idx.stat.length && idx.stat[k] * 2 >= idx.stat[0]
                        && idx.stat[0] > 0 && p.low == null && p.high == null) {
                    // ANALYZE says a key matches half the rows or more: SQLite scans the table instead.
                    continue;
                }
            }
            if (p.cost < best.cost) {
                best = p;
            }
        }
        if (best.kind == AccessPath.SCAN) {
            // A narrower index holding every column read is scanned instead of the table (SQLite does too).
            for (Index idx : s.table.indexes) {
                int stored = s.table.columns.size() - (s.table.rowidAlias >= 0 ? 1 : 0);
                if (idx.usable() && allowed(s, idx) && covers(idx, s) && idx.columns.length < stored
                        && !(idx.primaryKey && s.table.withoutRowid)
                        && (best.index == null || idx.columns.length < best.index.columns.length)) {
                    best.index = idx;
                    best.covering = true;
                }
            }
        }
        return best;
    }

    /** The constraint column number of key column {@code k}: the table column, or a marker for an expression. */
    private static int keyColumn(Index idx, int k) {
        return idx.expr(k) != null ? EXPR_COLUMN_BASE - k : idx.columns[k];
    }

    /** Constraint column numbers at or below this mark expression columns of the index being considered. */
    private static final int EXPR_COLUMN_BASE = -100;

    /**
     * {@code cons} plus the constraints {@code expr op value} of the WHERE on expression columns of {@code idx}
     * (the same expression as the index's, compared with =, <, <=, >, >=, and no COLLATE on either side).
     */
    private static List<Constraint> withExpressionColumns(Index idx, List<Constraint> cons, List<WhereTerm> own,
                                                          Source s, long available, Scope scope) {
        List<Constraint> out = new ArrayList<>(cons);
        for (int k = 0; k < idx.columns.length; k++) {
            Expr indexed = idx.expr(k);
            if (indexed == null) {
                continue;
            }
            for (WhereTerm t : own) {
                if (!(t.expr instanceof Expr.Binary b) || b.left() instanceof Expr.Collate
                        || b.right() instanceof Expr.Collate) {
                    continue;
                }
                switch (b.op()) {
                    case EQ:
                    case LT:
                    case LE:
                    case GT:
                    case GE:
                        if (ExprMatch.same(b.left(), indexed, s, scope)
                                && (mask(b.right(), scope) & ~available) == 0) {
                            out.add(new Constraint(keyColumn(idx, k), b.op(), b.right(), t.expr));
                        } else if (ExprMatch.same(b.right(), indexed, s, scope)
                                && (mask(b.left(), scope) & ~available) == 0) {
                            out.add(new Constraint(keyColumn(idx, k), flip(b.op()), b.left(), t.expr));
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        return out;
    }

    private static boolean allowed(Source s, Index idx) {
        return !s.notIndexed && (s.indexedBy == null || s.indexedBy.equalsIgnoreCase(idx.name));
    }

    private static boolean better(double cost, AccessPath best) {
        return cost < best.cost;
    }

    private static void addRange(AccessPath p, Constraint c) {
        switch (c.op) {
            case GT:
            case GE:
                if (p.low == null) {
                    p.low = c.value;
                    p.lowInclusive = c.op == Expr.BinaryOp.GE;
                    p.lowTerm = c.term;
                }
                break;
            case LT:
            case LE:
                if (p.high == null) {
                    p.high = c.value;
                    p.highInclusive = c.op == Expr.BinaryOp.LE;
                    p.highTerm = c.term;
                }
                break;
            default:
                break;
        }
    }

    /** Whether every column the statement may read from {@code s} is in {@code idx} (or is the rowid). */
    public static boolean covers(Index idx, Source s) {
        if (idx.primaryKey && idx.table.withoutRowid) {
            return true; // the WITHOUT ROWID table itself
        }
        if (s.allColumnsReferenced) {
            return false;
        }
        for (int col : s.referencedColumns) {
            // As in SQLite, the PRIMARY KEY suffix of a UNIQUE index on a WITHOUT ROWID table does not count.
            if (col != s.rowidAlias() && (idx.unique ? !idx.covers(col) : idx.positionInEntry(col) < 0)) {
                return false;
            }
        }
        return true;
    }

    private static long argumentMask(Source s, Scope scope) {
        long m = 0;
        for (Expr a : s.tableArgs) {
            m |= mask(a, scope);
        }
        return m;
    }

    /**
     * The loop order and access paths for the sources of {@code scope}. With a RIGHT or FULL JOIN the caller keeps
     * the FROM order ({@code keepOrder}), and a term may position a source's loop only where testing it that early
     * cannot change which rows of a right-joined source count as matched ({@link #drivesSource}).
     */
    public static List<Object[]> plan(Scope scope, List<WhereTerm> terms, boolean keepOrder) {
        int n = scope.sources.size();
        long[] place = placementMasks(scope, terms);
        if (place != null) {
            List<WhereTerm> all = terms;
            List<Object[]> out = new ArrayList<>();
            long available = 0;
            for (int i = 0; i < n; i++) {
                List<WhereTerm> usable = new ArrayList<>();
                for (int t = 0; t < all.size(); t++) {
                    if (drivesSource(scope, all.get(t), place[t], i)) {
                        usable.add(all.get(t));
                    }
                }
                Source s = scope.sources.get(i);
                boolean outer = s.joinType == Source.JOIN_LEFT || s.rightJoin;
                out.add(new Object[] {i, choose(s, 1L << i, available, usable, scope, outer ? i : -1)});
                available |= 1L << i;
            }
            return out;
        }
        List<Object[]> out = new ArrayList<>();
        boolean[] placed = new boolean[n];
        long available = 0;
        for (int step = 0; step < n; step++) {
            int bestI = -1;
            AccessPath bestP = null;
            double bestScore = 0;
            int bestFilters = 0;
            for (int i = 0; i < n; i++) {
                if (placed[i]) {
                    continue;
                }
                Source s = scope.sources.get(i);
                if (s.tableArgs != null && !keepOrder && (argumentMask(s, scope) & ~available & ~(1L << i)) != 0) {
                    continue; // a table-valued function runs inside the loops of the sources its arguments read
                }
                boolean outer = s.joinType == Source.JOIN_LEFT || s.rightJoin;
                AccessPath p = choose(s, 1L << i, available, terms, scope, outer ? i : -1);
                if (keepOrder) {
                    bestI = i;
                    bestP = p;
                    break;
                }
                // Score a candidate by its own cost plus what placing it makes the others cost, so that a source
                // whose rows drive index lookups into the others goes outside them. Up to LOOKAHEAD_SOURCES the
                // others are placed greedily in turn (a chain t1-t2-t3 of lookups is seen whole); past that, each
                // is costed once given the candidate alone.
                double score = p.cost + (n <= LOOKAHEAD_SOURCES
                        ? greedyRest(scope, terms, placed, i, available | (1L << i))
                        : oneStepRest(scope, terms, placed, i, available | (1L << i)));
                int filters = localFilters(terms, 1L << i);
                // On a tie, the source with more terms that filter its own rows goes outside: fewer rows then
                // drive the inner loops (SQLite's row estimate does the same).
                if (bestP == null || score < bestScore || (score == bestScore && filters > bestFilters)) {
                    bestI = i;
                    bestP = p;
                    bestScore = score;
                    bestFilters = filters;
                }
            }
            placed[bestI] = true;
            available |= 1L << bestI;
            out.add(new Object[] {bestI, bestP});
        }
        return out;
    }

    /** The position of the last RIGHT or FULL JOINed source of {@code scope}, or -1. */
    public static int lastRightJoin(Scope scope) {
        for (int i = scope.sources.size() - 1; i >= 0; i--) {
            if (scope.sources.get(i).rightJoin) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The sources each term must wait for when the FROM clause has a RIGHT or FULL JOIN (loops in FROM order), or
     * null without one. A right-joined source's rows are marked matched as the loops reach them, and its unmatched
     * rows later re-enter the loops at that source with every earlier source NULL: a WHERE term therefore waits for
     * the last right-joined source (so it is neither skipped by that pass nor allowed to hide a match), and an ON
     * term of an inner join is tested at its own join, inside the operand that a later RIGHT JOIN matches against.
     */
    public static long[] placementMasks(Scope scope, List<WhereTerm> terms) {
        int last = lastRightJoin(scope);
        if (last < 0) {
            return null;
        }
        long[] m = new long[terms.size()];
        for (int t = 0; t < m.length; t++) {
            WhereTerm wt = terms.get(t);
            long mask = wt.mask;
            if (wt.onSource < 0 && wt.joinSource >= 0 && hasSubquery(wt.expr, scope)) {
                // A subquery makes the mask every source; an ON clause reads only its join and the ones before.
                mask &= (2L << wt.joinSource) - 1;
            }
            m[t] = mask | (wt.onSource >= 0 ? 0 : 1L << (wt.joinSource >= 0 ? wt.joinSource : last));
        }
        return m;
    }

    /**
     * Whether a term (placed by {@code placeMask}) may position source {@code i}'s loop: its own outer join's ON
     * terms may; any other term only if no right-joined source lies between {@code i} and the term's place, where
     * filtering early would change the rows a RIGHT JOIN matched.
     */
    private static boolean drivesSource(Scope scope, WhereTerm t, long placeMask, int i) {
        if (t.onSource >= 0) {
            return t.onSource == i;
        }
        int level = 63 - Long.numberOfLeadingZeros(placeMask);
        for (int r = i; r <= level; r++) {
            if (scope.sources.get(r).rightJoin) {
                return false;
            }
        }
        return true;
    }

    /** Joins of up to this many sources score a candidate by a greedy placement of all the others. */
    private static final int LOOKAHEAD_SOURCES = 8;

    private static AccessPath chooseFor(Scope scope, List<WhereTerm> terms, int j, long available) {
        Source o = scope.sources.get(j);
        return choose(o, 1L << j, available, terms, scope, o.joinType == Source.JOIN_LEFT || o.rightJoin ? j : -1);
    }

    /** The summed cost of the unplaced sources but {@code first}, each costed given {@code available}. */
    private static double oneStepRest(Scope scope, List<WhereTerm> terms, boolean[] placed, int first,
                                      long available) {
        double sum = 0;
        for (int j = 0; j < placed.length; j++) {
            if (j != first && !placed[j]) {
                sum += chooseFor(scope, terms, j, available).cost;
            }
        }
        return sum;
    }

    /**
     * The summed cost of the unplaced sources but {@code first} when they are placed one by one, cheapest first,
     * each costed given the sources placed before it.
     */
    private static double greedyRest(Scope scope, List<WhereTerm> terms, boolean[] placed, int first,
                                     long available) {
        int n = placed.length;
        boolean[] done = placed.clone();
        done[first] = true;
        double sum = 0;
        for (int left = 0; left < n; left++) {
            int pick = -1;
            double pickCost = 0;
            for (int j = 0; j < n; j++) {
                if (!done[j]) {
                    double c = chooseFor(scope, terms, j, available).cost;
                    if (pick < 0 || c < pickCost) {
                        pick = j;
                        pickCost = c;
                    }
                }
            }
            if (pick < 0) {
                break;
            }
            done[pick] = true;
            available |= 1L << pick;
            sum += pickCost;
        }
        return sum;
    }

    /** The number of WHERE terms that read only the source of {@code srcBit} (filters of its rows). */
    private static int localFilters(List<WhereTerm> terms, long srcBit) {
        int n = 0;
        for (WhereTerm t : terms) {
            if (t.mask == srcBit && t.onSource < 0) {
                n++;
            }
        }
        return n;
    }

    /** Whether an index column order direction equals the ORDER BY term's. */
    public static boolean ascending(SortOrder o) {
        return o != SortOrder.DESC;
    }
}
