package dev.petrel.engine;

import dev.petrel.api.PetrelException;
import dev.petrel.pager.Pager;
import dev.petrel.schema.Catalog;
import dev.petrel.schema.Schema;
import dev.petrel.vfs.MemoryVfs;
import java.util.ArrayList;
import java.util.List;

/**
 * The databases of one connection, numbered as SQLite numbers them: 0 main, 1 temp (created on first use: a private
 * in-memory database, discarded when the connection closes), 2.. the ATTACHed ones in attach order (DETACH closes
 * the gap, as SQLite does, and counts as a schema change so prepared statements are compiled again).
 *
 * <p>Transactions across databases: a statement starts a transaction on each database its program names (one
 * {@code Transaction} opcode per database). COMMIT commits each database in turn, main first, then temp, then the
 * attached ones; ROLLBACK rolls each back. Each database's commit is atomic on its own (its journal or WAL), but
 * the set is not: SQLite writes a super-journal naming every journal so that a crash between two commits rolls all
 * of them back on recovery; Petrel has none, so a crash (or an I/O error) after the first database committed and
 * before the last did can leave the earlier databases committed and the later ones rolled back. Rollback, statement
 * rollback and ROLLBACK TO are exact on every database (each has its own pager savepoints).
 */
final class ConnectionDatabases {
    /** SQLite's default SQLITE_MAX_ATTACHED. */
    static final int MAX_ATTACHED = 10;

    private final EngineDatabase main;
    private final List<Attachment> list = new ArrayList<>();
    /** Moves on at every ATTACH, DETACH and temp schema change: programs compiled before must compile again. */
    private int generation;

    ConnectionDatabases(EngineDatabase main) {
        this.main = main;
        list.add(new Attachment("main", main.isMemory() ? "" : main.path(), main, false));
        list.add(new Attachment("temp", "", null, true));
    }

    int generation() {
        return generation;
    }

    /**
     * Makes every prepared statement of the connection compile again before its next run (a running one finishes
     * as it is). Used when the temp schema changes (a new temp object can shadow the main table an unqualified name
     * was bound to, and only a statement that reads temp would notice temp's schema cookie) and when an application
     * function or collation is defined: SQLite expires every statement in both cases.
     */
    void expireStatements() {
        generation++;
    }

    int size() {
        return list.size();
    }

    /** Database {@code db}, creating the temp database when it is first needed. */
    Attachment get(int db) {
        if (db < 0 || db >= list.size()) {
            throw PetrelException.error("no such database: " + db);
        }
        Attachment a = list.get(db);
        if (a.database == null) {
            a.database = EngineDatabase.open(new MemoryVfs("temp"), EngineDatabase.MEMORY_PATH);
        }
        return a;
    }

    /** The open databases (temp only once created), in number order. */
    List<Attachment> open() {
        List<Attachment> out = new ArrayList<>(list.size());
        for (Attachment a : list) {
            if (a.isOpen()) {
                out.add(a);
            }
        }
        return out;
    }

