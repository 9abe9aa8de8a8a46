package dev.petrel.sql.ast;

import java.util.List;

/**
 * A declared type such as {@code INTEGER}, {@code VARCHAR(10)}, {@code DECIMAL(10,5)} or {@code UNSIGNED BIG INT}.
 *
 * @param name       the words joined by single spaces (dequoted)
 * @param args       zero, one or two signed numbers as written ({@code "10"}, {@code "-5"})
 * @param sourceText the type exactly as written in the source (what SQLite stores as the declared type)
 */
public record TypeName(String name, List<String> args, String sourceText) {}
