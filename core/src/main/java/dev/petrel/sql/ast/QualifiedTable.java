package dev.petrel.sql.ast;

/** The target of UPDATE / DELETE: {@code [schema.]name [AS alias] [INDEXED BY idx | NOT INDEXED]}. */
public record QualifiedTable(int pos, String schema, String name, String alias, String indexedBy,
                             boolean notIndexed) implements Node {}
