package dev.petrel.pager;

import dev.petrel.api.PetrelException;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The rollback journal of one write transaction: the original images of the pages it changes, in SQLite's journal
 * format, and their playback.
 *
 * <p>Format (sqlite.org/fileformat2.html section 4.1; all integers big-endian). A journal is one or more segments;
 * each starts with a header padded with zeros to the sector size, followed by page records:
 * <pre>
 * header
 * OFFSET SIZE MEANING
 *   0     8  magic d9 d5 05 f9 20 a1 63 d7
 *   8     4  number of page records in this segment; 0xffffffff: up to the end of the file
 *  12     4  checksum nonce of this segment
 *  16     4  database size in pages when the transaction began
 *  20     4  sector size (the header is padded to it)
 *  24     4  page size
 * page record
 *   0     4  page number
 *   4     N  the page's original image (N = page size)
 * 4+N     4  checksum: nonce + the bytes at N-200, N-400, ... (each an unsigned byte)
 * </pre>
 * Contract with the {@link Pager}: {@link #begin} before the first {@link #append}; the journal must be
 * {@link #syncForWrite synced} before any database page is overwritten (invariant (J1) of the pager); the commit
 * point is {@link #finish}. Petrel writes one segment per transaction and fills in the record count in place; it
 * reads any number of segments (as SQLite writes them). In {@link JournalMode#MEMORY} and {@link JournalMode#OFF}
 * the records stay on the heap and nothing touches the file system.
 */
final class RollbackJournal {
    static final byte[] MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63, (byte) 0xd7};
    static final int MAGIC_OFFSET = 0;
    static final int RECORD_COUNT_OFFSET = 8;
    static final int NONCE_OFFSET = 12;
    static final int INITIAL_PAGES_OFFSET = 16;
    static final int SECTOR_SIZE_OFFSET = 20;
    static final int PAGE_SIZE_OFFSET = 24;
    static final int HEADER_BYTES = 28;
    /** Record count meaning "records run to the end of the file" (written when the journal is never synced). */
    static final int COUNT_TO_EOF = -1;
    /** Record layout: page number, image, checksum. */
    static final int RECORD_PGNO_BYTES = 4;
    static final int RECORD_CHECKSUM_BYTES = 4;
    /** The checksum samples one byte every this many, from the end of the page backwards. */
    static final int CHECKSUM_STRIDE = 200;

    private final Vfs vfs;
    private final String path;
    private final boolean inMemory;
    private VfsFile file;
    private int pageSize;
    private int sectorSize;
    private int initialPages;
    private int nonce;
    private int recordCount;
    /** The record count the header on disk holds. */
    private int headerCount;
    private boolean noSync;
    /** Whether the header (and every record it counts) has been synced since {@link #begin}. */
    private boolean headerDurable;
    private final List<byte[]> memoryRecords = new ArrayList<>();
    private final List<Integer> memoryPgnos = new ArrayList<>();
    /**
     * Image buffers of ended in-memory journals, reused by {@link #append}: an autocommit statement journals the
     * same few pages every time, and a fresh copy per page and commit was most of its allocation.
     */
    private final List<byte[]> spareImages = new ArrayList<>();
    /** At most this many spare buffers are kept (a large transaction's journal is not held on to). */
    private static final int MAX_SPARE_IMAGES = 64;

    RollbackJournal(Vfs vfs, String path, boolean inMemory) {
        this.vfs = vfs;
        this.path = path;
        this.inMemory = inMemory;
    }

    int recordCount() {
        return recordCount;
    }

    int initialPages() {
        return initialPages;
    }

    /** Starts the journal of a transaction on a database of {@code initialPages} pages. */
    void begin(int pageSize, int sectorSize, int initialPages, int nonce, boolean noSync) {
        this.pageSize = pageSize;
        this.sectorSize = sectorSize;
        this.initialPages = initialPages;
        this.nonce = nonce;
        this.noSync = noSync;
        this.recordCount = 0;
        this.headerDurable = false;
        recycleMemoryRecords();
        if (inMemory) {
            return;
        }
        closeHandle();
        file = vfs.open(path, Vfs.OPEN_MAIN_JOURNAL | Vfs.OPEN_READWRITE | Vfs.OPEN_CREATE);
        headerCount = noSync ? COUNT_TO_EOF : 0;
        byte[] header = new byte[sectorSize];
        System.arraycopy(MAGIC, 0, header, MAGIC_OFFSET, MAGIC.length);
        Bytes.putInt(header, RECORD_COUNT_OFFSET, headerCount);
        Bytes.putInt(header, NONCE_OFFSET, nonce);
        Bytes.putInt(header, INITIAL_PAGES_OFFSET, initialPages);
        Bytes.putInt(header, SECTOR_SIZE_OFFSET, sectorSize);
        Bytes.putInt(header, PAGE_SIZE_OFFSET, pageSize);
        try {
            file.write(0, header, 0, header.length);
        } catch (PetrelException e) {
            closeHandle();
            throw e;
        }
    }

    /** Appends the original image of page {@code pgno}. */
    void append(int pgno, byte[] image) {
        if (inMemory) {
            byte[] copy = spareImages.isEmpty() ? null : spareImages.remove(spareImages.size() - 1);
            if (copy == null || copy.length != image.length) {
                copy = new byte[image.length];
            }
            System.arraycopy(image, 0, copy, 0, image.length);
            memoryPgnos.add(pgno);
            memoryRecords.add(copy);
            recordCount++;
            return;
        }
        byte[] record = new byte[RECORD_PGNO_BYTES + pageSize + RECORD_CHECKSUM_BYTES];
        Bytes.putInt(record, 0, pgno);
        System.arraycopy(image, 0, record, RECORD_PGNO_BYTES, pageSize);
        Bytes.putInt(record, RECORD_PGNO_BYTES + pageSize, checksum(nonce, image, 0, pageSize));
        file.write(recordOffset(sectorSize, pageSize, recordCount), record, 0, record.length);
        recordCount++;
    }

    /**
     * Makes every record durable and the header count cover them: the precondition (J1) for overwriting database
     * pages. FULL syncs the records before writing the count and syncs again; NORMAL writes the count and syncs
     * once; OFF leaves the count at "to end of file".
     */
    void syncForWrite(Synchronous sync) {
        if (inMemory || noSync || sync == Synchronous.OFF) {
            return;
        }
        if (headerCount == recordCount && headerDurable) {
            return;
        }
        if (headerCount != recordCount) {
            if (sync == Synchronous.FULL) {
                file.sync(VfsFile.SYNC_FULL);
            }
            byte[] count = new byte[4];
            Bytes.putInt(count, 0, recordCount);
            file.write(RECORD_COUNT_OFFSET, count, 0, count.length);
        }
        // Even with no records the header must be durable: its initial size is what a rollback truncates to.
        file.sync(sync == Synchronous.FULL ? VfsFile.SYNC_FULL : VfsFile.SYNC_NORMAL);
        headerCount = recordCount;
        headerDurable = true;
    }

    /** Ends the journal: the commit point of the transaction (or the end of a rollback). */
    void finish(JournalMode mode, Synchronous sync) {
        if (!inMemory && file != null) {
            if (mode == JournalMode.TRUNCATE) {
                file.truncate(0);
                if (sync == Synchronous.FULL) {
                    file.sync(VfsFile.SYNC_FULL);
                }
            } else if (mode == JournalMode.PERSIST) {
                file.write(0, new byte[HEADER_BYTES], 0, HEADER_BYTES);
                if (sync == Synchronous.FULL) {
                    file.sync(VfsFile.SYNC_FULL);
                }
            }
            VfsFile f = file;
            file = null;
            f.close();
            if (mode != JournalMode.TRUNCATE && mode != JournalMode.PERSIST) {
                vfs.delete(path);
            }
        }
        recycleMemoryRecords();
        recordCount = 0;
    }

    /** Empties the in-memory journal, keeping some of its image buffers for the next transaction. */
    private void recycleMemoryRecords() {
        for (int i = 0; i < memoryRecords.size() && spareImages.size() < MAX_SPARE_IMAGES; i++) {
            spareImages.add(memoryRecords.get(i));
        }
        memoryRecords.clear();
        memoryPgnos.clear();
    }

    /** Closes the file handle without ending the journal (the pager is closing or failed). */
    void closeHandle() {
        if (file != null) {
            file.close();
            file = null;
        }
    }

    /**
     * Writes every original image of this transaction back into {@code db} and cuts it to its initial size: the
     * in-process rollback of a transaction that already overwrote database pages.
     */
    void playback(VfsFile db, Synchronous sync) {
        if (inMemory) {
            for (int i = 0; i < recordCount; i++) {
                int pgno = memoryPgnos.get(i);
                if (pgno <= initialPages) {
                    db.write((long) (pgno - 1) * pageSize, memoryRecords.get(i), 0, pageSize);
                }
            }
            finishPlayback(db, initialPages, pageSize, sync);
            return;
        }
        if (file == null) {
            if (!vfs.exists(path)) {
                // Nothing was journaled durably; what is left to undo is the growth of the file.
                finishPlayback(db, initialPages, pageSize, sync);
                return;
            }
            file = vfs.open(path, Vfs.OPEN_MAIN_JOURNAL | Vfs.OPEN_READWRITE);
        }
        playbackFile(file, db, recordCount, sync);
    }

    /**
     * Whether the journal file holds a transaction to roll back: it exists, is not empty and starts with the magic.
     * The caller checks that no connection holds a RESERVED lock (else the journal is live, not hot).
     */
    static boolean isHot(Vfs vfs, String path) {
        if (!vfs.exists(path)) {
            return false;
        }
        VfsFile f = vfs.open(path, Vfs.OPEN_MAIN_JOURNAL | Vfs.OPEN_READWRITE);
        try {
            if (f.size() < HEADER_BYTES) {
                return false;
            }
            byte[] magic = new byte[MAGIC.length];
            f.read(MAGIC_OFFSET, magic, 0, magic.length);
            return Bytes.startsWith(magic, 0, MAGIC);
        } finally {
            f.close();
        }
    }

    /** Rolls back a hot journal into {@code db} and ends it as {@code mode} does. */
    static void rollbackHot(Vfs vfs, String path, VfsFile db, JournalMode mode, Synchronous sync) {
        VfsFile f = vfs.open(path, Vfs.OPEN_MAIN_JOURNAL | Vfs.OPEN_READWRITE);
        try {
            playbackFile(f, db, -1, sync);
            if (mode == JournalMode.TRUNCATE) {
                f.truncate(0);
            } else if (mode == JournalMode.PERSIST) {
                f.write(0, new byte[HEADER_BYTES], 0, HEADER_BYTES);
            }
            if (mode == JournalMode.TRUNCATE || mode == JournalMode.PERSIST) {
                if (sync != Synchronous.OFF) {
                    f.sync(VfsFile.SYNC_FULL);
                }
            }
        } finally {
            f.close();
        }
        if (mode != JournalMode.TRUNCATE && mode != JournalMode.PERSIST) {
            vfs.delete(path);
        }
    }

    /**
     * Plays back the segments of a journal file. {@code maxRecords} < 0 trusts the headers' record counts (a hot
     * journal); otherwise exactly that many records of the first segment (our own transaction) are read. A record
     * whose checksum fails ends the playback: it was never made durable, so neither was anything after it.
     */
    private static void playbackFile(VfsFile journal, VfsFile db, int maxRecords, Synchronous sync) {
        long size = journal.size();
        long offset = 0;
        int truncatePages = -1;
        int dbPageSize = 0;
        byte[] header = new byte[HEADER_BYTES];
        boolean first = true;
        while (offset + HEADER_BYTES <= size) {
            journal.read(offset, header, 0, HEADER_BYTES);
            if (!Bytes.startsWith(header, MAGIC_OFFSET, MAGIC)) {
                break;
            }
            int count = Bytes.getInt(header, RECORD_COUNT_OFFSET);
            int segNonce = Bytes.getInt(header, NONCE_OFFSET);
            int initial = Bytes.getInt(header, INITIAL_PAGES_OFFSET);
            int sector = Bytes.getInt(header, SECTOR_SIZE_OFFSET);
            int ps = Bytes.getInt(header, PAGE_SIZE_OFFSET);
            if (!FileHeader.isValidPageSize(ps) || sector < 32 || sector > 65536 || (sector & (sector - 1)) != 0
                    || initial < 0) {
                break;
            }
            if (first) {
                truncatePages = initial;
                dbPageSize = ps;
                first = false;
            } else if (ps != dbPageSize) {
                break;
            }
            if (maxRecords >= 0) {
                count = maxRecords;
            }
            long recordBytes = RECORD_PGNO_BYTES + (long) ps + RECORD_CHECKSUM_BYTES;
            long pos = offset + sector;
            byte[] record = new byte[(int) recordBytes];
            boolean stop = false;
            int done = 0;
            while ((count == COUNT_TO_EOF || done < count) && pos + recordBytes <= size) {
                journal.read(pos, record, 0, record.length);
                int pgno = Bytes.getInt(record, 0);
                int stored = Bytes.getInt(record, RECORD_PGNO_BYTES + ps);
                if (pgno <= 0 || stored != checksum(segNonce, record, RECORD_PGNO_BYTES, ps)) {
                    stop = true;
                    break;
                }
                if (pgno <= truncatePages) {
                    db.write((long) (pgno - 1) * ps, record, RECORD_PGNO_BYTES, ps);
                }
                pos += recordBytes;
                done++;
            }
            if (stop || count == COUNT_TO_EOF || maxRecords >= 0 || done < count) {
                break;
            }
            offset = ((pos + sector - 1) / sector) * sector;
        }
        if (truncatePages >= 0) {
            finishPlayback(db, truncatePages, dbPageSize, sync);
        }
    }

    private static void finishPlayback(VfsFile db, int pages, int pageSize, Synchronous sync) {
        long bytes = (long) pages * pageSize;
        if (db.size() > bytes) {
            db.truncate(bytes);
        }
        if (sync != Synchronous.OFF) {
            db.sync(VfsFile.SYNC_FULL);
        }
    }

    static long recordOffset(int sectorSize, int pageSize, int index) {
        return sectorSize + (long) index * (RECORD_PGNO_BYTES + pageSize + RECORD_CHECKSUM_BYTES);
    }

    /** The record checksum: the nonce plus every 200th byte of the image counted back from its end. */
    static int checksum(int nonce, byte[] image, int off, int pageSize) {
        int sum = nonce;
        for (int x = pageSize - CHECKSUM_STRIDE; x >= 0; x -= CHECKSUM_STRIDE) {
            sum += image[off + x] & 0xff;
        }
        return sum;
    }
}
