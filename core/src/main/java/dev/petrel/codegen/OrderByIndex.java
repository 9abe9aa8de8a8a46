package dev.petrel.codegen;

import dev.petrel.plan.AccessPath;
import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.plan.WhereAnalyzer;
import dev.petrel.record.Collation;
import dev.petrel.schema.Index;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.NullsOrder;
import dev.petrel.sql.ast.OrderingTerm;
import dev.petrel.sql.ast.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether the outer loop already returns rows in ORDER BY order, so no sorter is needed: a scan or search
 * of an index (or of the table, in rowid order) whose key, after the columns fixed by equality, starts with the
 * ORDER BY columns, ascending, with the same collations. A plain table scan is switched to a scan of such an
 * index, as SQLite does.
 */
final class OrderByIndex {
    private OrderByIndex() {
    }

    static boolean satisfied(ExprGen g, Scope scope, List<Object[]> plan, List<OrderingTerm> orderBy) {
        if (orderBy.isEmpty() || plan.size() != 1) {
            return false;
        }
        Source s = scope.sources.get((Integer) plan.get(0)[0]);
        AccessPath p = (AccessPath) plan.get(0)[1];
        if (s.table == null || s.derived || s.table.isView()) {
            return false;
        }
        List<Integer> cols = new ArrayList<>();
        boolean desc = orderBy.get(0).order() == SortOrder.DESC;
        for (OrderingTerm t : orderBy) {
            if ((t.order() == SortOrder.DESC) != desc
                    || t.nulls() == (desc ? NullsOrder.FIRST : NullsOrder.LAST)) {
                return false;
            }
            KeyColumn k = keyColumn(t.expr(), scope, s);
            if (k == null) {
                return false;
            }
            int col = k.col();
            Collation explicit = k.explicit();
            if (col >= 0) {
                Collation have = s.collations.get(col);
                if (explicit != null && !explicit.name().equals(have.name())) {
                    return false;
                }
            } else if (explicit != null) {
                return false;
            }
            cols.add(col);
        }
        if (desc && p.kind != AccessPath.SCAN && p.kind != AccessPath.ROWID_EQ) {
            return false;
        }
        boolean ok = provides(s, p, cols);
        p.reverse = ok && desc;
        return ok;
    }

    /**
     * GROUP BY needs only that equal keys arrive together, not an order: the loop groups when its index (or the
     * rowid, or a WITHOUT ROWID table's key) starts, after the columns fixed by equality, with exactly the GROUP
     * BY columns in any order and either direction, with the same collations, as SQLite decides. A plain table scan
     * is switched to such an index. The scan stays forward, so the groups come out in the index's own order.
     */
    static boolean groupingSatisfied(Scope scope, List<Object[]> plan, List<Expr> keys) {
        if (keys.isEmpty() || plan.size() != 1) {
            return false;
        }
        Source s = scope.sources.get((Integer) plan.get(0)[0]);
        AccessPath p = (AccessPath) plan.get(0)[1];
        if (s.table == null || s.derived || s.table.isView() || p.reverse) {
            return false;
        }
        List<Integer> cols = new ArrayList<>();
        for (Expr key : keys) {
            KeyColumn k = keyColumn(key, scope, s);
            if (k == null) {
                return false;
            }
            int col = k.col();
            Collation explicit = k.explicit();
            if (explicit != null && (col < 0 || !explicit.name().equals(s.collations.get(col).name()))) {
                return false;
            }
            if (!cols.contains(col)) {
                cols.add(col);
            }
        }
        switch (p.kind) {
            case AccessPath.ROWID_EQ:
                return true;
            case AccessPath.ROWID_RANGE:
                return cols.equals(List.of(-1));
            case AccessPath.INDEX:
                return groupsBy(cols, p.index, p.eq.size());
            case AccessPath.SCAN:
                if (p.index != null) {
                    return groupsBy(cols, p.index, 0);
                }
                Index own = s.table.withoutRowid ? s.table.primaryKeyIndex() : null;
                if (own == null ? cols.equals(List.of(-1)) : groupsBy(cols, own, 0)) {
                    return true;
                }
                return scanIndex(s, p, idx -> idx != own && groupsBy(cols, idx, 0));
            default:
                return false;
        }
    }

