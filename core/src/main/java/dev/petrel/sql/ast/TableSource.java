package dev.petrel.sql.ast;

import java.util.List;

/** A FROM-clause item; joins form a left-deep tree of {@link Join}. Aliases are null when absent. */
public sealed interface TableSource extends Node permits TableSource.Table, TableSource.Function,
        TableSource.Subquery, TableSource.Paren, TableSource.Join {

    /**
     * {@code [schema.]name [[AS] alias] [INDEXED BY index | NOT INDEXED]}: indexedBy null when absent;
     * notIndexed for NOT INDEXED.
     */
    record Table(int pos, String schema, String name, String alias, String indexedBy, boolean notIndexed)
            implements TableSource {}

    /** A table-valued function {@code [schema.]name(args) [[AS] alias]}. */
    record Function(int pos, String schema, String name, List<Expr> args, String alias) implements TableSource {}

    record Subquery(int pos, Select select, String alias) implements TableSource {}

    /** A parenthesised join {@code (a JOIN b) [AS alias]}. */
    record Paren(int pos, TableSource inner, String alias) implements TableSource {}

    /** The join operator: COMMA is {@code a, b}; PLAIN is {@code a JOIN b}. */
    enum JoinType { COMMA, PLAIN, INNER, CROSS, LEFT, RIGHT, FULL }

    /**
     * {@code left op right [ON on | USING (using)]}: on null and using empty when absent. {@code outer} records
     * an OUTER keyword (meaningful only for LEFT/RIGHT/FULL).
     */
    record Join(int pos, TableSource left, boolean natural, JoinType type, boolean outer, TableSource right, Expr on,
                List<String> using) implements TableSource {}
}
