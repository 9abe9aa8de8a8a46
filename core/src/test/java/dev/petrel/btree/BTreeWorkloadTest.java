package dev.petrel.btree;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.record.Collation;
import dev.petrel.record.IndexKey;
import dev.petrel.record.KeyInfo;
import dev.petrel.record.Record;
import dev.petrel.record.RecordEncoder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Randomized workloads on a table t(a,b,c,d) and two indexes kept consistent with it, i ON t(a) and
 * j ON t(b COLLATE NOCASE DESC, c), checked step by step against in-memory models, then handed to real SQLite:
 * PRAGMA integrity_check must be ok and SELECTs must return the model's rows in the model's index order.
 */
class BTreeWorkloadTest {
    static final KeyInfo KI_I = KeyInfo.BINARY;
    static final KeyInfo KI_J = new KeyInfo(new Collation[] {Collation.NOCASE}, new boolean[] {true});
    static long totalOps;

    @Test
    void pageSize512() throws Exception {
        run(512, 0x5120001L, 35_000 * TestSupport.scale(), 12_000, 6_000, 0);
    }

    @Test
    void pageSize4096WithTenMegabyteRecord() throws Exception {
        run(4096, 0x4096002L, 40_000 * TestSupport.scale(), 40_000, 300_000, 10 * 1024 * 1024);
    }

    @Test
    void pageSize65536() throws Exception {
        run(65536, 0x65536003L, 22_000 * TestSupport.scale(), 15_000, 3 * 1024 * 1024, 0);
    }

    private final class Workload {
        final TestSupport.Rng rng;
        final TestSupport.Db db;
        final int keyRange;
        final int bigMax;
        final TreeMap<Long, Object[]> rows = new TreeMap<>();
        final TreeSet<Object[]> modelI = new TreeSet<>(KI_I::compare);
        final TreeSet<Object[]> modelJ = new TreeSet<>(KI_J::compare);
        final int rootT;
        final int rootI;
        final int rootJ;
        BtCursor t;
        BtCursor i;
        BtCursor j;
        BtCursor reader;
        long readerLast = Long.MIN_VALUE;
        long ops;
        int bigCount;

        Workload(int pageSize, long seed, int keyRange, int bigMax) {
            rng = new TestSupport.Rng(seed);
            db = new TestSupport.Db(pageSize);
            this.keyRange = keyRange;
            this.bigMax = bigMax;
            rootT = db.bt.createTree(true);
            rootI = db.bt.createTree(false);
            rootJ = db.bt.createTree(false);
            db.bt.addSchemaEntry("table", "t", "t", rootT, "CREATE TABLE t(a,b,c,d)");
            db.bt.addSchemaEntry("index", "i", "t", rootI, "CREATE INDEX i ON t(a)");
            db.bt.addSchemaEntry("index", "j", "t", rootJ, "CREATE INDEX j ON t(b COLLATE NOCASE DESC, c)");
            openCursors();
        }

        void openCursors() {
            t = db.bt.openTable(rootT, true);
            i = db.bt.openIndex(rootI, KI_I, true);
            j = db.bt.openIndex(rootJ, KI_J, true);
            reader = db.bt.openTable(rootT, false);
            readerLast = reader.first() ? reader.rowid() : Long.MIN_VALUE;
        }

        void closeCursors() {
            t.close();
            i.close();
            j.close();
            reader.close();
        }

        String text(int maxLen) {
            int n = rng.nextInt(maxLen + 1);
            StringBuilder sb = new StringBuilder(n);
            for (int k = 0; k < n; k++) {
                int r = rng.nextInt(60);
                sb.append(r < 26 ? (char) ('a' + r) : r < 52 ? (char) ('A' + r - 26) : r < 58 ? ' ' : (r == 58 ? 'é' : '\u4e2d'));
            }
            return sb.toString();
        }

        Object value(boolean allowLong) {
            int r = rng.nextInt(100);
            if (r < 10) {
                return null;
            }
            if (r < 35) {
                return (long) (rng.nextInt(201) - 100);
            }
            if (r < 45) {
                return rng.nextLong() >> rng.nextInt(64);
            }
            if (r < 55) {
                return rng.nextInt(4) == 0 ? (double) (rng.nextInt(50)) : (rng.nextDouble() - 0.5) * 1e6;
            }
            if (r < 85) {
                return text(12);
            }
            if (r < 95) {
                return rng.bytes(rng.nextInt(16));
            }
            return allowLong ? (rng.nextInt(2) == 0 ? text(700) : rng.bytes(rng.nextInt(900))) : text(3);
        }

