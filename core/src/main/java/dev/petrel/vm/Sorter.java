package dev.petrel.vm;

import dev.petrel.record.Record;
import dev.petrel.record.RecordComparator;
import dev.petrel.record.TextEncoding;
import dev.petrel.record.Varint;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The sorter behind ORDER BY, GROUP BY and DISTINCT: accepts records, then returns them ordered by their first
 * {@code keyFields} fields under a {@link KeyOrder}, equal keys in insertion order (stable, as SQLite's sorter).
 *
 * <p>Keys are compared in their encoded form ({@link RecordComparator}): nothing is decoded to sort, and the
 * buffer holds only the records.
 *
 * <p>Records are buffered in memory; when the buffer passes {@link #memoryLimitBytes}, it is sorted and written
 * as a run to a temporary file of the VFS, and the buffer starts again. Sorting then merges the runs (and the
 * last buffer) with a heap, so memory holds one buffer plus one read block per run, never the whole input.
 *
 * <p>Run file layout: a sequence of entries, each {@code varint n} followed by the {@code n} record bytes; the
 * file ends after the last entry. Invariant: every run is sorted and runs are numbered in insertion order, which
 * is the tie-break of the merge (older runs first, keeping the sort stable).
 */
final class Sorter extends VdbeCursor {
    /** Default spill threshold: the bytes of buffered records before a run is written. */
    static final long DEFAULT_MEMORY_LIMIT_BYTES = 32L << 20;
    private static final int READ_BLOCK_BYTES = 64 * 1024;
    private static final int ENTRY_OVERHEAD_BYTES = 64;
    private static int tempFileCounter;

    private final RecordComparator keyOrder;
    private final Vfs vfs;
    private final long memoryLimitBytes;
    private List<byte[]> buffer = new ArrayList<>();
    private long bufferBytes;
    private final List<String> runPaths = new ArrayList<>();
    private final List<VfsFile> runFiles = new ArrayList<>();
    private final List<Long> runSizes = new ArrayList<>();

    // Reading state after sort().
    private int pos = -1;
    private PriorityQueue<RunReader> heap;
    private byte[] current;
    /** The current record, re-targeted at each row on its first column read (a sorted scan allocates none). */
    private Record currentRec;
    private boolean currentRowRead;

    Sorter(KeyOrder order, int keyFields, Vfs vfs, long memoryLimitBytes) {
        this.keyOrder = order.recordComparator(keyFields);
        this.vfs = vfs;
        this.memoryLimitBytes = memoryLimitBytes;
    }

    /** Number of runs written to temporary files so far (tests check that spilling happens). */
    int runCount() {
        return runPaths.size();
    }

    void add(byte[] rec) {
        buffer.add(rec);
        bufferBytes += rec.length + ENTRY_OVERHEAD_BYTES;
        if (bufferBytes > memoryLimitBytes && vfs != null) {
            spill();
        }
    }

    private int compare(byte[] a, byte[] b) {
        return keyOrder.compare(a, a.length, b, b.length);
    }

    /**
     * Sorts the buffer; equal keys keep their insertion order, as SQLite's sorter returns them (List.sort is a
     * stable merge sort).
     */
    private void sortBuffer() {
        buffer.sort(this::compare);
    }

    private void spill() {
        sortBuffer();
        String path = "petrel-sorter-" + (++tempFileCounter);
        VfsFile f = vfs.open(path, Vfs.OPEN_TEMP | Vfs.OPEN_CREATE | Vfs.OPEN_READWRITE | Vfs.OPEN_DELETE_ON_CLOSE);
        byte[] block = new byte[READ_BLOCK_BYTES];
        int used = 0;
        long off = 0;
        for (byte[] rec : buffer) {
            int need = Varint.size(rec.length) + rec.length;
            if (used + need > block.length) {
                f.write(off, block, 0, used);
                off += used;
                used = 0;
                if (need > block.length) {
                    block = new byte[need];
                }
            }
            used += Varint.write(block, used, rec.length);
            System.arraycopy(rec, 0, block, used, rec.length);
            used += rec.length;
        }
        f.write(off, block, 0, used);
        off += used;
        runPaths.add(path);
        runFiles.add(f);
        runSizes.add(off);
        buffer = new ArrayList<>();
        bufferBytes = 0;
    }

    /** A sequential reader of one sorted source: a run file, or the in-memory buffer. */
    private final class RunReader {
        final int runIdx;
        final VfsFile file;
        final long size;
        long fileOff;
        byte[] block = new byte[0];
        int blockPos;
        int blockLen;
        int memPos;
        byte[] head;

        RunReader(int runIdx, VfsFile file, long size) {
            this.runIdx = runIdx;
            this.file = file;
            this.size = size;
        }

        boolean advance() {
            if (file == null) {
                head = memPos < buffer.size() ? buffer.get(memPos++) : null;
                return head != null;
            }
            ensure(Varint.MAX_BYTES);
            if (blockPos >= blockLen) {
                head = null;
                return false;
            }
            long n = Varint.read(block, blockPos, blockLen);
            blockPos += Varint.sizeAt(block, blockPos, blockLen);
            ensure((int) n);
            head = new byte[(int) n];
            System.arraycopy(block, blockPos, head, 0, (int) n);
            blockPos += (int) n;
            return true;
        }

        /** Makes at least {@code need} bytes (or what is left of the file) available at blockPos. */
        private void ensure(int need) {
            int avail = blockLen - blockPos;
            if (avail >= need || fileOff >= size) {
                return;
            }
            int cap = Math.max(READ_BLOCK_BYTES, need);
            byte[] nb = new byte[cap];
            System.arraycopy(block, blockPos, nb, 0, avail);
            int want = (int) Math.min(cap - avail, size - fileOff);
            file.read(fileOff, nb, avail, want);
            fileOff += want;
            block = nb;
            blockPos = 0;
            blockLen = avail + want;
        }
    }

    /** Sorts and moves to the first record; false if there are none. */
    boolean sort() {
        sortBuffer();
        if (runPaths.isEmpty()) {
            pos = 0;
            return setCurrent();
        }
        heap = new PriorityQueue<>((a, b) -> {
            int c = compare(a.head, b.head);
            return c != 0 ? c : Integer.compare(a.runIdx, b.runIdx);
        });
        for (int i = 0; i < runFiles.size(); i++) {
            RunReader r = new RunReader(i, runFiles.get(i), runSizes.get(i));
            if (r.advance()) {
                heap.add(r);
            }
        }
        RunReader mem = new RunReader(runFiles.size(), null, 0);
        if (mem.advance()) {
            heap.add(mem);
        }
        return setCurrent();
    }

    private boolean setCurrent() {
        currentRowRead = false;
        nullRow = false;
        if (heap == null) {
            current = pos < buffer.size() ? buffer.get(pos) : null;
            return current != null;
        }
        RunReader top = heap.peek();
        current = top == null ? null : top.head;
        return current != null;
    }

    @Override
    boolean next() {
        if (heap == null) {
            pos++;
            return setCurrent();
        }
        RunReader top = heap.poll();
        if (top != null && top.advance()) {
            heap.add(top);
        }
        return setCurrent();
    }

    @Override
    byte[] record() {
        return current;
    }

    @Override
    Object column(int i) {
        if (current == null || nullRow) {
            return null;
        }
        if (currentRec == null) {
            currentRec = new Record(current, current.length, TextEncoding.UTF8);
        } else if (!currentRowRead) {
            currentRec.reset(current, current.length, TextEncoding.UTF8);
        }
        currentRowRead = true;
        return currentRec.column(i);
    }

    @Override
    void clear() {
        close();
        buffer = new ArrayList<>();
        bufferBytes = 0;
        pos = -1;
        heap = null;
        current = null;
    }

    @Override
    void close() {
        for (int i = 0; i < runFiles.size(); i++) {
            runFiles.get(i).close();
            vfs.delete(runPaths.get(i));
        }
        runFiles.clear();
        runPaths.clear();
        runSizes.clear();
    }
}
