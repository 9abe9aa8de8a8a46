package dev.petrel.pager;

/**
 * The kinds of WAL checkpoint ({@code PRAGMA wal_checkpoint(MODE)}).
 *
 * <p>PASSIVE and FULL copy every committed frame back into the database file (with one connection per process
 * nothing can make FULL wait, so the two behave alike); RESTART additionally makes the next writer start the WAL
 * from its beginning; TRUNCATE also truncates the WAL file to zero bytes. Each needs every other connection to be
 * out of its read transaction; otherwise the result says busy and nothing is copied.
 */
public enum CheckpointMode {
    PASSIVE, FULL, RESTART, TRUNCATE
}
