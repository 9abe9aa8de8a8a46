package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RealFormat} against {@code printf('%!.20g', x)} of the real sqlite3 3.40 shell. */
class RealFormatTest {
    @TempDir
    Path dir;

    @Test
    void knownValues() {
        assertEquals("0.10000000000000000555", RealFormat.altForm20(0.1));
        assertEquals("1.0e+100", RealFormat.altForm20(1e100));
        assertEquals("1.0e+20", RealFormat.altForm20(1e20));
        assertEquals("10000000000000000000.0", RealFormat.altForm20(1e19));
        assertEquals("2.5", RealFormat.altForm20(2.5));
        assertEquals("0.0", RealFormat.altForm20(0.0));
        assertEquals("0.0", RealFormat.altForm20(-0.0));
        assertEquals("-1.5", RealFormat.altForm20(-1.5));
        assertEquals("Inf", RealFormat.altForm20(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", RealFormat.altForm20(Double.NEGATIVE_INFINITY));
    }

    @Test
    void randomDoublesMatchSqlite3() throws Exception {
        assumeTrue(ShellRunner.sqlite3Available(), "sqlite3 binary not installed");
        long seed = 20261124L;
        int scale = Integer.getInteger("petrel.test.scale", 1);
        Random random = new Random(seed);
        List<Double> values = new ArrayList<>();
        for (double d : new double[] {1.0, 1e15, 1e16, 1e17, 123456789.125, 1.0 / 3, 2.0 / 3, 1e-4, 1e-5, 0.3,
            1.7976931348623157e308, 5e-300, 4503599627370496.5, 9007199254740993.0}) {
            values.add(d);
            values.add(-d);
        }
        for (int i = 0; i < 1500 * scale; i++) {
            double mantissa = random.nextDouble() * 10;
            int exp = random.nextInt(501) - 250;
            values.add(random.nextBoolean() ? mantissa * Math.pow(10, exp) : Math.rint(mantissa * 1e6) / 1e3);
        }
        StringBuilder sql = new StringBuilder();
        for (double d : values) {
            sql.append("select printf('%!.20g', ").append(Double.toString(d)).append(");\n");
        }
        ShellRunner.Result r = ShellRunner.sqlite3(dir, sql.toString(), ":memory:");
        String[] lines = r.out().split("\n");
        assertEquals(values.size(), lines.length, r.stderr());
        for (int i = 0; i < lines.length; i++) {
            assertEquals(lines[i], RealFormat.altForm20(values.get(i)), "value " + values.get(i) + " seed " + seed);
        }
    }
}
