package dev.petrel.sql.ast;

import java.util.List;

/** The part of a SELECT before ORDER BY / LIMIT: a simple select, a VALUES list, or a compound of them. */
public sealed interface SelectBody extends Node permits SelectBody.Core, SelectBody.Values, SelectBody.Compound {

    /**
     * {@code SELECT [DISTINCT|ALL] columns [FROM ..] [WHERE ..] [GROUP BY .. [HAVING ..]] [WINDOW ..]}. from,
     * where and having are null when absent; groupBy and windows are empty.
     */
    record Core(int pos, boolean distinct, List<ResultColumn> columns, TableSource from, Expr where,
                List<Expr> groupBy, Expr having, List<WindowSpec.Named> windows) implements SelectBody {}

    /** {@code VALUES (..), (..)}: every row has the same arity. */
    record Values(int pos, List<List<Expr>> rows) implements SelectBody {}

    enum Op { UNION, UNION_ALL, INTERSECT, EXCEPT }

    /** {@code left op right}, left-deep: right is a Core or Values. pos is the operator's position. */
    record Compound(int pos, SelectBody left, Op op, SelectBody right) implements SelectBody {}
}
