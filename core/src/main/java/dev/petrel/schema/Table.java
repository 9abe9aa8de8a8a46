package dev.petrel.schema;

import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * A table or view of the schema. For a table: its b-tree root page, columns, the rowid alias column (INTEGER
 * PRIMARY KEY) if any, CHECK constraints, AUTOINCREMENT and its indexes (automatic ones first, in the order
 * SQLite creates them). For a view: the SELECT and optional column names.
 *
 * <p>Invariant: {@code rowidAlias} is -1 or the index of a column whose declared type is exactly INTEGER and that
 * is the single-column ascending PRIMARY KEY; its value is stored as the rowid and NULL in the record.
 */
public final class Table {
    /** A CHECK constraint with its name (null when unnamed). */
    public record Check(String name, Expr expr) {}

    public final String name;
    /** The database the table belongs to, numbered as the connection numbers them (0 main, 1 temp, 2.. attached). */
    public int db;
    public int rootPage;
    public final List<Column> columns;
    public final int rowidAlias;
    public final boolean autoincrement;
    public final boolean withoutRowid;
    public final ConflictAction pkOnConflict;
    public final List<Check> checks;
    public final List<Index> indexes = new ArrayList<>();
    /** FOREIGN KEY constraints of the table (as a child), in declaration order. */
    public final List<ForeignKeyDef> foreignKeys = new ArrayList<>();
    /** The view's SELECT (null for a table). */
    public final Select viewSelect;
    /** Column names given in CREATE VIEW v(a, b), or null. */
    public final List<String> viewColumns;
    public final String sql;
    /** STRICT: values must match the column types (INT, INTEGER, REAL, TEXT, BLOB, ANY). */
    public boolean strict;
    /** The record position of each column (-1: VIRTUAL generated), built on first use; see {@link #recordIndex}. */
    private int[] recordIndex;

    public Table(String name, int rootPage, List<Column> columns, int rowidAlias, boolean autoincrement,
                 boolean withoutRowid, ConflictAction pkOnConflict, List<Check> checks, Select viewSelect,
                 List<String> viewColumns, String sql) {
        this.name = name;
        this.rootPage = rootPage;
        this.columns = columns;
        this.rowidAlias = rowidAlias;
        this.autoincrement = autoincrement;
        this.withoutRowid = withoutRowid;
        this.pkOnConflict = pkOnConflict;
        this.checks = checks;
        this.viewSelect = viewSelect;
        this.viewColumns = viewColumns;
        this.sql = sql;
    }

    /**
     * The position of column {@code col} in the table's record, or -1 for a VIRTUAL generated column (which is
     * computed, never stored). A rowid table's record holds the columns in declaration order less the virtual
     * ones; a WITHOUT ROWID table's (an index b-tree key) holds the PRIMARY KEY columns first, in key order, then
     * the other stored columns in declaration order (fileformat2.html 2.4 and gencol.html 2.3).
     */
    public int recordIndex(int col) {
        int[] map = recordIndex;
        if (map == null || map.length != columns.size()) {
            map = buildRecordIndex();
            recordIndex = map;
        }
        return map[col];
    }

    /** The number of columns in the record (every column but the VIRTUAL generated ones). */
    public int recordColumnCount() {
        int n = 0;
        for (Column c : columns) {
            n += c.isVirtual() ? 0 : 1;
        }
        return n;
    }

    /** Whether any column is generated. */
    public boolean hasGenerated() {
        for (Column c : columns) {
            if (c.generated) {
                return true;
            }
        }
        return false;
    }

    /** The PRIMARY KEY's automatic index (a WITHOUT ROWID table's own key), or null. */
    public Index primaryKeyIndex() {
        for (Index i : indexes) {
            if (i.primaryKey) {
                return i;
            }
        }
        return null;
    }

    private int[] buildRecordIndex() {
        int[] map = new int[columns.size()];
        java.util.Arrays.fill(map, -2);
        int next = 0;
        Index pk = withoutRowid ? primaryKeyIndex() : null;
        if (pk != null) {
            for (int c : pk.columns) {
                if (c >= 0 && map[c] == -2) {
                    map[c] = next++;
                }
            }
        }
        for (int c = 0; c < map.length; c++) {
            if (map[c] == -2) {
                map[c] = columns.get(c).isVirtual() ? -1 : next++;
            }
        }
        return map;
    }

    public boolean isView() {
        return viewSelect != null;
    }

    /** The index of the column named {@code name} (case-insensitive), or -1. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code name} is one of the rowid's names (rowid, oid, _rowid_) not shadowed by a column. */
    public boolean isRowidName(String name) {
        return !withoutRowid && columnIndex(name) < 0 && (name.equalsIgnoreCase("rowid")
                || name.equalsIgnoreCase("oid") || name.equalsIgnoreCase("_rowid_"));
    }
}
