package dev.petrel.sql.ast;

/**
 * One column constraint, in the order written. {@code name} is the {@code CONSTRAINT name} prefix or null.
 */
public sealed interface ColumnConstraint extends Node permits ColumnConstraint.PrimaryKey, ColumnConstraint.NotNull,
        ColumnConstraint.Null, ColumnConstraint.Unique, ColumnConstraint.Check, ColumnConstraint.Default,
        ColumnConstraint.Collate, ColumnConstraint.References, ColumnConstraint.Generated {

    String name();

    record PrimaryKey(int pos, String name, SortOrder order, ConflictAction onConflict, boolean autoincrement)
            implements ColumnConstraint {}

    record NotNull(int pos, String name, ConflictAction onConflict) implements ColumnConstraint {}

    /** A bare {@code NULL} (allowed and meaningless in SQLite). */
    record Null(int pos, String name, ConflictAction onConflict) implements ColumnConstraint {}

    record Unique(int pos, String name, ConflictAction onConflict) implements ColumnConstraint {}

    record Check(int pos, String name, Expr expr) implements ColumnConstraint {}

    /**
     * {@code DEFAULT value}: a literal, a signed number (a Unary NEG/POS around a number), a parenthesised
     * expression or a bare identifier (which SQLite takes as a string). sourceText is the value as written
     * ({@code PRAGMA table_info}'s dflt_value).
     */
    record Default(int pos, String name, Expr value, String sourceText) implements ColumnConstraint {}

    record Collate(int pos, String name, String collation) implements ColumnConstraint {}

    record References(int pos, String name, ForeignKey foreignKey) implements ColumnConstraint {}

    /**
     * {@code [GENERATED ALWAYS] AS (expr) [VIRTUAL|STORED]}: stored is true only for STORED;
     * storageGiven tells whether VIRTUAL or STORED was written.
     */
    record Generated(int pos, String name, Expr expr, boolean stored, boolean storageGiven)
            implements ColumnConstraint {}
}
