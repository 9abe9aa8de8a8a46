package dev.petrel.slt;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runner against real SQLite 3.53 must report no mismatch (FORMAT.md: a runner following the rules gets 0
 * mismatches over the whole corpus). This proves the runner before Petrel is measured with it.
 */
class SltRunnerSelfTest {
    @Test
    void realSqlitePassesEverySampledRecord() throws Exception {
        Path shared = SharedDir.get().resolve("sqllogictest");
        List<Path> files = Boolean.getBoolean("petrel.slt.selftest.all") ? SltMain.collect(List.of(shared)) : List.of(shared.resolve("select1.test"), shared.resolve("evidence/in1.test"),
                shared.resolve("evidence/slt_lang_aggfunc.test"), shared.resolve("evidence/slt_lang_update.test"),
                shared.resolve("evidence/slt_lang_replace.test"));
        SltRunner.Result total = new SltRunner.Result();
        for (Path f : files) {
            total.add(SltRunner.runFile(f, SqliteJdbcSltEngine::new, 300_000));
        }
        System.out.println("[slt] runner self-test on real SQLite: " + files.size() + " files, " + total);
        assertEquals(0, total.failed, () -> "runner disagrees with real SQLite: " + total.failures);
        assertTrue(total.passed > 1000, "sampled files have over a thousand records: " + total);
    }

    @Test
    void realRenderingMatchesSqlitePrintf() {
        assertEquals("-18446744073709550000.000", SltValues.real(-18446744073709551616.0));
        assertEquals("0.000", SltValues.real(-0.0));
        assertEquals("1.000", SltValues.real(1.0005));
        assertEquals("(empty)", SltValues.text(""));
        assertEquals("a@@b", SltValues.text("a\u00e9b"));
        assertEquals("-1", SltValues.integer(0xffffffffL));
    }
}
