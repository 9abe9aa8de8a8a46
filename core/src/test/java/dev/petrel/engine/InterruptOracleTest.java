package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.api.Statement;
import dev.petrel.func.FunctionDef;
import org.junit.jupiter.api.Test;

/**
 * Interrupts and progress handlers stop a statement in the middle of one long step (a cross join under
 * count(*), an endless recursive CTE, a big INSERT ... SELECT), with SQLITE_INTERRUPT "interrupted". The state
 * after the interrupt is compared with sqlite-jdbc stopped by its own progress handler: a writing statement rolls
 * its explicit transaction back, a reading one leaves it open.
 */
class InterruptOracleTest {
    /** Both engines' progress handlers stop the statement after this many calls. */
    private static final int CALLS_BEFORE_STOP = 20;

    private static final String[] SETUP = {
        "CREATE TABLE t(x INTEGER PRIMARY KEY, y)",
        "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 200) INSERT INTO t SELECT v, v * 3 FROM n",
    };

    /** Runs {@code sql} on both engines with a progress handler that stops it; returns both renderings. */
    private static String[] interrupted(Oracle o, String sql) throws Exception {
        int[] petrelCalls = {0};
        o.petrel.setProgressHandler(100, () -> ++petrelCalls[0] > CALLS_BEFORE_STOP);
        int[] sqliteCalls = {0};
        org.sqlite.ProgressHandler.setHandler(o.sqlite, 100, new org.sqlite.ProgressHandler() {
            @Override
            protected int progress() {
                return ++sqliteCalls[0] > CALLS_BEFORE_STOP ? 1 : 0;
            }
        });
        try {
            return new String[] {o.petrel(sql), o.sqlite(sql)};
        } finally {
            o.petrel.setProgressHandler(0, null);
            org.sqlite.ProgressHandler.clearHandler(o.sqlite);
        }
    }

    private static void same(Oracle o, String... sql) {
        for (String s : sql) {
            assertEquals(o.sqlite(s), o.petrel(s), s);
        }
    }

    @Test
    void progressHandlerStopsLongSingleSteps() throws Exception {
        try (Oracle o = new Oracle()) {
            same(o, SETUP);
            for (String sql : new String[] {
                "SELECT count(*) FROM t a, t b, t c",
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT count(*) FROM c",
                "SELECT a.y FROM t a, t b, t c ORDER BY a.y + b.y + c.y LIMIT 1",
            }) {
                String[] r = interrupted(o, sql);
                assertEquals("error: interrupted", r[1], sql);
                assertEquals(r[1], r[0], sql);
            }
            same(o, "SELECT count(*), sum(y) FROM t");
        }
    }

    @Test
    void interruptedWriteRollsItsTransactionBack() throws Exception {
        try (Oracle o = new Oracle()) {
            same(o, SETUP);
            same(o, "BEGIN", "INSERT INTO t VALUES(-1, -1)");
            String[] r = interrupted(o, "INSERT INTO t SELECT NULL, a.y FROM t a, t b, t c");
            assertEquals("error: interrupted", r[1]);
            assertEquals(r[1], r[0]);
            assertEquals(true, o.petrel.isAutocommit());
            same(o, "SELECT count(*), min(x) FROM t", "COMMIT");
            // Autocommit: the statement's rows are gone, nothing else.
            r = interrupted(o, "UPDATE t SET y = (SELECT count(*) FROM t a, t b WHERE a.x < t.x)");
            assertEquals(r[1], r[0]);
            same(o, "SELECT count(*), sum(y) FROM t");
        }
    }

    @Test
    void interruptedReadKeepsItsTransaction() throws Exception {
        try (Oracle o = new Oracle()) {
            same(o, SETUP);
            same(o, "BEGIN", "INSERT INTO t VALUES(-1, -1)");
            String[] r = interrupted(o, "SELECT count(*) FROM t a, t b, t c");
            assertEquals("error: interrupted", r[1]);
            assertEquals(r[1], r[0]);
            assertFalse(o.petrel.isAutocommit());
            same(o, "SELECT count(*), min(x) FROM t", "ROLLBACK", "SELECT count(*), min(x) FROM t");
        }
    }

    @Test
    void interruptFromACallbackStopsTheRunningStep() {
        try (Oracle o = new Oracle()) {
            for (String sql : SETUP) {
                o.petrel(sql);
            }
            int[] calls = {0};
            o.petrel.createFunction("tick", 1, FunctionDef.DETERMINISTIC, (ctx, args) -> {
                if (++calls[0] == 5000) {
                    o.petrel.interrupt();
                }
                return args[0];
            });
            try (Statement s = o.petrel.prepare("SELECT count(*) FROM t a, t b, t c WHERE tick(a.y + b.y + c.y) > 0")) {
                PetrelException e = assertThrows(PetrelException.class, s::step);
                assertEquals(ResultCode.INTERRUPT, e.code());
                assertEquals("interrupted", e.getMessage());
            }
            assertTrue(calls[0] >= 5000 && calls[0] < 6000, "stopped soon after the interrupt: " + calls[0]);
            // The flag was consumed: the next statement runs.
            assertEquals("[i200]", o.petrel("SELECT count(*) FROM t"));
        }
    }
}