        Object[] row() {
            if (rng.nextInt(50) == 0) {
                return new Object[] {null, null, null, null};
            }
            Object d;
            int r = rng.nextInt(1000);
            if (r < 600) {
                d = rng.nextInt(3) == 0 ? null : rng.bytes(rng.nextInt(100));
            } else if (r < 900) {
                d = rng.bytes(rng.nextInt(2000));
            } else if (r < 995 || bigCount > 6) {
                d = rng.bytes(rng.nextInt(20_000));
            } else {
                bigCount++;
                d = rng.bytes(rng.nextInt(bigMax + 1));
            }
            return new Object[] {value(true), value(true), value(false), d};
        }

        long pickExisting() {
            if (rows.isEmpty()) {
                return -1;
            }
            Long k = rows.ceilingKey((long) rng.nextInt(keyRange));
            return k == null ? rows.firstKey() : k;
        }

        Object[] keyI(long rowid, Object[] row) {
            return new Object[] {row[0], rowid};
        }

        Object[] keyJ(long rowid, Object[] row) {
            return new Object[] {row[1], row[2], rowid};
        }

        void indexInsert(long rowid, Object[] row) {
            Object[] ki = keyI(rowid, row);
            i.insert(RecordEncoder.encode(ki));
            modelI.add(ki);
            Object[] kj = keyJ(rowid, row);
            j.insert(RecordEncoder.encode(kj));
            modelJ.add(kj);
            ops += 2;
        }

        void indexDelete(long rowid, Object[] row) {
            Object[] ki = keyI(rowid, row);
            assertEquals(0, i.seek(IndexKey.exact(KI_I, ki)), "index i entry missing");
            i.delete();
            assertTrue(modelI.remove(ki));
            Object[] kj = keyJ(rowid, row);
            assertEquals(0, j.seek(IndexKey.exact(KI_J, kj)), "index j entry missing");
            j.delete();
            assertTrue(modelJ.remove(kj));
            ops += 4;
        }

        void put(long rowid, Object[] row) {
            Object[] old = rows.get(rowid);
            if (old != null) {
                indexDelete(rowid, old);
            }
            byte[] rec = RecordEncoder.encode(row);
            t.insert(rowid, rec);
            rows.put(rowid, row);
            indexInsert(rowid, row);
            ops++;
            assertEquals(0, t.seekRowid(rowid));
            assertArrayEquals(rec, t.payload());
            ops++;
        }

        void remove(long rowid) {
            Object[] old = rows.remove(rowid);
            assertEquals(0, t.seekRowid(rowid));
            t.delete();
            indexDelete(rowid, old);
            assertNotEquals(0, t.seekRowid(rowid));
            ops += 3;
        }

        /** One random operation; the growing phase inserts more than it deletes, the shrinking phase the reverse. */
        void step(boolean growing) {
            int r = rng.nextInt(100);
            int inserts = growing ? 60 : 33;
            if (r < inserts) {
                long rowid = rng.nextInt(8) == 0 && !rows.isEmpty() ? rows.lastKey() + 1 : rng.nextInt(keyRange);
                put(rowid, row());
            } else if (r < inserts + 10) {
                long rowid = pickExisting();
                if (rowid >= 0) {
                    put(rowid, row());
                }
            } else if (r < 85) {
                long rowid = pickExisting();
                if (rowid >= 0) {
                    remove(rowid);
                }
            } else if (r < 92) {
                seekTable();
            } else if (r < 97) {
                seekIndexJ();
            } else if (r < 99) {
                advanceReader();
            } else {
                deleteScan();
            }
        }

        void seekTable() {
            long x = rng.nextInt(keyRange + 10) - 5;
            int op = rng.nextInt(4);
            Long want = op == BtCursor.GE ? rows.ceilingKey(x) : op == BtCursor.GT ? rows.higherKey(x)
                    : op == BtCursor.LE ? rows.floorKey(x) : rows.lowerKey(x);
            boolean found = t.seekRowid(x, op);
            assertEquals(want != null, found, "seekRowid op " + op + " of " + x);
            if (found) {
                assertEquals(want.longValue(), t.rowid());
                assertArrayEquals(RecordEncoder.encode(rows.get(want)), t.payload());
            }
            ops++;
        }

