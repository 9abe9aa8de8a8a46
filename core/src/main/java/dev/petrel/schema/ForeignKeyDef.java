package dev.petrel.schema;

import dev.petrel.sql.ast.ColumnConstraint;
import dev.petrel.sql.ast.ColumnDef;
import dev.petrel.sql.ast.ForeignKey;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * One FOREIGN KEY constraint of a child table: its child columns, the parent table and the parent columns as
 * written (empty: the parent's PRIMARY KEY), the ON DELETE / ON UPDATE actions and whether it is DEFERRABLE
 * INITIALLY DEFERRED.
 *
 * <p>{@link #id} numbers the constraints of a table as SQLite does in PRAGMA foreign_key_list and
 * foreign_key_check: the last one declared is 0. Which parent index the key maps to is decided when a statement
 * is compiled ({@code foreign key mismatch} errors are reported then, as in SQLite).
 */
public final class ForeignKeyDef {
    public final int id;
    public final String childTable;
    /** The database of the child table; the parent is looked up there too (a foreign key never crosses). */
    public int db;
    public final List<String> childColumns;
    public final String parentTable;
    /** Parent columns as written; empty when the REFERENCES clause names none. */
    public final List<String> parentColumns;
    public final ForeignKey.Action onDelete;
    public final ForeignKey.Action onUpdate;
    public final boolean deferred;

    private ForeignKeyDef(int id, String childTable, List<String> childColumns, ForeignKey fk) {
        this.id = id;
        this.childTable = childTable;
        this.childColumns = childColumns;
        this.parentTable = fk.table();
        this.parentColumns = fk.columns() == null ? List.of() : fk.columns();
        this.onDelete = fk.onDelete() == null ? ForeignKey.Action.NONE : fk.onDelete();
        this.onUpdate = fk.onUpdate() == null ? ForeignKey.Action.NONE : fk.onUpdate();
        this.deferred = Boolean.TRUE.equals(fk.deferrable()) && Boolean.TRUE.equals(fk.initiallyDeferred());
    }

    /** The foreign keys of a CREATE TABLE, in declaration order (ids counted from the last). */
    public static List<ForeignKeyDef> of(Stmt.CreateTable ct) {
        List<Object[]> found = new ArrayList<>();
        for (ColumnDef cd : ct.columns()) {
            for (ColumnConstraint cc : cd.constraints()) {
                if (cc instanceof ColumnConstraint.References r) {
                    found.add(new Object[] {List.of(cd.name()), r.foreignKey()});
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.ForeignKeyConstraint f) {
                found.add(new Object[] {f.columns(), f.foreignKey()});
            }
        }
        List<ForeignKeyDef> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            @SuppressWarnings("unchecked")
            List<String> cols = (List<String>) found.get(i)[0];
            out.add(new ForeignKeyDef(found.size() - 1 - i, ct.name(), cols, (ForeignKey) found.get(i)[1]));
        }
        return out;
    }

    /** SQLite's name of an action in PRAGMA foreign_key_list. */
    public static String actionName(ForeignKey.Action a) {
        switch (a) {
            case SET_NULL:
                return "SET NULL";
            case SET_DEFAULT:
                return "SET DEFAULT";
            case CASCADE:
                return "CASCADE";
            case RESTRICT:
                return "RESTRICT";
            default:
                return "NO ACTION";
        }
    }
}
