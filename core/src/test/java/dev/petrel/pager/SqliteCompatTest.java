package dev.petrel.pager;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.vfs.FaultInjectingVfs;
import dev.petrel.vfs.FaultInjectingVfs.PowerLoss;
import dev.petrel.vfs.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real SQLite (sqlite-jdbc) as the oracle for the on-disk formats: it reads a WAL and rolls back a hot journal that
 * Petrel wrote, and Petrel recovers a WAL that SQLite wrote.
 */
class SqliteCompatTest {
    /** B-tree page header of the empty sqlite_schema leaf on page 1 (fileformat2 section 1.6). */
    private static final int SCHEMA_PAGE_TYPE_OFFSET = FileHeader.HEADER_SIZE;
    private static final int SCHEMA_CONTENT_START_OFFSET = FileHeader.HEADER_SIZE + 5;
    private static final int TABLE_LEAF = 0x0D;

    @TempDir
    Path dir;

    /** Writes page 1 as a valid empty database (an empty table-leaf b-tree at offset 100). */
    static void writeEmptySchema(Pager p) {
        Page page1 = p.get(1);
        try {
            p.markWritable(page1);
            page1.putU8(SCHEMA_PAGE_TYPE_OFFSET, TABLE_LEAF);
            int usable = p.usableSize();
            page1.putU16(SCHEMA_CONTENT_START_OFFSET, usable == 65536 ? 0 : usable);
        } finally {
            p.release(page1);
        }
    }

    private Path export(MemoryVfs vfs, String... names) throws Exception {
        for (String name : names) {
            byte[] bytes = vfs.snapshot(name);
            if (bytes != null) {
                Files.write(dir.resolve(name), bytes);
            }
        }
        return dir.resolve("db");
    }

    private static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    @Test
    void sqliteReadsUserVersionFromPetrelsWal() throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 4096);
        p.beginWrite();
        writeEmptySchema(p);
        p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 1);
        p.commit();
        p.endRead();
        assertEquals(JournalMode.WAL, p.setJournalMode(JournalMode.WAL));
        p.setWalAutoCheckpoint(0);
        p.setCheckpointOnClose(false);
        for (int v = 2; v <= 6; v++) {
            p.beginWrite();
            p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 1000 + v);
            p.commit();
        }
        p.beginWrite();
        p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 9999);
        p.rollback();
        p.endRead();
        p.close();
        byte[] dbBytes = vfs.snapshot("db");
        assertEquals(1, FileHeader.getInt(dbBytes, FileHeader.USER_VERSION_OFFSET), "the db file itself is old");
        assertTrue(vfs.snapshot("db-wal").length > Wal.HEADER_BYTES);
        Path db = export(vfs, "db", "db-wal");
        try (Connection c = connect(db)) {
            assertEquals("1006", query(c, "PRAGMA user_version"));
            assertEquals("wal", query(c, "PRAGMA journal_mode"));
            assertEquals("ok", query(c, "PRAGMA integrity_check"));
        }
    }

    @Test
    void sqliteRollsBackPetrelsHotJournal() throws Exception {
        MemoryVfs base = new MemoryVfs();
        Pager p = Pager.open(base, "db", 1024);
        p.beginWrite();
        writeEmptySchema(p);
        p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 111);
        p.commit();
        p.close();
        byte[] before = base.snapshot("db");
        // Lose power at successive points of the next commit until the database file holds the new header while
        // the journal is still there: a crash after the database was partly overwritten.
        MemoryVfs crashed = null;
        for (int at = 1; at < 40 && crashed == null; at++) {
            MemoryVfs copy = new MemoryVfs();
            copy.put("db", before);
            FaultInjectingVfs vfs = new FaultInjectingVfs(copy, at);
            Pager q = Pager.open(vfs, "db", 1024);
            vfs.powerLossAt(at, PowerLoss.TEAR);
            try {
                q.beginWrite();
                q.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 222);
                q.commit();
                q.close();
            } catch (dev.petrel.api.PetrelException e) {
                assertTrue(vfs.hasCrashed(), e.toString());
            }
            byte[] now = copy.snapshot("db");
            if (copy.exists("db-journal") && FileHeader.getInt(now, FileHeader.USER_VERSION_OFFSET) == 222) {
                crashed = copy;
            }
        }
        assertNotNull(crashed, "some crash point leaves a hot journal behind an overwritten header");
        assertFalse(java.util.Arrays.equals(before, crashed.snapshot("db")));
        Path db = export(crashed, "db", "db-journal");
        try (Connection c = connect(db)) {
            assertEquals("111", query(c, "PRAGMA user_version"));
            assertEquals("ok", query(c, "PRAGMA integrity_check"));
        }
        assertFalse(Files.exists(dir.resolve("db-journal")) && Files.size(dir.resolve("db-journal")) > 0,
                "SQLite consumed the journal");
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void petrelRecoversSqlitesWal() throws Exception {
        Path db = dir.resolve("sq.db");
        byte[] walBytes;
        byte[] dbBytes;
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=1024");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("CREATE TABLE t(x, y)");
            for (int i = 0; i < 40; i++) {
                s.execute("INSERT INTO t VALUES(" + i + ", randomblob(200))");
            }
            s.execute("DELETE FROM t WHERE x % 3 = 0");
            s.execute("PRAGMA user_version=77");
            walBytes = Files.readAllBytes(dir.resolve("sq.db-wal"));
            dbBytes = Files.readAllBytes(db);
            assertTrue(walBytes.length > Wal.HEADER_BYTES);
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] expected = Files.readAllBytes(db);
        MemoryVfs vfs = new MemoryVfs();
        vfs.put("db", dbBytes);
        vfs.put("db-wal", walBytes);
        Pager p = Pager.open(vfs, "db", 4096);
        assertEquals(JournalMode.WAL, p.journalMode());
        p.beginRead();
        assertEquals(1024, p.pageSize());
        assertEquals(expected.length / 1024, p.pageCount());
        assertEquals(77, p.getHeaderInt(FileHeader.USER_VERSION_OFFSET));
        byte[] image = new byte[1024];
        for (int pgno = 1; pgno <= p.pageCount(); pgno++) {
            Page page = p.get(pgno);
            page.getBytes(0, image, 0, 1024);
            p.release(page);
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, (pgno - 1) * 1024, pgno * 1024), image,
                    "page " + pgno);
        }
        p.endRead();
        // Checkpointing in Petrel yields the same database file SQLite's checkpoint produced.
        assertFalse(p.checkpoint(CheckpointMode.TRUNCATE).busy());
        p.close();
        assertArrayEquals(expected, vfs.snapshot("db"));
    }
}
