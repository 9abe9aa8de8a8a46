package dev.petrel.sql.ast;

import java.util.List;

/** A table constraint; {@code name} is the {@code CONSTRAINT name} prefix or null. */
public sealed interface TableConstraint extends Node permits TableConstraint.PrimaryKey, TableConstraint.Unique,
        TableConstraint.Check, TableConstraint.ForeignKeyConstraint {

    String name();

    record PrimaryKey(int pos, String name, List<IndexedColumn> columns, boolean autoincrement,
                      ConflictAction onConflict) implements TableConstraint {}

    record Unique(int pos, String name, List<IndexedColumn> columns, ConflictAction onConflict)
            implements TableConstraint {}

    record Check(int pos, String name, Expr expr, ConflictAction onConflict) implements TableConstraint {}

    record ForeignKeyConstraint(int pos, String name, List<String> columns, ForeignKey foreignKey)
            implements TableConstraint {}
}
