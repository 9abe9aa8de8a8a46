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

    /**
     * Registers (or replaces) an application-defined scalar function on this connection, as
     * {@code sqlite3_create_function} does: {@code nArg} is the exact argument count (0..127) or -1 for any;
     * {@code flags} is a bit set of {@link dev.petrel.func.FunctionDef#DETERMINISTIC} (allowed in indexes, CHECK
     * and generated columns). A function with the name and count of a built-in hides the built-in. The function
     * reports an error by throwing {@link PetrelException} (through {@code ctx.error(message)}); the statement then
     * fails with that message, as {@code sqlite3_result_error} does.
     *
     * @throws PetrelException {@code SQLITE_MISUSE} for a bad name or argument count
     */
    void createFunction(String name, int nArg, int flags, dev.petrel.func.ScalarFunction function);

    /**
     * Registers (or replaces) an application-defined aggregate function ({@code sqlite3_create_window_function}):
     * the factory makes one {@link dev.petrel.func.AggregateFunction} per group. Such an aggregate may not be
     * used with OVER ({@code X() may not be used as a window function}, as SQLite says of an aggregate registered
     * without xValue/xInverse); see {@link #createWindowFunction}.
     */
    void createAggregate(String name, int nArg, int flags, dev.petrel.func.AggregateFactory factory);

    /**
     * Registers (or replaces) an application-defined window function ({@code sqlite3_create_window_function} with
     * all four callbacks): the factory makes one {@link dev.petrel.func.AggregateFunction} per group or window
     * partition, which must implement {@code inverse} (and say so through {@code supportsInverse}) and
     * {@code value}; the function works both as an ordinary aggregate and with OVER. An aggregate registered with
     * {@link #createAggregate} instead fails with OVER ({@code X() may not be used as a window function}), as in
     * SQLite.
     */
    void createWindowFunction(String name, int nArg, int flags, dev.petrel.func.AggregateFactory factory);

    /**
     * Registers (or replaces) an application-defined collating sequence ({@code sqlite3_create_collation}):
     * {@code COLLATE name} in statements, column definitions and indexes then orders text with {@code order}
     * (called with two non-null strings; it must be a consistent total order, or indexes built with it become
     * unusable). A null {@code order} removes the collation. Names are case-insensitive; BINARY, NOCASE and RTRIM
     * are built in and cannot be replaced. A statement prepared before the change keeps the collation it was
     * compiled with. Replacing a collation that an existing index uses is allowed, as in SQLite; the index is
     * then only correct if the new order agrees with the old one (REINDEX rebuilds it).
     *
     * @throws PetrelException {@code SQLITE_MISUSE} for a missing or too long name
     */
    void createCollation(String name, java.util.Comparator<String> order);

    /**
     * Makes running statements stop with {@code SQLITE_INTERRUPT} ("interrupted"): a running statement notices
     * within a few thousand VM instructions, or else the next statement stepped stops at once. May be called from
     * another thread (JDBC's {@code Statement.cancel}). A statement that writes rolls its transaction back.
     */
    void interrupt();

    /**
     * Installs a progress handler ({@code sqlite3_progress_handler}): while a statement runs, {@code handler} is
     * called about every {@code instructions} VM instructions; returning true stops the statement as
     * {@link #interrupt()} does. {@code instructions <= 0} or a null handler removes it.
     */
    default void setProgressHandler(int instructions, java.util.function.BooleanSupplier handler) {
        throw new PetrelException(ResultCode.MISUSE, "progress handlers are not supported by this connection");
    }

    /** Finalizes open statements, rolls back an open transaction and closes the connection. */
    @Override
    void close();
}
