/**
 * SQL text to tokens: {@link dev.petrel.sql.lexer.Lexer} splits a string into {@link dev.petrel.sql.lexer.Token}s
 * following SQLite's tokenizer rules (identifier quoting styles, string and blob literals, numbers with digit
 * separators, parameters, operators, comments), each token keeping its character offset and length in the source so
 * that errors can point into an editor. Bad input never throws here: it becomes an {@code ILLEGAL} token that the
 * parser reports as {@code unrecognized token: "..."}. {@link dev.petrel.sql.lexer.Lexer#isComplete(String)} is the
 * shell's {@code sqlite3_complete}.
 */
package dev.petrel.sql.lexer;
