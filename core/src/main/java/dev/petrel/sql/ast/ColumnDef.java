package dev.petrel.sql.ast;

import java.util.List;

/** {@code name [type] constraints...}; type null when no type is written. */
public record ColumnDef(int pos, String name, TypeName type, List<ColumnConstraint> constraints) implements Node {}
