package dev.petrel.vfs;

/**
 * The virtual file system: the only way the engine reaches storage.
 *
 * <p>A VFS names files by strings and opens them as {@link VfsFile}s. The pager opens the main database, its
 * rollback journal ({@code name + "-journal"}) and its WAL ({@code name + "-wal"}) through it, so that the same
 * engine runs over memory ({@link MemoryVfs}), JVM files (module {@code jvm-vfs}) and the browser's OPFS (module
 * {@code opfs-vfs}). Implementations are used from one thread at a time.
 *
 * <p>Errors: every method reports failure by throwing {@link dev.petrel.api.PetrelException} with an
 * {@code SQLITE_IOERR_*} or {@code SQLITE_CANTOPEN} code; none returns an error value.
 */
public interface Vfs {
    /** Open flag: the main database file. */
    int OPEN_MAIN_DB = 0x00000100;
    /** Open flag: a rollback journal. */
    int OPEN_MAIN_JOURNAL = 0x00000800;
    /** Open flag: a write-ahead log. */
    int OPEN_WAL = 0x00080000;
    /** Open flag: a temporary file (sorter spill, temp database). */
    int OPEN_TEMP = 0x00000200;
    /** Open flag: open read-only. */
    int OPEN_READONLY = 0x00000001;
    /** Open flag: open for reading and writing. */
    int OPEN_READWRITE = 0x00000002;
    /** Open flag: create the file if it does not exist. */
    int OPEN_CREATE = 0x00000004;
    /** Open flag: delete the file when it is closed. */
    int OPEN_DELETE_ON_CLOSE = 0x00000008;

    /** A name for log lines and {@code PRAGMA database_list}. */
    String name();

    /**
     * Opens (and with {@link #OPEN_CREATE} creates) a file.
     *
     * @throws dev.petrel.api.PetrelException {@code SQLITE_CANTOPEN} if it does not exist and may not be created
     */
    VfsFile open(String path, int flags);

    /** Deletes a file; a missing file is not an error. */
    void delete(String path);

    /** Whether a file exists (and, for a journal, has any bytes is the caller's business). */
    boolean exists(String path);
}
