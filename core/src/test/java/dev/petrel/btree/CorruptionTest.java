package dev.petrel.btree;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.pager.Pager;
import dev.petrel.record.IndexKey;
import dev.petrel.record.KeyInfo;
import dev.petrel.record.Record;
import dev.petrel.record.RecordEncoder;
import dev.petrel.vfs.MemoryVfs;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated database files (header fields, page types, cell pointers and counts, child, overflow and freelist page
 * numbers, cycles, random bytes, truncation) are opened, fully scanned, sought, integrity-checked and sometimes
 * written: only PetrelException with CORRUPT or NOTADB (READONLY for writes) may escape, and the work per file
 * stays bounded.
 */
class CorruptionTest {
    /** Scan steps allowed per tree: a corrupt tree may share subtrees (a DAG), which this bounds. */
    private static final int MAX_SCAN_STEPS = 20_000;

    private int files;
    private int corruptSeen;
    private long slowestNanos;
    private String slowest = "";

    @Test
    void mutatedFilesRaiseOnlyCorrupt() throws Exception {
        int scale = TestSupport.scale();
        byte[] small512 = petrelImage(512, 0xC0FFEEL, 120, 3000);
        byte[] small1024 = petrelImage(1024, 0xBEEFL, 100, 9000);
        byte[] chinook = Files.readAllBytes(TestSupport.chinook());
        byte[] northwind = Files.readAllBytes(TestSupport.northwind());
        long t0 = System.nanoTime();
        run("small512", small512, 0x1001L, 4500 * scale);
        run("small1024", small1024, 0x1002L, 5370 * scale);
        run("northwind", northwind, 0x1003L, 100 * scale);
        run("chinook", chinook, 0x1004L, 30 * scale);
        System.out.printf("CorruptionTest: %d mutated files, %d raised corrupt, slowest %d ms (%s), total %d ms%n",
                files, corruptSeen, slowestNanos / 1_000_000, slowest, (System.nanoTime() - t0) / 1_000_000);
        assertTrue(files >= 10_000 * scale);
        assertTrue(corruptSeen > files / 10, "mutations should often be detected");
        assertTrue(slowestNanos < 10_000_000_000L, "one file took more than 10 s: " + slowest);
    }

