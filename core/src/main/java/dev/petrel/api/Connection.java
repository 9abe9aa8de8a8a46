package dev.petrel.api;

/**
 * A session on a {@link Database}: prepares statements and owns the current transaction, the last-insert rowid and
 * the change counters, as {@code sqlite3*} does in SQLite's C API.
 */
public interface Connection extends AutoCloseable {
    /**
     * Compiles the first SQL statement of {@code sql}.
     *
     * @throws PetrelException {@code SQLITE_ERROR} for a syntax error ({@code near "X": syntax error}) or an unknown
     *     name
     */
    Statement prepare(String sql);

    /** Runs every statement of {@code sql} in turn, discarding rows. */
    void exec(String sql);

    /** The rowid of the most recent successful INSERT on this connection ({@code last_insert_rowid()}). */
    long lastInsertRowid();

    /** Rows changed by the most recent INSERT, UPDATE or DELETE ({@code changes()}). */
    long changes();

    /** Rows changed since the connection was opened ({@code total_changes()}). */
    long totalChanges();

    /** Whether no explicit transaction is open. */
    boolean isAutocommit();

    /** Makes running statements stop at their next step with {@code SQLITE_INTERRUPT}. */
    void interrupt();

    /** Finalizes open statements, rolls back an open transaction and closes the connection. */
    @Override
    void close();
}
