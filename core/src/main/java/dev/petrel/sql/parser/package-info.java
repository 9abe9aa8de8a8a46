/**
 * Tokens to syntax tree: {@link dev.petrel.sql.parser.Parser} is a recursive-descent parser (precedence climbing
 * for expressions) for SQLite's whole grammar, producing {@code dev.petrel.sql.ast} records one statement at a time
 * with their source ranges. Syntax errors are {@code PetrelException}s with {@code SQLITE_ERROR} and SQLite's exact
 * wording ({@code near "X": syntax error}, {@code incomplete input}, {@code unrecognized token: "..."}), whose
 * character offset {@link dev.petrel.sql.parser.SqlSyntaxError#offsetOf} recovers. {@link
 * dev.petrel.sql.parser.SqlPrinter} turns a tree back into SQL that parses to the same tree.
 */
package dev.petrel.sql.parser;
