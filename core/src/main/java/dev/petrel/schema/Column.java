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
    /** The affinity of stored values (a STRICT table's ANY column has none: BLOB). */
    public Affinity affinity;
    public final Collation collation;
    /** NOT NULL (declared, or implied for a PRIMARY KEY column of a WITHOUT ROWID table). */
    public boolean notNull;
    /** The NOT NULL constraint's own ON CONFLICT clause (NONE: the statement's, else ABORT). */
    public dev.petrel.sql.ast.ConflictAction notNullConflict = dev.petrel.sql.ast.ConflictAction.NONE;
    /** The DEFAULT expression, or null. */
    public final Expr defaultValue;
    public final boolean primaryKey;
    /** Whether this is a generated column ({@code AS (expr)}); see {@link #generatedExpr} and {@link #stored}. */
    public final boolean generated;
    /** A generated column's expression, or null. */
    public Expr generatedExpr;
    /** Whether a generated column is STORED (in the record); VIRTUAL ones are omitted from it. */
    public boolean stored;
    /** In a STRICT table, the column's type (INT, INTEGER, REAL, TEXT, BLOB or ANY); else null. */
    public String strictType;
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

    /** Whether the column is generated VIRTUAL: computed when read, absent from the record. */
    public boolean isVirtual() {
        return generated && !stored;
    }
}
