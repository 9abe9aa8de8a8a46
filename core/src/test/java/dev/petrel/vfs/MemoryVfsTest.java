package dev.petrel.vfs;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import org.junit.jupiter.api.Test;

class MemoryVfsTest {
    @Test
    void readPastEndIsShortAndZeroFilled() {
        MemoryVfs vfs = new MemoryVfs();
        VfsFile f = vfs.open("a", Vfs.OPEN_CREATE | Vfs.OPEN_READWRITE);
        f.write(2, new byte[] {7, 8, 9}, 0, 3);
        assertEquals(5, f.size());
        byte[] buf = new byte[8];
        java.util.Arrays.fill(buf, (byte) 1);
        assertEquals(5, f.read(0, buf, 0, 8));
        assertArrayEquals(new byte[] {0, 0, 7, 8, 9, 0, 0, 0}, buf);
        f.truncate(3);
        assertEquals(3, f.size());
        f.close();
        assertTrue(vfs.exists("a"));
        vfs.delete("a");
        assertFalse(vfs.exists("a"));
    }

    @Test
    void missingFileWithoutCreateCannotOpen() {
        PetrelException e = assertThrows(PetrelException.class, () -> new MemoryVfs().open("x", Vfs.OPEN_READWRITE));
        assertEquals(ResultCode.CANTOPEN, e.code());
    }

    @Test
    void locksFollowSqliteLevels() {
        MemoryVfs vfs = new MemoryVfs();
        VfsFile a = vfs.open("db", Vfs.OPEN_CREATE | Vfs.OPEN_READWRITE);
        VfsFile b = vfs.open("db", Vfs.OPEN_READWRITE);
        assertTrue(a.lock(VfsFile.LOCK_SHARED));
        assertTrue(b.lock(VfsFile.LOCK_SHARED));
        assertTrue(a.lock(VfsFile.LOCK_RESERVED));
        assertFalse(b.lock(VfsFile.LOCK_RESERVED), "only one RESERVED");
        assertFalse(a.lock(VfsFile.LOCK_EXCLUSIVE), "b still reads");
        b.unlock(VfsFile.LOCK_NONE);
        assertTrue(a.lock(VfsFile.LOCK_EXCLUSIVE));
        assertFalse(b.lock(VfsFile.LOCK_SHARED), "EXCLUSIVE excludes readers");
        a.unlock(VfsFile.LOCK_SHARED);
        assertTrue(b.lock(VfsFile.LOCK_SHARED));
        assertTrue(b.checkReservedLock() == false);
    }

    @Test
    void deleteOnClose() {
        MemoryVfs vfs = new MemoryVfs();
        VfsFile f = vfs.open("t", Vfs.OPEN_CREATE | Vfs.OPEN_READWRITE | Vfs.OPEN_DELETE_ON_CLOSE);
        f.write(0, new byte[10], 0, 10);
        f.close();
        assertFalse(vfs.exists("t"));
    }
}
