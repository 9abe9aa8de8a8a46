package dev.petrel.sql.ast;

/** A column of an index, PRIMARY KEY, UNIQUE or upsert target: an expression (COLLATE inside) and ASC/DESC. */
public record IndexedColumn(Expr expr, SortOrder order) {}
