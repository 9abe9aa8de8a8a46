package dev.petrel.btree;

/**
 * One row of the sqlite_schema table (root page 1): {@code CREATE TABLE sqlite_schema(type text, name text,
 * tbl_name text, rootpage integer, sql text)}. {@code rowid} is the row's key in that table.
 */
public record SchemaEntry(long rowid, String type, String name, String tblName, long rootpage, String sql) {
}
