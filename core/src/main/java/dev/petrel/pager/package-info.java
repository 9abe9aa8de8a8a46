/**
 * The pager: page numbers to cached, journaled page images. {@link dev.petrel.pager.Pager} is the entry point the
 * B-tree layer calls (transactions, pinned {@link dev.petrel.pager.Page}s, allocation, header fields, savepoints);
 * behind it sit the bounded LRU page cache, the rollback journal and the write-ahead log in SQLite's formats, and
 * crash recovery (hot journals, WAL index rebuild). It reaches storage only through {@code dev.petrel.vfs}.
 */
package dev.petrel.pager;
