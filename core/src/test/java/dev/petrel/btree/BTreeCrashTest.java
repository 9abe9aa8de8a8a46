package dev.petrel.btree;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import dev.petrel.pager.FileHeader;
import dev.petrel.pager.JournalMode;
import dev.petrel.pager.Pager;
import dev.petrel.pager.Synchronous;
import dev.petrel.vfs.FaultInjectingVfs;
import dev.petrel.vfs.FaultInjectingVfs.Op;
import dev.petrel.vfs.FaultInjectingVfs.PowerLoss;
import dev.petrel.vfs.MemoryVfs;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Power loss and I/O errors during the b-tree workload of {@link TxnWorkload}. After a power loss (every
 * {@link PowerLoss} kind, at points spread over the whole run) and a restart, the database holds exactly the last
 * transaction whose commit returned, or the one whose commit was in progress, never anything uncommitted; Petrel's
 * integrity check is clean and, for a sample of points, so is SQLite's. After an injected I/O error the operation
 * fails with a {@link PetrelException}, and the database stays intact and usable. Points scale with
 * {@code petrel.test.scale}; the seed and point are in every failure message.
 */
class BTreeCrashTest {
    static final long SEED = 0xC4A5_2026_1124L;
    static final int PAGE_SIZE = 512;
    static final int TXNS = 9;
    static final int POINTS_PER_MODE = 520;
    static final int SEEDS = 4;
    /** Every this many points the recovered files also go to SQLite. */
    static final int SQLITE_SAMPLE = 37;

    /** What one run saw: whether power was lost, and how many mutations the run made. */
    private static final class Outcome {
        boolean crashed;
        long mutations;
        /** The crashed files went to SQLite with a non-empty journal or WAL beside the database. */
        boolean sqliteRecovered;
    }

