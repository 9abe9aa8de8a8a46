package dev.petrel.btree;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.pager.FileHeader;
import dev.petrel.pager.Pager;
import dev.petrel.record.IndexKey;
import dev.petrel.record.KeyInfo;
import dev.petrel.record.Record;
import dev.petrel.record.RecordEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * A transactional workload on a table t(a,b) and an index i ON t(a), kept against a {@link TreeMap} model: each
 * transaction (marked by its number in the header's user_version) commits or rolls back, and may roll back to a
 * savepoint in the middle. Shared by {@link BTreeJournalModesTest} and {@link BTreeCrashTest}; the model of the
 * committed state is what the database must hold after every transaction and after every recovery.
 */
final class TxnWorkload {
    static final String TABLE_SQL = "CREATE TABLE t(a,b)";
    static final String INDEX_SQL = "CREATE INDEX i ON t(a)";
    static final KeyInfo KI = KeyInfo.BINARY;

    final TestSupport.Rng rng;
    final int keyRange;
    final int bigMax;
    Pager pager;
    BTree bt;
    int rootT;
    int rootI;
    /** The model of the open transaction (equal to the committed one between transactions). */
    TreeMap<Long, Object[]> rows = new TreeMap<>();
    /** The model a commit in progress would make durable, set just before {@link Pager#commit}. */
    TreeMap<Long, Object[]> pending;
    BtCursor t;
    BtCursor i;
    long ops;
    int commits;
    int rollbacks;
    int savepointRollbacks;

    TxnWorkload(long seed, int keyRange, int bigMax) {
        this.rng = new TestSupport.Rng(seed);
        this.keyRange = keyRange;
        this.bigMax = bigMax;
    }

    /** Creates page 1, both trees and their schema rows in transaction 1 (user_version 1) and commits it. */
    void setup(Pager p) {
        pager = p;
        pager.beginWrite();
        bt = BTree.open(pager);
        bt.initialize();
        rootT = bt.createTree(true);
        rootI = bt.createTree(false);
        bt.addSchemaEntry("table", "t", "t", rootT, TABLE_SQL);
        bt.addSchemaEntry("index", "i", "t", rootI, INDEX_SQL);
        pager.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 1);
        pending = copy(rows);
        pager.commit();
        commits++;
    }

    /** Attaches to a reopened database whose trees were made by {@link #setup}. */
    void attach(Pager p, int rootT, int rootI) {
        pager = p;
        pager.beginRead();
        bt = BTree.open(pager);
        this.rootT = rootT;
        this.rootI = rootI;
    }

    static TreeMap<Long, Object[]> copy(TreeMap<Long, Object[]> m) {
        return new TreeMap<>(m);
    }

    // ---- one transaction ------------------------------------------------------------------------------------

    /**
     * Runs transaction {@code n} of {@code steps} operations, with a savepoint over a middle stretch that is
     * rolled back or released, then commits or rolls back. Exceptions leave the model as it was mid-transaction;
     * the caller decides what the database must hold.
     */
    void runTxn(int n, int steps, boolean commit) {
        TreeMap<Long, Object[]> before = copy(rows);
        pager.beginWrite();
        openCursors();
        pager.setHeaderInt(FileHeader.USER_VERSION_OFFSET, n);
        int spStart = rng.nextInt(steps + 1);
        int spEnd = spStart + rng.nextInt(steps - spStart + 1);
        int sp = -1;
        TreeMap<Long, Object[]> spModel = null;
        for (int k = 0; k <= steps; k++) {
            if (k == spStart) {
                sp = pager.openSavepoint();
                spModel = copy(rows);
            }
            if (k == spEnd) {
                closeCursors();
                if (rng.nextInt(2) == 0) {
                    pager.rollbackToSavepoint(sp);
                    rows = spModel;
                    savepointRollbacks++;
                }
                pager.releaseSavepoint(sp);
                openCursors();
            }
            if (k < steps) {
                step();
            }
        }
        closeCursors();
        if (commit) {
            pending = copy(rows);
            pager.commit();
            commits++;
        } else {
            pager.rollback();
            rows = before;
            rollbacks++;
        }
    }

    void openCursors() {
        t = bt.openTable(rootT, true);
        i = bt.openIndex(rootI, KI, true);
    }

    /** Closes the write cursors; after an I/O error too, where their pages may be in any state. */
    void closeCursors() {
        if (t != null) {
            t.close();
            t = null;
        }
        if (i != null) {
            i.close();
            i = null;
        }
    }

    void step() {
        int r = rng.nextInt(100);
        if (r < 55 || rows.isEmpty()) {
            long rowid = rng.nextInt(8) == 0 && !rows.isEmpty() ? rows.lastKey() + 1 : rng.nextInt(keyRange);
            put(rowid, row());
        } else if (r < 70) {
            put(pickExisting(), row());
        } else {
            remove(pickExisting());
        }
    }

    long pickExisting() {
        Long k = rows.ceilingKey((long) rng.nextInt(keyRange));
        return k == null ? rows.firstKey() : k;
    }

    /** A row: sometimes an empty record, sometimes an overflowing column a (index) or b (table). */
    Object[] row() {
        int r = rng.nextInt(100);
        if (r < 4) {
            return new Object[0];
        }
        Object a = value();
        Object b;
        int s = rng.nextInt(100);
        if (s < 60) {
            b = rng.bytes(rng.nextInt(40));
        } else if (s < 93) {
            b = rng.bytes(rng.nextInt(1500));
        } else {
            b = rng.bytes(rng.nextInt(bigMax + 1));
        }
        return new Object[] {a, b};
    }

    Object value() {
        int r = rng.nextInt(100);
        if (r < 10) {
            return null;
        }
        if (r < 40) {
            return (long) (rng.nextInt(2001) - 1000);
        }
        if (r < 50) {
            return rng.nextLong() >> rng.nextInt(64);
        }
        if (r < 60) {
            return (rng.nextDouble() - 0.5) * 1e6;
        }
        if (r < 85) {
            return text(1 + rng.nextInt(14));
        }
        if (r < 95) {
            return rng.bytes(rng.nextInt(12));
        }
        return text(300 + rng.nextInt(1200));
    }

    String text(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            sb.append((char) ('a' + rng.nextInt(26)));
        }
        return sb.toString();
    }

    /**
     * A row's payload. The empty row is a zero-length payload, which SQLite reads as all NULL; a record with a
     * one-byte header and no columns (what {@link RecordEncoder} makes of zero values) SQLite 3.53 reports as
     * malformed when it reads a column of it.
     */
    static byte[] encodeRow(Object[] row) {
        return row.length == 0 ? new byte[0] : RecordEncoder.encode(row);
    }

    static Object[] indexKey(long rowid, Object[] row) {
        return new Object[] {row.length == 0 ? null : row[0], rowid};
    }

    void put(long rowid, Object[] row) {
        Object[] old = rows.get(rowid);
        if (old != null) {
            indexDelete(rowid, old);
        }
        t.insert(rowid, encodeRow(row));
        i.insert(RecordEncoder.encode(indexKey(rowid, row)));
        rows.put(rowid, row);
        ops += 2;
    }

    void remove(long rowid) {
        Object[] old = rows.remove(rowid);
        assertEquals(0, t.seekRowid(rowid), "row to delete is missing");
        t.delete();
        indexDelete(rowid, old);
        ops += 2;
    }

    void indexDelete(long rowid, Object[] row) {
        assertEquals(0, i.seek(IndexKey.exact(KI, indexKey(rowid, row))), "index entry missing");
        i.delete();
        ops++;
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    static TreeSet<Object[]> indexModel(TreeMap<Long, Object[]> model) {
        TreeSet<Object[]> set = new TreeSet<>(KI::compare);
        for (Map.Entry<Long, Object[]> e : model.entrySet()) {
            set.add(indexKey(e.getKey(), e.getValue()));
        }
        return set;
    }

    /** Table and index equal {@code model} entry by entry and Petrel's integrity check is clean; ends the read. */
    void verify(TreeMap<Long, Object[]> model, String ctx) {
        BtCursor rt = bt.openTable(rootT, false);
        BtCursor ri = bt.openIndex(rootI, KI, false);
        try {
            Iterator<Map.Entry<Long, Object[]>> it = model.entrySet().iterator();
            for (boolean ok = rt.first(); ok; ok = rt.next()) {
                assertTrue(it.hasNext(), ctx + ": table has an extra row " + rt.rowid());
                Map.Entry<Long, Object[]> e = it.next();
                assertEquals(e.getKey().longValue(), rt.rowid(), ctx + ": rowid");
                assertArrayEquals(encodeRow(e.getValue()), rt.payload(), ctx + ": row " + e.getKey());
            }
            assertFalse(it.hasNext(), ctx + ": table misses rows");
            Iterator<Object[]> ix = indexModel(model).iterator();
            for (boolean ok = ri.first(); ok; ok = ri.next()) {
                assertTrue(ix.hasNext(), ctx + ": index has extra entries");
                assertEquals(0, KI.compare(ix.next(), new Record(ri.payload()).values()), ctx + ": index entry");
            }
            assertFalse(ix.hasNext(), ctx + ": index misses entries");
        } finally {
            rt.close();
            ri.close();
        }
        assertEquals("[ok]", new IntegrityCheck(bt, 20).run().toString(), ctx + ": integrity check");
        if (!pager.inWriteTransaction()) {
            pager.endRead();
        }
    }

    /**
     * Hands the database image (and the WAL, if any) to real SQLite: integrity_check is ok, the schema parses and
     * the rows and index order equal {@code model}.
     */
    static void verifyWithSqlite(byte[] db, byte[] wal, TreeMap<Long, Object[]> model, String ctx) throws Exception {
        verifyWithSqlite(db, null, wal, uv -> model, ctx);
    }

    /**
     * Hands the files to real SQLite, which rolls back a hot journal or recovers the WAL itself; then
     * integrity_check must be ok and the rows and index order must equal the model {@code modelFor} gives for the
     * user_version SQLite sees (null: that version must not be there). Returns that user_version.
     */
    static int verifyWithSqlite(byte[] db, byte[] journal, byte[] wal, IntFunction<TreeMap<Long, Object[]>> modelFor,
            String ctx) throws Exception {
        Path dir = Files.createTempDirectory("petrel-txn");
        Path file = dir.resolve("x.db");
        Files.write(file, db);
        if (journal != null) {
            Files.write(dir.resolve("x.db-journal"), journal);
        }
        if (wal != null) {
            Files.write(dir.resolve("x.db-wal"), wal);
        }
        int uv;
        try (Connection c = TestSupport.sqlite(file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                assertTrue(rs.next());
                uv = rs.getInt(1);
            }
            TreeMap<Long, Object[]> model = modelFor.apply(uv);
            assertNotNull(model, ctx + ": SQLite sees user_version " + uv + ", not a committed state");
            assertEquals(List.of("ok"), TestSupport.sqliteIntegrity(c), ctx + ": SQLite integrity_check");
            try (ResultSet rs = st.executeQuery("SELECT rowid, a, b FROM t ORDER BY rowid")) {
                Iterator<Map.Entry<Long, Object[]>> it = model.entrySet().iterator();
                while (rs.next()) {
                    assertTrue(it.hasNext(), ctx + ": SQLite sees an extra row");
                    Map.Entry<Long, Object[]> e = it.next();
                    assertEquals(e.getKey().longValue(), rs.getLong(1), ctx);
                    Object[] row = e.getValue();
                    for (int k = 0; k < 2; k++) {
                        BTreeWorkloadTest.assertValueEquals(k < row.length ? row[k] : null,
                                TestSupport.sqliteValue(rs, k + 2));
                    }
                }
                assertFalse(it.hasNext(), ctx + ": SQLite misses rows");
            }
            List<Long> order = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT rowid FROM t INDEXED BY i ORDER BY a, rowid")) {
                while (rs.next()) {
                    order.add(rs.getLong(1));
                }
            }
            List<Long> want = new ArrayList<>();
            for (Object[] e : indexModel(model)) {
                want.add((Long) e[1]);
            }
            assertEquals(want, order, ctx + ": index order differs from SQLite's");
        } finally {
            Files.deleteIfExists(dir.resolve("x.db-journal"));
            Files.deleteIfExists(dir.resolve("x.db-wal"));
            Files.deleteIfExists(dir.resolve("x.db-shm"));
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        return uv;
    }
}
