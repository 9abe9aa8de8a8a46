package dev.petrel.sql.ast;

/** One ORDER BY term; a COLLATE is part of {@code expr}. */
public record OrderingTerm(Expr expr, SortOrder order, NullsOrder nulls) {}
