package dev.petrel.btree;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.pager.FileHeader;
import dev.petrel.pager.Page;
import dev.petrel.record.Collation;
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
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Cursor contracts: seek operators on prefixes, delete-then-move, concurrent cursors, edge keys and payloads. */
class BtCursorTest {
    private static List<Long> rowidsOf(BtCursor c, boolean forward) {
        List<Long> out = new ArrayList<>();
        for (boolean ok = forward ? c.first() : c.last(); ok; ok = forward ? c.next() : c.prev()) {
            Object[] v = new Record(c.payload()).values();
            out.add((Long) v[v.length - 1]);
        }
        return out;
    }

    @Test
    void indexSeekOperatorsOnPrefixWithDuplicates() {
        TestSupport.Db db = new TestSupport.Db(512);
        KeyInfo ki = new KeyInfo(new Collation[] {Collation.BINARY}, new boolean[] {true});
        int root = db.bt.createTree(false);
        BtCursor c = db.bt.openIndex(root, ki, true);
        long rowid = 0;
        for (long k = 0; k < 200; k++) {
            for (int d = 0; d < 3; d++) {
                c.insert(RecordEncoder.encode(k, "pad".repeat(10), ++rowid));
            }
        }
        // DESC on column 0: order is k = 199 .. 0, rowid ascending within k.
        Object[] p = {100L};
        IndexKey key = new IndexKey(ki, p, 1, 0);
        assertTrue(c.seek(key, BtCursor.GE));
        assertArrayEquals(new Object[] {100L, 301L}, first2(c));
        assertTrue(c.seek(key, BtCursor.GT));
        assertArrayEquals(new Object[] {99L, 298L}, first2(c));
        assertTrue(c.seek(key, BtCursor.LE));
        assertArrayEquals(new Object[] {100L, 303L}, first2(c));
        assertTrue(c.seek(key, BtCursor.LT));
        assertArrayEquals(new Object[] {101L, 306L}, first2(c));
        assertFalse(c.seek(new IndexKey(ki, new Object[] {-1L}, 1, 0), BtCursor.GE));
        assertFalse(c.seek(new IndexKey(ki, new Object[] {500L}, 1, 0), BtCursor.LE));
        assertTrue(c.seek(new IndexKey(ki, new Object[] {500L}, 1, 0), BtCursor.GE));
        assertArrayEquals(new Object[] {199L, 598L}, first2(c));
        // Exact moveto on a full key.
        assertEquals(0, c.seek(IndexKey.exact(ki, 7L, "pad".repeat(10), 23L)));
        c.close();
        db.bt.addSchemaEntry("index", "i", "t", root, "CREATE INDEX i ON t(a DESC, b, c)");
        assertEquals(List.of("ok"), new IntegrityCheck(db.bt, 10).withKeyInfo(root, ki).run());
    }

    private static Object[] first2(BtCursor c) {
        Object[] v = c.record().values();
        return new Object[] {v[0], v[2]};
    }

    @Test
    void deleteWhileScanningIndexForwardAndBackward() throws Exception {
        for (boolean forward : new boolean[] {true, false}) {
            TestSupport.Db db = new TestSupport.Db(512);
            int t = db.bt.createTree(true);
            int root = db.bt.createTree(false);
            db.bt.addSchemaEntry("table", "t", "t", t, "CREATE TABLE t(a)");
            db.bt.addSchemaEntry("index", "i", "t", root, "CREATE INDEX i ON t(a)");
            BtCursor ct = db.bt.openTable(t, true);
            BtCursor c = db.bt.openIndex(root, KeyInfo.BINARY, true);
            TestSupport.Rng rng = new TestSupport.Rng(forward ? 1 : 2);
            TreeSet<Long> kept = new TreeSet<>();
            for (long r = 1; r <= 3000; r++) {
                // Long keys force index overflow cells and entries on interior pages.
                String a = String.format("%06d", rng.nextInt(1_000_000)) + "k".repeat(rng.nextInt(150));
                ct.insert(r, RecordEncoder.encode(a));
                c.insert(RecordEncoder.encode(a, r));
            }
            List<Long> all = rowidsOf(c, forward);
            assertEquals(3000, c.count());
            assertEquals(3000, ct.count());
            int i = 0;
            for (boolean ok = forward ? c.first() : c.last(); ok; i++) {
                Object[] v = c.record().values();
                long r = (Long) v[1];
                assertEquals(all.get(i), r, "scan order after deletes");
                if (i % 3 != 0) {
                    c.delete();
                    assertEquals(0, ct.seekRowid(r));
                    ct.delete();
                } else {
                    kept.add(r);
                }
                ok = forward ? c.next() : c.prev();
            }
            assertEquals(all.size(), i);
            List<Long> left = rowidsOf(c, true);
            assertEquals(kept, new TreeSet<>(left));
            assertEquals(kept.size(), left.size());
            c.close();
            ct.close();
            assertEquals(List.of("ok"), db.bt.integrityCheck(10));
            Path p = TestSupport.writeTemp(db.commitAndSnapshot());
            try (Connection conn = TestSupport.sqlite(p)) {
                assertEquals(List.of("ok"), TestSupport.sqliteIntegrity(conn));
            }
        }
    }

