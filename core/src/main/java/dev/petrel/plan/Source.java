package dev.petrel.plan;

import dev.petrel.record.Collation;
import dev.petrel.schema.Index;
import dev.petrel.schema.Table;
import dev.petrel.value.Affinity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One item of a FROM clause as the planner sees it: a table of the schema, or a derived table (subquery, view or
 * CTE materialized into an ephemeral table), with the name it is referred to by, its columns and the cursor the
 * code generator reads it through.
 *
 * <p>Column reads may be redirected ({@link #overrideCursor}) to a pseudo cursor over a sorter record holding
 * every column of the source (GROUP BY and aggregate output), or served from a covering index.
 */
public final class Source {
    public static final int JOIN_INNER = 0;
    public static final int JOIN_LEFT = 1;
    public static final int JOIN_RIGHT = 2;
    public static final int JOIN_FULL = 3;
    public static final int JOIN_CROSS = 4;

    /** The name used to qualify columns: the alias, else the table name. */
    public final String name;
    /** The schema table, or null for a derived table. */
    public final Table table;
    /** The database name an unaliased table source answers to in {@code db.table.column}, else null. */
    public String schemaName;
    public final List<String> columnNames = new ArrayList<>();
    public final List<Affinity> affinities = new ArrayList<>();
    public final List<Collation> collations = new ArrayList<>();
    public final List<String> declTypes = new ArrayList<>();
    public int cursor = -1;
    public int joinType = JOIN_INNER;
    /** RIGHT or FULL JOIN: rows of this source without a match are also returned (with the others NULL). */
    public boolean rightJoin;
    /** Columns merged by USING / NATURAL with an earlier source (hidden from * and unqualified lookups). */
    public final Set<String> mergedColumns = new HashSet<>();
    /** Whether the derived table's rows are in an ephemeral table with a rowid. */
    public final boolean derived;

    /** Column reads go to this cursor at {@link #overrideBase} + column (rowid at + column count), if >= 0. */
    public int overrideCursor = -1;
    public int overrideBase;
    /** When set, the source is read only through this covering index on cursor {@link #indexCursor}. */
    public Index coveringIndex;
    public int indexCursor = -1;
    /** Column names referenced anywhere in the statement (a superset), for covering-index decisions. */
    public boolean allColumnsReferenced;
    public final Set<Integer> referencedColumns = new HashSet<>();
    /** Only a qualified reference (NEW.x, OLD.x in a trigger) names this source's columns. */
    public boolean qualifiedOnly;
    /** NOT INDEXED: no index may be used. */
    public boolean notIndexed;
    /** INDEXED BY: the only index that may be used, or null. */
    public String indexedBy;

    /** A table-valued function source: the function (a {@code dev.petrel.func.TableFunction}), else null. */
    public Object tableFunction;
    /** The arguments of the table-valued function call (possibly fewer than its hidden columns). */
    public List<dev.petrel.sql.ast.Expr> tableArgs;
    /** Columns from this index on are hidden from {@code *} (table-valued function arguments); -1 for none. */
    public int hiddenStart = -1;

    /** How many leading columns {@code *} expands to. */
    public int starColumnCount() {
        return hiddenStart >= 0 ? hiddenStart : columnCount();
    }

    public Source(String name, Table table, boolean derived) {
        this.name = name;
        this.table = table;
        this.derived = derived;
        if (table != null) {
            for (dev.petrel.schema.Column c : table.columns) {
                columnNames.add(c.name);
                affinities.add(c.affinity);
                collations.add(c.collation);
                declTypes.add(c.declType);
            }
        }
    }

    public int columnCount() {
        return columnNames.size();
    }

    /** The index of the column named {@code n} (case-insensitive), or -1. */
    public int columnIndex(String n) {
        for (int i = 0; i < columnNames.size(); i++) {
            if (columnNames.get(i).equalsIgnoreCase(n)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the source has a rowid that {@code rowid}/{@code oid}/{@code _rowid_} can name. */
    public boolean hasRowid() {
        return table != null && !table.isView() && !table.withoutRowid || tableFunction != null;
    }

    /** The column that aliases the rowid, or -1. */
    public int rowidAlias() {
        return table == null ? -1 : table.rowidAlias;
    }
}
