package dev.petrel.btree;

import static dev.petrel.btree.PageHeader.*;

import dev.petrel.api.PetrelException;
import dev.petrel.pager.Page;
import dev.petrel.record.Varint;
import java.util.List;

/**
 * A validated view of one b-tree page: header fields, cell access, and in-page space management (freeblocks,
 * fragmented bytes, defragmentation). A view lives only while its page is pinned by the caller.
 *
 * <p>Invariants kept by every write method (and checked on read, raising corrupt):
 * <ol>
 *   <li>header end + 2 * cell count &lt;= cell content start &lt;= usable size;</li>
 *   <li>freeblocks are in ascending offset order, each at least 4 bytes, inside the content area, never
 *       overlapping, and two freeblocks are never within 3 bytes of each other (such runs are merged);</li>
 *   <li>the fragmented-bytes count equals the content-area bytes that are in neither a cell nor a freeblock;</li>
 *   <li>every cell occupies at least {@link PageHeader#MIN_CELL_SPACE} bytes.</li>
 * </ol>
 */
final class BtNode {
    final Page page;
    final int pgno;
    /** Offset of the b-tree header (100 on page 1). */
    final int hdr;
    final int usable;
    final int type;
    final boolean leaf;
    final boolean table;
    int cellCount;
    /** Offset of the cell pointer array. */
    final int cellPtrOffset;
    private final byte[] scratch = new byte[PGNO_SIZE + 2 * Varint.MAX_BYTES];

    private BtNode(Page page, int usable, int type) {
        this.page = page;
        this.pgno = page.pgno();
        this.hdr = headerOffset(pgno);
        this.usable = usable;
        this.type = type;
        this.leaf = PageHeader.isLeaf(type);
        this.table = PageHeader.isTable(type);
        this.cellPtrOffset = hdr + headerSize(type);
    }

    /** Validates the header of {@code page} and returns its view. */
    static BtNode load(Page page, int usable) {
        int hdr = headerOffset(page.pgno());
        int type = page.getU8(hdr + TYPE_OFFSET);
        if (!isValidType(type)) {
            throw PetrelException.corrupt(page.pgno(), "invalid b-tree page type " + type);
        }
        BtNode node = new BtNode(page, usable, type);
        int n = page.getU16(hdr + CELL_COUNT_OFFSET);
        node.cellCount = n;
        if (node.cellPtrOffset + CELL_POINTER_SIZE * n > node.contentStart()) {
            throw PetrelException.corrupt(page.pgno(), "cell count " + n + " overlaps the cell content area");
        }
        if (node.contentStart() > usable) {
            throw PetrelException.corrupt(page.pgno(), "cell content start past the usable size");
        }
        return node;
    }

    /** Zeroes the header of {@code page} and makes it an empty page of {@code type}; page must be writable. */
    static BtNode init(Page page, int usable, int type) {
        int hdr = headerOffset(page.pgno());
        page.zero(hdr, headerSize(type));
        page.putU8(hdr + TYPE_OFFSET, type);
        putContentStart(page, hdr, usable);
        BtNode node = new BtNode(page, usable, type);
        node.cellCount = 0;
        return node;
    }

    int contentStart() {
        int v = page.getU16(hdr + CELL_CONTENT_OFFSET);
        return v == 0 ? 65536 : v;
    }

    private static void putContentStart(Page page, int hdr, int v) {
        page.putU16(hdr + CELL_CONTENT_OFFSET, v == 65536 ? 0 : v);
    }

    int fragmentedBytes() {
        return page.getU8(hdr + FRAGMENTED_BYTES_OFFSET);
    }

    int firstFreeblock() {
        return page.getU16(hdr + FIRST_FREEBLOCK_OFFSET);
    }

    int rightChild() {
        return page.getInt(hdr + RIGHT_CHILD_OFFSET);
    }

    void setRightChild(int pgno) {
        page.putInt(hdr + RIGHT_CHILD_OFFSET, pgno);
    }

    int cellPtrEnd() {
        return cellPtrOffset + CELL_POINTER_SIZE * cellCount;
    }

    /** The page offset of cell {@code idx}, validated to lie in the content area. */
    int cellOffset(int idx) {
        int off = page.getU16(cellPtrOffset + CELL_POINTER_SIZE * idx);
        if (off < cellPtrEnd() || off > usable - MIN_CELL_SPACE || off < contentStart()) {
            throw PetrelException.corrupt(pgno, "cell " + idx + " offset " + off + " out of range");
        }
        return off;
    }

    /** The child page number left of cell {@code idx}; {@code idx == cellCount} gives the right child. */
    int childPgno(int idx) {
        return idx == cellCount ? rightChild() : page.getInt(cellOffset(idx));
    }

