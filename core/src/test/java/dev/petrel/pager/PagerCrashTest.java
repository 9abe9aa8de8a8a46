package dev.petrel.pager;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import dev.petrel.vfs.FaultInjectingVfs;
import dev.petrel.vfs.FaultInjectingVfs.PowerLoss;
import dev.petrel.vfs.MemoryVfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Power loss at many points of a transaction workload, per journal mode: after the machine restarts, every
 * transaction whose commit returned is there, none that did not start committing is, and the freelist and header
 * counts agree. Points per mode scale with {@code petrel.test.scale}; the seed is in every failure message.
 */
class PagerCrashTest {
    static final long SEED = 0x5EED_2026_1124L;
    static final int TXNS = 14;
    static final int PAGE_SIZE = 512;
    static final int POINTS_PER_MODE = 520;

    static int scale() {
        return Math.max(1, Integer.getInteger("petrel.test.scale", 1));
    }

    /** The outcome of one run: whether it crashed. */
    static boolean runOnce(JournalMode mode, Synchronous sync, long seed, long crashAt, PowerLoss loss, int cache,
            long[] mutationsOut) {
        return runOnce(mode, sync, seed, crashAt, loss, cache, mutationsOut, false);
    }

    /** One run; {@code switching} goes DELETE, then WAL from a third of the way, then DELETE from two thirds. */
    static boolean runOnce(JournalMode mode, Synchronous sync, long seed, long crashAt, PowerLoss loss, int cache,
            long[] mutationsOut, boolean switching) {
        FaultInjectingVfs vfs = new FaultInjectingVfs(new MemoryVfs(), seed);
        if (crashAt > 0) {
            vfs.powerLossAt(crashAt, loss);
        }
        Workload w = new Workload(seed);
        String ctx = mode + "/" + sync + " seed=" + seed + " crashAt=" + crashAt + " loss=" + loss + " cache=" + cache;
        try {
            Pager p = Pager.open(vfs, "db", PAGE_SIZE);
            p.setJournalMode(switching ? JournalMode.DELETE : mode);
            p.setSynchronous(sync);
            p.setCacheSize(cache);
            p.setWalAutoCheckpoint(9);
            for (int t = 1; t <= TXNS; t++) {
                if (switching && t == TXNS / 3) {
                    p.setJournalMode(JournalMode.WAL);
                } else if (switching && t == 2 * TXNS / 3) {
                    p.setJournalMode(JournalMode.DELETE);
                }
                w.runTxn(p, t);
            }
            p.close();
        } catch (PetrelException e) {
            if (!vfs.hasCrashed()) {
                throw new AssertionError(ctx + ": unexpected error", e);
            }
        }
        if (mutationsOut != null) {
            mutationsOut[0] = vfs.mutations();
        }
        if (!vfs.hasCrashed()) {
            return false;
        }
        vfs.restart();
        try {
            Pager q = Pager.open(vfs, "db", PAGE_SIZE);
            int uv = Workload.userVersion(q);
            if (mode == JournalMode.MEMORY || mode == JournalMode.OFF) {
                // SQLite promises nothing here beyond opening; with DROP_UNSYNCED the file still opens cleanly.
                q.close();
                return true;
            }
            if (sync == Synchronous.FULL) {
                assertTrue(uv == w.lastCommitted || uv == w.inFlight,
                        ctx + ": user_version " + uv + " but last commit " + w.lastCommitted + ", in flight "
                                + w.inFlight);
            } else {
                assertTrue(uv <= Math.max(w.lastCommitted, w.inFlight) && w.committed.containsKey(uv),
                        ctx + ": user_version " + uv + " is not a committed state");
            }
            Workload.Model m = w.committed.get(uv);
            assertNotNull(m, ctx + ": no model for user_version " + uv);
            Workload.verify(q, m, ctx);
            // The recovered database takes new transactions.
            q.setJournalMode(switching ? JournalMode.DELETE : mode);
            q.beginWrite();
            Page page = q.allocate();
            PagerTest.fill(page, 99, q.usableSize());
            int pgno = page.pgno();
            q.release(page);
            q.commit();
            assertEquals(99, PagerTest.readTag(q, pgno), ctx);
            q.endRead();
            q.close();
        } catch (PetrelException | AssertionError e) {
            throw new AssertionError(ctx + ": recovery failed: " + e.getMessage(), e);
        }
        return true;
    }

