package dev.petrel.btree;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.pager.JournalMode;
import dev.petrel.pager.Pager;
import dev.petrel.vfs.MemoryVfs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transactional b-tree workload of {@link TxnWorkload} (inserts, overwrites, deletes, empty and overflowing
 * records; commits, rollbacks and savepoint rollbacks) in every journal mode and page size, checked against the
 * model after each transaction, then handed to real SQLite (database file, plus the WAL in WAL mode).
 */
class BTreeJournalModesTest {
    static final long SEED = 0x10E_2026_1124L;

    @ParameterizedTest(name = "{0} pageSize={1}")
    @CsvSource({
        "DELETE, 512", "DELETE, 4096", "DELETE, 65536",
        "TRUNCATE, 512", "TRUNCATE, 4096", "TRUNCATE, 65536",
        "PERSIST, 512", "PERSIST, 4096", "PERSIST, 65536",
        "MEMORY, 512", "MEMORY, 4096", "MEMORY, 65536",
        "OFF, 512", "OFF, 4096", "OFF, 65536",
        "WAL, 512", "WAL, 4096", "WAL, 65536"})
    void workloadMatchesModelAndSqlite(JournalMode mode, int pageSize) throws Exception {
        long seed = SEED + mode.ordinal() * 100_000L + pageSize;
        String ctx = mode + " pageSize=" + pageSize + " seed=" + seed;
        long t0 = System.nanoTime();
        int txns = 12 * TestSupport.scale();
        MemoryVfs vfs = new MemoryVfs();
        TxnWorkload w = new TxnWorkload(seed, 3000, 3 * pageSize + 5000);
        int n = 0;
        try {
            Pager p = Pager.open(vfs, "test.db", pageSize);
            assertEquals(mode, p.setJournalMode(mode));
            // A small cache makes large transactions spill before commit.
            p.setCacheSize(pageSize >= 65536 ? 8 : 40);
            w.setup(p);
            w.verify(w.rows, ctx + " after setup");
            for (n = 2; n <= txns + 1; n++) {
                boolean commit = w.rng.nextInt(4) != 0;
                w.runTxn(n, 40 + w.rng.nextInt(200), commit);
                w.verify(w.rows, ctx + " after txn " + n + (commit ? " (commit)" : " (rollback)"));
            }
            assertTrue(w.commits >= 3 && w.rollbacks >= 1, ctx + ": commits and rollbacks both ran");
            byte[] db = vfs.snapshot("test.db");
            byte[] wal = mode == JournalMode.WAL ? vfs.snapshot("test.db-wal") : null;
            if (mode == JournalMode.WAL) {
                assertNotNull(wal, ctx + ": WAL file exists");
            }
            TxnWorkload.verifyWithSqlite(db, wal, w.rows, ctx);
            p.close();
        } catch (Throwable e) {
            throw new AssertionError("failed: " + ctx + " txn=" + n, e);
        }
        System.out.printf("BTreeJournalModesTest %s/%d: %d commits, %d rollbacks, %d savepoint rollbacks, %d ops,"
                + " %d rows in %d ms%n", mode, pageSize, w.commits, w.rollbacks, w.savepointRollbacks, w.ops,
                w.rows.size(), (System.nanoTime() - t0) / 1_000_000);
    }
}
