package dev.petrel.sql.ast;

import java.util.List;

/**
 * A full SELECT: {@code [WITH ..] body [ORDER BY ..] [LIMIT ..]}. Used as a statement, a subquery, a view body,
 * an INSERT source and a CTE body. with and limit are null when absent; orderBy is empty.
 */
public record Select(int pos, With with, SelectBody body, List<OrderingTerm> orderBy, Limit limit) implements Stmt {}
