package dev.petrel.slt;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole ../shared/sqllogictest corpus against Petrel and prints the counts. The pass rate may never fall
 * below the recorded baseline (src/test/resources/slt-baseline.properties): raise the baseline as the engine improves.
 */
class PetrelSqlLogicTest {
    @Test
    void corpusPassRateDoesNotRegress() throws Exception {
        Path shared = SharedDir.get().resolve("sqllogictest");
        List<Path> files = SltMain.collect(List.of(shared));
        assertTrue(files.size() >= 40, "corpus files found: " + files.size());
        long budget = Long.getLong("petrel.slt.fileBudgetMillis", 120_000);
        SltRunner.Result total = SltMain.runAll(files, shared, budget);
        System.out.println("[slt] sqllogictest results: passed=" + total.passed + " failed=" + total.failed
                + " skipped=" + total.skipped + String.format(" (pass rate %.4f%%)", 100 * total.passRate()));
        total.failures.stream().limit(20).forEach(f -> System.out.println("[slt]   " + f));
        Properties baseline = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/slt-baseline.properties")) {
            baseline.load(in);
        }
        double minRate = Double.parseDouble(baseline.getProperty("minPassRate"));
        long minPassed = Long.parseLong(baseline.getProperty("minPassed"));
        assertTrue(total.passed + total.failed > 250_000, "the corpus has about 296,000 executable records: " + total);
        assertTrue(total.passRate() >= minRate && total.passed >= minPassed,
                "sqllogictest regressed below the baseline (" + minRate + ", " + minPassed + "): " + total);
    }
}
