package dev.petrel.sql.ast;

/** NULLS FIRST / NULLS LAST, or unspecified. */
public enum NullsOrder { NONE, FIRST, LAST }
