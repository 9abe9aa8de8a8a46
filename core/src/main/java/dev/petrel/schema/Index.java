package dev.petrel.schema;

import dev.petrel.record.Collation;
import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Expr;

/**
 * One index on a rowid table: its b-tree root, the table columns it keys (in order), per-column collation and
 * direction, uniqueness and partial-index WHERE. An index entry is the record {@code (key columns..., rowid)}.
 *
 * <p>Invariant: {@code columns}, {@code collations} and {@code desc} have the same length; a column number of -1
 * marks an expression column, which Petrel keeps in the schema but never uses for lookups or maintains.
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

    /** Whether every key column is a plain table column (expression indexes are not used by Petrel). */
    public boolean usable() {
        for (int c : columns) {
            if (c < 0) {
                return false;
            }
        }
        return where == null;
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
}