    /** A small Petrel-written database: table t(a,b,c,d) with overflow rows, index i on (a), some freed pages. */
    static byte[] petrelImage(int pageSize, long seed, int rows, int maxBlob) {
        TestSupport.Rng rng = new TestSupport.Rng(seed);
        TestSupport.Db db = new TestSupport.Db(pageSize);
        int t = db.bt.createTree(true);
        int i = db.bt.createTree(false);
        db.bt.addSchemaEntry("table", "t", "t", t, "CREATE TABLE t(a,b,c,d)");
        db.bt.addSchemaEntry("index", "i", "t", i, "CREATE INDEX i ON t(a)");
        BtCursor ct = db.bt.openTable(t, true);
        BtCursor ci = db.bt.openIndex(i, KeyInfo.BINARY, true);
        List<Object[]> keys = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            Object a = r % 7 == 0 ? "long key " + "x".repeat(rng.nextInt(400)) : (Object) (long) rng.nextInt(1000);
            Object[] row = {a, "text" + r, (double) r / 3, rng.bytes(rng.nextInt(4) == 0 ? rng.nextInt(maxBlob) : 20)};
            ct.insert(r, RecordEncoder.encode(row));
            Object[] key = {a, (long) r};
            ci.insert(RecordEncoder.encode(key));
            keys.add(key);
        }
        for (int r = 1; r <= rows; r += 5) {
            assertEquals(0, ct.seekRowid(r));
            ct.delete();
            assertEquals(0, ci.seek(IndexKey.exact(KeyInfo.BINARY, keys.get(r - 1))));
            ci.delete();
        }
        ct.close();
        ci.close();
        assertEquals(List.of("ok"), db.bt.integrityCheck(10));
        return db.commitAndSnapshot();
    }

    private void run(String name, byte[] base, long seed, int count) {
        long t0 = System.nanoTime();
        int corrupt0 = corruptSeen;
        TestSupport.Rng rng = new TestSupport.Rng(seed);
        Layout layout = Layout.of(base);
        for (int n = 0; n < count; n++) {
            byte[] image = base.clone();
            String what = mutate(image, layout, rng);
            int cut = rng.nextInt(40) == 0 ? rng.nextInt(image.length) : image.length;
            if (cut < image.length) {
                image = Arrays.copyOf(image, cut);
                what += " truncate " + cut;
            }
            long start = System.nanoTime();
            try {
                exercise(image, rng.nextInt(4) == 0, rng);
            } catch (PetrelException e) {
                ResultCode code = e.code().primary();
                if (code != ResultCode.CORRUPT && code != ResultCode.NOTADB && code != ResultCode.READONLY) {
                    throw new AssertionError("seed=" + seed + " file " + n + " (" + what + "): " + code, e);
                }
                corruptSeen++;
            } catch (Throwable e) {
                throw new AssertionError("seed=" + seed + " file " + n + " (" + what + ") raised " + e, e);
            }
            long took = System.nanoTime() - start;
            if (took > slowestNanos) {
                slowestNanos = took;
                slowest = name + " seed=" + seed + " file " + n + " (" + what + ")";
            }
            files++;
        }
        System.out.printf("CorruptionTest %s: %d files, %d corrupt, %d ms%n", name, count, corruptSeen - corrupt0,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Opens, scans every tree, seeks, checks and maybe writes one image. Each phase runs even when an earlier one
     * found corruption; the first exception is rethrown at the end.
     */
    private static void exercise(byte[] image, boolean write, TestSupport.Rng rng) {
        MemoryVfs vfs = new MemoryVfs();
        vfs.put("db", image);
        Pager pager = Pager.open(vfs, "db", 4096);
        RuntimeException first = null;
        try {
            pager.beginRead();
            BTree bt = BTree.open(pager);
            List<SchemaEntry> schema = new ArrayList<>();
            try {
                schema = bt.readSchema();
                scan(bt, schema, rng);
            } catch (PetrelException e) {
                first = e;
            }
            try {
                bt.integrityCheck(100);
            } catch (PetrelException e) {
                // The checker reports problems as messages; it may only refuse a file it cannot read at all.
                if (e.code() != ResultCode.NOTADB && pager.pageCount() >= 1) {
                    throw new AssertionError("integrity check threw instead of reporting", e);
                }
                first = first == null ? e : first;
            }
            if (write) {
                try {
                    pager.beginWrite();
                    writeSome(bt, pager, schema, rng);
                    bt.integrityCheck(100);
                } catch (PetrelException e) {
                    first = first == null ? e : first;
                }
            }
        } finally {
            pager.close();
        }
        if (first != null) {
            throw first;
        }
    }

    private static void scan(BTree bt, List<SchemaEntry> schema, TestSupport.Rng rng) {
        for (SchemaEntry e : schema) {
            if (e.rootpage() <= 0 || e.rootpage() > Integer.MAX_VALUE) {
                continue;
            }
            boolean table = "table".equals(e.type());
            BtCursor c = table ? bt.openTable((int) e.rootpage(), false)
                    : bt.openIndex((int) e.rootpage(), KeyInfo.BINARY, false);
            try {
                int steps = 0;
                for (boolean ok = c.first(); ok && steps < MAX_SCAN_STEPS; ok = c.next(), steps++) {
                    if (table) {
                        c.rowid();
                    }
                    new Record(c.payload(), bt.textEncoding()).values();
                    c.record().column(0);
                }
                for (boolean ok = c.last(); ok && steps < 2 * MAX_SCAN_STEPS; ok = c.prev(), steps++) {
                    c.payloadSize();
                }
                if (table) {
                    c.seekRowid(rng.nextInt(400), BtCursor.GE);
                } else {
                    c.seek(new IndexKey(KeyInfo.BINARY, new Object[] {(long) rng.nextInt(1000)}, 1, 0), BtCursor.LE);
                }
            } finally {
                c.close();
            }
        }
    }

    private static void writeSome(BTree bt, Pager pager, List<SchemaEntry> schema, TestSupport.Rng rng) {
        for (SchemaEntry e : schema) {
            if ("table".equals(e.type()) && e.rootpage() > 1 && e.rootpage() <= pager.pageCount()) {
                BtCursor c = bt.openTable((int) e.rootpage(), true);
                try {
                    for (int k = 0; k < 20; k++) {
                        c.insert(rng.nextInt(400), RecordEncoder.encode((long) k, rng.bytes(rng.nextInt(3000))));
                        if (c.seekRowid(rng.nextInt(400)) == 0) {
                            c.delete();
                        }
                    }
                } finally {
                    c.close();
                }
            }
        }
    }

    /** Where the b-tree pages of the base image are, to aim mutations at meaningful fields. */
    static final class Layout {
        int pageSize;
        int pageCount;
        final List<Integer> btreePages = new ArrayList<>();
        final List<Integer> interiorPages = new ArrayList<>();

        static Layout of(byte[] image) {
            Layout l = new Layout();
            int raw = ((image[16] & 0xff) << 8) | (image[17] & 0xff);
            l.pageSize = raw == 1 ? 65536 : raw;
            l.pageCount = image.length / l.pageSize;
            for (int p = 1; p <= l.pageCount; p++) {
                int type = image[(p - 1) * l.pageSize + (p == 1 ? 100 : 0)] & 0xff;
                if (PageHeader.isValidType(type)) {
                    l.btreePages.add(p);
                    if (!PageHeader.isLeaf(type)) {
                        l.interiorPages.add(p);
                    }
                }
            }
            return l;
        }

        int base(int pgno) {
            return (pgno - 1) * pageSize;
        }

        int hdr(int pgno) {
            return base(pgno) + (pgno == 1 ? 100 : 0);
        }
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static int get16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    private static int interestingPgno(Layout l, TestSupport.Rng rng, int self) {
        switch (rng.nextInt(7)) {
            case 0:
                return 0;
            case 1:
                return 1;
            case 2:
                return self;
            case 3:
                return l.pageCount + 1 + rng.nextInt(3);
            case 4:
                return -1;
            case 5:
                return l.btreePages.get(rng.nextInt(l.btreePages.size()));
            default:
                return 1 + rng.nextInt(l.pageCount);
        }
    }

    /** Applies 1-3 mutations; returns a description for failure messages. */
    static String mutate(byte[] img, Layout l, TestSupport.Rng rng) {
        StringBuilder what = new StringBuilder();
        int n = 1 + rng.nextInt(3);
        for (int m = 0; m < n; m++) {
            int page = l.btreePages.get(rng.nextInt(l.btreePages.size()));
            int hdr = l.hdr(page);
            int kind = rng.nextInt(11);
            what.append(" k").append(kind).append("@").append(page);
            try {
                mutateOnce(img, l, rng, page, hdr, kind);
            } catch (ArrayIndexOutOfBoundsException e) {
                // An earlier mutation moved a field this one reads past the image: skip it.
                what.append("(skipped)");
            }
        }
        return what.toString();
    }

    private static void mutateOnce(byte[] img, Layout l, TestSupport.Rng rng, int page, int hdr, int kind) {
        {
            switch (kind) {
                case 0: {
                    int[] offs = {16, 18, 19, 20, 21, 28, 32, 36, 44, 52, 56, 92};
                    int off = offs[rng.nextInt(offs.length)];
                    int v = rng.nextInt(3) == 0 ? (int) rng.nextLong() : interestingPgno(l, rng, page);
                    if (off < 24) {
                        img[off] = (byte) v;
                    } else {
                        put32(img, off, v);
                    }
                    break;
                }
                case 1: {
                    int[] types = {0, 1, 2, 5, 10, 13, 255};
                    img[hdr] = (byte) types[rng.nextInt(types.length)];
                    break;
                }
                case 2: {
                    int cells = get16(img, hdr + 3);
                    int ptrBase = hdr + PageHeader.headerSize(img[hdr] & 0xff);
                    if (cells > 0 && PageHeader.isValidType(img[hdr] & 0xff)) {
                        int at = ptrBase + 2 * rng.nextInt(cells);
                        int[] vals = {0, l.pageSize - 1, l.pageSize - 3, get16(img, ptrBase), rng.nextInt(65536),
                            get16(img, at) + 1 + rng.nextInt(8)};
                        put16(img, at, vals[rng.nextInt(vals.length)]);
                    }
                    break;
                }
                case 3: {
                    int cells = get16(img, hdr + 3);
                    int[] vals = {0, 0xffff, cells + 1, cells + 20, cells - 1, rng.nextInt(3000)};
                    put16(img, hdr + 3, vals[rng.nextInt(vals.length)]);
                    break;
                }
                case 4: {
                    int field = new int[] {1, 5, 7}[rng.nextInt(3)];
                    if (field == 7) {
                        img[hdr + 7] = (byte) rng.nextInt(256);
                    } else {
                        put16(img, hdr + field, rng.nextInt(2) == 0 ? rng.nextInt(65536) : l.pageSize - rng.nextInt(8));
                    }
                    break;
                }
                case 5: {
                    if (!l.interiorPages.isEmpty()) {
                        int ip = l.interiorPages.get(rng.nextInt(l.interiorPages.size()));
                        put32(img, l.hdr(ip) + 8, interestingPgno(l, rng, ip));
                    }
                    break;
                }
                case 6: {
                    if (!l.interiorPages.isEmpty()) {
                        int ip = l.interiorPages.get(rng.nextInt(l.interiorPages.size()));
                        int h = l.hdr(ip);
                        int cells = get16(img, h + 3);
                        if (cells > 0) {
                            int cellOff = get16(img, h + 12 + 2 * rng.nextInt(cells));
                            if (cellOff + 4 <= l.pageSize) {
                                put32(img, l.base(ip) + cellOff, interestingPgno(l, rng, ip));
                            }
                        }
                    }
                    break;
                }
                case 7: {
                    // Likely an overflow pointer or varint: the last 4 bytes of a random cell region.
                    int off = l.base(page) + l.pageSize - 4 - rng.nextInt(Math.max(1, l.pageSize / 2));
                    put32(img, off, interestingPgno(l, rng, page));
                    break;
                }
                case 8: {
                    int trunk = ((img[32] & 0xff) << 24) | ((img[33] & 0xff) << 16) | ((img[34] & 0xff) << 8)
                            | (img[35] & 0xff);
                    if (trunk > 0 && trunk <= l.pageCount) {
                        int b = l.base(trunk);
                        if (rng.nextInt(2) == 0) {
                            put32(img, b, interestingPgno(l, rng, trunk));
                        } else {
                            put32(img, b + 4 * (1 + rng.nextInt(4)), rng.nextInt(2) == 0 ? rng.nextInt(1 << 20)
                                    : interestingPgno(l, rng, trunk));
                        }
                    } else {
                        put32(img, 32, interestingPgno(l, rng, 0));
                    }
                    break;
                }
                case 9: {
                    // Varint-heavy region: payload size or rowid bytes of a cell set to 0xff runs.
                    int cells = get16(img, hdr + 3);
                    if (cells > 0 && PageHeader.isValidType(img[hdr] & 0xff)) {
                        int cellOff = get16(img, hdr + PageHeader.headerSize(img[hdr] & 0xff) + 2 * rng.nextInt(cells));
                        for (int k = 0; k < 1 + rng.nextInt(9) && cellOff + k < l.pageSize; k++) {
                            img[l.base(page) + cellOff + k] = (byte) (rng.nextInt(2) == 0 ? 0xff : rng.nextLong());
                        }
                    }
                    break;
                }
                default: {
                    for (int k = 0; k < 1 + rng.nextInt(8); k++) {
                        img[rng.nextInt(img.length)] ^= (byte) (1 << rng.nextInt(8));
                    }
                }
            }
        }
    }
}