    /** Parses cell {@code idx} into {@code out}, validating that it fits in the page. */
    CellInfo parseCell(int idx, CellInfo out) {
        return parseCellAt(cellOffset(idx), out);
    }

    CellInfo parseCellAt(int off, CellInfo out) {
        int avail = Math.min(scratch.length, usable - off);
        page.getBytes(off, scratch, 0, avail);
        int p = 0;
        out.childPgno = 0;
        out.overflowPgno = 0;
        if (!leaf) {
            out.childPgno = CellCodec.getInt(scratch, 0);
            p = PGNO_SIZE;
        }
        if (table && !leaf) {
            out.rowid = Varint.read(scratch, p, avail);
            p += Varint.sizeAt(scratch, p, avail);
            out.payloadSize = 0;
            out.localSize = 0;
            out.payloadOffset = off + p;
            out.cellSize = p;
            return out;
        }
        long size = Varint.read(scratch, p, avail);
        p += Varint.sizeAt(scratch, p, avail);
        if (size < 0 || size > CellCodec.MAX_PAYLOAD) {
            throw PetrelException.corrupt(pgno, "payload size " + size);
        }
        if (table) {
            out.rowid = Varint.read(scratch, p, avail);
            p += Varint.sizeAt(scratch, p, avail);
        }
        out.payloadSize = (int) size;
        out.localSize = CellCodec.localSize(size, table, usable);
        out.payloadOffset = off + p;
        int end = out.payloadOffset + out.localSize;
        if (out.localSize < size) {
            if (end + PGNO_SIZE > usable) {
                throw PetrelException.corrupt(pgno, "cell extends past the page");
            }
            out.overflowPgno = page.getInt(end);
            end += PGNO_SIZE;
        } else if (end > usable) {
            throw PetrelException.corrupt(pgno, "cell extends past the page");
        }
        out.cellSize = end - off;
        return out;
    }

    /** The space cell {@code idx} occupies (its size, at least 4). */
    int cellSpace(int idx, CellInfo tmp) {
        return Math.max(MIN_CELL_SPACE, parseCell(idx, tmp).cellSize);
    }

    /** A copy of the on-page bytes of cell {@code idx}. */
    byte[] cellBytes(int idx, CellInfo tmp) {
        int off = cellOffset(idx);
        parseCellAt(off, tmp);
        byte[] b = new byte[tmp.cellSize];
        page.getBytes(off, b, 0, b.length);
        return b;
    }

    /**
     * The rowid of the cell at {@code idx} (table pages), decoding only the varints before it: binary search visits
     * many cells and needs nothing else. The rest of the cell is validated when it is parsed as a cursor's entry.
     */
    long rowidAt(int idx, CellInfo tmp) {
        int off = cellOffset(idx);
        int p = leaf ? off + varintLength(off) : off + PGNO_SIZE;
        return varintAt(p);
    }

    /** The length of the varint at page offset {@code off}, which must end inside the usable area. */
    private int varintLength(int off) {
        int limit = Math.min(Varint.MAX_BYTES, usable - off);
        for (int i = 0; i < limit; i++) {
            if (i == Varint.MAX_BYTES - 1 || (page.getU8(off + i) & 0x80) == 0) {
                return i + 1;
            }
        }
        throw PetrelException.corrupt(pgno, "varint runs past the page");
    }

