package dev.petrel.slt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs sqllogictest files (../shared/sqllogictest/FORMAT.md) against an {@link SltEngine} and counts records.
 *
 * <p>Each file starts from a new, empty database. A record passes when a {@code statement ok} succeeds, a
 * {@code statement error} fails, or a {@code query} prepares, has the declared column count and yields the expected
 * values (after rowsort/valuesort, hashed above the hash threshold) and label hash. Skipped records (skipif/onlyif,
 * after halt) are counted separately and are neither passed nor failed. A file that exceeds its time budget has its
 * running statement interrupted and its remaining records counted as failed.
 */
public final class SltRunner {
    /** The engine name used by skipif/onlyif: Petrel runs SQLite's dialect and takes SQLite's expectations. */
    public static final String ENGINE_NAME = "sqlite";
    private static final int DEFAULT_HASH_THRESHOLD = 8;

    /** Outcome counts of one or more files, with the first failures kept for diagnosis. */
    public static final class Result {
        public long passed;
        public long failed;
        public long skipped;
        public final List<String> failures = new ArrayList<>();
        public int maxFailuresKept = 50;

        void fail(String where, String why) {
            failed++;
            if (failures.size() < maxFailuresKept) {
                failures.add(where + ": " + why);
            }
        }

        public void add(Result other) {
            passed += other.passed;
            failed += other.failed;
            skipped += other.skipped;
            for (String f : other.failures) {
                if (failures.size() < maxFailuresKept) {
                    failures.add(f);
                }
            }
        }

        public double passRate() {
            long total = passed + failed;
            return total == 0 ? 0.0 : (double) passed / total;
        }

        @Override
        public String toString() {
            return "passed=" + passed + " failed=" + failed + " skipped=" + skipped;
        }
    }

    private record Record(int line, List<String> conditions, String[] head, List<String> sql, List<String> expected,
                          boolean hasSeparator) {
    }

    private SltRunner() {
    }

    /** Runs one file on a fresh engine from {@code engines}. */
    public static Result runFile(Path file, Supplier<SltEngine> engines, long timeBudgetMillis) throws IOException {
        List<Record> records = parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        Result result = new Result();
        String name = file.getFileName().toString();
        try (SltEngine engine = engines.get()) {
            Watchdog watchdog = new Watchdog(engine, timeBudgetMillis);
            watchdog.start();
            try {
                runRecords(name, records, engine, result, watchdog);
            } finally {
                watchdog.stopWatching();
            }
        } catch (Exception e) {
            result.fail(name, "engine failed to close: " + e);
        }
        return result;
    }

