package dev.petrel.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petrel.api.PetrelException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LIKE and GLOB against SQLite on generated patterns over a small alphabet. */
class PatternsTest {
    private static SqliteOracle oracle;

    @BeforeAll
    static void open() {
        oracle = new SqliteOracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    private static String word(SplittableRandom rnd, String alphabet, int max) {
        int len = rnd.nextInt(max + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            int cp = alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    rnd.nextInt(alphabet.codePointCount(0, alphabet.length()))));
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    @Test
    void escapeMustBeOneCharacter() {
        PetrelException e = assertThrows(PetrelException.class,
                () -> Patterns.likeValue("a", "a", "xy", true, false));
        assertEquals("ESCAPE expression must be a single character", e.getMessage());
        assertEquals(oracle.eval("'a' LIKE 'a' ESCAPE 'xy'").toString(),
                new SqliteOracle.Failure(e.getMessage()).toString());
        assertEquals(1L, Patterns.likeValue("ABC", "abc", null, false, false));
        assertEquals(0L, Patterns.likeValue("ABC", "abc", null, false, true));
    }

    /** Patterns longer than SQLITE_MAX_LIKE_PATTERN_LENGTH bytes are an error, at the same length as SQLite. */
    @Test
    void patternLengthLimit() {
        Differential diff = new Differential(oracle);
        for (int len : new int[] {Patterns.MAX_PATTERN_BYTES, Patterns.MAX_PATTERN_BYTES + 1}) {
            String p = "a".repeat(len - 1) + "%";
            Object[] a = {"aaa", p};
            diff.check("? LIKE ? (" + len + ")", a, oracle.eval("? LIKE ?", a),
                    Differential.petrel(() -> Patterns.likeValue(p, "aaa", null, false, false)));
            diff.check("? GLOB ? (" + len + ")", a, oracle.eval("? GLOB ?", a),
                    Differential.petrel(() -> Patterns.globValue(p, "aaa")));
        }
        diff.assertNoFailures(0);
    }

    @Test
    void likeMatchesSqlite() {
        long seed = 0x11CEL;
        SplittableRandom rnd = new SplittableRandom(seed);
        Differential diff = new Differential(oracle);
        int n = 3000 * ValueGen.scale();
        String textAlpha = "aAbB_%xé😀É";
        String patAlpha = "aAbB_%%_xé😀É\\";
        diff.run("? LIKE ?", n, () -> new Object[] {word(rnd, textAlpha, 6), word(rnd, patAlpha, 5)},
                a -> Patterns.likeValue(a[1], a[0], null, false, false));
        diff.run("? LIKE ? ESCAPE '\\'", n, () -> new Object[] {word(rnd, textAlpha, 6), word(rnd, patAlpha, 5)},
                a -> Patterns.likeValue(a[1], a[0], "\\", true, false));
        diff.run("like(?, ?, ?)", n / 3, () -> new Object[] {word(rnd, patAlpha, 4), word(rnd, textAlpha, 4),
            rnd.nextInt(5) == 0 ? null : word(rnd, "\\a%", 1 + rnd.nextInt(2))},
                a -> Patterns.likeValue(a[0], a[1], a[2], true, false));
        ValueGen gen = new ValueGen(seed);
        diff.run("? LIKE ?", n / 3, () -> new Object[] {gen.any(), gen.any()},
                a -> Patterns.likeValue(a[1], a[0], null, false, false));
        oracle.exec("PRAGMA case_sensitive_like = ON");
        try {
            diff.run("? LIKE ?", n / 3, () -> new Object[] {word(rnd, textAlpha, 5), word(rnd, patAlpha, 4)},
                    a -> Patterns.likeValue(a[1], a[0], null, false, true));
        } finally {
            oracle.exec("PRAGMA case_sensitive_like = OFF");
        }
        diff.assertNoFailures(seed);
    }

    /**
     * Patterns of literals and {@code %} only take the segment matcher (anchored ends, leftmost search between);
     * it must agree with SQLite and with the general matcher, on texts with surrogate pairs and NULs too.
     */
    @Test
    void likeWithLiteralsAndPercentOnlyMatchesSqlite() {
        long seed = 0x5E6L;
        SplittableRandom rnd = new SplittableRandom(seed);
        Differential diff = new Differential(oracle);
        int n = 3000 * ValueGen.scale();
        String textAlpha = "aAbBxé😀\u0000";
        String patAlpha = "aAbB%%%xé\u0000";
        diff.run("? LIKE ?", n, () -> new Object[] {word(rnd, textAlpha, 9), word(rnd, patAlpha, 5)},
                a -> Patterns.likeValue(a[1], a[0], null, false, false));
        for (int i = 0; i < 20_000; i++) {
            String t = word(rnd, textAlpha, 9);
            String p = word(rnd, patAlpha, 6);
            boolean cs = rnd.nextBoolean();
            assertEquals(Patterns.likeByTokens(p, t, -1, cs), Patterns.like(p, t, -1, cs), p + " / " + t + " " + cs);
        }
        diff.assertNoFailures(seed);
    }

    @Test
    void globMatchesSqlite() {
        long seed = 0x610BL;
        SplittableRandom rnd = new SplittableRandom(seed);
        Differential diff = new Differential(oracle);
        int n = 4000 * ValueGen.scale();
        String textAlpha = "abc-]^*?Aé";
        String patAlpha = "abc*?[[]]^-Aé";
        diff.run("? GLOB ?", n, () -> new Object[] {word(rnd, textAlpha, 5), word(rnd, patAlpha, 6)},
                a -> Patterns.globValue(a[1], a[0]));
        ValueGen gen = new ValueGen(seed);
        diff.run("? GLOB ?", n / 4, () -> new Object[] {gen.any(), gen.any()},
                a -> Patterns.globValue(a[1], a[0]));
        diff.assertNoFailures(seed);
    }
}
