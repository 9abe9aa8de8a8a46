package dev.petrel.vfs;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.vfs.FaultInjectingVfs.Op;
import dev.petrel.vfs.FaultInjectingVfs.PowerLoss;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FaultInjectingVfsTest {
    private static final int RW = Vfs.OPEN_CREATE | Vfs.OPEN_READWRITE;

    private static byte[] filled(int len, int value) {
        byte[] b = new byte[len];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void failNthFailsExactlyThatCallWithItsCode() {
        FaultInjectingVfs vfs = new FaultInjectingVfs(new MemoryVfs(), 1);
        VfsFile f = vfs.open("a", RW);
        vfs.failNth(Op.WRITE, 2);
        f.write(0, filled(10, 1), 0, 10);
        PetrelException e = assertThrows(PetrelException.class, () -> f.write(10, filled(10, 2), 0, 10));
        assertEquals(ResultCode.IOERR_WRITE, e.code());
        assertEquals(10, f.size(), "a failed write changes nothing");
        f.write(10, filled(10, 3), 0, 10);
        vfs.failNth(Op.SYNC, 1);
        assertEquals(ResultCode.IOERR_FSYNC, assertThrows(PetrelException.class, () -> f.sync(0)).code());
        vfs.failNth(Op.TRUNCATE, 1);
        assertEquals(ResultCode.IOERR_TRUNCATE, assertThrows(PetrelException.class, () -> f.truncate(0)).code());
        vfs.failNth(Op.READ, 1);
        assertEquals(ResultCode.IOERR_READ,
                assertThrows(PetrelException.class, () -> f.read(0, new byte[4], 0, 4)).code());
        assertEquals(4, vfs.faultsInjected());
        assertEquals(3, vfs.calls(Op.WRITE));
    }

    @Test
    void randomFailuresAreDeterministicFromTheSeed() {
        assertArrayEquals(failurePattern(42), failurePattern(42));
        assertFalse(Arrays.equals(failurePattern(42), failurePattern(43)));
    }

    private static boolean[] failurePattern(long seed) {
        FaultInjectingVfs vfs = new FaultInjectingVfs(new MemoryVfs(), seed);
        VfsFile f = vfs.open("a", RW);
        vfs.failRandomly(Op.WRITE, 0.3);
        boolean[] failed = new boolean[64];
        for (int i = 0; i < failed.length; i++) {
            try {
                f.write(i, new byte[1], 0, 1);
            } catch (PetrelException e) {
                failed[i] = true;
            }
        }
        return failed;
    }

    @Test
    void powerLossDropsUnsyncedWritesAndKillsHandles() {
        MemoryVfs base = new MemoryVfs();
        FaultInjectingVfs vfs = new FaultInjectingVfs(base, 7);
        VfsFile f = vfs.open("a", RW);
        f.write(0, filled(1024, 1), 0, 1024);
        f.sync(VfsFile.SYNC_FULL);
        f.write(0, filled(1024, 2), 0, 1024);
        f.write(1024, filled(1024, 2), 0, 1024);
        vfs.powerLossNow(PowerLoss.DROP_UNSYNCED);
        assertTrue(vfs.hasCrashed());
        assertThrows(PetrelException.class, () -> f.read(0, new byte[1], 0, 1));
        assertThrows(PetrelException.class, () -> vfs.open("a", RW));
        vfs.restart();
        assertArrayEquals(filled(1024, 1), base.snapshot("a"));
        VfsFile g = vfs.open("a", RW);
        assertTrue(g.lock(VfsFile.LOCK_EXCLUSIVE), "the dead handle's locks are gone");
        g.close();
    }

    @Test
    void tearKeepsFirstHalfNewSecondHalfOld() {
        MemoryVfs base = new MemoryVfs();
        FaultInjectingVfs vfs = new FaultInjectingVfs(base, 7);
        VfsFile f = vfs.open("a", RW);
        f.write(0, filled(1024, 1), 0, 1024);
        f.sync(VfsFile.SYNC_FULL);
        f.write(0, filled(1024, 2), 0, 1024);
        vfs.powerLossNow(PowerLoss.TEAR);
        vfs.restart();
        byte[] after = base.snapshot("a");
        byte[] expected = filled(1024, 1);
        Arrays.fill(expected, 0, 512, (byte) 2);
        assertArrayEquals(expected, after);
    }

    @Test
    void powerLossAtCountsMutationsAndSurvivorsAreDeterministic() {
        assertArrayEquals(survivors(5), survivors(5));
        boolean differs = false;
        for (long seed = 6; seed < 20 && !differs; seed++) {
            differs = !Arrays.equals(survivors(5), survivors(seed));
        }
        assertTrue(differs, "the seed picks which unsynced writes survive");
    }

    private static byte[] survivors(long seed) {
        MemoryVfs base = new MemoryVfs();
        FaultInjectingVfs vfs = new FaultInjectingVfs(base, seed);
        VfsFile f = vfs.open("a", RW);
        vfs.powerLossAt(9, PowerLoss.KEEP_RANDOM);
        try {
            for (int i = 0; i < 10; i++) {
                f.write(i * 600L, filled(600, i + 1), 0, 600);
            }
            fail("power should have been lost at the 9th write");
        } catch (PetrelException e) {
            assertTrue(vfs.hasCrashed());
        }
        assertEquals(9, vfs.mutations());
        vfs.restart();
        return base.snapshot("a");
    }

    @Test
    void truncateAndDeleteAreDurableAtOnce() {
        MemoryVfs base = new MemoryVfs();
        FaultInjectingVfs vfs = new FaultInjectingVfs(base, 3);
        VfsFile f = vfs.open("a", RW);
        f.write(0, filled(100, 1), 0, 100);
        f.sync(0);
        f.truncate(10);
        VfsFile g = vfs.open("b", RW);
        g.write(0, filled(10, 1), 0, 10);
        g.sync(0);
        vfs.delete("b");
        vfs.powerLossNow(PowerLoss.DROP_UNSYNCED);
        vfs.restart();
        assertEquals(10, base.snapshot("a").length);
        assertFalse(base.exists("b"));
    }
}
