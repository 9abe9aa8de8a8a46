package dev.petrel.sql.ast;

/** ASC / DESC, or unspecified. */
public enum SortOrder { NONE, ASC, DESC }