    private static void runRecords(String name, List<Record> records, SltEngine engine, Result result,
                                   Watchdog watchdog) {
        int hashThreshold = DEFAULT_HASH_THRESHOLD;
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            String where = name + ":" + r.line;
            if (watchdog.expired) {
                result.fail(where, "file time budget exceeded");
                continue;
            }
            boolean skip = skipped(r.conditions);
            String kind = r.head[0];
            if (kind.equals("halt")) {
                if (!skip) {
                    return;
                }
                continue;
            }
            if (kind.equals("hash-threshold")) {
                hashThreshold = Integer.parseInt(r.head[1]);
                continue;
            }
            if (skip) {
                if (kind.equals("statement") || kind.equals("query")) {
                    result.skipped++;
                }
                continue;
            }
            String sql = String.join("\n", r.sql);
            try {
                if (kind.equals("statement")) {
                    boolean expectOk = r.head.length > 1 && r.head[1].equals("ok");
                    boolean ok;
                    String err = null;
                    try {
                        engine.execute(sql);
                        ok = true;
                    } catch (Exception e) {
                        ok = false;
                        err = String.valueOf(e.getMessage());
                    }
                    if (ok == expectOk) {
                        result.passed++;
                    } else {
                        result.fail(where, (expectOk ? "statement failed: " + err : "statement should fail")
                                + " | " + abbreviate(sql));
                    }
                } else if (kind.equals("query")) {
                    runQuery(where, r, sql, engine, hashThreshold, labels, result);
                } else {
                    result.fail(where, "unknown record type " + kind);
                }
            } catch (RuntimeException | Error e) {
                result.fail(where, "runner/engine crashed: " + e + " | " + abbreviate(sql));
            }
        }
    }

    private static void runQuery(String where, Record r, String sql, SltEngine engine, int hashThreshold,
                                 Map<String, String> labels, Result result) {
        String types = r.head.length > 1 ? r.head[1] : "";
        String sortMode = r.head.length > 2 ? r.head[2] : "nosort";
        String label = r.head.length > 3 ? r.head[3] : null;
        if (label != null && label.length() > 20) {
            label = label.substring(0, 20);
        }
        List<String> values;
        try {
            values = new ArrayList<>(engine.query(sql, types));
        } catch (Exception e) {
            result.fail(where, "query failed: " + e.getMessage() + " | " + abbreviate(sql));
            return;
        }
        int cols = Math.max(1, types.length());
        if (sortMode.equals("rowsort")) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i + cols <= values.size(); i += cols) {
                rows.add(values.subList(i, i + cols));
            }
            rows.sort((a, b) -> {
                for (int k = 0; k < cols; k++) {
                    int c = strcmp(a.get(k), b.get(k));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });
            List<String> sorted = new ArrayList<>();
            rows.forEach(sorted::addAll);
            values = sorted;
        } else if (sortMode.equals("valuesort")) {
            values.sort(SltRunner::strcmp);
        }
        String hash = md5Lines(values);
        String actual;
        if (hashThreshold > 0 && values.size() > hashThreshold) {
            actual = values.size() + " values hashing to " + hash;
        } else {
            actual = String.join("\n", values);
        }
        String expected = String.join("\n", r.expected);
        boolean expectedIsHash = r.expected.size() == 1 && r.expected.get(0).contains(" values hashing to ");
        if (expectedIsHash && !actual.contains(" values hashing to ")) {
            actual = values.size() + " values hashing to " + hash;
        }
        if (!actual.equals(expected)) {
            result.fail(where, "wrong result | " + abbreviate(sql) + " | expected " + abbreviate(expected)
                    + " got " + abbreviate(actual));
            return;
        }
        if (label != null) {
            String previous = labels.putIfAbsent(label, hash);
            if (previous != null && !previous.equals(hash)) {
                result.fail(where, "label " + label + " hash differs from an earlier query");
                return;
            }
        }
        result.passed++;
    }

    private static boolean skipped(List<String> conditions) {
        for (String c : conditions) {
            String[] t = c.trim().split("\\s+");
            if (t.length < 2) {
                continue;
            }
            boolean matches = t[1].equalsIgnoreCase(ENGINE_NAME);
            if (t[0].equals("skipif") && matches) {
                return true;
            }
            if (t[0].equals("onlyif") && !matches) {
                return true;
            }
        }
        return false;
    }

    /** strcmp on the rendered text (its bytes are ASCII after rendering). */
    static int strcmp(String a, String b) {
        return a.compareTo(b);
    }

    static String md5Lines(List<String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md.update(v.getBytes(StandardCharsets.ISO_8859_1));
                md.update((byte) '\n');
            }
            StringBuilder sb = new StringBuilder();
            for (byte b : md.digest()) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }

    /** Splits a file into records: runs of non-blank lines; comments dropped (they are not blank). */
    private static List<Record> parse(List<String> lines) {
        List<Record> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        int blockStart = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? stripCr(lines.get(i)) : "";
            if (line.trim().isEmpty()) {
                if (!block.isEmpty()) {
                    Record r = toRecord(blockStart, block);
                    if (r != null) {
                        out.add(r);
                    }
                    block.clear();
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (block.isEmpty()) {
                blockStart = i + 1;
            }
            block.add(line);
        }
        return out;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static Record toRecord(int line, List<String> block) {
        List<String> conditions = new ArrayList<>();
        int i = 0;
        while (i < block.size() && (block.get(i).startsWith("skipif") || block.get(i).startsWith("onlyif"))) {
            conditions.add(block.get(i));
            i++;
        }
        if (i >= block.size()) {
            return null;
        }
        String[] head = block.get(i).trim().split("\\s+", 5);
        if (head.length > 4) {
            head = java.util.Arrays.copyOf(head, 4);
        }
        List<String> sql = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        boolean separator = false;
        for (int k = i + 1; k < block.size(); k++) {
            String l = block.get(k);
            if (!separator && head[0].equals("query") && l.equals("----")) {
                separator = true;
                continue;
            }
            (separator ? expected : sql).add(l);
        }
        return new Record(line + i, conditions, head, sql, expected, separator);
    }

    /** Interrupts the engine once a file's time budget is spent. */
    private static final class Watchdog extends Thread {
        private final SltEngine engine;
        private final long budgetMillis;
        volatile boolean expired;
        private volatile boolean done;

        Watchdog(SltEngine engine, long budgetMillis) {
            this.engine = engine;
            this.budgetMillis = budgetMillis;
            setDaemon(true);
            setName("slt-watchdog");
        }

        @Override
        public void run() {
            long deadline = System.currentTimeMillis() + budgetMillis;
            while (!done) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    expired = true;
                    while (!done) {
                        engine.interrupt();
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    return;
                }
                try {
                    Thread.sleep(Math.min(left, 200));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopWatching() {
            done = true;
            interrupt();
        }
    }
}
