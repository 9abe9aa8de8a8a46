package dev.petrel.plan;

import dev.petrel.schema.Index;
import dev.petrel.sql.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * How one loop of a join visits its source: a full scan (of the table, or of a covering index), a rowid lookup
 * or range, or an index lookup with equality on leftmost columns and an optional range on the next, or a loop
 * over the values of an IN list. {@link #describe} gives the EXPLAIN QUERY PLAN wording of sqlite.org/eqp.html.
 */
public final class AccessPath {
    public static final int SCAN = 0;
    public static final int ROWID_EQ = 1;
    public static final int ROWID_RANGE = 2;
    public static final int INDEX = 3;
    public static final int ROWID_IN = 4;
    public static final int INDEX_IN = 5;

    public int kind = SCAN;
    /** For INDEX / INDEX_IN / a covering SCAN: the index. */
    public Index index;
    /** Values of the leading equality columns (INDEX), or the rowid value (ROWID_EQ). */
    public final List<Expr> eq = new ArrayList<>();
    /** The IN expression for ROWID_IN / INDEX_IN (an InList or InSelect). */
    public Expr in;
    public Expr low;
    public boolean lowInclusive;
    public Expr high;
    public boolean highInclusive;
    /** Whether the index holds every column the statement reads from the source. */
    public boolean covering;
    /** A SCAN visiting rows from last to first (ORDER BY ... DESC served by the scan order). */
    public boolean reverse;
    public double cost = 1e9;

    /** The EXPLAIN QUERY PLAN detail for this path over {@code name}. */
    public String describe(String name) {
        switch (kind) {
            case ROWID_EQ:
                return "SEARCH " + name + " USING INTEGER PRIMARY KEY (rowid=?)";
            case ROWID_IN:
                return "SEARCH " + name + " USING INTEGER PRIMARY KEY (rowid=?)";
            case ROWID_RANGE:
                return "SEARCH " + name + " USING INTEGER PRIMARY KEY ("
                        + (low != null && high != null ? "rowid>? AND rowid<?" : low != null ? "rowid>?" : "rowid<?")
                        + ")";
            case INDEX:
            case INDEX_IN: {
                StringBuilder sb = new StringBuilder("SEARCH ").append(name).append(" USING ");
                if (index.primaryKey && index.table.withoutRowid) {
                    sb.append("PRIMARY KEY (");
                } else {
                    sb.append(covering ? "COVERING INDEX " : "INDEX ").append(index.name).append(" (");
                }
                int n = kind == INDEX_IN ? 1 : eq.size();
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? " AND " : "").append(colName(i)).append("=?");
                }
                int k = n;
                if (low != null) {
                    sb.append(k > n - 1 && n > 0 ? " AND " : "").append(colName(k)).append(">?");
                }
                if (high != null) {
                    sb.append(n > 0 || low != null ? " AND " : "").append(colName(k)).append("<?");
                }
                return sb.append(')').toString();
            }
            default:
                if (index != null && !(index.primaryKey && index.table.withoutRowid)) {
                    return "SCAN " + name + " USING " + (covering ? "COVERING " : "") + "INDEX " + index.name;
                }
                return "SCAN " + name;
        }
    }

    private String colName(int i) {
        int c = index.columns[i];
        return c < 0 ? "<expr>" : index.table.columns.get(c).name;
    }
}
