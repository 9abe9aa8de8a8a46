package dev.petrel.btree;

import dev.petrel.record.Varint;

/**
 * Cell formats and the local-payload rule: how much of a payload stays on the b-tree page.
 *
 * <p>Cells (sqlite.org/fileformat2.html, 1.6), all integers big-endian:
 * <pre>
 * PAGE TYPE        CELL
 * leaf table (13)  varint payload size P, varint rowid, local payload, [4-byte first overflow page]
 * interior tbl (5) 4-byte left child, varint rowid
 * leaf index (10)  varint payload size P, local payload, [4-byte first overflow page]
 * interior idx (2) 4-byte left child, varint P, local payload, [4-byte first overflow page]
 * </pre>
 * With usable size U: X = U-35 on table leaves and ((U-12)*64/255)-23 on index pages; M = ((U-12)*32/255)-23;
 * K = M+((P-M)%(U-4)). If P &lt;= X the payload is all local; else K bytes are local if K &lt;= X, otherwise M.
 * An overflow page holds a 4-byte next-page number ({@link #OVERFLOW_NEXT_OFFSET}) then U-4 payload bytes.
 */
final class CellCodec {
    /** Overflow page: next overflow page number, 0 on the last. */
    static final int OVERFLOW_NEXT_OFFSET = 0;
    /** Overflow page: first payload byte. */
    static final int OVERFLOW_DATA_OFFSET = 4;
    /** The largest payload SQLite accepts (its hard SQLITE_MAX_LENGTH bound). */
    static final int MAX_PAYLOAD = Integer.MAX_VALUE - 1;

    private CellCodec() {
    }

    /** The smallest usable size SQLite accepts; below it the formulas here would misbehave. */
    static final int MIN_USABLE = 480;

    static int maxLocal(boolean tableLeaf, int usable) {
        return tableLeaf ? usable - 35 : ((usable - 12) * 64 / 255) - 23;
    }

    static int minLocal(int usable) {
        return ((usable - 12) * 32 / 255) - 23;
    }

    /** The number of payload bytes stored on the page for a payload of {@code payloadSize} bytes. */
    static int localSize(long payloadSize, boolean tableLeaf, int usable) {
        checkUsable(usable);
        int max = maxLocal(tableLeaf, usable);
        if (payloadSize <= max) {
            return (int) payloadSize;
        }
        int min = minLocal(usable);
        long k = min + (payloadSize - min) % (usable - OVERFLOW_DATA_OFFSET);
        return k <= max ? (int) k : min;
    }

    /** Payload bytes one overflow page holds. */
    static int overflowCapacity(int usable) {
        checkUsable(usable);
        return usable - OVERFLOW_DATA_OFFSET;
    }

    /** Guards the divisions by U-4 (a zero divisor traps on wasm). */
    static void checkUsable(int usable) {
        if (usable < MIN_USABLE) {
            throw dev.petrel.api.PetrelException.corrupt(1, "usable page size " + usable);
        }
    }

    /** The number of overflow pages a payload needs. */
    static long overflowPageCount(long payloadSize, int localSize, int usable) {
        long rest = payloadSize - localSize;
        int cap = overflowCapacity(usable);
        // cap >= MIN_USABLE - 4 here, so the division below is safe.
        return rest <= 0 ? 0 : (rest + cap - 1) / cap;
    }

    /** An interior table cell. */
    static byte[] interiorTableCell(int childPgno, long rowid) {
        byte[] cell = new byte[PageHeader.PGNO_SIZE + Varint.size(rowid)];
        putInt(cell, 0, childPgno);
        Varint.write(cell, PageHeader.PGNO_SIZE, rowid);
        return cell;
    }

    /** An interior cell made of a child pointer and the body of a leaf index cell. */
    static byte[] withChild(int childPgno, byte[] leafIndexCell) {
        byte[] cell = new byte[PageHeader.PGNO_SIZE + leafIndexCell.length];
        putInt(cell, 0, childPgno);
        System.arraycopy(leafIndexCell, 0, cell, PageHeader.PGNO_SIZE, leafIndexCell.length);
        return cell;
    }

    /** The leaf index cell of an interior index cell (drops the child pointer). */
    static byte[] withoutChild(byte[] interiorCell) {
        return java.util.Arrays.copyOfRange(interiorCell, PageHeader.PGNO_SIZE, interiorCell.length);
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static int getInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
