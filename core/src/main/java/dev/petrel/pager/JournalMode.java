package dev.petrel.pager;

/**
 * How the pager makes a write transaction atomic: SQLite's {@code PRAGMA journal_mode} values.
 *
 * <p>DELETE, TRUNCATE and PERSIST keep a rollback journal file ({@code db + "-journal"}) and differ only in how a
 * commit ends it; they survive power loss. MEMORY keeps the journal in the heap (rollback works, a power loss in the
 * middle of a commit may corrupt the file). OFF keeps no journal on disk either; Petrel still keeps the original
 * images in memory so that ROLLBACK works, which SQLite does not promise. WAL appends new page images to
 * {@code db + "-wal"} and copies them back at checkpoints.
 */
public enum JournalMode {
    /** Rollback journal, deleted at commit. */
    DELETE,
    /** Rollback journal, truncated to zero bytes at commit. */
    TRUNCATE,
    /** Rollback journal, its header zeroed at commit. */
    PERSIST,
    /** Rollback journal kept in memory. */
    MEMORY,
    /** Write-ahead log. */
    WAL,
    /** No journal file. */
    OFF;

    /** Whether this mode keeps a rollback journal file that hot-journal recovery can read. */
    public boolean hasJournalFile() {
        return this == DELETE || this == TRUNCATE || this == PERSIST;
    }

    /** The name as {@code PRAGMA journal_mode} reports it. */
    public String pragmaName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