    /** Runs the workload, losing power at mutation {@code crashAt} (0: never), then restarts and checks recovery. */
    static Outcome runOnce(JournalMode mode, long seed, long crashAt, PowerLoss loss, int cache, boolean sqlite) {
        MemoryVfs base = new MemoryVfs();
        FaultInjectingVfs vfs = new FaultInjectingVfs(base, seed);
        TxnWorkload w = new TxnWorkload(seed, 600, 2500);
        String ctx = mode + " seed=" + seed + " crashAt=" + crashAt + " loss=" + loss + " cache=" + cache;
        Map<Integer, TreeMap<Long, Object[]>> committed = new HashMap<>();
        int lastCommitted = 0;
        int inFlight = 0;
        Outcome out = new Outcome();
        try {
            Pager p = Pager.open(vfs, "db", PAGE_SIZE);
            p.setJournalMode(mode);
            p.setSynchronous(Synchronous.FULL);
            p.setCacheSize(cache);
            p.setWalAutoCheckpoint(25);
            w.setup(p);
            committed.put(1, w.pending);
            lastCommitted = 1;
            if (crashAt > 0) {
                vfs.powerLossAt(crashAt, loss);
            }
            for (int n = 2; n <= TXNS; n++) {
                boolean commit = w.rng.nextInt(5) != 0;
                inFlight = commit ? n : lastCommitted;
                w.runTxn(n, 15 + w.rng.nextInt(30), commit);
                if (commit) {
                    committed.put(n, w.pending);
                    lastCommitted = n;
                }
            }
            p.close();
        } catch (PetrelException e) {
            if (!vfs.hasCrashed()) {
                throw new AssertionError(ctx + ": unexpected error", e);
            }
        }
        out.mutations = vfs.mutations();
        if (!vfs.hasCrashed()) {
            return out;
        }
        out.crashed = true;
        if (w.pending != null && inFlight > lastCommitted) {
            committed.put(inFlight, w.pending);
        }
        vfs.restart();
        final int last = lastCommitted;
        final int flight = inFlight;
        try {
            if (sqlite) {
                byte[] j = base.snapshot("db-journal");
                byte[] wl = base.snapshot("db-wal");
                out.sqliteRecovered = (j != null && j.length > 0) || (wl != null && wl.length > 0);
                // Real SQLite recovers the raw files left by the crash (hot journal or WAL) on its own.
                TxnWorkload.verifyWithSqlite(base.snapshot("db"), base.snapshot("db-journal"),
                        base.snapshot("db-wal"), uv -> uv == last || uv == flight ? committed.get(uv) : null,
                        ctx + " raw files");
            }
            Pager q = Pager.open(vfs, "db", PAGE_SIZE);
            q.setJournalMode(mode);
            q.beginRead();
            int uv = q.getHeaderInt(FileHeader.USER_VERSION_OFFSET);
            assertTrue(uv == lastCommitted || uv == inFlight,
                    "user_version " + uv + " but last commit " + lastCommitted + ", in flight " + inFlight);
            TreeMap<Long, Object[]> model = committed.get(uv);
            assertNotNull(model, "no model for user_version " + uv);
            TxnWorkload r = new TxnWorkload(seed ^ crashAt, 600, 2500);
            r.attach(q, w.rootT, w.rootI);
            r.rows = TxnWorkload.copy(model);
            r.verify(model, ctx + " recovered");
            if (sqlite) {
                TxnWorkload.verifyWithSqlite(base.snapshot("db"),
                        base.exists("db-wal") ? base.snapshot("db-wal") : null, model, ctx);
            }
            // The recovered database takes a new transaction.
            r.runTxn(uv + 100, 20, true);
            r.verify(r.rows, ctx + " after a new transaction");
            q.close();
        } catch (Exception | AssertionError e) {
            throw new AssertionError(ctx + ": recovery failed: " + e.getMessage(), e);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = JournalMode.class, names = {"DELETE", "TRUNCATE", "PERSIST", "WAL"})
    void powerLossKeepsExactlyCommittedTransactions(JournalMode mode) {
        long t0 = System.nanoTime();
        int points = POINTS_PER_MODE * TestSupport.scale();
        int perSeed = Math.max(1, points / SEEDS);
        int crashed = 0;
        int tried = 0;
        int sqliteChecks = 0;
        int sqliteWithLog = 0;
        PowerLoss[] losses = PowerLoss.values();
        for (int s = 0; s < SEEDS; s++) {
            long seed = SEED + mode.ordinal() * 1000L + s;
            long small = runOnce(mode, seed, 0, PowerLoss.DROP_UNSYNCED, 6, false).mutations;
            long big = runOnce(mode, seed, 0, PowerLoss.DROP_UNSYNCED, 500, false).mutations;
            assertTrue(small > 50 && big > 20, "workload does I/O: " + small + "/" + big);
            for (int i = 0; i < perSeed; i++) {
                PowerLoss loss = losses[i % losses.length];
                int cache = (i / losses.length) % 2 == 0 ? 6 : 500;
                long at = 1 + (i * (cache == 6 ? small : big)) / perSeed;
                boolean sample = tried % SQLITE_SAMPLE == 0;
                Outcome o = runOnce(mode, seed, at, loss, cache, sample);
                if (o.crashed) {
                    crashed++;
                    sqliteChecks += sample ? 1 : 0;
                    sqliteWithLog += o.sqliteRecovered ? 1 : 0;
                }
                tried++;
            }
        }
        System.out.printf("BTreeCrashTest %s/FULL: %d power-loss points recovered of %d tried (%d also by SQLite,"
                + " %d of them with a journal or WAL to replay) in %d ms%n", mode, crashed, tried, sqliteChecks,
                sqliteWithLog, (System.nanoTime() - t0) / 1_000_000);
        assertTrue(crashed >= tried * 9 / 10, "most points fall inside the workload: " + crashed + " of " + tried);
    }

    /**
     * An I/O error (the n-th read, write or sync from the start of a transaction fails) during b-tree work and
     * commit: the failure is a {@link PetrelException}, after which the database holds the last committed state
     * (or the failed transaction's, if the error came after its commit point), passes the integrity check and takes
     * a new transaction.
     */
    @ParameterizedTest
    @EnumSource(value = JournalMode.class, names = {"DELETE", "WAL"})
    void ioErrorLeavesDatabaseIntactAndUsable(JournalMode mode) {
        long t0 = System.nanoTime();
        Op[] kinds = {Op.READ, Op.WRITE, Op.SYNC};
        int failed = 0;
        int tried = 0;
        int perKind = 40 * TestSupport.scale();
        for (Op op : kinds) {
            for (int nth = 1; nth <= perKind; nth++) {
                long seed = SEED + 7 * nth + op.ordinal() * 10_000L + mode.ordinal() * 100_000L;
                String ctx = mode + " op=" + op + " nth=" + nth + " seed=" + seed;
                try {
                    if (ioErrorOnce(mode, op, nth, seed, ctx)) {
                        failed++;
                    }
                } catch (Exception | AssertionError e) {
                    throw new AssertionError(ctx + ": " + e.getMessage(), e);
                }
                tried++;
            }
        }
        System.out.printf("BTreeCrashTest I/O errors %s: %d injected errors of %d tries in %d ms%n", mode, failed,
                tried, (System.nanoTime() - t0) / 1_000_000);
        assertTrue(failed >= tried / 2, "most tries hit an error: " + failed + " of " + tried);
    }

    /** One try; returns whether the error was injected (the transaction may finish before the n-th call). */
    private static boolean ioErrorOnce(JournalMode mode, Op op, int nth, long seed, String ctx) {
        FaultInjectingVfs vfs = new FaultInjectingVfs(new MemoryVfs(), seed);
        TxnWorkload w = new TxnWorkload(seed, 600, 2500);
        Pager p = Pager.open(vfs, "db", PAGE_SIZE);
        p.setJournalMode(mode);
        p.setCacheSize(5);
        w.setup(p);
        for (int n = 2; n <= 4; n++) {
            w.runTxn(n, 30, true);
        }
        TreeMap<Long, Object[]> before = TxnWorkload.copy(w.rows);
        // The n-th call counts from the start of the transaction, so low n hits b-tree reads and spills, high n
        // the commit.
        vfs.failNth(op, op == Op.SYNC ? 1 + (nth - 1) / 8 : nth * 3);
        boolean threw = false;
        try {
            w.runTxn(5, 60, true);
        } catch (PetrelException e) {
            threw = true;
            w.closeCursors();
            if (p.inWriteTransaction()) {
                p.rollback();
            }
        }
        vfs.clearFaults();
        assertEquals(threw, vfs.faultsInjected() > 0, ctx + ": an injected error surfaces as PetrelException");
        int uv = p.getHeaderInt(FileHeader.USER_VERSION_OFFSET);
        TreeMap<Long, Object[]> model;
        if (!threw || uv == 5) {
            model = w.pending;
        } else {
            assertEquals(4, uv, ctx + ": state after the error");
            model = before;
        }
        w.rows = TxnWorkload.copy(model);
        w.verify(model, ctx + " after the error");
        w.runTxn(6, 30, true);
        w.verify(w.rows, ctx + " after a later transaction");
        p.close();
        // And from scratch: a new connection sees the same.
        Pager q = Pager.open(vfs, "db", PAGE_SIZE);
        TxnWorkload r = new TxnWorkload(seed, 600, 2500);
        r.attach(q, w.rootT, w.rootI);
        r.verify(w.rows, ctx + " reopened");
        q.close();
        return threw;
    }
}
