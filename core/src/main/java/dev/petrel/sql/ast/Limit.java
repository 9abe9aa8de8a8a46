package dev.petrel.sql.ast;

/** {@code LIMIT limit [OFFSET offset]}; {@code LIMIT a, b} is stored as limit=b, offset=a. offset may be null. */
public record Limit(Expr limit, Expr offset) {}
