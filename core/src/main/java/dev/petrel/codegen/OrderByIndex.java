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
            Expr e = t.expr();
            Collation explicit = null;
            if (e instanceof Expr.Collate co) {
                explicit = dev.petrel.schema.TableBuilder.collation(co.collation());
                e = co.operand();
            }
            if (!(e instanceof Expr.ColumnRef ref)) {
                return false;
            }
            Scope.Resolved r = scope.resolve(ref);
            if (r == null || r.depth() != 0 || r.source() != s) {
                return false;
            }
            int col = r.column() == s.rowidAlias() ? -1 : r.column();
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
                Index pick = null;
                for (Index idx : s.table.indexes) {
                    if (idx.usable() && !s.notIndexed && (s.indexedBy == null
                            || s.indexedBy.equalsIgnoreCase(idx.name)) && matchesIndex(cols, idx, 0)
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
            default:
                return false;
        }
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
}
