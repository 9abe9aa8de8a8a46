package dev.petrel.sql.lexer;

/**
 * One token of SQL text.
 *
 * @param type    the token kind
 * @param keyword the keyword for {@link TokenType#KEYWORD} tokens, otherwise null
 * @param offset  character index of the first character in the source string
 * @param length  number of source characters covered
 * @param text    the exact source slice ({@code sql.substring(offset, offset + length)})
 */
public record Token(TokenType type, Keyword keyword, int offset, int length, String text) {
    /** Offset one past the last character. */
    public int end() {
        return offset + length;
    }

    public boolean is(TokenType t) {
        return type == t;
    }

    public boolean is(Keyword k) {
        return keyword == k;
    }
}
