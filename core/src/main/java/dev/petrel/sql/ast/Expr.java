package dev.petrel.sql.ast;

import java.util.List;

/**
 * An expression (sqlite.org/lang_expr.html). Parentheses are not kept: the tree shape is the grouping.
 * Operators that SQLite spells two ways are folded: {@code ==} is {@code =}, {@code <>} is {@code !=},
 * {@code IS NOT DISTINCT FROM} is {@code IS}, {@code IS DISTINCT FROM} is {@code IS NOT}.
 */
public sealed interface Expr extends Node permits Expr.Literal, Expr.Param, Expr.ColumnRef, Expr.Unary, Expr.Binary,
        Expr.Like, Expr.Between, Expr.InList, Expr.InSelect, Expr.InTable, Expr.NullTest, Expr.Exists,
        Expr.Subquery, Expr.Case, Expr.Cast, Expr.Collate, Expr.FunctionCall, Expr.RowValue, Expr.Raise {

    /** The kind of a {@link Literal}. */
    enum LiteralKind { INTEGER, REAL, STRING, BLOB, NULL, TRUE, FALSE, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP }

    /**
     * A constant. {@code value} is a {@code Long} (INTEGER, and 1/0 for TRUE/FALSE), {@code Double} (REAL, also an
     * integer literal too big for 64 bits), {@code String} (STRING), {@code byte[]} (BLOB) or null (NULL and the
     * CURRENT_* kinds, evaluated at run time). {@code text} is the literal as written for numbers (digit separators
     * removed; needed because {@code -9223372036854775808} is an INTEGER only with its minus sign), the keyword
     * otherwise.
     */
    record Literal(int pos, LiteralKind kind, Object value, String text) implements Expr {}

    /**
     * A bound parameter. {@code name} is as written ({@code "?"}, {@code "?3"}, {@code ":a"}, {@code "@a"},
     * {@code "$a"}); {@code index} is the 1-based slot number SQLite assigns (a repeated name shares its slot).
     */
    record Param(int pos, String name, int index) implements Expr {}

    /**
     * A column reference {@code [schema.][table.]column}. {@code doubleQuoted} marks a lone {@code "name"}: if it
     * names no column, SQLite treats it as the string literal 'name'; the resolver makes that call.
     */
    record ColumnRef(int pos, String schema, String table, String column, boolean doubleQuoted) implements Expr {}

    enum UnaryOp { NEG, POS, BITNOT, NOT }

    record Unary(int pos, UnaryOp op, Expr operand) implements Expr {}

    enum BinaryOp {
        OR, AND, EQ, NE, IS, IS_NOT, LT, LE, GT, GE, BITAND, BITOR, LSHIFT, RSHIFT, ADD, SUB, MUL, DIV, MOD, CONCAT,
        /** {@code ->} */
        PTR,
        /** {@code ->>} */
        PTR2
    }

    /** A binary operator; {@code pos} is the operator's position (where SQLite points). */
    record Binary(int pos, BinaryOp op, Expr left, Expr right) implements Expr {}

    enum LikeOp { LIKE, GLOB, REGEXP, MATCH }

    /** {@code left [NOT] LIKE|GLOB|REGEXP|MATCH pattern [ESCAPE escape]}; escape null when absent. */
    record Like(int pos, LikeOp op, boolean not, Expr left, Expr pattern, Expr escape) implements Expr {}

    record Between(int pos, boolean not, Expr operand, Expr low, Expr high) implements Expr {}

    /** {@code operand [NOT] IN (e1, e2, ...)}; the list may be empty. */
    record InList(int pos, boolean not, Expr operand, List<Expr> list) implements Expr {}

    record InSelect(int pos, boolean not, Expr operand, Select select) implements Expr {}

    /**
     * {@code operand [NOT] IN [schema.]table} or {@code IN [schema.]func(args)}: args is null for a plain table,
     * a (possibly empty) list for a table-valued function.
     */
    record InTable(int pos, boolean not, Expr operand, String schema, String table, List<Expr> args)
            implements Expr {}

    /** {@code operand ISNULL} ({@code notNull=false}) or {@code operand NOTNULL / NOT NULL} ({@code notNull=true}). */
    record NullTest(int pos, Expr operand, boolean notNull) implements Expr {}

    /** {@code EXISTS (select)}; {@code NOT EXISTS} is a {@link Unary} NOT around it. */
    record Exists(int pos, Select select) implements Expr {}

    /** A scalar subquery {@code (select)}. */
    record Subquery(int pos, Select select) implements Expr {}

    record WhenThen(Expr when, Expr then) {}

    /** {@code CASE [base] WHEN .. THEN .. [ELSE ..] END}; base and elseExpr null when absent. */
    record Case(int pos, Expr base, List<WhenThen> whens, Expr elseExpr) implements Expr {}

    record Cast(int pos, Expr operand, TypeName type) implements Expr {}

    record Collate(int pos, Expr operand, String collation) implements Expr {}

    /**
     * A function call {@code name([DISTINCT] args [ORDER BY ..]) [FILTER (WHERE ..)] [OVER ..]}. {@code star} is
     * {@code count(*)}. orderBy is empty when absent; filter and over are null when absent.
     */
    record FunctionCall(int pos, String name, boolean distinct, boolean star, List<Expr> args,
                        List<OrderingTerm> orderBy, Expr filter, Over over) implements Expr {}

    /** A row value {@code (a, b, ...)} with at least two members. */
    record RowValue(int pos, List<Expr> values) implements Expr {}

    enum RaiseKind { IGNORE, ROLLBACK, ABORT, FAIL }

    /** {@code RAISE(IGNORE)} (message null) or {@code RAISE(ROLLBACK|ABORT|FAIL, message)}. */
    record Raise(int pos, RaiseKind kind, Expr message) implements Expr {}

    /** {@code OVER windowName} (spec null) or {@code OVER (spec)} (windowName null). */
    record Over(int pos, String windowName, WindowSpec spec) {}
}
