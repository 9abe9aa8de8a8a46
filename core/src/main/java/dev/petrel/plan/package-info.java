/**
 * The planner: name resolution ({@link dev.petrel.plan.Scope} over {@link dev.petrel.plan.Source}s, with
 * SQLite's error messages), expression typing (affinity and collation rules of datatype3.html) and WHERE analysis
 * ({@link dev.petrel.plan.WhereAnalyzer}: splits conjunctions into terms and chooses each loop's access path:
 * rowid equality or range, index equality and range on leftmost columns, covering indexes, or a full scan, and
 * a join order). The code generator asks it questions; it emits no code.
 */
package dev.petrel.plan;