    /**
     * Whether the distinct columns {@code cols} (-1 = rowid) are, in some order, the key columns of {@code idx}
     * that follow its first {@code eqPrefix} (fixed by equality, so they may also appear), with the columns'
     * own collations; the rowid may follow all key columns.
     */
    private static boolean groupsBy(List<Integer> cols, Index idx, int eqPrefix) {
        if (idx.exprs != null) {
            return false;
        }
        List<Integer> open = new ArrayList<>();
        for (int c : cols) {
            boolean fixed = false;
            for (int i = 0; i < eqPrefix; i++) {
                fixed |= idx.columns[i] == c;
            }
            if (!fixed) {
                open.add(c);
            }
        }
        int[] key = idx.table.withoutRowid ? idx.columns : java.util.Arrays.copyOf(idx.columns, idx.columns.length + 1);
        if (!idx.table.withoutRowid) {
            key[idx.columns.length] = -1;
        }
        if (eqPrefix + open.size() > key.length) {
            return false;
        }
        for (int i = eqPrefix; i < eqPrefix + open.size(); i++) {
            int c = key[i];
            if (!open.contains(c)) {
                return false;
            }
            if (c >= 0 && i < idx.columns.length
                    && !idx.collations[i].name().equals(idx.table.columns.get(c).collation.name())) {
                return false;
            }
        }
        return true;
    }

    private static boolean provides(Source s, AccessPath p, List<Integer> cols) {
        switch (p.kind) {
            case AccessPath.ROWID_EQ:
                return true;
            case AccessPath.ROWID_RANGE:
                return matches(cols, new int[0], 0);
            case AccessPath.INDEX:
                return matchesIndex(cols, p.index, p.eq.size());
            case AccessPath.SCAN:
                if (p.index != null && (matchesIndex(cols, p.index, 0) || !s.table.withoutRowid)) {
                    return matchesIndex(cols, p.index, 0);
                }
                // A WITHOUT ROWID table scanned in PRIMARY KEY order may give the ORDER BY a narrower index does not.
                if (matches(cols, new int[0], 0)) {
                    return true;
                }
                return scanIndex(s, p, idx -> matchesIndex(cols, idx, 0));
            default:
                return false;
        }
    }

    /**
     * Switches the table scan {@code p} of {@code s} to a usable index that {@code fits} (a covering one if there
     * is), as SQLite scans an index to give an order; false if there is none.
     */
    private static boolean scanIndex(Source s, AccessPath p, java.util.function.Predicate<Index> fits) {
        Index pick = null;
        for (Index idx : s.table.indexes) {
            if (idx.usable() && !s.notIndexed && (s.indexedBy == null || s.indexedBy.equalsIgnoreCase(idx.name))
                    && fits.test(idx)
                    && (pick == null || !WhereAnalyzer.covers(pick, s) && WhereAnalyzer.covers(idx, s))) {
                pick = idx;
            }
        }
        if (pick == null) {
            return false;
        }
        p.index = pick;
        p.covering = WhereAnalyzer.covers(pick, s);
        return true;
    }

    private static boolean matchesIndex(List<Integer> cols, Index idx, int eqPrefix) {
        if (idx.exprs != null) {
            return false; // ORDER BY on an index expression is not matched: Petrel sorts
        }
        for (int i = 0; i < idx.columns.length; i++) {
            if (idx.desc[i] || !idx.collations[i].name().equals(idx.table.columns.get(idx.columns[i]).collation
                    .name())) {
                if (i >= eqPrefix) {
                    // Only columns up to the first descending or re-collated one give the ORDER BY order.
                    int[] key = new int[i];
                    System.arraycopy(idx.columns, 0, key, 0, i);
                    return matches(cols, key, eqPrefix);
                }
            }
        }
        return matches(cols, idx.columns, eqPrefix);
    }

    /**
     * Whether ORDER BY columns {@code cols} (-1 = rowid) follow the order {@code key[eqPrefix..]} then rowid;
     * columns fixed by equality ({@code key[0..eqPrefix)}) may appear anywhere.
     */
    private static boolean matches(List<Integer> cols, int[] key, int eqPrefix) {
        int k = eqPrefix;
        for (int c : cols) {
            boolean fixed = false;
            for (int i = 0; i < eqPrefix; i++) {
                fixed |= key[i] == c;
            }
            if (fixed) {
                continue;
            }
            if (k < key.length) {
                if (key[k] != c) {
                    return false;
                }
                k++;
            } else if (c != -1) {
                return false;
            } else {
                k = Integer.MAX_VALUE;
            }
        }
        return true;
    }

    /** An ORDER BY or GROUP BY term that is a column of the source: its number (-1 the rowid) and COLLATE, if any. */
    private record KeyColumn(int col, Collation explicit) {}

    /** The column of {@code s} that term {@code e} names, or null when it is not a plain column of {@code s}. */
    private static KeyColumn keyColumn(Expr e, Scope scope, Source s) {
        Collation explicit = null;
        if (e instanceof Expr.Collate co) {
            explicit = dev.petrel.schema.TableBuilder.collation(co.collation());
            e = co.operand();
        }
        if (!(e instanceof Expr.ColumnRef ref)) {
            return null;
        }
        Scope.Resolved r = scope.resolve(ref);
        if (r == null || r.depth() != 0 || r.source() != s) {
            return null;
        }
        return new KeyColumn(r.column() == s.rowidAlias() ? -1 : r.column(), explicit);
    }
}
