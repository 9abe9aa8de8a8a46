package dev.petrel.sql.ast;

import java.util.List;

/** {@code col = expr} (one column) or {@code (c1, c2) = expr} (several; expr is usually a row value). */
public record SetClause(int pos, List<String> columns, boolean parenthesized, Expr value) implements Node {}
