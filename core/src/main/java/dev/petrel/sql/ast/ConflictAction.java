package dev.petrel.sql.ast;

/** An {@code ON CONFLICT} / {@code OR} resolution, or NONE when not given. */
public enum ConflictAction { NONE, ROLLBACK, ABORT, FAIL, IGNORE, REPLACE }
