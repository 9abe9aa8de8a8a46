package dev.petrel.vm;

import dev.petrel.btree.BTree;
import dev.petrel.func.FunctionContext;
import dev.petrel.vfs.Vfs;

/**
 * What a running program needs from the connection that runs it: the database's b-trees, transaction control,
 * the schema cookie, the connection's counters and a VFS for temporary files. Implemented by the engine.
 *
 * <p>Contract: {@link #beginTransaction} is idempotent within a transaction; the VM never commits, the statement
 * does that when the program halts in autocommit mode. {@link #schemaChanged} is called after DDL changed
 * sqlite_schema, before the statement ends.
 */
public interface VmHost extends FunctionContext {
    BTree btree();

    /** How many instructions the VM runs between {@link #progressCheck} calls; 0 for never. */
    default int progressPeriod() {
        return 0;
    }

    /**
     * Called every {@link #progressPeriod} instructions of a running statement: true stops it with
     * {@code SQLITE_INTERRUPT} (an interrupt, or a progress handler that asked to stop).
     */
    default boolean progressCheck() {
        return false;
    }

    /** Starts a read or write transaction if none (of that strength) is open. */
    void beginTransaction(boolean write);

    // Databases are numbered as SQLite numbers them: 0 main, 1 temp, 2.. attached. A host of one database
    // implements the methods without a database number; a connection with several overrides the numbered ones.

    /** The b-trees of database {@code db}. */
    default BTree btree(int db) {
        return btree();
    }

    /** Starts a read or write transaction on database {@code db} if none (of that strength) is open. */
    default void beginTransaction(int db, boolean write) {
        beginTransaction(write);
    }

    /** The schema cookie of database {@code db} in its file. */
    default int databaseSchemaCookie(int db) {
        return databaseSchemaCookie();
    }

    /** Header cookie {@code cookie} of database {@code db}. */
    default int readCookie(int db, int cookie) {
        return readCookie(cookie);
    }

    /** Writes header cookie {@code cookie} of database {@code db}. */
    default void writeCookie(int db, int cookie, int value) {
        writeCookie(cookie, value);
    }

    /** The page count of database {@code db}. */
    default int pageCount(int db) {
        return pageCount();
    }

    /** {@link #journalMode(String)} of database {@code db}. */
    default String journalMode(int db, String mode) {
        return journalMode(mode);
    }

    /** ATTACH DATABASE {@code file} AS {@code name}: the values of the statement's two expressions. */
    default void attach(Object file, Object name) {
        throw dev.petrel.api.PetrelException.error("ATTACH is not supported here");
    }

    /** DETACH DATABASE {@code name}. */
    default void detach(Object name) {
        throw dev.petrel.api.PetrelException.error("DETACH is not supported here");
    }

    /** The schema cookie of the loaded schema (compared with the database's by Transaction). */
    int loadedSchemaCookie();

    /** The database's current schema cookie. */
    int databaseSchemaCookie();

    /** Header cookie {@code cookie} as numbered by ReadCookie (0 free pages, 1 schema, 6 user version, 8 app id). */
    int readCookie(int cookie);

    /** Writes header cookie {@code cookie} (write transaction open). */
    void writeCookie(int cookie, int value);

    /** The database's page count (0 for a new, empty database). */
    int pageCount();

    /**
     * Sets the journal mode named {@code mode} (null: leave it) and returns the mode in effect, lower-case, as
     * {@code PRAGMA journal_mode} reports it.
     */
    String journalMode(String mode);

    /**
     * VACUUM: rebuilds the database compactly, or with {@code into} non-null (a value, the target file name)
     * writes the compact copy to that file. Runs inside the statement's write (or read, for INTO) transaction.
     */
    default void vacuum(Object into) {
        throw dev.petrel.api.PetrelException.error("VACUUM is not supported here");
    }

    /** {@link #vacuum(Object)} of database {@code db} (0 main, 1 temp, 2.. attached). */
    default void vacuum(int db, Object into) {
        vacuum(into);
    }

    /**
     * Reads ({@code value} null) or changes a connection or pager setting named by a settings PRAGMA
     * (synchronous, cache_size, page_size, case_sensitive_like, busy_timeout, ...); returns the value the pragma
     * reports, or null when it reports nothing.
     */
    default Object pragmaSetting(String name, String value) {
        return null;
    }

    /** As {@link #pragmaSetting(String, String)} for {@code PRAGMA schema.name}: pager settings of database db. */
    default Object pragmaSetting(int db, String name, String value) {
        return pragmaSetting(name, value);
    }

    /** The in-memory schema must be reloaded from sqlite_schema. */
    void schemaChanged();

    /** BEGIN (autocommit false), COMMIT (true) or ROLLBACK (true, rollback) as AutoCommit asks. */
    void setAutocommit(boolean autocommit, boolean rollback);

    /** SAVEPOINT (0), RELEASE (1) or ROLLBACK TO (2) of the named savepoint. */
    void savepoint(int op, String name);

    void setLastInsertRowid(long rowid);

    /** Counts one changed row for changes() and total_changes(). */
    void countChange();

    /**
     * The connection setting {@code name} (foreign_keys, recursive_triggers, defer_foreign_keys) as 0 or 1, after
     * setting it to {@code value} unless that is negative.
     */
    default long connectionFlag(String name, int value) {
        return 0;
    }

    /** Sets what changes() returns (inside trigger programs, the rows of the last body statement). */
    default void setChanges(long n) {
    }

    /** Counts one row changed by a trigger: total_changes() only. */
    default void countTriggerChange() {
    }

    /** PRAGMA defer_foreign_keys: immediate foreign key constraints are checked at COMMIT. */
    default boolean deferForeignKeys() {
        return false;
    }

    /** The transaction's deferred foreign key violation counter. */
    default long deferredForeignKeyViolations() {
        return 0;
    }

    default void addDeferredForeignKeyViolations(long n) {
    }

    /**
     * Whether the statement ending now also ends its transaction (autocommit), so deferred foreign key violations
     * must fail it.
     */
    default boolean autocommitForeignKeys() {
        return false;
    }

    /** A VFS for temporary files (sorter runs). */
    Vfs tempVfs();

    /** The spill threshold of sorters in bytes. */
    default long sorterMemoryLimitBytes() {
        return Sorter.DEFAULT_MEMORY_LIMIT_BYTES;
    }
}
