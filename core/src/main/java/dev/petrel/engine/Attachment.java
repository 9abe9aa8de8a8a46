package dev.petrel.engine;

import dev.petrel.pager.Pager;
import java.util.ArrayList;
import java.util.List;

/**
 * One database of a connection, SQLite's {@code Db}: main (the {@link EngineDatabase} the connection was made on,
 * shared with its other connections), temp (created on first use, private to the connection) or an ATTACHed file
 * (opened by the connection, closed by DETACH or when the connection closes).
 *
 * <p>Besides the database it holds the connection's transaction bookkeeping for it: the pager savepoint of the
 * running statement and one pager savepoint per open SQL savepoint (parallel to the connection's list of savepoint
 * names, once the database joined the write transaction).
 */
final class Attachment {
    /** The schema name: main, temp, or the ATTACH ... AS name. */
    final String name;
    /** The file name PRAGMA database_list shows ("" for in-memory and temp databases). */
    final String file;
    /** The database; null for a temp database not created yet. */
    EngineDatabase database;
    /** Whether the connection opened the database (and closes it): temp and attached ones. */
    final boolean owned;
    /** The pager savepoint protecting the running write statement, or -1. */
    int statementSavepoint = -1;
    /** Pager savepoint ids of the connection's SQL savepoints, outermost first. */
    final List<Integer> savepointIds = new ArrayList<>();

    Attachment(String name, String file, EngineDatabase database, boolean owned) {
        this.name = name;
        this.file = file;
        this.database = database;
        this.owned = owned;
    }

    boolean isOpen() {
        return database != null;
    }

    Pager pager() {
        return database.pager();
    }

    /** Whether the connection holds a read or write transaction on this database. */
    boolean inTransaction() {
        return database != null && (pager().inReadTransaction() || pager().inWriteTransaction());
    }

    /** Forgets the transaction bookkeeping (the transaction ended). */
    void transactionEnded() {
        statementSavepoint = -1;
        savepointIds.clear();
    }
}
