package dev.petrel.slt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs sqllogictest files or directories against Petrel and prints per-file and total counts.
 * {@code java -cp ... dev.petrel.slt.SltMain ../shared/sqllogictest [more paths]}
 */
public final class SltMain {
    private SltMain() {
    }

    /** Every .test file under the given paths, in a stable order. */
    public static List<Path> collect(List<Path> roots) throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(p -> p.toString().endsWith(".test")).sorted().forEach(files::add);
                }
            } else {
                files.add(root);
            }
        }
        return files;
    }

    /** Runs the files, printing a line per file; returns the totals. */
    public static SltRunner.Result runAll(List<Path> files, Path base, long budgetPerFileMillis) throws Exception {
        SltRunner.Result total = new SltRunner.Result();
        for (Path f : files) {
            long t0 = System.nanoTime();
            SltRunner.Result r = SltRunner.runFile(f, PetrelSltEngine::new, budgetPerFileMillis);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[slt] %-55s %s  (%d ms)%n", base == null ? f : base.relativize(f), r, ms);
            total.add(r);
        }
        return total;
    }

    public static void main(String[] args) throws Exception {
        List<Path> roots = new ArrayList<>();
        for (String a : args) {
            roots.add(Path.of(a));
        }
        SltRunner.Result total = runAll(collect(roots), null, 120_000);
        System.out.println("[slt] total " + total + String.format(" pass rate %.3f%%", 100 * total.passRate()));
        total.failures.forEach(f -> System.out.println("[slt]   " + f));
    }
}
