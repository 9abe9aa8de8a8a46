package dev.petrel;

import dev.petrel.api.Database;
import dev.petrel.engine.EngineDatabase;
import dev.petrel.vfs.MemoryVfs;
import dev.petrel.vfs.Vfs;

/**
 * The entry point: opens databases. Everything else of the public surface is in {@code dev.petrel.api}.
 *
 * <pre>
 *   try (Database db = Petrel.openMemory(); Connection c = db.connect();
 *        Statement s = c.prepare("select 1+1 as x")) {
 *       s.step();
 *       long x = s.columnLong(0);   // 2
 *   }
 * </pre>
 */
public final class Petrel {
    /** The SQLite version whose file format and dialect Petrel follows. */
    public static final String SQLITE_VERSION = "3.53.0";
    /** Petrel's own version. */
    public static final String VERSION = "0.1.0";
    /** The path that names a private in-memory database. */
    public static final String MEMORY_PATH = ":memory:";

    private Petrel() {
    }

    /** Opens (creating if needed) the database file {@code path} of {@code vfs}. */
    public static Database open(Vfs vfs, String path) {
        return EngineDatabase.open(vfs, path);
    }

    /** Opens a new private in-memory database. */
    public static Database openMemory() {
        return EngineDatabase.open(new MemoryVfs(), MEMORY_PATH);
    }
}