        void seekIndexJ() {
            Object b = rng.nextInt(3) == 0 && !modelJ.isEmpty() ? randomEntry(modelJ)[0] : value(false);
            Object[] prefix = {b};
            int op = rng.nextInt(4);
            Object[] want = prefixSeek(modelJ, KI_J, prefix, op);
            boolean found = j.seek(new IndexKey(KI_J, prefix, 1, 0), op);
            assertEquals(want != null, found, "index seek op " + op + " of " + b);
            if (found) {
                Object[] got = new Record(j.payload()).values();
                assertEquals(0, KI_J.compare(want, got), "index seek op " + op);
            }
            ops++;
        }

        Object[] randomEntry(TreeSet<Object[]> set) {
            Object[] probe = {value(false)};
            Object[] e = set.ceiling(probe);
            return e == null ? set.first() : e;
        }

        void advanceReader() {
            boolean ok = reader.next();
            if (!ok) {
                readerLast = reader.first() ? reader.rowid() : Long.MIN_VALUE;
                return;
            }
            long rowid = reader.rowid();
            assertTrue(rowid > readerLast, "reader went backwards");
            Long want = rows.higherKey(readerLast);
            assertEquals(want, rowid, "reader skipped or repeated a row");
            readerLast = rowid;
            ops++;
        }

        void deleteScan() {
            long x = rng.nextInt(keyRange);
            if (!t.seekRowid(x, BtCursor.GE)) {
                return;
            }
            for (int n = 0; n < 30; n++) {
                long rowid = t.rowid();
                Long next = rows.higherKey(rowid);
                if ((rowid & 1) == 0) {
                    Object[] old = rows.remove(rowid);
                    t.delete();
                    indexDelete(rowid, old);
                    ops++;
                }
                boolean ok = t.next();
                ops++;
                assertEquals(next != null, ok, "next after delete");
                if (!ok) {
                    return;
                }
                assertEquals(next.longValue(), t.rowid(), "next after delete landed wrong");
            }
        }

        void fullCheck() {
            Iterator<Map.Entry<Long, Object[]>> it = rows.entrySet().iterator();
            for (boolean ok = t.first(); ok; ok = t.next()) {
                assertTrue(it.hasNext());
                Map.Entry<Long, Object[]> e = it.next();
                assertEquals(e.getKey().longValue(), t.rowid());
                assertEquals(0, KI_I.compare(e.getValue(), t.record().values()));
                ops++;
            }
            assertFalse(it.hasNext());
            scanIndex(i, modelI, KI_I);
            scanIndex(j, modelJ, KI_J);
            // Backwards once as well.
            Iterator<Long> back = rows.descendingKeySet().iterator();
            for (boolean ok = t.last(); ok; ok = t.prev()) {
                assertEquals(back.next().longValue(), t.rowid());
                ops++;
            }
            assertFalse(back.hasNext());
        }

        void scanIndex(BtCursor c, TreeSet<Object[]> model, KeyInfo ki) {
            Iterator<Object[]> it = model.iterator();
            for (boolean ok = c.first(); ok; ok = c.next()) {
                assertTrue(it.hasNext(), "index has extra entries");
                assertEquals(0, ki.compare(it.next(), new Record(c.payload()).values()));
                ops++;
            }
            assertFalse(it.hasNext(), "index misses entries");
            Iterator<Object[]> back = model.descendingIterator();
            for (boolean ok = c.last(); ok; ok = c.prev()) {
                assertEquals(0, ki.compare(back.next(), new Record(c.payload()).values()));
                ops++;
            }
            assertFalse(back.hasNext());
        }
    }

    /** The model's answer to an index seek on a key prefix. */
    static Object[] prefixSeek(TreeSet<Object[]> model, KeyInfo ki, Object[] prefix, int op) {
        // A shorter array sorts before every entry that has it as prefix (KeyInfo.compare).
        NavigableSet<Object[]> tail = model.tailSet(prefix, true);
        Object[] firstGE = tail.isEmpty() ? null : tail.first();
        Object[] lastEq = null;
        Object[] firstGT = null;
        for (Object[] e : tail) {
            if (prefixCompare(ki, e, prefix) == 0) {
                lastEq = e;
            } else {
                firstGT = e;
                break;
            }
        }
        switch (op) {
            case BtCursor.GE:
                return firstGE;
            case BtCursor.GT:
                return firstGT;
            case BtCursor.LE:
                return lastEq != null ? lastEq : model.lower(prefix);
            default:
                return model.lower(prefix);
        }
    }

