package dev.petrel.schema;

import dev.petrel.record.Collation;
import dev.petrel.sql.ast.Expr;
import dev.petrel.value.Affinity;

/**
 * One column of a table: name, declared type and the affinity derived from it (datatype3.html 3.1), collation,
 * NOT NULL, DEFAULT, and whether it is the table's rowid alias (INTEGER PRIMARY KEY). Immutable.
 */
public final class Column {
    public final String name;
    /** The declared type as written, or null. */
    public final String declType;
    public final Affinity affinity;
    public final Collation collation;
    public final boolean notNull;
    /** The DEFAULT expression, or null. */
    public final Expr defaultValue;
    public final boolean primaryKey;
    /** Generated columns are read as NULL by Petrel (not supported). */
    public final boolean generated;
    /** The DEFAULT value as written (PRAGMA table_info's dflt_value), or null. */
    public String defaultText;

    public Column(String name, String declType, Collation collation, boolean notNull, Expr defaultValue,
                  boolean primaryKey, boolean generated) {
        this.name = name;
        this.declType = declType;
        this.affinity = Affinity.fromDeclaredType(declType);
        this.collation = collation;
        this.notNull = notNull;
        this.defaultValue = defaultValue;
        this.primaryKey = primaryKey;
        this.generated = generated;
    }
}
