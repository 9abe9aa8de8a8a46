package dev.petrel.sql.ast;

/** A result column of SELECT or RETURNING. */
public sealed interface ResultColumn extends Node permits ResultColumn.Star, ResultColumn.Item {

    /** {@code *} (table null) or {@code table.*}. */
    record Star(int pos, String table) implements ResultColumn {}

    /** {@code expr [[AS] alias]}; alias null when absent. */
    record Item(int pos, Expr expr, String alias) implements ResultColumn {}
}
