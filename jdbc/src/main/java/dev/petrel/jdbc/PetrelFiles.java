package dev.petrel.jdbc;

import dev.petrel.Petrel;
import dev.petrel.api.Database;

/**
 * Opens Petrel databases by path on the JVM: {@code ":memory:"} (or the empty string) for a private in-memory
 * database, anything else as a file. The one place that picks the JVM file VFS, shared by the driver and the shell.
 */
public final class PetrelFiles {
    private PetrelFiles() {
    }

    /** Whether {@code path} names a private in-memory database. */
    public static boolean isMemory(String path) {
        return path == null || path.isEmpty() || Petrel.MEMORY_PATH.equals(path);
    }

    /**
     * Opens {@code path}; with {@code readOnly} the file must exist and any write fails with
     * {@code SQLITE_READONLY}.
     *
     * @throws dev.petrel.api.PetrelException {@code SQLITE_CANTOPEN} if the file cannot be opened
     */
    public static Database open(String path, boolean readOnly) {
        if (isMemory(path)) {
            return Petrel.openMemory();
        }
        return Petrel.open(new StandInFileVfs(readOnly), path);
    }
}
