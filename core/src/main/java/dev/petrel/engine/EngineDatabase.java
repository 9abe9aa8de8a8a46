package dev.petrel.engine;

import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.btree.BTree;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.pager.Pager;
import dev.petrel.schema.Schema;
import dev.petrel.vfs.Vfs;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's {@link Database}: owns the pager of one database file and the connections made on it.
 *
 * <p>Today one pager serves all connections of a database; the MVCC layer ({@code BEGIN CONCURRENT}) will sit
 * between connections and this pager (see docs/ARCHITECTURE.md).
 */
public final class EngineDatabase implements Database {
    /** The default page size of new databases (SQLite's default). */
    public static final int DEFAULT_PAGE_SIZE = 4096;
    /** The path of a private in-memory database. */
    static final String MEMORY_PATH = ":memory:";

    private final Vfs vfs;
    private final String path;
    private final Pager pager;
    private final List<EngineConnection> connections = new ArrayList<>();
    private final BTree btree;
    private final FunctionRegistry functions = Builtins.registry();
    private Schema schema;
    private boolean closed;

    private EngineDatabase(Vfs vfs, String path, Pager pager) {
        this.vfs = vfs;
        this.path = path;
        this.pager = pager;
        this.btree = BTree.open(pager);
    }

    BTree btree() {
        return btree;
    }

    FunctionRegistry functions() {
        return functions;
    }

    /** The schema, read from sqlite_schema on first use and after every change. */
    Schema schema() {
        return schema(0);
    }

    /**
     * The schema as database number {@code db} of a connection (0 for a main database; temp and attached databases
     * belong to one connection, which invalidates the schema when DETACH renumbers them).
     */
    Schema schema(int db) {
        if (schema != null && schema.db != db) {
            schema = null;
        }
        if (schema == null) {
            boolean started = !pager.inReadTransaction();
            if (started) {
                pager.beginRead();
            }
            try {
                schema = Schema.load(btree, db);
            } finally {
                if (started) {
                    pager.endRead();
                }
            }
        }
        return schema;
    }

    /** Forgets the loaded schema (after DDL, a rollback, or a cookie change). */
    void invalidateSchema() {
        schema = null;
    }

    public static EngineDatabase open(Vfs vfs, String path) {
        Pager pager = Pager.open(vfs, path, DEFAULT_PAGE_SIZE);
        if (isMemoryPath(path)) {
            // As SQLite: an in-memory database keeps its rollback journal in memory and cannot use a WAL.
            pager.setJournalMode(dev.petrel.pager.JournalMode.MEMORY);
        }
        return new EngineDatabase(vfs, path, pager);
    }

    private static boolean isMemoryPath(String path) {
        return path.equals(":memory:") || path.isEmpty();
    }

    /** Whether this is an in-memory database ({@code ":memory:"}). */
    boolean isMemory() {
        return isMemoryPath(path);
    }

    @Override
    public Connection connect() {
        if (closed) {
            throw dev.petrel.api.PetrelException.misuse("database is closed");
        }
        EngineConnection c = new EngineConnection(this);
        connections.add(c);
        return c;
    }

    @Override
    public String path() {
        return path;
    }

    Pager pager() {
        return pager;
    }

    Vfs vfs() {
        return vfs;
    }

    void forget(EngineConnection c) {
        connections.remove(c);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (EngineConnection c : new ArrayList<>(connections)) {
            c.close();
        }
        pager.close();
        closed = true;
    }
}
