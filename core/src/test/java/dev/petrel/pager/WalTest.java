package dev.petrel.pager;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.vfs.MemoryVfs;
import org.junit.jupiter.api.Test;

/** WAL recovery rules (W1): only frames up to the last valid commit frame count; recovery stops at the first bad one. */
class WalTest {
    private static final int PAGE = 512;
    private static final int FRAME = Wal.FRAME_HEADER_BYTES + PAGE;

    /** A WAL database with three commits of user_version 1, 2, 3 left in the WAL (no checkpoint). */
    private static MemoryVfs threeCommits() {
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", PAGE);
        p.beginWrite();
        PagerTest.writeNewPages(p, 1, 0);
        p.commit();
        p.endRead();
        p.setJournalMode(JournalMode.WAL);
        p.setWalAutoCheckpoint(0);
        p.setCheckpointOnClose(false);
        for (int v = 1; v <= 3; v++) {
            p.beginWrite();
            PagerTest.rewrite(p, 2, v);
            p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, v);
            p.commit();
        }
        p.close();
        return vfs;
    }

    private static int userVersionAfterReopen(MemoryVfs vfs) {
        Pager p = Pager.open(vfs, "db", PAGE);
        try {
            int uv = p.getHeaderInt(FileHeader.USER_VERSION_OFFSET);
            assertEquals(uv, PagerTest.readTag(p, 2), "page 2 belongs to the same commit as the header");
            return uv;
        } finally {
            p.setCheckpointOnClose(false);
            p.close();
        }
    }

    @Test
    void allCommitsRecovered() {
        MemoryVfs vfs = threeCommits();
        // Each commit wrote page 2 and page 1 (the commit frame): 6 frames.
        assertEquals(Wal.HEADER_BYTES + 6L * FRAME, vfs.snapshot("db-wal").length);
        assertEquals(0x377f0683, FileHeader.getInt(vfs.snapshot("db-wal"), Wal.MAGIC_OFFSET));
        assertEquals(3, userVersionAfterReopen(vfs));
    }

    @Test
    void recoveryStopsAtFirstCorruptFrame() {
        MemoryVfs vfs = threeCommits();
        byte[] wal = vfs.snapshot("db-wal");
        // Corrupt the page image of frame 3 (commit 2's first frame): commits 2 and 3 are gone.
        wal[Wal.HEADER_BYTES + 2 * FRAME + Wal.FRAME_HEADER_BYTES + 10] ^= 1;
        vfs.put("db-wal", wal);
        assertEquals(1, userVersionAfterReopen(vfs));
    }

    @Test
    void framesAfterTheLastCommitDoNotCount() {
        MemoryVfs vfs = threeCommits();
        byte[] wal = vfs.snapshot("db-wal");
        // Cut the last frame (commit 3's commit frame): commit 3's other frame is left without a commit.
        vfs.put("db-wal", java.util.Arrays.copyOf(wal, wal.length - FRAME));
        assertEquals(2, userVersionAfterReopen(vfs));
    }

    @Test
    void wrongSaltEndsTheLog() {
        MemoryVfs vfs = threeCommits();
        byte[] wal = vfs.snapshot("db-wal");
        wal[Wal.HEADER_BYTES + 4 * FRAME + Wal.FRAME_SALT1_OFFSET] ^= 1;
        vfs.put("db-wal", wal);
        assertEquals(2, userVersionAfterReopen(vfs));
    }

    @Test
    void badHeaderChecksumMeansEmptyLog() {
        MemoryVfs vfs = threeCommits();
        byte[] wal = vfs.snapshot("db-wal");
        wal[Wal.SALT2_OFFSET] ^= 1;
        vfs.put("db-wal", wal);
        assertEquals(0, userVersionAfterReopen(vfs));
    }

    @Test
    void checksumMatchesBothByteOrders() {
        byte[] data = new byte[16];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 17 + 3);
        }
        int[] be = new int[2];
        Wal.checksum(true, data, 0, 16, be);
        int x0 = FileHeader.getInt(data, 0);
        int x1 = FileHeader.getInt(data, 4);
        int s0 = x0;
        int s1 = x1 + s0;
        s0 += FileHeader.getInt(data, 8) + s1;
        s1 += FileHeader.getInt(data, 12) + s0;
        assertArrayEquals(new int[] {s0, s1}, be);
        byte[] swapped = new byte[16];
        for (int w = 0; w < 4; w++) {
            for (int b = 0; b < 4; b++) {
                swapped[w * 4 + b] = data[w * 4 + 3 - b];
            }
        }
        int[] le = new int[2];
        Wal.checksum(false, swapped, 0, 16, le);
        assertArrayEquals(be, le);
    }
}
