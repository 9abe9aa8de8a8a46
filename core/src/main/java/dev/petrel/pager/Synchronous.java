package dev.petrel.pager;

/**
 * When the pager syncs: SQLite's {@code PRAGMA synchronous} levels.
 *
 * <p>With a rollback journal: FULL syncs the journal records, then its header, then the database; NORMAL syncs the
 * journal once (records and header together) and the database; OFF never syncs. In WAL mode: FULL syncs the WAL at
 * every commit; NORMAL syncs it only before a checkpoint (a commit can be lost to power loss, the file stays
 * consistent); OFF never syncs.
 */
public enum Synchronous {
    OFF, NORMAL, FULL
}
