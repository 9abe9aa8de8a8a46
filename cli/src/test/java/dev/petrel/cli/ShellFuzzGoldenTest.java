package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random SELECTs of awkward values (control characters, quotes, non-ASCII text, blobs that are not UTF-8, embedded
 * NULs, NULLs, integers and short reals) under random column names, printed in every mode with and without headers
 * by sqlite3 and by Petrel's shell: stdout and stderr must be byte-identical. Deterministic per seed; the number of
 * seeds scales with {@code petrel.test.scale}.
 */
class ShellFuzzGoldenTest {
    static final String[] MODES = {"list", "csv", "quote", "json", "line", "tabs", "html", "ascii", "insert", "column",
        "box", "table", "markdown"};

    @TempDir
    Path dir;

    static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(9);
        String extra = "éü中😀\u00a0\u2028";
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(127 + 6);
            if (k < 127) {
                sb.append((char) (k + 1));
            } else {
                sb.appendCodePoint(extra.codePointAt(extra.offsetByCodePoints(0, k - 127)));
            }
        }
        return sb.toString();
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String script(long seed) {
        Random r = new Random(seed);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            switch (r.nextInt(6)) {
                case 0:
                    values.add(literal(randomText(r)));
                    break;
                case 1:
                    values.add(Long.toString((long) ((r.nextDouble() * 2 - 1) * 1e12)));
                    break;
                case 2:
                    values.add(java.math.BigDecimal.valueOf((r.nextDouble() * 2 - 1) * 1e4)
                            .setScale(r.nextInt(7), java.math.RoundingMode.HALF_EVEN).toPlainString());
                    break;
                case 3: {
                    StringBuilder hex = new StringBuilder("x'");
                    int n = r.nextInt(5);
                    for (int k = 0; k < n; k++) {
                        hex.append(String.format("%02x", r.nextInt(256)));
                    }
                    values.add(hex.append('\'').toString());
                    break;
                }
                case 4:
                    values.add("null");
                    break;
                default:
                    values.add(literal(randomText(r)) + " || char(0) || 'z'");
            }
        }
        StringBuilder sql = new StringBuilder();
        for (int s = 0; s < 10; s++) {
            sql.append("select ");
            int cols = 1 + r.nextInt(4);
            for (int c = 0; c < cols; c++) {
                String name = r.nextDouble() < 0.6 ? "\"" + randomText(r).replace("\"", "\"\"") + "\"" : "x" + c;
                sql.append(c > 0 ? ", " : "").append(values.get(r.nextInt(values.size()))).append(" as ").append(name);
            }
            sql.append(";\n");
        }
        return sql.toString();
    }

    @Test
    void randomValuesInEveryMode() throws Exception {
        assumeTrue(ShellRunner.sqlite3Available(), "sqlite3 binary not installed");
        int seeds = 3 * Integer.getInteger("petrel.test.scale", 1);
        for (long seed = 1; seed <= seeds; seed++) {
            String sql = script(seed);
            for (String mode : MODES) {
                for (String header : new String[] {"on", "off"}) {
                    String stdin = ".mode " + mode + "\n.headers " + header + "\n" + sql;
                    ShellRunner.Result expected = ShellRunner.sqlite3(dir, stdin);
                    ShellRunner.Result actual = ShellRunner.petrel(stdin);
                    String context = "seed " + seed + " mode " + mode + " headers " + header + "\n" + sql;
                    assertEquals(expected.out(), actual.out(), context);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(expected.stdout(), actual.stdout(), context);
                    assertEquals(expected.stderr(), actual.stderr(), context);
                }
            }
        }
    }
}
