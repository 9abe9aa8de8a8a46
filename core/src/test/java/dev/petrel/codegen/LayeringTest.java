package dev.petrel.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SQL engine's packages import only the layers below them (STYLE.md): codegen never reaches b-trees, pages or
 * files; the VM never sees SQL, plans or pages; the planner emits no code.
 */
class LayeringTest {
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "codegen", List.of("dev.petrel.btree", "dev.petrel.pager", "dev.petrel.vfs", "dev.petrel.engine"),
            "vm", List.of("dev.petrel.pager", "dev.petrel.codegen", "dev.petrel.plan", "dev.petrel.schema",
                    "dev.petrel.sql", "dev.petrel.engine"),
            "plan", List.of("dev.petrel.vm", "dev.petrel.codegen", "dev.petrel.btree", "dev.petrel.pager",
                    "dev.petrel.engine"),
            "schema", List.of("dev.petrel.vm", "dev.petrel.codegen", "dev.petrel.plan", "dev.petrel.engine"));

    @Test
    void packagesImportOnlyLowerLayers() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path src = Files.exists(root.resolve("src/main/java")) ? root.resolve("src/main/java/dev/petrel")
                : root.resolve("core/src/main/java/dev/petrel");
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, List<String>> e : FORBIDDEN.entrySet()) {
            try (Stream<Path> s = Files.list(src.resolve(e.getKey()))) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    files++;
                    for (String line : Files.readAllLines(f)) {
                        String t = line.trim();
                        for (String bad : e.getValue()) {
                            if ((t.startsWith("import " + bad + ".") || t.contains(" " + bad + "."))
                                    && !t.startsWith("*") && !t.startsWith("//")) {
                                violations.add(f.getFileName() + ": " + t);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(files > 20, "scanned " + files + " files");
        assertEquals(List.of(), violations);
    }
}