    /** The varint at page offset {@code off}, which must end inside the usable area. */
    private long varintAt(int off) {
        int limit = Math.min(Varint.MAX_BYTES, usable - off);
        long v = 0;
        for (int i = 0; i < limit; i++) {
            int x = page.getU8(off + i);
            if (i == Varint.MAX_BYTES - 1) {
                return (v << 8) | x;
            }
            v = (v << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw PetrelException.corrupt(pgno, "varint runs past the page");
    }

    /**
     * Total free bytes (gap + freeblocks + fragments), validating the freeblock list (invariant 2, as far as it
     * matters for safety: ascending, in range).
     */
    int freeSpace() {
        int top = contentStart();
        int free = top - cellPtrEnd() + fragmentedBytes();
        int pc = firstFreeblock();
        int prevEnd = 0;
        while (pc != 0) {
            if (pc < top || pc < prevEnd || pc > usable - MIN_CELL_SPACE) {
                throw PetrelException.corrupt(pgno, "freeblock at " + pc + " out of order or range");
            }
            int size = page.getU16(pc + FREEBLOCK_SIZE_OFFSET);
            if (size < MIN_CELL_SPACE || pc + size > usable) {
                throw PetrelException.corrupt(pgno, "freeblock at " + pc + " has size " + size);
            }
            free += size;
            prevEnd = pc + size;
            pc = page.getU16(pc + FREEBLOCK_NEXT_OFFSET);
        }
        if (free > usable - cellPtrOffset) {
            throw PetrelException.corrupt(pgno, "free space exceeds the page");
        }
        return free;
    }

    /** Whether a page holding these cells fits in page {@code pgno}'s usable space. */
    static boolean fits(int pgno, int usable, int type, List<byte[]> cells) {
        return bytesNeeded(pgno, type, cells) <= usable;
    }

    static long bytesNeeded(int pgno, int type, List<byte[]> cells) {
        long need = headerOffset(pgno) + headerSize(type);
        for (byte[] c : cells) {
            need += CELL_POINTER_SIZE + Math.max(MIN_CELL_SPACE, c.length);
        }
        return need;
    }

    /** Rewrites the whole page from a cell list (defragmented). Page must be writable and the cells must fit. */
    static BtNode rebuild(Page page, int usable, int type, List<byte[]> cells, int rightChild) {
        BtNode node = init(page, usable, type);
        int top = usable;
        int ptr = node.cellPtrOffset;
        for (byte[] c : cells) {
            top -= Math.max(MIN_CELL_SPACE, c.length);
            page.putBytes(top, c, 0, c.length);
            zeroPadding(page, top, c.length);
            page.putU16(ptr, top);
            ptr += CELL_POINTER_SIZE;
        }
        if (ptr > top) {
            throw new IllegalStateException("cells do not fit in page " + page.pgno());
        }
        node.cellCount = cells.size();
        page.putU16(node.hdr + CELL_COUNT_OFFSET, cells.size());
        putContentStart(page, node.hdr, top);
        if (!node.leaf) {
            node.setRightChild(rightChild);
        }
        return node;
    }

    /**
     * Zeroes the bytes between a cell shorter than {@link PageHeader#MIN_CELL_SPACE} and the end of its space:
     * SQLite reads the byte after an empty table payload as the record's header size, and only 0 (all columns
     * NULL) is valid there.
     */
    private static void zeroPadding(Page page, int off, int len) {
        if (len < MIN_CELL_SPACE) {
            page.zero(off + len, MIN_CELL_SPACE - len);
        }
    }

    /** Inserts {@code cell} as cell {@code idx} if there is room; returns false (page unchanged) otherwise. */
    boolean insertCell(int idx, byte[] cell) {
        int space = Math.max(MIN_CELL_SPACE, cell.length);
        if (freeSpace() < space + CELL_POINTER_SIZE) {
            return false;
        }
        int off = allocate(space);
        page.putBytes(off, cell, 0, cell.length);
        zeroPadding(page, off, cell.length);
        int at = cellPtrOffset + CELL_POINTER_SIZE * idx;
        page.move(at, at + CELL_POINTER_SIZE, CELL_POINTER_SIZE * (cellCount - idx));
        page.putU16(at, off);
        cellCount++;
        page.putU16(hdr + CELL_COUNT_OFFSET, cellCount);
        return true;
    }

    /** Removes cell {@code idx}, returning its space to the freeblock list. Overflow pages are the caller's. */
    void dropCell(int idx, CellInfo tmp) {
        int off = cellOffset(idx);
        int space = Math.max(MIN_CELL_SPACE, parseCellAt(off, tmp).cellSize);
        int at = cellPtrOffset + CELL_POINTER_SIZE * idx;
        page.move(at + CELL_POINTER_SIZE, at, CELL_POINTER_SIZE * (cellCount - idx - 1));
        cellCount--;
        page.putU16(hdr + CELL_COUNT_OFFSET, cellCount);
        if (cellCount == 0) {
            page.putU16(hdr + FIRST_FREEBLOCK_OFFSET, 0);
            page.putU8(hdr + FRAGMENTED_BYTES_OFFSET, 0);
            putContentStart(page, hdr, usable);
            return;
        }
        freeRange(off, space);
    }

    /**
     * Allocates {@code space} bytes in the content area for a cell whose pointer is about to be added; the caller
     * has checked that free space covers space + 2. Takes a freeblock first fit, else the gap, else defragments.
     */
    private int allocate(int space) {
        int gap = contentStart() - cellPtrEnd();
        if (gap >= CELL_POINTER_SIZE) {
            int link = hdr + FIRST_FREEBLOCK_OFFSET;
            int pc = page.getU16(link);
            int guard = usable;
            while (pc != 0 && guard-- > 0) {
                int size = page.getU16(pc + FREEBLOCK_SIZE_OFFSET);
                int next = page.getU16(pc + FREEBLOCK_NEXT_OFFSET);
                if (size >= space) {
                    int rest = size - space;
                    if (rest < MIN_CELL_SPACE) {
                        int frag = fragmentedBytes() + rest;
                        if (frag <= MAX_FRAGMENTED_BYTES) {
                            page.putU16(link, next);
                            page.putU8(hdr + FRAGMENTED_BYTES_OFFSET, frag);
                            return pc;
                        }
                    } else {
                        page.putU16(pc + FREEBLOCK_SIZE_OFFSET, rest);
                        return pc + rest;
                    }
                }
                link = pc + FREEBLOCK_NEXT_OFFSET;
                pc = next;
            }
        }
        if (gap < space + CELL_POINTER_SIZE) {
            defragment();
            if (contentStart() - cellPtrEnd() < space + CELL_POINTER_SIZE) {
                // The header's fragment count promised space the page does not have.
                throw PetrelException.corrupt(pgno, "free space smaller than the header claims");
            }
        }
        int top = contentStart() - space;
        putContentStart(page, hdr, top);
        return top;
    }

    /** Moves every cell to the end of the page so that all free space is in the gap. */
    void defragment() {
        byte[] image = new byte[usable];
        page.getBytes(0, image, 0, usable);
        CellInfo tmp = new CellInfo();
        int[] offs = new int[cellCount];
        int[] lens = new int[cellCount];
        for (int i = 0; i < cellCount; i++) {
            offs[i] = cellOffset(i);
            lens[i] = parseCellAt(offs[i], tmp).cellSize;
        }
        int top = usable;
        for (int i = 0; i < cellCount; i++) {
            top -= Math.max(MIN_CELL_SPACE, lens[i]);
            if (top < cellPtrEnd()) {
                throw PetrelException.corrupt(pgno, "cells overflow the page while defragmenting");
            }
            page.putBytes(top, image, offs[i], lens[i]);
            zeroPadding(page, top, lens[i]);
            page.putU16(cellPtrOffset + CELL_POINTER_SIZE * i, top);
        }
        putContentStart(page, hdr, top);
        page.putU16(hdr + FIRST_FREEBLOCK_OFFSET, 0);
        page.putU8(hdr + FRAGMENTED_BYTES_OFFSET, 0);
    }

    /** Returns [start, start+size) to the free space, merging with neighbours (invariants 2 and 3). */
    private void freeRange(int start, int size) {
        int end = start + size;
        int frag = fragmentedBytes();
        int prevLink = -1;
        int link = hdr + FIRST_FREEBLOCK_OFFSET;
        int prev = 0;
        int pc = page.getU16(link);
        while (pc != 0 && pc < start) {
            if (pc <= prev) {
                throw PetrelException.corrupt(pgno, "freeblock list out of order");
            }
            prevLink = link;
            prev = pc;
            link = pc + FREEBLOCK_NEXT_OFFSET;
            pc = page.getU16(link);
        }
        int next = pc;
        if (pc != 0) {
            if (pc < end || pc > usable - MIN_CELL_SPACE) {
                throw PetrelException.corrupt(pgno, "freeblock overlaps a freed cell");
            }
            if (pc - end < MIN_CELL_SPACE) {
                frag -= pc - end;
                end = pc + page.getU16(pc + FREEBLOCK_SIZE_OFFSET);
                next = page.getU16(pc + FREEBLOCK_NEXT_OFFSET);
            }
        }
        if (prev != 0) {
            int prevEnd = prev + page.getU16(prev + FREEBLOCK_SIZE_OFFSET);
            if (prevEnd > start) {
                throw PetrelException.corrupt(pgno, "freeblock overlaps a freed cell");
            }
            if (start - prevEnd < MIN_CELL_SPACE) {
                frag -= start - prevEnd;
                start = prev;
                link = prevLink;
            }
        }
        int top = contentStart();
        if (start - top < MIN_CELL_SPACE && start >= top && link == hdr + FIRST_FREEBLOCK_OFFSET) {
            frag -= start - top;
            if (frag < 0 || end > usable) {
                throw PetrelException.corrupt(pgno, "fragmented byte count inconsistent");
            }
            page.putU16(link, next);
            putContentStart(page, hdr, end);
        } else {
            if (frag < 0 || end > usable) {
                throw PetrelException.corrupt(pgno, "fragmented byte count inconsistent");
            }
            page.putU16(start + FREEBLOCK_NEXT_OFFSET, next);
            page.putU16(start + FREEBLOCK_SIZE_OFFSET, end - start);
            page.putU16(link, start);
        }
        page.putU8(hdr + FRAGMENTED_BYTES_OFFSET, frag);
    }
}
