package dev.petrel.vfs.jvm;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.pager.FileHeader;
import dev.petrel.pager.JournalMode;
import dev.petrel.pager.Page;
import dev.petrel.pager.Pager;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileVfsTest {
    private static final int RW = Vfs.OPEN_CREATE | Vfs.OPEN_READWRITE;

    @TempDir
    Path dir;

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void readWriteTruncateAndShortReads() throws Exception {
        FileVfs vfs = new FileVfs();
        VfsFile f = vfs.open(file("a"), RW);
        f.write(2, new byte[] {7, 8, 9}, 0, 3);
        assertEquals(5, f.size());
        byte[] buf = new byte[8];
        java.util.Arrays.fill(buf, (byte) 1);
        assertEquals(5, f.read(0, buf, 0, 8));
        assertArrayEquals(new byte[] {0, 0, 7, 8, 9, 0, 0, 0}, buf);
        f.sync(VfsFile.SYNC_FULL);
        f.truncate(3);
        assertEquals(3, f.size());
        f.close();
        assertEquals(3, Files.size(dir.resolve("a")));
        assertTrue(vfs.exists(file("a")));
        vfs.delete(file("a"));
        assertFalse(vfs.exists(file("a")));
        vfs.delete(file("a"));
    }

    @Test
    void openErrors() {
        FileVfs vfs = new FileVfs();
        assertEquals(ResultCode.CANTOPEN,
                assertThrows(PetrelException.class, () -> vfs.open(file("missing"), Vfs.OPEN_READWRITE)).code());
        assertEquals(ResultCode.CANTOPEN_ISDIR,
                assertThrows(PetrelException.class, () -> vfs.open(dir.toString(), RW)).code());
    }

    @Test
    void deleteOnCloseAndReadOnly() {
        FileVfs vfs = new FileVfs();
        VfsFile t = vfs.open(file("t"), RW | Vfs.OPEN_DELETE_ON_CLOSE);
        t.write(0, new byte[10], 0, 10);
        t.close();
        assertFalse(vfs.exists(file("t")));
        vfs.open(file("r"), RW).close();
        VfsFile r = vfs.open(file("r"), Vfs.OPEN_READONLY);
        assertEquals(ResultCode.READONLY,
                assertThrows(PetrelException.class, () -> r.write(0, new byte[1], 0, 1)).code());
        r.close();
    }

    @Test
    void inProcessLocksFollowSqliteLevels() {
        FileVfs vfs = new FileVfs();
        VfsFile a = vfs.open(file("db"), RW);
        VfsFile b = vfs.open(file("db"), Vfs.OPEN_READWRITE);
        assertTrue(a.lock(VfsFile.LOCK_SHARED));
        assertTrue(b.lock(VfsFile.LOCK_SHARED));
        assertTrue(a.lock(VfsFile.LOCK_RESERVED));
        assertTrue(b.checkReservedLock());
        assertFalse(b.lock(VfsFile.LOCK_RESERVED), "only one RESERVED");
        assertFalse(a.lock(VfsFile.LOCK_EXCLUSIVE), "b still reads");
        assertEquals(VfsFile.LOCK_PENDING, a.lockLevel());
        VfsFile c = vfs.open(file("db"), Vfs.OPEN_READWRITE);
        assertFalse(c.lock(VfsFile.LOCK_SHARED), "PENDING keeps new readers out");
        b.unlock(VfsFile.LOCK_NONE);
        assertTrue(a.lock(VfsFile.LOCK_EXCLUSIVE));
        assertFalse(b.lock(VfsFile.LOCK_SHARED), "EXCLUSIVE excludes readers");
        a.unlock(VfsFile.LOCK_SHARED);
        assertTrue(b.lock(VfsFile.LOCK_SHARED));
        assertTrue(c.lock(VfsFile.LOCK_SHARED));
        assertFalse(b.checkReservedLock());
        // Closing one handle keeps the others' locks (one shared channel per file).
        c.close();
        assertFalse(a.lock(VfsFile.LOCK_EXCLUSIVE), "b still holds SHARED after c closed");
        a.close();
        b.close();
    }

    static void writeEmptySchema(Pager p) {
        Page page1 = p.get(1);
        try {
            p.markWritable(page1);
            page1.putU8(FileHeader.HEADER_SIZE, 0x0D);
            page1.putU16(FileHeader.HEADER_SIZE + 5, p.usableSize());
        } finally {
            p.release(page1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = JournalMode.class, names = {"DELETE", "TRUNCATE", "PERSIST", "WAL"})
    void pagerOnRealFilesIsReadableBySqlite(JournalMode mode) throws Exception {
        String path = file("p.db");
        Pager p = Pager.open(new FileVfs(), path, 4096);
        p.setJournalMode(mode);
        p.beginWrite();
        writeEmptySchema(p);
        p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 5);
        p.commit();
        p.beginWrite();
        p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 6);
        p.rollback();
        p.beginWrite();
        p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, 7);
        p.commit();
        p.endRead();
        p.setCheckpointOnClose(false);
        p.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1));
            }
        }
        Pager q = Pager.open(new FileVfs(), path, 1024);
        assertEquals(7, q.getHeaderInt(FileHeader.USER_VERSION_OFFSET));
        q.close();
    }

    private List<String> probe(String db) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockProbe.class.getName(), db);
        pb.redirectErrorStream(true);
        Process proc = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS));
        return lines;
    }

    @Test
    void locksExcludeAnotherProcessRunningSqlite() throws Exception {
        String path = file("x.db");
        Pager p = Pager.open(new FileVfs(), path, 4096);
        p.beginWrite();
        writeEmptySchema(p);
        p.commit();
        p.endRead();
        p.close();
        VfsFile f = new FileVfs().open(path, Vfs.OPEN_READWRITE);
        assertTrue(f.lock(VfsFile.LOCK_RESERVED));
        List<String> reserved = probe(path);
        assertTrue(reserved.contains("read=ok"), reserved.toString());
        assertTrue(reserved.contains("write=busy"), reserved.toString());
        assertTrue(f.lock(VfsFile.LOCK_EXCLUSIVE));
        List<String> exclusive = probe(path);
        assertTrue(exclusive.contains("read=busy"), exclusive.toString());
        f.unlock(VfsFile.LOCK_NONE);
        List<String> none = probe(path);
        assertTrue(none.contains("read=ok") && none.contains("write=ok"), none.toString());
        f.close();
    }
}
