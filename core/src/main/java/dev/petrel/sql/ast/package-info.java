/**
 * The syntax tree of SQLite's SQL dialect: plain immutable records grouped by sealed interfaces ({@link
 * dev.petrel.sql.ast.Stmt}, {@link dev.petrel.sql.ast.Expr}, {@link dev.petrel.sql.ast.SelectBody}, {@link
 * dev.petrel.sql.ast.TableSource}, ...), with no behaviour. Every {@link dev.petrel.sql.ast.Node} carries {@code pos},
 * the character offset in the SQL text where an error about it should point. Names are stored dequoted; lists are
 * never null (empty when absent) while optional single parts are null when absent. Built by {@code
 * dev.petrel.sql.parser.Parser}, printed back to SQL by {@code dev.petrel.sql.parser.SqlPrinter}; consumers inspect
 * nodes with {@code instanceof} patterns.
 */
package dev.petrel.sql.ast;
