package dev.petrel.pager;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.vfs.MemoryVfs;
import dev.petrel.vfs.VfsFile;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PagerTest {
    static Pager open(MemoryVfs vfs, JournalMode mode, int pageSize) {
        Pager p = Pager.open(vfs, "db", pageSize);
        p.setJournalMode(mode);
        return p;
    }

    /** Fills a page's usable area with a pattern derived from (pgno, tag). */
    static void fill(Page page, int tag, int usable) {
        for (int i = 0; i < usable; i += 4) {
            if (i + 4 <= usable) {
                page.putInt(i, page.pgno() * 31 + tag * 1_000_003 + i);
            }
        }
    }

    static int tagOf(Page page, int usable) {
        int tag = (page.getInt(0) - page.pgno() * 31) / 1_000_003;
        for (int i = 0; i + 4 <= usable; i += 4) {
            assertEquals(page.pgno() * 31 + tag * 1_000_003 + i, page.getInt(i), "page " + page.pgno() + " at " + i);
        }
        return tag;
    }

    static int writeNewPages(Pager p, int n, int tag) {
        int first = -1;
        for (int i = 0; i < n; i++) {
            Page page = p.allocate();
            if (first < 0) {
                first = page.pgno();
            }
            fill(page, tag, p.usableSize());
            p.release(page);
        }
        return first;
    }

    static int readTag(Pager p, int pgno) {
        Page page = p.get(pgno);
        try {
            return tagOf(page, p.usableSize());
        } finally {
            p.release(page);
        }
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void commitPersistsAcrossReopen(JournalMode mode) {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = open(vfs, mode, 4096);
        assertTrue(p.isEmpty());
        p.beginWrite();
        writeNewPages(p, 5, 7);
        p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 42);
        p.commit();
        assertFalse(p.inWriteTransaction());
        assertEquals(6, p.pageCount());
        p.close();
        assertFalse(vfs.exists("db-journal") && mode == JournalMode.DELETE, "DELETE leaves no journal");
        Pager q = Pager.open(vfs, "db", 1024);
        assertEquals(mode == JournalMode.WAL ? JournalMode.WAL : JournalMode.DELETE, q.journalMode());
        assertEquals(4096, q.pageSize());
        q.beginRead();
        assertEquals(6, q.pageCount());
        assertEquals(42, q.getHeaderInt(FileHeader.USER_VERSION_OFFSET));
        assertEquals(1, q.getHeaderInt(FileHeader.CHANGE_COUNTER_OFFSET));
        assertEquals(6, q.getHeaderInt(FileHeader.DATABASE_SIZE_OFFSET));
        assertEquals(1, q.getHeaderInt(FileHeader.VERSION_VALID_FOR_OFFSET));
        assertEquals(FileHeader.SQLITE_VERSION_NUMBER, q.getHeaderInt(FileHeader.SQLITE_VERSION_OFFSET));
        for (int pgno = 2; pgno <= 6; pgno++) {
            assertEquals(7, readTag(q, pgno));
        }
        q.endRead();
        q.close();
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void rollbackRestoresPagesHeaderAndSize(JournalMode mode) {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = open(vfs, mode, 1024);
        p.beginWrite();
        writeNewPages(p, 4, 1);
        p.commit();
        p.beginWrite();
        Page page = p.get(3);
        p.markWritable(page);
        fill(page, 2, p.usableSize());
        p.release(page);
        writeNewPages(p, 3, 2);
        p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 9);
        assertEquals(8, p.pageCount());
        p.rollback();
        assertEquals(5, p.pageCount());
        assertEquals(1, readTag(p, 3));
        assertEquals(0, p.getHeaderInt(FileHeader.USER_VERSION_OFFSET));
        p.endRead();
        if (mode != JournalMode.WAL) {
            assertEquals(5 * 1024, vfs.snapshot("db").length, "rollback truncated the file");
        }
        p.close();
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void tinyCacheBigTransactionSpillsAndStaysCorrect(JournalMode mode) {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = open(vfs, mode, 512);
        p.setCacheSize(4);
        p.beginWrite();
        writeNewPages(p, 50, 3);
        p.commit();
        assertTrue(p.cachedPages() <= 4, "cache bounded: " + p.cachedPages());
        // A big transaction: rewrite every page, then roll it back, then rewrite and commit.
        p.beginWrite();
        for (int pgno = 2; pgno <= 51; pgno++) {
            Page page = p.get(pgno);
            p.markWritable(page);
            fill(page, 4, p.usableSize());
            p.release(page);
        }
        writeNewPages(p, 20, 4);
        assertTrue(p.cachedPages() <= 4, "cache bounded during the transaction: " + p.cachedPages());
        p.rollback();
        for (int pgno = 2; pgno <= 51; pgno++) {
            assertEquals(3, readTag(p, pgno), "page " + pgno);
        }
        assertEquals(51, p.pageCount());
        p.endRead();
        p.beginWrite();
        for (int pgno = 2; pgno <= 51; pgno++) {
            Page page = p.get(pgno);
            p.markWritable(page);
            fill(page, 5, p.usableSize());
            p.release(page);
        }
        p.commit();
        p.close();
        Pager q = Pager.open(vfs, "db", 512);
        for (int pgno = 2; pgno <= 51; pgno++) {
            assertEquals(5, readTag(q, pgno));
        }
        q.close();
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void savepointsRollBackImagesAndPageCount(JournalMode mode) {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = open(vfs, mode, 512);
        p.setCacheSize(3);
        p.beginWrite();
        writeNewPages(p, 6, 1);
        int sp0 = p.openSavepoint();
        assertEquals(0, sp0);
        rewrite(p, 2, 2);
        writeNewPages(p, 2, 2);
        int sp1 = p.openSavepoint();
        rewrite(p, 2, 3);
        rewrite(p, 3, 3);
        writeNewPages(p, 2, 3);
        assertEquals(11, p.pageCount());
        p.rollbackToSavepoint(sp1);
        assertEquals(9, p.pageCount());
        assertEquals(2, readTag(p, 2));
        assertEquals(1, readTag(p, 3));
        assertEquals(2, p.savepointCount());
        rewrite(p, 4, 4);
        p.releaseSavepoint(sp1);
        assertEquals(1, p.savepointCount());
        p.rollbackToSavepoint(sp0);
        assertEquals(7, p.pageCount());
        for (int pgno = 2; pgno <= 7; pgno++) {
            assertEquals(1, readTag(p, pgno));
        }
        rewrite(p, 5, 6);
        p.releaseSavepoint(sp0);
        p.commit();
        p.close();
        Pager q = Pager.open(vfs, "db", 512);
        assertEquals(6, readTag(q, 5));
        assertEquals(1, readTag(q, 4));
        assertEquals(7, q.pageCount());
        q.close();
    }

    static void rewrite(Pager p, int pgno, int tag) {
        Page page = p.get(pgno);
        p.markWritable(page);
        fill(page, tag, p.usableSize());
        p.release(page);
    }

    @ParameterizedTest
    @EnumSource(value = JournalMode.class, names = {"DELETE", "WAL"})
    void freelistReusesFreedPagesAndCountsStayConsistent(JournalMode mode) {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = open(vfs, mode, 512);
        p.beginWrite();
        writeNewPages(p, 300, 1);
        p.commit();
        p.beginWrite();
        for (int pgno = 2; pgno <= 301; pgno += 2) {
            p.free(pgno);
        }
        p.commit();
        assertEquals(150, p.getHeaderInt(FileHeader.FREELIST_COUNT_OFFSET));
        assertEquals(150, FreelistCheck.count(p));
        p.beginWrite();
        Set<Integer> reused = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            Page page = p.allocate();
            assertTrue(page.pgno() <= 301, "reused from the freelist");
            assertTrue(reused.add(page.pgno()), "no page handed out twice");
            for (int b = 0; b < page.size(); b++) {
                assertEquals(0, page.getU8(b));
            }
            p.release(page);
        }
        Page fresh = p.allocate();
        assertEquals(302, fresh.pgno());
        p.release(fresh);
        p.commit();
        assertEquals(0, p.getHeaderInt(FileHeader.FREELIST_COUNT_OFFSET));
        assertEquals(0, p.getHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET));
        assertEquals(302, p.pageCount());
        p.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 4096, 65536})
    void pageSizesRoundTripWithRealHeaderEncoding(int pageSize) {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", pageSize);
        p.beginWrite();
        writeNewPages(p, 2, 9);
        p.commit();
        p.close();
        byte[] file = vfs.snapshot("db");
        assertEquals(3L * pageSize, file.length);
        int raw = ((file[16] & 0xff) << 8) | (file[17] & 0xff);
        assertEquals(pageSize == 65536 ? 1 : pageSize, raw);
        Pager q = Pager.open(vfs, "db", 512);
        assertEquals(pageSize, q.pageSize());
        assertEquals(9, readTag(q, 3));
        q.close();
    }

    @Test
    void reservedBytesShrinkUsableSize() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 1024);
        p.setReservedBytes(32);
        p.beginWrite();
        writeNewPages(p, 1, 2);
        p.commit();
        p.close();
        assertEquals(32, vfs.snapshot("db")[FileHeader.RESERVED_BYTES_OFFSET]);
        Pager q = Pager.open(vfs, "db", 1024);
        assertEquals(32, q.reservedBytes());
        assertEquals(992, q.usableSize());
        assertEquals(2, readTag(q, 2));
        q.close();
    }

    @Test
    void badMagicIsNotADatabase() {
        MemoryVfs vfs = new MemoryVfs();
        byte[] junk = new byte[4096];
        junk[0] = 'X';
        vfs.put("db", junk);
        PetrelException e = assertThrows(PetrelException.class, () -> Pager.open(vfs, "db", 4096));
        assertEquals(ResultCode.NOTADB, e.code());
        vfs.put("short", new byte[50]);
        assertEquals(ResultCode.NOTADB,
                assertThrows(PetrelException.class, () -> Pager.open(vfs, "short", 4096)).code());
    }

    @Test
    void newDatabaseHeaderFields() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 4096);
        p.beginWrite();
        p.setHeaderInt(FileHeader.APPLICATION_ID_OFFSET, 0x12345678);
        p.setHeaderInt(FileHeader.SCHEMA_COOKIE_OFFSET, 3);
        p.commit();
        assertEquals(1, p.getHeaderInt(FileHeader.TEXT_ENCODING_OFFSET));
        assertEquals(4, p.getHeaderInt(FileHeader.SCHEMA_FORMAT_OFFSET));
        assertEquals(0x12345678, p.getHeaderInt(FileHeader.APPLICATION_ID_OFFSET));
        assertEquals(3, p.getHeaderInt(FileHeader.SCHEMA_COOKIE_OFFSET));
        p.endRead();
        byte[] f = vfs.snapshot("db");
        assertEquals(64, f[FileHeader.MAX_PAYLOAD_FRACTION_OFFSET]);
        assertEquals(32, f[FileHeader.MIN_PAYLOAD_FRACTION_OFFSET]);
        assertEquals(32, f[FileHeader.LEAF_PAYLOAD_FRACTION_OFFSET]);
        assertEquals(1, f[FileHeader.WRITE_VERSION_OFFSET]);
        p.close();
    }

    @Test
    void lockBytePageIsNeverAllocated() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 65536);
        p.beginWrite();
        p.commit();
        p.close();
        // Claim (in the header) a database that ends just before the lock-byte page; no bytes are needed for that.
        int lockByte = (int) (FileHeader.LOCK_BYTE_OFFSET / 65536) + 1;
        byte[] f = vfs.snapshot("db");
        writeInt(f, FileHeader.DATABASE_SIZE_OFFSET, lockByte - 1);
        vfs.put("db", f);
        Pager q = Pager.open(vfs, "db", 65536);
        q.beginWrite();
        assertEquals(lockByte - 1, q.pageCount());
        Page page = q.allocate();
        assertEquals(lockByte + 1, page.pgno());
        q.release(page);
        q.rollback();
        q.close();
    }

    @Test
    void ptrmapPagesAreSkippedAndReadable() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 512);
        p.beginWrite();
        p.setHeaderInt(FileHeader.LARGEST_ROOT_PAGE_OFFSET, 3);
        assertTrue(p.isAutoVacuum());
        int j = 512 / 5;
        assertEquals(2, p.ptrmapPageFor(3));
        assertEquals(2, p.ptrmapPageFor(j + 2));
        assertEquals(j + 3, p.ptrmapPageFor(j + 4));
        Set<Integer> handedOut = new HashSet<>();
        for (int i = 0; i < 2 * j + 5; i++) {
            Page page = p.allocate();
            assertFalse(p.isPtrmapPage(page.pgno()), "allocate skips ptrmap page " + page.pgno());
            handedOut.add(page.pgno());
            p.setPtrmapEntry(page.pgno(), PtrmapEntry.BTREE, 1);
            p.release(page);
        }
        assertFalse(handedOut.contains(2));
        assertFalse(handedOut.contains(j + 3));
        assertTrue(p.isPtrmapPage(2 * j + 4));
        p.commit();
        assertEquals(new PtrmapEntry(PtrmapEntry.BTREE, 1), p.ptrmapEntry(j + 5));
        assertThrows(PetrelException.class, () -> p.ptrmapEntry(j + 3));
        p.close();
    }

    @Test
    void secondConnectionBusyAndReaderSnapshotInWal() {
        MemoryVfs vfs = new MemoryVfs();
        Pager a = open(vfs, JournalMode.WAL, 1024);
        a.setWalAutoCheckpoint(0);
        a.beginWrite();
        writeNewPages(a, 2, 1);
        a.commit();
        Pager b = Pager.open(vfs, "db", 1024);
        assertEquals(JournalMode.WAL, b.journalMode());
        b.beginRead();
        assertEquals(1, readTag(b, 2));
        a.beginWrite();
        rewrite(a, 2, 2);
        PetrelException busy = assertThrows(PetrelException.class, b::beginWrite);
        assertEquals(ResultCode.BUSY, busy.primaryCode());
        a.commit();
        assertEquals(1, readTag(b, 2), "reader keeps its snapshot");
        assertTrue(a.checkpoint(CheckpointMode.PASSIVE).busy(), "reader blocks the checkpoint");
        b.endRead();
        b.beginRead();
        assertEquals(2, readTag(b, 2), "a new read transaction sees the commit");
        b.endRead();
        CheckpointResult r = a.checkpoint(CheckpointMode.TRUNCATE);
        assertFalse(r.busy());
        assertEquals(0, vfs.snapshot("db-wal").length);
        b.beginRead();
        assertEquals(2, readTag(b, 2));
        b.endRead();
        a.close();
        b.close();
    }

    @Test
    void rollbackModeSecondConnectionSeesCommitsAndBusy() {
        MemoryVfs vfs = new MemoryVfs();
        Pager a = Pager.open(vfs, "db", 1024);
        a.beginWrite();
        writeNewPages(a, 2, 1);
        a.commit();
        Pager b = Pager.open(vfs, "db", 1024);
        assertEquals(1, readTag(b, 2));
        // b holds SHARED: a can write to its cache but cannot commit.
        a.beginWrite();
        rewrite(a, 2, 2);
        PetrelException e = assertThrows(PetrelException.class, a::commit);
        assertEquals(ResultCode.BUSY, e.code());
        assertTrue(a.inWriteTransaction(), "BUSY leaves the transaction open");
        b.endRead();
        a.commit();
        assertEquals(2, readTag(b, 2), "b's cache was invalidated by the change counter");
        b.endRead();
        a.close();
        b.close();
    }

    @Test
    void switchingIntoAndOutOfWalRewritesHeaderBytes() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 1024);
        p.beginWrite();
        writeNewPages(p, 3, 1);
        p.commit();
        p.endRead();
        assertEquals(JournalMode.WAL, p.setJournalMode(JournalMode.WAL));
        byte[] f = vfs.snapshot("db");
        assertEquals(2, f[FileHeader.WRITE_VERSION_OFFSET]);
        assertEquals(2, f[FileHeader.READ_VERSION_OFFSET]);
        p.beginWrite();
        rewrite(p, 3, 5);
        p.commit();
        p.endRead();
        assertTrue(vfs.snapshot("db-wal").length > 32);
        assertEquals(JournalMode.PERSIST, p.setJournalMode(JournalMode.PERSIST));
        assertFalse(vfs.exists("db-wal"));
        f = vfs.snapshot("db");
        assertEquals(1, f[FileHeader.WRITE_VERSION_OFFSET]);
        assertEquals(1, f[FileHeader.READ_VERSION_OFFSET]);
        assertEquals(5, readTag(p, 3));
        p.endRead();
        p.close();
    }

    @Test
    void walAutoCheckpointAtThreshold() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = open(vfs, JournalMode.WAL, 512);
        p.setWalAutoCheckpoint(10);
        p.beginWrite();
        writeNewPages(p, 3, 1);
        p.commit();
        for (int i = 0; i < 5; i++) {
            p.beginWrite();
            rewrite(p, 2, 10 + i);
            rewrite(p, 3, 10 + i);
            p.commit();
        }
        byte[] db = vfs.snapshot("db");
        assertTrue(db.length >= 3 * 512, "frames were copied into the database file");
        Page page = p.get(2);
        p.release(page);
        p.endRead();
        assertNull(p.lastAutoCheckpointError());
        p.close();
        assertFalse(vfs.exists("db-wal"), "close checkpoints and deletes the WAL");
        Pager q = Pager.open(vfs, "db", 512);
        assertEquals(14, readTag(q, 3));
        q.close();
    }

    @Test
    void hotJournalIsRolledBackOnOpen() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 1024);
        p.beginWrite();
        writeNewPages(p, 3, 1);
        p.commit();
        byte[] committed = vfs.snapshot("db");
        p.beginWrite();
        rewrite(p, 2, 2);
        writeNewPages(p, 2, 2);
        p.commit();
        p.close();
        // Simulate a crash after the database was overwritten but before the journal was deleted: build the
        // journal a real transaction would have left by running it against a copy and stopping before the end.
        MemoryVfs crashed = new MemoryVfs();
        crashed.put("db", committed);
        Pager c = Pager.open(crashed, "db", 1024);
        c.setCacheSize(2);
        c.beginWrite();
        rewrite(c, 2, 7);
        rewrite(c, 3, 7);
        writeNewPages(c, 4, 7);
        assertTrue(crashed.exists("db-journal"));
        // c spilled pages into the database file; abandon it without rollback (the process "dies").
        byte[] journal = crashed.snapshot("db-journal");
        byte[] dbNow = crashed.snapshot("db");
        MemoryVfs after = new MemoryVfs();
        after.put("db", dbNow);
        after.put("db-journal", journal);
        Pager r = Pager.open(after, "db", 1024);
        assertFalse(after.exists("db-journal"));
        r.beginRead();
        assertEquals(4, r.pageCount());
        assertEquals(1, readTag(r, 2));
        assertEquals(1, readTag(r, 3));
        r.close();
        assertArrayEquals(committed, after.snapshot("db"));
    }

    @Test
    void readOnlyOperationsOutsideWriteFail() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 1024);
        p.beginWrite();
        p.commit();
        Page page = p.get(1);
        assertThrows(PetrelException.class, () -> p.markWritable(page));
        p.release(page);
        assertThrows(PetrelException.class, p::allocate);
        assertThrows(PetrelException.class, p::openSavepoint);
        p.close();
        assertThrows(PetrelException.class, () -> p.get(1));
    }

    static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    @Test
    void fileLockLevelsFollowTransactions() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 1024);
        VfsFile probe = vfs.open("db", 0);
        p.beginWrite();
        assertTrue(probe.checkReservedLock());
        p.commit();
        assertFalse(probe.checkReservedLock());
        probe.close();
        p.close();
    }

    @Test
    void anotherConnectionRollsBackAHotJournalWhenItsTransactionBegins() {
        MemoryVfs base = new MemoryVfs();
        dev.petrel.vfs.FaultInjectingVfs crashing = new dev.petrel.vfs.FaultInjectingVfs(base, 11);
        Pager a = Pager.open(crashing, "db", 512);
        a.beginWrite();
        writeNewPages(a, 6, 1);
        a.commit();
        Pager b = Pager.open(base, "db", 512);
        assertEquals(1, readTag(b, 4));
        b.endRead();
        a.setCacheSize(2);
        a.beginWrite();
        for (int pgno = 2; pgno <= 7; pgno++) {
            rewrite(a, pgno, 2);
        }
        writeNewPages(a, 3, 2);
        // a has spilled pages into the database file; its process dies with everything it wrote surviving.
        crashing.powerLossNow(dev.petrel.vfs.FaultInjectingVfs.PowerLoss.TEAR);
        assertTrue(base.exists("db-journal"));
        b.beginWrite();
        assertFalse(base.exists("db-journal"), "b rolled the hot journal back before its transaction");
        assertEquals(7, b.pageCount());
        for (int pgno = 2; pgno <= 7; pgno++) {
            assertEquals(1, readTag(b, pgno));
        }
        rewrite(b, 3, 3);
        b.commit();
        b.close();
        Pager c = Pager.open(base, "db", 512);
        assertEquals(3, readTag(c, 3));
        assertEquals(1, readTag(c, 2));
        c.close();
    }

    @Test
    void journalModeCannotChangeIntoWalInsideATransaction() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 1024);
        p.beginWrite();
        PetrelException e = assertThrows(PetrelException.class, () -> p.setJournalMode(JournalMode.WAL));
        assertEquals("cannot change into wal mode from within a transaction", e.getMessage());
        p.rollback();
        assertEquals(JournalMode.TRUNCATE, p.setJournalMode(JournalMode.TRUNCATE));
        assertEquals("truncate", p.journalMode().pragmaName());
        p.close();
    }

    @Test
    void pageSizeCanBeSetAfterChoosingWalOnANewDatabase() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 4096);
        p.setJournalMode(JournalMode.WAL);
        p.setPageSize(1024);
        p.beginWrite();
        writeNewPages(p, 2, 1);
        p.commit();
        p.beginWrite();
        rewrite(p, 2, 2);
        p.commit();
        p.endRead();
        p.setCheckpointOnClose(false);
        p.close();
        assertEquals(1024, FileHeader.getInt(vfs.snapshot("db-wal"), Wal.PAGE_SIZE_OFFSET));
        Pager q = Pager.open(vfs, "db", 4096);
        assertEquals(1024, q.pageSize());
        assertEquals(2, readTag(q, 2));
        q.close();
    }

    @Test
    void checkpointModes() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = open(vfs, JournalMode.WAL, 512);
        p.setWalAutoCheckpoint(0);
        p.beginWrite();
        writeNewPages(p, 3, 1);
        p.commit();
        for (int i = 0; i < 3; i++) {
            p.beginWrite();
            rewrite(p, 2, 10 + i);
            p.commit();
        }
        int walBytes = vfs.snapshot("db-wal").length;
        CheckpointResult passive = p.checkpoint(CheckpointMode.PASSIVE);
        assertEquals(new CheckpointResult(false, 6, 6), passive);
        assertEquals(12, readTagFromFile(vfs, 2));
        CheckpointResult full = p.checkpoint(CheckpointMode.FULL);
        assertEquals(new CheckpointResult(false, 6, 6), full);
        // After a complete checkpoint the next writer restarts the WAL from frame 1: the file does not grow.
        p.endRead();
        p.beginWrite();
        rewrite(p, 2, 20);
        p.commit();
        assertEquals(walBytes, vfs.snapshot("db-wal").length);
        CheckpointResult restart = p.checkpoint(CheckpointMode.RESTART);
        assertFalse(restart.busy());
        assertEquals(20, readTagFromFile(vfs, 2));
        assertEquals(new CheckpointResult(false, 0, 0), p.checkpoint(CheckpointMode.TRUNCATE));
        assertEquals(0, vfs.snapshot("db-wal").length);
        assertEquals(20, readTag(p, 2));
        p.endRead();
        p.close();
        Pager rollbackMode = Pager.open(new MemoryVfs(), "db", 512);
        assertEquals(new CheckpointResult(false, -1, -1), rollbackMode.checkpoint(CheckpointMode.PASSIVE));
        rollbackMode.close();
    }

    /** The tag of a page as the database file itself holds it (after a checkpoint). */
    static int readTagFromFile(MemoryVfs vfs, int pgno) {
        byte[] f = vfs.snapshot("db");
        int ps = FileHeader.pageSizeOf(f);
        return (FileHeader.getInt(f, (pgno - 1) * ps) - pgno * 31) / 1_000_003;
    }
}