    @Test
    void otherCursorsSurviveWrites() {
        TestSupport.Db db = new TestSupport.Db(1024);
        int root = db.bt.createTree(true);
        BtCursor w = db.bt.openTable(root, true);
        for (long r = 0; r < 2000; r++) {
            w.insert(r * 2, RecordEncoder.encode(r, "x".repeat((int) (r % 50))));
        }
        BtCursor reader = db.bt.openTable(root, false);
        assertEquals(0, reader.seekRowid(1000));
        // Delete the row the reader is on, plus a range after it; insert one right after.
        for (long r = 1000; r < 1400; r += 2) {
            assertEquals(0, w.seekRowid(r));
            w.delete();
        }
        w.insert(1401, RecordEncoder.encode(1L));
        assertTrue(reader.next());
        assertEquals(1400, reader.rowid());
        assertTrue(reader.next());
        assertEquals(1401, reader.rowid());
        assertTrue(reader.prev());
        assertEquals(1400, reader.rowid());
        assertTrue(reader.prev());
        assertEquals(998, reader.rowid());
        // Writing the reader's own row keeps it there.
        w.insert(998, RecordEncoder.encode("new"));
        assertEquals("new", reader.record().column(0));
        reader.close();
        w.close();
    }

    @Test
    void extremeRowidsAndEmptyPayloads() {
        TestSupport.Db db = new TestSupport.Db(4096);
        int root = db.bt.createTree(true);
        db.bt.addSchemaEntry("table", "t", "t", root, "CREATE TABLE t(a)");
        BtCursor c = db.bt.openTable(root, true);
        long[] keys = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, 1L << 40};
        for (long k : keys) {
            c.insert(k, new byte[0]);
        }
        assertTrue(c.first());
        assertEquals(Long.MIN_VALUE, c.rowid());
        assertEquals(0, c.payloadSize());
        assertEquals(0, c.record().columnCount());
        assertTrue(c.last());
        assertEquals(Long.MAX_VALUE, c.rowid());
        int near = c.seekRowid(Long.MAX_VALUE - 1);
        assertNotEquals(0, near);
        assertEquals(near < 0 ? 1L << 40 : Long.MAX_VALUE, c.rowid(), "a neighbour of the missing key");
        assertTrue(c.seekRowid(2, BtCursor.LT));
        assertEquals(1, c.rowid());
        assertTrue(c.seekRowid(2, BtCursor.GE));
        assertEquals(1L << 40, c.rowid());
        c.close();
        assertEquals(List.of("ok"), db.bt.integrityCheck(10));
    }

    @Test
    void emptyTreeBehaviour() {
        TestSupport.Db db = new TestSupport.Db(4096);
        int root = db.bt.createTree(false);
        BtCursor c = db.bt.openIndex(root, KeyInfo.BINARY, true);
        assertFalse(c.first());
        assertFalse(c.last());
        assertTrue(c.eof());
        assertFalse(c.next());
        assertEquals(-1, c.seek(IndexKey.exact(KeyInfo.BINARY, 1L)));
        assertTrue(c.eof());
        c.close();
    }

    @Test
    void clearAndDropFreeEveryPage() throws Exception {
        TestSupport.Db db = new TestSupport.Db(1024);
        int keep = db.bt.createTree(true);
        int gone = db.bt.createTree(true);
        int idx = db.bt.createTree(false);
        db.bt.addSchemaEntry("table", "keep", "keep", keep, "CREATE TABLE keep(a)");
        long goneRow = db.bt.addSchemaEntry("table", "gone", "gone", gone, "CREATE TABLE gone(a)");
        BtCursor k = db.bt.openTable(keep, true);
        BtCursor g = db.bt.openTable(gone, true);
        BtCursor x = db.bt.openIndex(idx, KeyInfo.BINARY, true);
        TestSupport.Rng rng = new TestSupport.Rng(9);
        for (long r = 0; r < 1500; r++) {
            k.insert(r, RecordEncoder.encode(rng.bytes(rng.nextInt(3000))));
            g.insert(r, RecordEncoder.encode(rng.bytes(rng.nextInt(3000))));
            x.insert(RecordEncoder.encode("y".repeat(rng.nextInt(600)), r));
        }
        k.close();
        g.close();
        x.close();
        assertEquals(1500, db.bt.clearTree(keep));
        db.bt.dropTree(gone);
        assertTrue(db.bt.deleteSchemaEntry(goneRow));
        assertFalse(db.bt.deleteSchemaEntry(goneRow));
        assertEquals(1, db.bt.readSchema().size());
        db.bt.dropTree(idx);
        BtCursor k2 = db.bt.openTable(keep, true);
        assertFalse(k2.first());
        k2.insert(5, RecordEncoder.encode("after clear"));
        k2.close();
        List<String> check = db.bt.integrityCheck(10);
        assertEquals(List.of("ok"), check);
        int free = db.pager.getHeaderInt(FileHeader.FREELIST_COUNT_OFFSET);
        assertTrue(free > db.pager.pageCount() - 10, "almost every page is free: " + free);
        Path p = TestSupport.writeTemp(db.commitAndSnapshot());
        try (Connection conn = TestSupport.sqlite(p); Statement st = conn.createStatement()) {
            assertEquals(List.of("ok"), TestSupport.sqliteIntegrity(conn));
            try (ResultSet rs = st.executeQuery("SELECT rowid, a FROM keep")) {
                assertTrue(rs.next());
                assertEquals(5, rs.getLong(1));
                assertEquals("after clear", rs.getString(2));
            }
        }
    }

    @Test
    void page1RootSplitsAndCollapses() throws Exception {
        TestSupport.Db db = new TestSupport.Db(512);
        for (int i = 0; i < 300; i++) {
            int root = db.bt.createTree(true);
            db.bt.addSchemaEntry("table", "t" + i, "t" + i, root,
                    "CREATE TABLE t" + i + "(a, b, c, \"" + "long column name ".repeat(i % 20) + "\")");
        }
        assertEquals(300, db.bt.readSchema().size());
        Page page1 = db.pager.get(1);
        int type = page1.getU8(PageHeader.PAGE1_OFFSET);
        db.pager.release(page1);
        assertEquals(PageHeader.INTERIOR_TABLE, type, "page 1 became an interior page");
        assertEquals(List.of("ok"), db.bt.integrityCheck(10));
        Path p = TestSupport.writeTemp(db.commitAndSnapshot());
        try (Connection conn = TestSupport.sqlite(p); Statement st = conn.createStatement()) {
            assertEquals(List.of("ok"), TestSupport.sqliteIntegrity(conn));
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                rs.next();
                assertEquals(300, rs.getInt(1));
            }
            st.execute("INSERT INTO t299 VALUES (1, 2, 3, 4)");
        }
        // Shrink sqlite_schema back to one leaf: page 1 collapses to a leaf again.
        TestSupport.Db db2 = new TestSupport.Db(Files.readAllBytes(p));
        db2.pager.beginWrite();
        BtCursor c = db2.bt.openTable(1, true);
        for (boolean ok = c.first(); ok;) {
            if (!"t299".equals(c.record().column(1))) {
                c.delete();
            }
            ok = c.next();
        }
        c.close();
        page1 = db2.pager.get(1);
        type = page1.getU8(PageHeader.PAGE1_OFFSET);
        db2.pager.release(page1);
        assertEquals(PageHeader.LEAF_TABLE, type);
        assertEquals(1, db2.bt.readSchema().size());
    }

    @Test
    void utf16DatabasesDecodeText() throws Exception {
        for (String enc : new String[] {"UTF-16le", "UTF-16be"}) {
            Path p = Files.createTempFile("petrel-utf16", ".db");
            Files.delete(p);
            String s = "Grüße, 世界 \uD83D\uDE00";
            try (Connection conn = TestSupport.sqlite(p); Statement st = conn.createStatement()) {
                st.execute("PRAGMA encoding='" + enc + "'");
                st.execute("CREATE TABLE t(a, b)");
                st.execute("INSERT INTO t VALUES ('" + s + "', 1)");
                st.execute("CREATE INDEX i ON t(a)");
            }
            TestSupport.Db db = new TestSupport.Db(Files.readAllBytes(p));
            List<SchemaEntry> schema = db.bt.readSchema();
            assertEquals("CREATE TABLE t(a, b)", schema.get(0).sql());
            BtCursor c = db.bt.openTable((int) schema.get(0).rootpage(), false);
            assertTrue(c.first());
            assertEquals(s, c.record().column(0));
            c.close();
            assertEquals(List.of("ok"), db.bt.integrityCheck(10));
            Files.delete(p);
        }
    }

    @Test
    void ascendingInsertsFillPagesLikeSqlite() throws Exception {
        int rows = 20_000;
        TestSupport.Db db = new TestSupport.Db(4096);
        int root = db.bt.createTree(true);
        db.bt.addSchemaEntry("table", "t", "t", root, "CREATE TABLE t(a)");
        BtCursor c = db.bt.openTable(root, true);
        for (long r = 1; r <= rows; r++) {
            c.insert(r, RecordEncoder.encode((Object) new byte[50]));
        }
        c.close();
        int ours = db.pager.pageCount();
        assertEquals(List.of("ok"), db.bt.integrityCheck(10));
        Path p = Files.createTempFile("petrel-append", ".db");
        Files.delete(p);
        int theirs;
        try (Connection conn = TestSupport.sqlite(p); Statement st = conn.createStatement()) {
            st.execute("PRAGMA page_size=4096");
            st.execute("CREATE TABLE t(a)");
            st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") "
                    + "INSERT INTO t(rowid, a) SELECT i, zeroblob(50) FROM n");
            try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                theirs = rs.getInt(1);
            }
        }
        Files.delete(p);
        System.out.printf("ascending inserts: Petrel %d pages, SQLite %d pages%n", ours, theirs);
        assertTrue(ours <= theirs * 105 / 100, "Petrel used " + ours + " pages, SQLite " + theirs);
    }

    @Test
    void autoVacuumDatabasesReadAndCheckButRefuseWrites() throws Exception {
        Path p = Files.createTempFile("petrel-autovac", ".db");
        Files.delete(p);
        try (Connection conn = TestSupport.sqlite(p); Statement st = conn.createStatement()) {
            st.execute("PRAGMA page_size=1024");
            st.execute("PRAGMA auto_vacuum=FULL");
            st.execute("CREATE TABLE t(a, b)");
            st.execute("CREATE INDEX ta ON t(a)");
            st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                    + "INSERT INTO t SELECT i, randomblob(i % 700) FROM n");
            st.execute("DELETE FROM t WHERE a % 3 = 0");
        }
        TestSupport.Db db = new TestSupport.Db(Files.readAllBytes(p));
        assertNotEquals(0, db.pager.getHeaderInt(FileHeader.LARGEST_ROOT_PAGE_OFFSET));
        assertEquals(List.of("ok"), db.bt.integrityCheck(10));
        SchemaEntry t = db.bt.readSchema().get(0);
        BtCursor c = db.bt.openTable((int) t.rootpage(), true);
        assertEquals(1334, c.count());
        assertTrue(c.last());
        assertEquals(2000L, c.record().column(0));
        db.pager.beginWrite();
        dev.petrel.api.PetrelException e = assertThrows(dev.petrel.api.PetrelException.class,
                () -> c.insert(5000, RecordEncoder.encode(1L)));
        assertEquals(dev.petrel.api.ResultCode.READONLY, e.code());
        c.close();
        Files.delete(p);
    }

    @Test
    void integrityCheckWordsProblemsAsSqlite() throws Exception {
        TestSupport.Db db = new TestSupport.Db(1024);
        int root = db.bt.createTree(true);
        db.bt.addSchemaEntry("table", "t", "t", root, "CREATE TABLE t(a)");
        BtCursor c = db.bt.openTable(root, true);
        for (long r = 0; r < 200; r++) {
            c.insert(r, RecordEncoder.encode("v".repeat(40)));
        }
        c.close();
        // An orphan page: allocated, never linked.
        Page orphan = db.pager.allocate();
        int orphanPgno = orphan.pgno();
        db.pager.release(orphan);
        List<String> ours = db.bt.integrityCheck(10);
        assertEquals(List.of("Page " + orphanPgno + ": never used"), ours);
        Path p = TestSupport.writeTemp(db.commitAndSnapshot());
        try (Connection conn = TestSupport.sqlite(p)) {
            // SQLite heads the first message with the database name; the pragma layer adds that line.
            List<String> theirs = TestSupport.sqliteIntegrity(conn);
            assertEquals("*** in database main ***\n" + ours.get(0), theirs.get(0));
            assertEquals(ours.size(), theirs.size());
        }
    }
}
