package dev.petrel.pager;

import dev.petrel.api.PetrelException;
import dev.petrel.vfs.SplitMix64;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write-ahead log of one database: appends page images as frames, finds the newest committed frame of a page,
 * recovers its index from the file, and checkpoints frames back into the database.
 *
 * <p>Format (sqlite.org/fileformat2.html section 4.2 and walformat.html; all integers big-endian):
 * <pre>
 * WAL header (32 bytes)
 * OFFSET SIZE MEANING
 *   0     4  magic 0x377f0682 (checksum words little-endian) or 0x377f0683 (big-endian); Petrel writes 0x377f0683
 *   4     4  format version 3007000
 *   8     4  page size
 *  12     4  checkpoint sequence number
 *  16     4  salt-1: incremented at every WAL restart
 *  20     4  salt-2: a new random value at every WAL restart
 *  24     4  checksum-1 over bytes 0..23
 *  28     4  checksum-2
 * frame header (24 bytes), followed by one page image
 *   0     4  page number
 *   4     4  for a commit frame, the database size in pages after the commit; otherwise 0
 *   8     4  salt-1, copied from the WAL header
 *  12     4  salt-2, copied from the WAL header
 *  16     4  checksum-1: cumulative over the WAL header checksum, every earlier frame, bytes 0..7 of this header
 *  20     4  checksum-2  and the page image
 * </pre>
 * The checksum runs over 32-bit words x0,x1 pairwise: s0 += x0 + s1; s1 += x1 + s0.
 *
 * <p>Invariants:
 * <ol>
 *   <li>(W1) A frame is valid when its salts match the header's and its checksum matches; only frames up to the last
 *       valid commit frame count. Recovery stops at the first invalid frame.</li>
 *   <li>(W2) The committed index maps a page to its newest frame at or below {@code mxFrame}; the writer's own
 *       uncommitted frames are indexed apart and dropped by a rollback.</li>
 *   <li>(W3) A checkpoint syncs the WAL before it overwrites database pages, and syncs the database before the WAL
 *       may be restarted, so a power loss at any point leaves either the WAL or the database holding every committed
 *       page.</li>
 *   <li>(W4) A restart changes salt-1, so frames left over from the previous generation fail (W1).</li>
 * </ol>
 * The index lives in this object (one process owns the database); a second {@code Pager} on the same files keeps
 * its own and catches up by re-reading new frames at the start of each read transaction ({@link #refresh}).
 */
final class Wal {
    static final int MAGIC_LITTLE_ENDIAN = 0x377f0682;
    static final int MAGIC_BIG_ENDIAN = 0x377f0683;
    static final int FORMAT_VERSION = 3007000;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int PAGE_SIZE_OFFSET = 8;
    static final int CHECKPOINT_SEQ_OFFSET = 12;
    static final int SALT1_OFFSET = 16;
    static final int SALT2_OFFSET = 20;
    static final int CHECKSUM1_OFFSET = 24;
    static final int CHECKSUM2_OFFSET = 28;
    static final int HEADER_BYTES = 32;
    static final int FRAME_PGNO_OFFSET = 0;
    static final int FRAME_COMMIT_SIZE_OFFSET = 4;
    static final int FRAME_SALT1_OFFSET = 8;
    static final int FRAME_SALT2_OFFSET = 12;
    static final int FRAME_CHECKSUM1_OFFSET = 16;
    static final int FRAME_CHECKSUM2_OFFSET = 20;
    static final int FRAME_HEADER_BYTES = 24;
    /** Bytes of the frame header the checksum covers (page number and commit size). */
    static final int FRAME_CHECKSUMMED_HEADER_BYTES = 8;

    private final String path;
    private final VfsFile file;
    private final SplitMix64 random;
    private int pageSize;
    /** Checksum word order of the header on disk. */
    private boolean bigEndian = true;
    private int checkpointSeq;
    private int salt1;
    private int salt2;
    /** The index was emptied by a restart: the next frame starts a new generation at frame 1 (W4). */
    private boolean restarted;
    private final int[] headerChecksum = new int[2];

    private int mxFrame;
    private int commitPages;
    private final int[] committedChecksum = new int[2];
    private final Map<Integer, Integer> committed = new HashMap<>();
    private int backfilled;

    private int writePos;
    private final int[] writeChecksum = new int[2];
    private final Map<Integer, Integer> uncommitted = new HashMap<>();

    private Wal(String path, VfsFile file, int pageSize, SplitMix64 random) {
        this.path = path;
        this.file = file;
        this.pageSize = pageSize;
        this.random = random;
        this.salt1 = random.nextInt();
    }

    /** Opens (creating) the WAL file and recovers its index; {@code pageSize} 0 accepts the WAL's own. */
    static Wal open(Vfs vfs, String path, int pageSize, SplitMix64 random) {
        VfsFile f = vfs.open(path, Vfs.OPEN_WAL | Vfs.OPEN_READWRITE | Vfs.OPEN_CREATE);
        Wal wal = new Wal(path, f, pageSize, random);
        try {
            wal.recover();
        } catch (PetrelException e) {
            f.close();
            throw e;
        }
        return wal;
    }

    String path() {
        return path;
    }

    int pageSize() {
        return pageSize;
    }

    /** Changes the page size of a WAL that holds no frame (a new database whose page size was set late). */
    void setPageSize(int size) {
        if (mxFrame == 0 && writePos == 0) {
            pageSize = size;
        }
    }

    /** The last committed frame (0: the WAL holds no committed frame). */
    int mxFrame() {
        return mxFrame;
    }

    int backfilled() {
        return backfilled;
    }

    /** The database size in pages as of the last commit in the WAL, or {@code dbPages} if there is none. */
    int pageCount(int dbPages) {
        return mxFrame > 0 ? commitPages : dbPages;
    }

    /** Whether every committed frame is in the database file, so the WAL could start over. */
    boolean fullyBackfilled() {
        return mxFrame > 0 && backfilled >= mxFrame;
    }

    /** The frame holding the newest image of {@code pgno} visible to this connection, or 0 (W2). */
    int find(int pgno) {
        Integer f = uncommitted.get(pgno);
        if (f == null) {
            f = committed.get(pgno);
        }
        return f == null ? 0 : f;
    }

    void readFrame(int frame, byte[] dst) {
        int n = file.read(frameOffset(frame) + FRAME_HEADER_BYTES, dst, 0, pageSize);
        if (n < pageSize) {
            throw PetrelException.corrupt(0, "WAL frame " + frame + " is short");
        }
    }

    private long frameOffset(int frame) {
        return HEADER_BYTES + (long) (frame - 1) * (FRAME_HEADER_BYTES + pageSize);
    }

    // ---- recovery -------------------------------------------------------------------------------------------

    /** Rebuilds the index from the file (W1). */
    void recover() {
        mxFrame = 0;
        commitPages = 0;
        committed.clear();
        uncommitted.clear();
        backfilled = 0;
        restarted = false;
        byte[] header = new byte[HEADER_BYTES];
        if (file.size() < HEADER_BYTES || !readHeader(header)) {
            writePos = 0;
            return;
        }
        committedChecksum[0] = headerChecksum[0];
        committedChecksum[1] = headerChecksum[1];
        scanFrames(new ArrayList<>());
        writePos = mxFrame;
        writeChecksum[0] = committedChecksum[0];
        writeChecksum[1] = committedChecksum[1];
    }

    private boolean readHeader(byte[] header) {
        file.read(0, header, 0, HEADER_BYTES);
        int magic = Bytes.getInt(header, MAGIC_OFFSET);
        if (magic != MAGIC_BIG_ENDIAN && magic != MAGIC_LITTLE_ENDIAN) {
            return false;
        }
        int ps = Bytes.getInt(header, PAGE_SIZE_OFFSET);
        if (Bytes.getInt(header, VERSION_OFFSET) != FORMAT_VERSION || !FileHeader.isValidPageSize(ps)
                || (pageSize != 0 && ps != pageSize)) {
            return false;
        }
        boolean be = magic == MAGIC_BIG_ENDIAN;
        int[] sum = new int[2];
        checksum(be, header, 0, CHECKSUM1_OFFSET, sum);
        if (sum[0] != Bytes.getInt(header, CHECKSUM1_OFFSET) || sum[1] != Bytes.getInt(header, CHECKSUM2_OFFSET)) {
            return false;
        }
        bigEndian = be;
        pageSize = ps;
        checkpointSeq = Bytes.getInt(header, CHECKPOINT_SEQ_OFFSET);
        salt1 = Bytes.getInt(header, SALT1_OFFSET);
        salt2 = Bytes.getInt(header, SALT2_OFFSET);
        headerChecksum[0] = sum[0];
        headerChecksum[1] = sum[1];
        return true;
    }

    /**
     * Reads valid frames after {@code mxFrame}, extending the committed index up to the last commit frame; adds the
     * page numbers that changed to {@code changed}.
     */
    private void scanFrames(List<Integer> changed) {
        long size = file.size();
        int frameBytes = FRAME_HEADER_BYTES + pageSize;
        byte[] frame = new byte[frameBytes];
        int[] sum = {committedChecksum[0], committedChecksum[1]};
        Map<Integer, Integer> pending = new HashMap<>();
        int n = mxFrame;
        while (frameOffset(n + 1) + frameBytes <= size) {
            file.read(frameOffset(n + 1), frame, 0, frameBytes);
            if (Bytes.getInt(frame, FRAME_SALT1_OFFSET) != salt1 || Bytes.getInt(frame, FRAME_SALT2_OFFSET) != salt2) {
                break;
            }
            checksum(bigEndian, frame, 0, FRAME_CHECKSUMMED_HEADER_BYTES, sum);
            checksum(bigEndian, frame, FRAME_HEADER_BYTES, pageSize, sum);
            int pgno = Bytes.getInt(frame, FRAME_PGNO_OFFSET);
            if (sum[0] != Bytes.getInt(frame, FRAME_CHECKSUM1_OFFSET)
                    || sum[1] != Bytes.getInt(frame, FRAME_CHECKSUM2_OFFSET) || pgno <= 0) {
                break;
            }
            n++;
            pending.put(pgno, n);
            int commitSize = Bytes.getInt(frame, FRAME_COMMIT_SIZE_OFFSET);
            if (commitSize != 0) {
                committed.putAll(pending);
                changed.addAll(pending.keySet());
                pending.clear();
                mxFrame = n;
                commitPages = commitSize;
                committedChecksum[0] = sum[0];
                committedChecksum[1] = sum[1];
            }
        }
    }

    /**
     * Catches up with frames other connections committed. Returns null if the WAL was restarted or rewritten (every
     * cached page may be stale), else the page numbers changed since the last call (empty when nothing changed).
     */
    List<Integer> refresh() {
        List<Integer> changed = new ArrayList<>();
        byte[] header = new byte[HEADER_BYTES];
        int oldSalt1 = salt1;
        int oldSalt2 = salt2;
        int oldSeq = checkpointSeq;
        if (file.size() < HEADER_BYTES || !readHeader(header)) {
            if (mxFrame == 0) {
                return changed;
            }
            recover();
            return null;
        }
        if (oldSalt1 != salt1 || oldSalt2 != salt2 || oldSeq != checkpointSeq) {
            recover();
            return null;
        }
        if (restarted) {
            return changed;
        }
        scanFrames(changed);
        writePos = mxFrame;
        writeChecksum[0] = committedChecksum[0];
        writeChecksum[1] = committedChecksum[1];
        return changed;
    }

    // ---- writing --------------------------------------------------------------------------------------------

    /** Starts the next writer's frames right after the last commit. */
    void beginWrite() {
        uncommitted.clear();
        writePos = mxFrame;
        writeChecksum[0] = committedChecksum[0];
        writeChecksum[1] = committedChecksum[1];
    }

    /** Starts a new WAL generation (W4): the next frame overwrites frame 1. Only when fully backfilled. */
    void restart() {
        mxFrame = 0;
        commitPages = 0;
        committed.clear();
        uncommitted.clear();
        backfilled = 0;
        writePos = 0;
        restarted = true;
    }

    /** Appends a frame; {@code commitPages} > 0 makes it a commit frame. */
    void appendFrame(int pgno, byte[] image, int commitPages) {
        if (writePos == 0) {
            writeHeader();
        }
        byte[] frame = new byte[FRAME_HEADER_BYTES + pageSize];
        Bytes.putInt(frame, FRAME_PGNO_OFFSET, pgno);
        Bytes.putInt(frame, FRAME_COMMIT_SIZE_OFFSET, commitPages);
        Bytes.putInt(frame, FRAME_SALT1_OFFSET, salt1);
        Bytes.putInt(frame, FRAME_SALT2_OFFSET, salt2);
        System.arraycopy(image, 0, frame, FRAME_HEADER_BYTES, pageSize);
        int[] sum = {writeChecksum[0], writeChecksum[1]};
        checksum(bigEndian, frame, 0, FRAME_CHECKSUMMED_HEADER_BYTES, sum);
        checksum(bigEndian, frame, FRAME_HEADER_BYTES, pageSize, sum);
        Bytes.putInt(frame, FRAME_CHECKSUM1_OFFSET, sum[0]);
        Bytes.putInt(frame, FRAME_CHECKSUM2_OFFSET, sum[1]);
        file.write(frameOffset(writePos + 1), frame, 0, frame.length);
        writePos++;
        writeChecksum[0] = sum[0];
        writeChecksum[1] = sum[1];
        uncommitted.put(pgno, writePos);
        if (commitPages > 0) {
            this.pendingCommitPages = commitPages;
        }
    }

    private int pendingCommitPages;

    private void writeHeader() {
        byte[] header = new byte[HEADER_BYTES];
        bigEndian = true;
        checkpointSeq++;
        salt1++;
        salt2 = random.nextInt();
        Bytes.putInt(header, MAGIC_OFFSET, MAGIC_BIG_ENDIAN);
        Bytes.putInt(header, VERSION_OFFSET, FORMAT_VERSION);
        Bytes.putInt(header, PAGE_SIZE_OFFSET, pageSize);
        Bytes.putInt(header, CHECKPOINT_SEQ_OFFSET, checkpointSeq);
        Bytes.putInt(header, SALT1_OFFSET, salt1);
        Bytes.putInt(header, SALT2_OFFSET, salt2);
        int[] sum = new int[2];
        checksum(true, header, 0, CHECKSUM1_OFFSET, sum);
        Bytes.putInt(header, CHECKSUM1_OFFSET, sum[0]);
        Bytes.putInt(header, CHECKSUM2_OFFSET, sum[1]);
        file.write(0, header, 0, HEADER_BYTES);
        restarted = false;
        headerChecksum[0] = sum[0];
        headerChecksum[1] = sum[1];
        writeChecksum[0] = sum[0];
        writeChecksum[1] = sum[1];
    }

    /** Makes the frames appended since {@link #beginWrite} (the last one a commit frame) the committed state. */
    void commit(Synchronous sync) {
        if (sync == Synchronous.FULL) {
            file.sync(VfsFile.SYNC_FULL);
        }
        committed.putAll(uncommitted);
        uncommitted.clear();
        mxFrame = writePos;
        commitPages = pendingCommitPages;
        committedChecksum[0] = writeChecksum[0];
        committedChecksum[1] = writeChecksum[1];
    }

    /** Forgets the frames appended since {@link #beginWrite} (W2); the next writer overwrites them. */
    void rollbackWrite() {
        uncommitted.clear();
        writePos = mxFrame;
        writeChecksum[0] = committedChecksum[0];
        writeChecksum[1] = committedChecksum[1];
    }

    // ---- checkpoint -----------------------------------------------------------------------------------------

    /**
     * Copies every committed frame not yet backfilled into {@code db} (W3); the caller holds the locks that keep
     * readers of older snapshots away. Returns the number of frames now backfilled.
     */
    int checkpoint(VfsFile db, Synchronous sync) {
        if (mxFrame > backfilled) {
            if (sync != Synchronous.OFF) {
                file.sync(VfsFile.SYNC_FULL);
            }
            List<int[]> copies = new ArrayList<>();
            for (Map.Entry<Integer, Integer> e : committed.entrySet()) {
                if (e.getValue() > backfilled && e.getKey() <= commitPages) {
                    copies.add(new int[] {e.getKey(), e.getValue()});
                }
            }
            copies.sort((a, b) -> Integer.compare(a[0], b[0]));
            byte[] image = new byte[pageSize];
            for (int[] c : copies) {
                readFrame(c[1], image);
                db.write((long) (c[0] - 1) * pageSize, image, 0, pageSize);
            }
            long bytes = (long) commitPages * pageSize;
            if (db.size() > bytes) {
                db.truncate(bytes);
            }
            if (sync != Synchronous.OFF) {
                db.sync(VfsFile.SYNC_FULL);
            }
            backfilled = mxFrame;
        }
        return backfilled;
    }

    /** After a complete checkpoint: empties the WAL file (TRUNCATE) and starts a new generation. */
    void truncateFile(Synchronous sync) {
        file.truncate(0);
        if (sync == Synchronous.FULL) {
            file.sync(VfsFile.SYNC_FULL);
        }
        restart();
    }

    void close() {
        file.close();
    }

    /** SQLite's WAL checksum over {@code len} bytes (a multiple of 8), continuing from {@code sum}. */
    static void checksum(boolean bigEndian, byte[] b, int off, int len, int[] sum) {
        int s0 = sum[0];
        int s1 = sum[1];
        for (int i = off; i + 8 <= off + len; i += 8) {
            int x0;
            int x1;
            if (bigEndian) {
                x0 = Bytes.getInt(b, i);
                x1 = Bytes.getInt(b, i + 4);
            } else {
                x0 = (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | ((b[i + 3] & 0xff) << 24);
                x1 = (b[i + 4] & 0xff) | ((b[i + 5] & 0xff) << 8) | ((b[i + 6] & 0xff) << 16)
                        | ((b[i + 7] & 0xff) << 24);
            }
            s0 += x0 + s1;
            s1 += x1 + s0;
        }
        sum[0] = s0;
        sum[1] = s1;
    }
}
