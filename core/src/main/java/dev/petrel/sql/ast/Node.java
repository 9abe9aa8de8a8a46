package dev.petrel.sql.ast;

/** Any syntax-tree node: it knows where it starts in the source text. */
public interface Node {
    /** Character offset in the SQL string of the token where an error about this node should point. */
    int pos();
}
