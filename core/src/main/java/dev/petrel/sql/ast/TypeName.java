package dev.petrel.sql.ast;

import java.util.List;

/**
 * A declared type such as {@code INTEGER}, {@code VARCHAR(10)}, {@code DECIMAL(10,5)} or {@code UNSIGNED BIG INT}.
 *
 * @param name       the words joined by single spaces (dequoted)
 * @param args       zero, one or two signed numbers as written ({@code "10"}, {@code "-5"})
 * @param declared   the declared type as SQLite records it ({@code PRAGMA table_info}'s type, the input to type
 *                   affinity): the text as written, except that a type starting with a quoted word is just
 *                   that word dequoted ({@code 'x' integer} declares {@code x})
 * @param sourceText the type exactly as written in the source
 */
public record TypeName(String name, List<String> args, String declared, String sourceText) {}