    /** The catalog statements are compiled against: each database's current schema. */
    Catalog catalog() {
        List<Catalog.Database> dbs = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Attachment a = list.get(i);
            Schema s = a.isOpen() ? a.database.schema(i) : Schema.empty(i);
            dbs.add(new Catalog.Database(a.name, a.file, s, a.isOpen()));
        }
        return new Catalog(dbs);
    }

    /** Forgets every loaded schema (after DDL, a rollback, or a cookie change). */
    void invalidateSchemas() {
        for (Attachment a : list) {
            if (a.isOpen()) {
                a.database.invalidateSchema();
            }
        }
    }

    // ---- ATTACH / DETACH ---------------------------------------------------------------------------------------

    /** ATTACH {@code file} AS {@code name}, with SQLite's checks and messages. */
    void attach(String file, String name) {
        if (list.size() - 2 >= MAX_ATTACHED) {
            throw PetrelException.error("too many attached databases - max " + MAX_ATTACHED);
        }
        for (Attachment a : list) {
            if (a.name.equalsIgnoreCase(name)) {
                throw PetrelException.error("database " + name + " is already in use");
            }
        }
        boolean memory = file.isEmpty() || file.equals(EngineDatabase.MEMORY_PATH);
        EngineDatabase db = memory ? EngineDatabase.open(new MemoryVfs("attached"), EngineDatabase.MEMORY_PATH)
                : EngineDatabase.open(main.vfs(), file);
        try {
            // Reading the schema now reports a file that is not a database, as SQLite's ATTACH does.
            db.schema(list.size());
        } catch (PetrelException e) {
            db.close();
            throw e;
        }
        list.add(new Attachment(name, memory ? "" : file, db, true));
        generation++;
    }

    /** DETACH {@code name}, with SQLite's checks and messages. */
    void detach(String name) {
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name.equalsIgnoreCase(name)) {
                at = i;
                break;
            }
        }
        if (at < 0 || !list.get(at).isOpen()) {
            // A temp database not created yet is not there to detach, as in SQLite.
            throw PetrelException.error("no such database: " + name);
        }
        if (at < 2) {
            throw PetrelException.error("cannot detach database " + name);
        }
        Attachment a = list.get(at);
        if (a.inTransaction()) {
            throw PetrelException.error("database " + name + " is locked");
        }
        list.remove(at);
        a.database.close();
        // The databases after it are renumbered: their schemas carry their old numbers.
        invalidateSchemas();
        generation++;
    }

    /** Closes the connection's own databases (temp and attached); main belongs to the EngineDatabase. */
    void closeOwned() {
        for (Attachment a : list) {
            if (a.owned && a.isOpen()) {
                a.database.close();
                a.database = null;
            }
        }
    }

    // ---- transactions ------------------------------------------------------------------------------------------

    /**
     * Starts a read or write transaction on database {@code db}. In an explicit transaction ({@code savepoints}
     * SQL savepoints open), a database joining the write transaction gets a pager savepoint per SQL savepoint (all
     * at its state now, which is its state when each was opened, since it was not written before), then the
     * statement savepoint that makes the running statement atomic.
     */
    void begin(int db, boolean write, boolean explicit, int savepoints) {
        Attachment a = get(db);
        Pager pager = a.pager();
        if (write) {
            if (!pager.inWriteTransaction()) {
                pager.beginWrite();
                a.database.btree().initialize();
                a.savepointIds.clear();
            }
            if (explicit) {
                while (a.savepointIds.size() < savepoints) {
                    a.savepointIds.add(pager.openSavepoint());
                }
                if (a.statementSavepoint < 0) {
                    a.statementSavepoint = pager.openSavepoint();
                }
            }
        } else if (!pager.inReadTransaction()) {
            pager.beginRead();
        }
    }

    /** Whether any database holds a read or write transaction. */
    boolean anyTransaction() {
        for (Attachment a : list) {
            if (a.inTransaction()) {
                return true;
            }
        }
        return false;
    }

    /** Ends the running statement's savepoints: rolled back when it failed, released either way. */
    void endStatement(boolean failed) {
        for (Attachment a : open()) {
            Pager pager = a.pager();
            if (a.statementSavepoint >= 0 && pager.inWriteTransaction()
                    && pager.savepointCount() > a.statementSavepoint) {
                if (failed) {
                    pager.rollbackToSavepoint(a.statementSavepoint);
                    a.database.invalidateSchema();
                }
                pager.releaseSavepoint(a.statementSavepoint);
            }
            a.statementSavepoint = -1;
        }
    }

    /** Drops the statement savepoints without touching what they protect (SAVEPOINT takes over). */
    void releaseStatementSavepoints() {
        endStatement(false);
    }

    /** Commits (or rolls back) every database's write transaction, main first, and ends every read. */
    void endTransaction(boolean rollback) {
        PetrelException first = null;
        for (Attachment a : open()) {
            Pager pager = a.pager();
            try {
                if (pager.inWriteTransaction()) {
                    if (rollback) {
                        pager.rollback();
                        a.database.invalidateSchema();
                    } else {
                        pager.commit();
                    }
                }
                pager.endRead();
            } catch (PetrelException e) {
                if (first == null) {
                    first = e;
                }
                rollback = true;
            }
            a.transactionEnded();
        }
        if (first != null) {
            throw first;
        }
    }

    /** Rolls back every write transaction (reads stay, as the statement still runs); reloads every schema. */
    void rollbackWrites() {
        for (Attachment a : open()) {
            if (a.pager().inWriteTransaction()) {
                a.pager().rollback();
            }
            a.transactionEnded();
        }
        invalidateSchemas();
    }

    /** SAVEPOINT: opens a pager savepoint on every database in the write transaction. */
    void openSavepoint() {
        for (Attachment a : open()) {
            if (a.pager().inWriteTransaction()) {
                a.savepointIds.add(a.pager().openSavepoint());
            }
        }
    }

    /** RELEASE of SQL savepoint number {@code at} (and every newer one) on every database. */
    void releaseSavepoint(int at) {
        endSavepoint(at, false);
    }

    /** ROLLBACK TO SQL savepoint number {@code at} on every database; it stays open, newer ones are gone. */
    void rollbackToSavepoint(int at) {
        endSavepoint(at, true);
        invalidateSchemas();
    }

    private void endSavepoint(int at, boolean rollback) {
        for (Attachment a : open()) {
            Pager pager = a.pager();
            if (pager.inWriteTransaction() && at < a.savepointIds.size()
                    && a.savepointIds.get(at) < pager.savepointCount()) {
                if (rollback) {
                    pager.rollbackToSavepoint(a.savepointIds.get(at));
                } else {
                    pager.releaseSavepoint(a.savepointIds.get(at));
                }
            }
            truncate(a.savepointIds, rollback ? at + 1 : at);
        }
    }

    private static void truncate(List<Integer> ids, int size) {
        while (ids.size() > size) {
            ids.remove(ids.size() - 1);
        }
    }
}
