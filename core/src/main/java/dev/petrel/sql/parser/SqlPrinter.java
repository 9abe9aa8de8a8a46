package dev.petrel.sql.parser;

import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.lexer.Keyword;

/**
 * Syntax tree back to SQL text: {@code Parser.parseOne(SqlPrinter.print(s))} gives a tree equal to {@code s} apart
 * from source offsets and verbatim-source fields. Output is canonical (upper-case keywords, single spaces,
 * parentheses only where precedence needs them), not the original spelling. The work is done by {@link
 * ExprPrinter} (names, expressions), {@link QueryPrinter} (SELECT, INSERT, UPDATE, DELETE) and {@link DdlPrinter}
 * (everything else).
 *
 * <p>Names are printed bare when they are plain ASCII words that are not keywords, otherwise double-quoted; a lone
 * column reference that was not written in double quotes is quoted with backticks instead, so that it cannot
 * become a string literal through SQLite's double-quote fallback.
 */
public final class SqlPrinter {
    private SqlPrinter() {
    }

    /** SQL text for a statement (no trailing ';'). */
    public static String print(Stmt s) {
        DdlPrinter p = new DdlPrinter();
        p.stmt(s);
        return p.out.toString();
    }

    /** SQL text for an expression. */
    public static String print(Expr e) {
        DdlPrinter p = new DdlPrinter();
        p.expr(e);
        return p.out.toString();
    }

    /** {@code name} quoted as needed to read back as the same identifier. */
    public static String quoteName(String name) {
        if (isBareName(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A string literal for {@code s}. */
    public static String quoteString(String s) {
        return '\'' + s.replace("'", "''") + '\'';
    }

    static boolean isBareName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                    || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return Keyword.lookup(name) == null && !name.equalsIgnoreCase("true") && !name.equalsIgnoreCase("false");
    }
}
