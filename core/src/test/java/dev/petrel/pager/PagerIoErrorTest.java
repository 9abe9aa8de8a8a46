package dev.petrel.pager;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.vfs.FaultInjectingVfs;
import dev.petrel.vfs.FaultInjectingVfs.Op;
import dev.petrel.vfs.MemoryVfs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * I/O errors injected at every kind of call and many positions: each failure surfaces as a clean
 * {@code SQLITE_IOERR_*} {@link PetrelException}, the failed transaction is all-or-nothing, the same pager keeps
 * working (later transactions commit) and the database reopened afterwards holds exactly the model's state.
 */
class PagerIoErrorTest {
    static final long SEED = 0x10E_2026L;
    static final int TXNS = 12;
    static final int POINTS_PER_OP = 24;

    /** Runs the workload with one injected failure; returns whether it fired. */
    static boolean runOnce(JournalMode mode, Op op, long nth, long seed, int cache, long[] callsOut) {
        MemoryVfs base = new MemoryVfs();
        FaultInjectingVfs vfs = new FaultInjectingVfs(base, seed);
        String ctx = mode + " " + op + "#" + nth + " seed=" + seed + " cache=" + cache;
        Workload w = new Workload(seed);
        Pager p = Pager.open(vfs, "db", 512);
        p.setJournalMode(mode);
        p.setCacheSize(cache);
        p.setWalAutoCheckpoint(8);
        if (nth > 0) {
            vfs.failNth(op, nth);
        }
        int failures = 0;
        for (int t = 1; t <= TXNS; t++) {
            try {
                w.runTxn(p, t);
                if (p.lastAutoCheckpointError() != null) {
                    // The commit succeeded; only its automatic checkpoint failed (and is retried later).
                    assertEquals(ResultCode.IOERR, p.lastAutoCheckpointError().primaryCode(), ctx);
                    failures++;
                    Workload.verify(p, w.current, ctx + " after failed auto-checkpoint in txn " + t);
                }
            } catch (PetrelException e) {
                failures++;
                assertEquals(ResultCode.IOERR, e.primaryCode(), ctx + ": " + e.code());
                boolean inCommit = w.inFlight == t;
                w.inFlight = -1;
                if (p.inWriteTransaction()) {
                    try {
                        p.rollback();
                    } catch (PetrelException second) {
                        fail(ctx + ": a single injected failure also broke the rollback", second);
                    }
                }
                p.endRead();
                int uv = Workload.userVersion(p);
                if (inCommit && uv == t) {
                    w.current = w.committed.get(t);
                    w.lastCommitted = t;
                } else {
                    assertEquals(w.lastCommitted, uv, ctx + ": failed transaction left no trace");
                }
                Workload.verify(p, w.current, ctx + " after failure in txn " + t);
            }
        }
        p.endRead();
        if (callsOut != null) {
            callsOut[0] = vfs.calls(op);
        }
        assertEquals(failures > 0 ? 1 : 0, vfs.faultsInjected(), ctx);
        Workload.verify(p, w.current, ctx + " at end");
        p.close();
        Pager q = Pager.open(base, "db", 512);
        Workload.verify(q, w.current, ctx + " reopened");
        q.close();
        return failures > 0;
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void everyFailingCallIsCleanAndTheDatabaseStaysUsable(JournalMode mode) {
        int scale = Math.max(1, Integer.getInteger("petrel.test.scale", 1));
        int fired = 0;
        int tried = 0;
        for (Op op : Op.values()) {
            for (int cache : new int[] {4, 200}) {
                long seed = SEED + mode.ordinal() * 100 + op.ordinal() * 10 + cache;
                long[] calls = new long[1];
                assertFalse(runOnce(mode, op, 0, seed, cache, calls));
                int points = (int) Math.min(calls[0], POINTS_PER_OP * scale);
                for (int i = 0; i < points; i++) {
                    long nth = 1 + (i * calls[0]) / Math.max(points, 1);
                    tried++;
                    if (runOnce(mode, op, nth, seed, cache, null)) {
                        fired++;
                    }
                }
            }
        }
        System.out.println("PagerIoErrorTest " + mode + ": " + fired + " injected failures of " + tried + " runs");
        assertTrue(fired > tried / 2, "most injected failures fire inside the workload");
    }
}
