/**
 * The in-memory schema: {@link dev.petrel.schema.Table}, {@link dev.petrel.schema.Column},
 * {@link dev.petrel.schema.Index} and views, built by parsing the CREATE statements stored in sqlite_schema
 * ({@link dev.petrel.schema.Schema#load}), plus the rules that turn a CREATE statement into those objects and into
 * the exact sqlite_schema text SQLite stores. The planner resolves names against it; the code generator reads
 * root pages, affinities, collations and constraints from it.
 */
package dev.petrel.schema;
