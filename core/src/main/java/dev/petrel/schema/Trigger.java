package dev.petrel.schema;

import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Stmt;
import java.util.List;
import java.util.Locale;

/**
 * A trigger of the schema, from its CREATE TRIGGER text in sqlite_schema: when it fires (BEFORE, AFTER, INSTEAD
 * OF; on INSERT, UPDATE [OF columns] or DELETE of {@link #table}), its WHEN condition and its body statements.
 *
 * <p>A trigger written without BEFORE/AFTER/INSTEAD OF is a BEFORE trigger, as in SQLite. Bodies are not checked
 * when the trigger is created: names in them are resolved when a statement that fires the trigger is compiled.
 */
public final class Trigger {
    public final String name;
    /** The table or view the trigger is on (as written in CREATE TRIGGER). */
    public final String table;
    /** The schema named before the table in CREATE TRIGGER ({@code ON main.t}), or null. */
    public final String tableSchema;
    /** The database whose schema holds the trigger (1 for a TEMP trigger, which may be on a table elsewhere). */
    public int db;
    public final Stmt.TriggerTime time;
    public final Stmt.TriggerEvent event;
    /** The columns of {@code UPDATE OF}, empty for any UPDATE. */
    public final List<String> updateColumns;
    /** The WHEN condition, or null. */
    public final Expr when;
    public final List<Stmt> body;
    /** The CREATE TRIGGER text as stored (its SQL is what EXPLAIN and error offsets refer to). */
    public final String sql;

    public Trigger(Stmt.CreateTrigger ct, String sql) {
        this.name = ct.name();
        this.table = ct.table();
        this.tableSchema = ct.tableSchema();
        this.time = ct.time() == Stmt.TriggerTime.NONE ? Stmt.TriggerTime.BEFORE : ct.time();
        this.event = ct.event();
        this.updateColumns = ct.updateColumns();
        this.when = ct.when();
        this.body = ct.body();
        this.sql = sql;
    }

    /** Whether the trigger is on {@code tableName} (case-insensitive). */
    public boolean isOn(String tableName) {
        return table.toLowerCase(Locale.ROOT).equals(tableName.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether an UPDATE assigning {@code changed} (flags parallel to the table's or view's column
     * {@code names}; null: any) fires the trigger.
     */
    public boolean firesOnUpdateOf(List<String> names, boolean[] changed) {
        if (updateColumns.isEmpty() || changed == null) {
            return true;
        }
        for (String c : updateColumns) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(c) && changed[i]) {
                    return true;
                }
            }
        }
        return false;
    }
}
