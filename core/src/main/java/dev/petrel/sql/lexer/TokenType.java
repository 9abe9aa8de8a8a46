package dev.petrel.sql.lexer;

/** The kind of a {@link Token}. Whitespace and comments never become tokens. */
public enum TokenType {
    /** A bare word that is not one of SQLite's keywords. */
    IDENTIFIER,
    /** A bare word that is a keyword; {@link Token#keyword()} says which. It may still serve as a name (fallback). */
    KEYWORD,
    /** {@code "name"}: an identifier, or a string literal if it names no column (SQLite's quirk). */
    QUOTED_IDENTIFIER,
    /** {@code [name]} (MS Access / SQL Server style). */
    BRACKET_IDENTIFIER,
    /** {@code `name`} (MySQL style). */
    BACKTICK_IDENTIFIER,
    /** {@code 'text'} with {@code ''} escapes. */
    STRING,
    /** {@code x'ABCD'}. */
    BLOB,
    /** Decimal or hexadecimal integer literal (may overflow to REAL later). */
    INTEGER,
    /** Real literal: has a '.' or an exponent. */
    FLOAT,
    /** {@code ?}, {@code ?NNN}, {@code :name}, {@code @name}, {@code $name}, {@code #name}. */
    VARIABLE,
    LPAREN, RPAREN, SEMI, COMMA, DOT,
    PLUS, MINUS, STAR, SLASH, REM,
    /** {@code =} or {@code ==}. */
    EQ,
    /** {@code !=} or {@code <>}. */
    NE,
    LT, LE, GT, GE, LSHIFT, RSHIFT, BITAND, BITOR, BITNOT,
    /** {@code ||}. */
    CONCAT,
    /** {@code ->}. */
    PTR,
    /** {@code ->>}. */
    PTR2,
    /** Text SQLite cannot tokenize (unterminated string, bad blob, {@code 1abc}, a lone {@code !}...). */
    ILLEGAL,
    /** End of input; its offset is the input length and its length 0. */
    EOF
}
