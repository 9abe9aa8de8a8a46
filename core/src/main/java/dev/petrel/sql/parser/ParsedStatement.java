package dev.petrel.sql.parser;

import dev.petrel.sql.ast.Stmt;

import java.util.List;

/**
 * One statement as {@link Parser#nextStatement()} returns it.
 *
 * @param stmt       the syntax tree
 * @param start      offset of the statement's first token
 * @param end        offset just past its last token (before any ';')
 * @param tailOffset where the rest of the input starts: just past the ';' ending the statement, if any
 * @param paramNames parameter slots in index order: slot i+1 is named {@code paramNames.get(i)} as written
 *                   ({@code ":a"}, {@code "?3"}), or null for an anonymous {@code ?}; its size is the
 *                   statement's parameter count ({@code sqlite3_bind_parameter_count})
 */
public record ParsedStatement(Stmt stmt, int start, int end, int tailOffset, List<String> paramNames) {
    public int paramCount() {
        return paramNames.size();
    }
}
