package dev.petrel.sql.parser;

import dev.petrel.sql.lexer.Lexer;
import dev.petrel.sql.lexer.Token;
import dev.petrel.sql.lexer.TokenType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Breaks valid statements at random (drop, repeat, swap or insert a token, or cut the text short) and checks that
 * Petrel accepts or rejects each result exactly as SQLite's parser does, with the same message. Deterministic
 * from a seed; size scales with {@code petrel.test.scale}.
 */
class MutationOracleTest {
    private static final String[] INSERTS = {",", "(", ")", "SELECT", "FROM", "WHERE", "AND", "NOT", "NULL", "=",
        "+", "1", "'x'", "x", "AS", "ON", "JOIN", "BY", "ORDER", "LIMIT", "IN", "IS", "BETWEEN", ";", ".", "*",
        "CASE", "END", "VALUES", "DEFAULT", "PRIMARY", "KEY", "INTO", "SET", "TABLE", "USING", "OVER", "FILTER"};

    @BeforeAll
    static void open() throws SQLException {
        SyntaxOracleTest.open();
    }

    @AfterAll
    static void close() throws SQLException {
        SyntaxOracleTest.close();
    }

    private static final class Rng {
        private long state;

        Rng(long seed) {
            state = seed;
        }

        int next(int bound) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (int) Math.floorMod(z, (long) bound);
        }
    }

    static String mutate(String sql, Rng r) {
        List<Token> toks = new ArrayList<>(Lexer.tokenize(sql));
        toks.remove(toks.size() - 1);
        if (toks.isEmpty()) {
            return sql;
        }
        List<String> parts = new ArrayList<>();
        for (Token t : toks) {
            parts.add(t.text());
        }
        int i = r.next(parts.size());
        switch (r.next(5)) {
            case 0:
                parts.remove(i);
                break;
            case 1:
                parts.add(i, parts.get(i));
                break;
            case 2:
                if (i + 1 < parts.size()) {
                    String a = parts.get(i);
                    parts.set(i, parts.get(i + 1));
                    parts.set(i + 1, a);
                }
                break;
            case 3:
                parts.add(i, INSERTS[r.next(INSERTS.length)]);
                break;
            default:
                parts = parts.subList(0, i);
                break;
        }
        return String.join(" ", parts);
    }

    @Test
    void mutatedStatementsAgreeWithSqlite() throws IOException {
        List<String> bases = new ArrayList<>();
        for (String s : SyntaxOracleTest.lines("accepted.sql")) {
            addBase(bases, s);
        }
        run(bases, 2000, Long.getLong("petrel.test.seed", 7L));
    }

    /** The same with statements of the sqllogictest corpus (a deterministic sample) as the starting points. */
    @Test
    void mutatedCorpusStatementsAgreeWithSqlite() throws IOException {
        java.nio.file.Path shared = SqlLogicTestCorpus.sharedDir();
        org.junit.jupiter.api.Assumptions.assumeTrue(shared != null, "shared sqllogictest corpus not found");
        List<String> bases = new ArrayList<>();
        for (java.nio.file.Path f : SqlLogicTestCorpus.files(shared)) {
            List<SqlLogicTestCorpus.Entry> entries = SqlLogicTestCorpus.read(f);
            for (int i = 0; i < entries.size(); i += 97) {
                addBase(bases, entries.get(i).sql());
            }
        }
        run(bases, 1500, Long.getLong("petrel.test.seed", 7L) + 1);
    }

    private static void addBase(List<String> bases, String s) {
        // CREATE TRIGGER and ALTER TABLE look their table up while parsing, which would hide syntax errors.
        String upper = s.toUpperCase(java.util.Locale.ROOT);
        if (!upper.contains("TRIGGER") && !upper.startsWith("ALTER") && s.length() < 400) {
            bases.add(s);
        }
    }

    private static void run(List<String> bases, int perScale, long seed) {
        int scale = Integer.getInteger("petrel.test.scale", 1);
        Rng r = new Rng(seed);
        int count = perScale * Math.max(1, scale);
        List<String> mismatches = new ArrayList<>();
        int rejected = 0;
        for (int n = 0; n < count; n++) {
            String sql = mutate(bases.get(r.next(bases.size())), r);
            List<Token> toks = Lexer.tokenize(sql);
            if (toks.size() < 2 || toks.stream().anyMatch(t -> t.type() == TokenType.SEMI)) {
                continue;
            }
            String expected = SyntaxOracleTest.sqliteSyntaxError(sql);
            String actual = SyntaxOracleTest.petrelError(sql);
            if (actual != null) {
                rejected++;
            }
            if (!(expected == null ? actual == null : expected.equals(actual))) {
                mismatches.add(sql + "\n    sqlite: " + expected + "\n    petrel: " + actual);
            }
        }
        System.out.println("mutation oracle: " + count + " mutated statements from " + bases.size() + " bases (seed "
                + seed + "), " + rejected
                + " rejected by Petrel, " + mismatches.size() + " disagreements with SQLite");
        assertEquals("", String.join("\n", mismatches.subList(0, Math.min(40, mismatches.size()))),
                "seed " + seed);
        assertTrue(rejected > count / 10);
    }
}
