/**
 * B-trees over pager pages, byte-compatible with SQLite: table b-trees (64-bit rowid keys, data in leaves) and
 * index b-trees (record keys), their cells and overflow chains, balancing on insert and delete, cursors for the
 * VM ({@link dev.petrel.btree.BtCursor}), the per-database entry point ({@link dev.petrel.btree.BTree}: open
 * cursors, create/clear/drop trees, sqlite_schema rows) and {@link dev.petrel.btree.IntegrityCheck}. Uses only the
 * public methods of {@code dev.petrel.pager.Pager} and {@code Page}; every byte read from a page is validated and
 * bad input raises {@code PetrelException.corrupt}.
 */
package dev.petrel.btree;
