package dev.petrel.sql.parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the SQL of every record that applies to SQLite out of the sqllogictest corpus in the shared directory
 * (rules in shared/sqllogictest/FORMAT.md): statement records up to the blank line, query records up to "----".
 */
final class SqlLogicTestCorpus {
    private SqlLogicTestCorpus() {
    }

    /** One SQL text with where it came from. */
    record Entry(String file, int line, String sql, boolean expectError) {}

    static Path sharedDir() {
        String prop = System.getProperty("petrel.shared.dir");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("../../shared"));
        candidates.add(Path.of("/work/shared"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("sqllogictest"))) {
                return p;
            }
        }
        return null;
    }

    static List<Path> files(Path shared) throws IOException {
        try (Stream<Path> s = Files.walk(shared.resolve("sqllogictest"))) {
            return s.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
    }

    static List<Entry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int recordLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!record.isEmpty()) {
                    if (handle(file.getFileName().toString(), recordLine, record, out)) {
                        return out;
                    }
                    record.clear();
                }
                continue;
            }
            if (record.isEmpty()) {
                recordLine = i + 1;
            }
            record.add(line);
        }
        return out;
    }

    /** Adds the record's SQL if it applies to SQLite; returns true on an applicable halt. */
    private static boolean handle(String file, int line, List<String> record, List<Entry> out) {
        int k = 0;
        boolean applies = true;
        while (k < record.size()) {
            String[] tok = record.get(k).trim().split("\\s+");
            if (tok[0].equals("skipif") && tok.length > 1) {
                applies &= !tok[1].equalsIgnoreCase("sqlite");
                k++;
            } else if (tok[0].equals("onlyif") && tok.length > 1) {
                applies &= tok[1].equalsIgnoreCase("sqlite");
                k++;
            } else {
                break;
            }
        }
        if (k >= record.size() || !applies) {
            return false;
        }
        String[] head = record.get(k).trim().split("\\s+");
        if (head[0].equals("halt")) {
            return true;
        }
        if (!head[0].equals("statement") && !head[0].equals("query")) {
            return false;
        }
        StringBuilder sql = new StringBuilder();
        for (int j = k + 1; j < record.size(); j++) {
            String l = record.get(j);
            if (head[0].equals("query") && l.equals("----")) {
                break;
            }
            if (sql.length() > 0) {
                sql.append('\n');
            }
            sql.append(l);
        }
        out.add(new Entry(file, line, sql.toString(), head[0].equals("statement") && head.length > 1
                && head[1].equals("error")));
        return false;
    }
}