    /** Workloads (seeds) per mode; each gets an equal share of the crash points. */
    static final int SEEDS = 4;

    static int crashMany(JournalMode mode, Synchronous sync, int points, PowerLoss[] losses) {
        int crashed = 0;
        int perSeed = Math.max(1, points / SEEDS);
        for (int s = 0; s < SEEDS; s++) {
            long seed = SEED + mode.ordinal() * 1000L + sync.ordinal() * 100L + s;
            long[] small = new long[1];
            long[] big = new long[1];
            assertFalse(runOnce(mode, sync, seed, 0, PowerLoss.DROP_UNSYNCED, 4, small));
            assertFalse(runOnce(mode, sync, seed, 0, PowerLoss.DROP_UNSYNCED, 200, big));
            assertTrue(big[0] > 50, "workload does I/O: " + big[0]);
            for (int i = 0; i < perSeed; i++) {
                PowerLoss loss = losses[i % losses.length];
                int cache = (i / losses.length) % 2 == 0 ? 4 : 200;
                long at = 1 + (i * (cache == 4 ? small[0] : big[0])) / perSeed;
                if (runOnce(mode, sync, seed, at, loss, cache, null)) {
                    crashed++;
                }
            }
        }
        return crashed;
    }

    @ParameterizedTest
    @EnumSource(value = JournalMode.class, names = {"DELETE", "TRUNCATE", "PERSIST", "WAL"})
    void powerLossAtEveryStageKeepsCommittedTransactions(JournalMode mode) {
        int points = POINTS_PER_MODE * scale();
        int crashed = crashMany(mode, Synchronous.FULL, points, PowerLoss.values());
        System.out.println("PagerCrashTest " + mode + "/FULL: " + crashed + " power-loss points recovered of "
                + points + " tried");
        assertTrue(crashed >= points * 9 / 10, "most points fall inside the workload: " + crashed);
    }

    @Test
    void walNormalLosesOnlyRecentCommitsNeverConsistency() {
        int points = 120 * scale();
        int crashed = crashMany(JournalMode.WAL, Synchronous.NORMAL, points, PowerLoss.values());
        System.out.println("PagerCrashTest WAL/NORMAL: " + crashed + " points");
        assertTrue(crashed > 0);
    }

    @ParameterizedTest
    @EnumSource(value = JournalMode.class, names = {"MEMORY", "OFF"})
    void memoryAndOffOnlyReopen(JournalMode mode) {
        int crashed = crashMany(mode, Synchronous.FULL, 30, new PowerLoss[] {PowerLoss.DROP_UNSYNCED});
        assertTrue(crashed > 0);
    }

    @org.junit.jupiter.api.Test
    void powerLossWhileSwitchingIntoAndOutOfWal() {
        int points = 200 * scale();
        long seed = SEED + 77;
        long[] small = new long[1];
        long[] big = new long[1];
        assertFalse(runOnce(JournalMode.DELETE, Synchronous.FULL, seed, 0, PowerLoss.DROP_UNSYNCED, 4, small, true));
        assertFalse(runOnce(JournalMode.DELETE, Synchronous.FULL, seed, 0, PowerLoss.DROP_UNSYNCED, 200, big, true));
        int crashed = 0;
        PowerLoss[] losses = PowerLoss.values();
        for (int i = 0; i < points; i++) {
            int cache = i % 2 == 0 ? 4 : 200;
            long at = 1 + (i * (cache == 4 ? small[0] : big[0])) / points;
            if (runOnce(JournalMode.DELETE, Synchronous.FULL, seed, at, losses[i % losses.length], cache, null, true)) {
                crashed++;
            }
        }
        System.out.println("PagerCrashTest DELETE<->WAL switching: " + crashed + " points recovered of " + points);
        assertTrue(crashed >= points * 9 / 10);
    }
}
