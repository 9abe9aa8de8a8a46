package dev.petrel.slt;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared (the corpus and sample databases) from the system property surefire sets, or nearby. */
final class SharedDir {
    private SharedDir() {
    }

    static Path get() {
        String prop = System.getProperty("petrel.shared.dir");
        for (String candidate : new String[] {prop, "../../shared", "../shared", "/work/shared"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate, "sqllogictest"))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("cannot find the shared/ directory (sqllogictest corpus)");
    }
}