    static int prefixCompare(KeyInfo ki, Object[] e, Object[] prefix) {
        for (int k = 0; k < prefix.length; k++) {
            int c = ki.compareColumn(k, e[k], prefix[k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private void run(int pageSize, long seed, int steps, int keyRange, int bigMax, int tenMb) throws Exception {
        long t0 = System.nanoTime();
        Workload w = new Workload(pageSize, seed, keyRange, bigMax);
        int step = 0;
        try {
            int checkEvery = Math.max(1000, steps / 12);
            for (step = 0; step < steps; step++) {
                w.step(step < steps * 6 / 10);
                if (step % checkEvery == checkEvery - 1) {
                    w.fullCheck();
                    assertEquals("[ok]", new IntegrityCheck(w.db.bt, 20).withKeyInfo(w.rootJ, KI_J).run().toString());
                }
                if (step % (steps / 3 + 1) == steps / 3) {
                    // Commit mid-run: cursors are closed and reopened around it.
                    w.closeCursors();
                    w.db.pager.commit();
                    w.db.pager.beginWrite();
                    w.openCursors();
                }
                if (tenMb > 0 && step == steps / 2) {
                    tenMegabytes(w, tenMb);
                }
            }
            w.fullCheck();
            assertEquals("[ok]", new IntegrityCheck(w.db.bt, 20).withKeyInfo(w.rootJ, KI_J).run().toString());
        } catch (Throwable e) {
            throw new AssertionError("workload failed: pageSize=" + pageSize + " seed=" + seed + " step=" + step, e);
        }
        w.closeCursors();
        byte[] image = w.db.commitAndSnapshot();
        verifyWithSqlite(w, image);
        synchronized (BTreeWorkloadTest.class) {
            totalOps += w.ops;
        }
        System.out.printf("BTreeWorkloadTest pageSize=%d steps=%d ops=%d rows=%d file=%d KB in %d ms%n", pageSize,
                steps, w.ops, w.rows.size(), image.length / 1024, (System.nanoTime() - t0) / 1_000_000);
        assertTrue(w.ops >= steps, "too few operations");
    }

    private void tenMegabytes(Workload w, int size) {
        long rowid = w.keyRange + 7;
        Object[] row = {"head", 42L, null, w.rng.bytes(size)};
        w.put(rowid, row);
        assertEquals(0, w.t.seekRowid(rowid));
        long before = w.t.overflowPagesRead;
        Record rec = w.t.record();
        assertEquals("head", rec.column(0));
        assertEquals(42L, rec.column(1));
        assertTrue(w.t.overflowPagesRead - before <= 1, "column 0 of a 10 MB record read overflow pages");
        assertArrayEquals((byte[]) row[3], (byte[]) rec.column(3));
        assertTrue(w.t.overflowPagesRead - before > size / w.db.bt.usableSize() / 2);
    }

    private void verifyWithSqlite(Workload w, byte[] image) throws Exception {
        Path p = TestSupport.writeTemp(image);
        try (Connection c = TestSupport.sqlite(p); Statement st = c.createStatement()) {
            assertEquals(List.of("ok"), TestSupport.sqliteIntegrity(c));
            try (ResultSet rs = st.executeQuery("SELECT rowid, a, b, c, d FROM t ORDER BY rowid")) {
                Iterator<Map.Entry<Long, Object[]>> it = w.rows.entrySet().iterator();
                while (rs.next()) {
                    Map.Entry<Long, Object[]> e = it.next();
                    assertEquals(e.getKey().longValue(), rs.getLong(1));
                    for (int k = 0; k < 4; k++) {
                        assertValueEquals(e.getValue()[k], TestSupport.sqliteValue(rs, k + 2));
                    }
                }
                assertFalse(it.hasNext());
            }
            List<Long> sqliteOrder = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT rowid FROM t INDEXED BY j ORDER BY b COLLATE NOCASE DESC, c, rowid")) {
                while (rs.next()) {
                    sqliteOrder.add(rs.getLong(1));
                }
            }
            List<Long> ours = new ArrayList<>();
            for (Object[] e : w.modelJ) {
                ours.add((Long) e[2]);
            }
            assertEquals(ours, sqliteOrder, "index j order differs from SQLite's");
        }
    }

    static void assertValueEquals(Object want, Object got) {
        if (want instanceof byte[] || got instanceof byte[]) {
            assertTrue(want instanceof byte[] && got instanceof byte[], "blob vs " + got);
            assertTrue(Arrays.equals((byte[]) want, (byte[]) got));
        } else {
            assertEquals(want, got);
        }
    }
}
