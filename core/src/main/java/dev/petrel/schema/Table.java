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
