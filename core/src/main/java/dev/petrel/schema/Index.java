package dev.petrel.schema;

import dev.petrel.record.Collation;
import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Expr;

/**
 * One index on a rowid table: its b-tree root, the table columns it keys (in order), per-column collation and
 * direction, uniqueness and partial-index WHERE. An index entry is the record {@code (key columns..., rowid)}.
 *
 * <p>Invariant: {@code columns}, {@code collations}, {@code desc} and {@code exprs} have the same length; a column
 * number of -1 marks an expression column, whose expression is {@code exprs[i]} (null for plain columns).
 */
public final class Index {
    public final String name;
    public final Table table;
    public int rootPage;
    public final int[] columns;
    public final Collation[] collations;
    public final boolean[] desc;
    public final boolean unique;
    public final ConflictAction onConflict;
    /** Partial index condition, or null. */
    public final Expr where;
    /** Created by a UNIQUE or PRIMARY KEY constraint (sqlite_autoindex_*): no sql text. */
    public final boolean auto;
    /** The CREATE INDEX text (null for auto indexes). */
    public final String sql;
    /**
     * sqlite_stat1's numbers for this index ({@code N d1 d2 ...}: entries, then average entries per distinct
     * prefix of 1, 2... key columns), or null when not analyzed.
     */
    public long[] stat;
    /** The expression of each expression column ({@code columns[i] == -1}), else null; null array: none. */
    public Expr[] exprs;
    /** The automatic index of the PRIMARY KEY (as opposed to a UNIQUE constraint). */
    public boolean primaryKey;

    public Index(String name, Table table, int rootPage, int[] columns, Collation[] collations, boolean[] desc,
                 boolean unique, ConflictAction onConflict, Expr where, boolean auto, String sql) {
        this.name = name;
        this.table = table;
        this.rootPage = rootPage;
        this.columns = columns;
        this.collations = collations;
        this.desc = desc;
        this.unique = unique;
        this.onConflict = onConflict;
        this.where = where;
        this.auto = auto;
        this.sql = sql;
    }

    /** Whether every key column is a plain table column and the index is not partial. */
    public boolean usable() {
        for (int c : columns) {
            if (c < 0) {
                return false;
            }
        }
        return where == null;
    }

    /** The expression of key column {@code k} if it is an expression column, else null. */
    public Expr expr(int k) {
        return exprs == null ? null : exprs[k];
    }

    /** Whether column {@code col} of the table is part of the key. */
    public boolean covers(int col) {
        for (int c : columns) {
            if (c == col) {
                return true;
            }
        }
        return false;
    }

    /** The PRIMARY KEY columns that follow the key columns in an entry of this index on a WITHOUT ROWID table. */
    public int[] suffixColumns() {
        Index pk = table.primaryKeyIndex();
        int[] tmp = new int[pk.columns.length];
        int n = 0;
        for (int c : pk.columns) {
            if (!covers(c)) {
                boolean dup = false;
                for (int k = 0; k < n; k++) {
                    dup |= tmp[k] == c;
                }
                if (!dup) {
                    tmp[n++] = c;
                }
            }
        }
        int[] out = new int[n];
        System.arraycopy(tmp, 0, out, 0, n);
        return out;
    }

    /** The number of fields of an entry: its key columns, then the rowid or PRIMARY KEY suffix. */
    public int entryWidth() {
        return columns.length + (table.withoutRowid ? suffixColumns().length : 1);
    }

    /** The position of table column {@code col} in an entry of this (secondary) index, or -1. */
    public int positionInEntry(int col) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == col) {
                return i;
            }
        }
        if (table.withoutRowid) {
            int[] suffix = suffixColumns();
            for (int i = 0; i < suffix.length; i++) {
                if (suffix[i] == col) {
                    return columns.length + i;
                }
            }
        }
        return -1;
    }
}
