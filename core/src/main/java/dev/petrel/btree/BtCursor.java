package dev.petrel.btree;

import dev.petrel.api.PetrelException;
import dev.petrel.pager.Page;
import dev.petrel.record.IndexKey;
import dev.petrel.record.KeyInfo;
import dev.petrel.record.PayloadSource;
import dev.petrel.record.Record;

/**
 * A position in one b-tree: moves (first/last/next/prev), seeks (rowid, index key prefix), reads the current entry
 * (rowid, key, payload, lazily decoded record) and writes (insert/overwrite, delete) at it.
 *
 * <p>Contract with the VM: open through {@link BTree#openTable} / {@link BTree#openIndex}; close with
 * {@link #close}. Moves return whether the cursor is on an entry. Reading an entry needs a valid cursor. Writes
 * need a cursor opened for writing inside a write transaction. A write through any cursor saves the position of
 * every cursor on that tree (as its key); each restores lazily by seeking back. After {@link #delete} a following
 * {@link #next} (or {@link #prev}) lands on the entry after (before) the deleted one.
 *
 * <p>Invariants:
 * <ol>
 *   <li>While positioned, the pages of the path root..current are pinned ({@link #pages}); a saved cursor pins
 *       nothing.</li>
 *   <li>{@code idx[level]} is the child index taken at an interior level below which the path continues, and the
 *       cell index at the current (deepest) level. Index cursors may rest on an interior cell; table cursors rest
 *       only on leaf cells.</li>
 *   <li>The path is at most {@link #MAX_DEPTH} pages long and never repeats a page (else the file is corrupt).</li>
 * </ol>
 * Not thread-safe.
 */
public final class BtCursor {
    /** Deepest tree accepted; deeper means a cycle or a corrupt file. */
    public static final int MAX_DEPTH = 20;

    private final BTree bt;
    private final int root;
    private final boolean table;
    private final KeyInfo keyInfo;
    private final boolean writable;
    final int[] pgnos = new int[MAX_DEPTH];
    final int[] idx = new int[MAX_DEPTH];
    private final Page[] pages = new Page[MAX_DEPTH];
    private final BtNode[] nodes = new BtNode[MAX_DEPTH];
    int depth;
    private boolean valid;
    /**
     * Pages entered since the last seek or change of direction. A scan in one direction enters each page once, so
     * more entries than the database has pages means a page is shared by two parents (a corrupt DAG, whose scan
     * could otherwise take exponential time).
     */
    private long descents;
    /** +1 after next(), -1 after prev(), 0 after a seek. */
    private int direction;
    private boolean closed;

    private boolean requireSeek;
    private long savedRowid;
    private byte[] savedKey;
    /** After a restore that did not find the saved key: +1 next() stays, -1 prev() stays. */
    private int skipNext;

    private final CellInfo info = new CellInfo();
    /** Scratch cell info and payload buffer of index seeks (never the current entry's {@link #info}). */
    private final CellInfo seekCell = new CellInfo();
    private byte[] keyBuf = new byte[64];
    /** The current row's local payload and its record, reused from row to row by {@link #record()}. */
    private byte[] rowBuf = new byte[64];
    private Record rowRecord;
    private boolean infoValid;
    /** Overflow page numbers of the current cell discovered so far. */
    private int[] chain = new int[0];
    private int chainLen;
    /** Up to this chain length a new link is checked against every earlier one (cycle detection). */
    private static final int CHAIN_SCAN_LIMIT = 64;
    /** The chain's pages as a set once it is longer than {@link #CHAIN_SCAN_LIMIT}. */
    private java.util.HashSet<Integer> chainSet;
    /** Overflow pages read through this cursor (tests check lazy reads). */
    long overflowPagesRead;

    BtCursor(BTree bt, int root, boolean table, KeyInfo keyInfo, boolean writable) {
        this.bt = bt;
        this.root = root;
        this.table = table;
        this.keyInfo = keyInfo == null ? KeyInfo.BINARY : keyInfo;
        this.writable = writable;
    }

    public int rootPgno() {
        return root;
    }

    public boolean isTable() {
        return table;
    }

    // ---- path management ---------------------------------------------------------------------------------------

    private void releasePath() {
        for (int i = 0; i < depth; i++) {
            bt.pager().release(pages[i]);
            pages[i] = null;
            nodes[i] = null;
        }
        depth = 0;
        infoValid = false;
        chainLen = 0;
    }

    private void push(int pgno) {
        if (depth >= MAX_DEPTH) {
            throw PetrelException.corrupt(pgno, "b-tree deeper than " + MAX_DEPTH + " levels");
        }
        if (pgno < 1 || (depth > 0 && pgno == 1)) {
            throw PetrelException.corrupt(pgno, "invalid child page number");
        }
        for (int i = 0; i < depth; i++) {
            if (pgnos[i] == pgno) {
                throw PetrelException.corrupt(pgno, "page appears twice on one b-tree path");
            }
        }
        if (++descents > (long) bt.pager().pageCount() + MAX_DEPTH) {
            throw PetrelException.corrupt(pgno, "page reached twice in one scan");
        }
        Page page = bt.pager().get(pgno);
        BtNode node;
        try {
            node = BtNode.load(page, bt.usableSize());
            if (node.table != table) {
                throw PetrelException.corrupt(pgno, "page of the wrong b-tree kind");
            }
            if (depth > 0 && nodes[depth - 1].leaf) {
                throw PetrelException.corrupt(pgno, "child of a leaf page");
            }
        } catch (RuntimeException e) {
            bt.pager().release(page);
            throw e;
        }
        pgnos[depth] = pgno;
        pages[depth] = page;
        nodes[depth] = node;
        idx[depth] = 0;
        depth++;
        infoValid = false;
        chainLen = 0;
    }

    private void pop() {
        depth--;
        bt.pager().release(pages[depth]);
        pages[depth] = null;
        nodes[depth] = null;
        infoValid = false;
        chainLen = 0;
    }

    /** Positions on the root; returns false if the tree is empty. */
    private boolean moveToRoot() {
        releasePath();
        requireSeek = false;
        skipNext = 0;
        descents = 0;
        direction = 0;
        if (root == 1 && bt.pager().pageCount() == 0) {
            valid = false; // an empty sqlite_schema: the file has no pages yet
            return false;
        }
        push(root);
        BtNode r = nodes[0];
        valid = !(r.leaf && r.cellCount == 0);
        return valid;
    }

    private void pushChild(int pgno) {
        push(pgno);
        if (nodes[depth - 1].cellCount == 0) {
            throw PetrelException.corrupt(pgno, "empty non-root b-tree page");
        }
    }

    private void descendLeftmost() {
        while (!nodes[depth - 1].leaf) {
            BtNode n = nodes[depth - 1];
            pushChild(n.childPgno(idx[depth - 1]));
            idx[depth - 1] = 0;
        }
        idx[depth - 1] = 0;
    }

    private void descendRightmost() {
        while (!nodes[depth - 1].leaf) {
            BtNode n = nodes[depth - 1];
            pushChild(n.childPgno(idx[depth - 1]));
            BtNode c = nodes[depth - 1];
            idx[depth - 1] = c.leaf ? c.cellCount - 1 : c.cellCount;
        }
        idx[depth - 1] = nodes[depth - 1].cellCount - 1;
    }

    // ---- moves -------------------------------------------------------------------------------------------------

    /** Moves to the first entry; false if the tree is empty. */
    public boolean first() {
        checkOpen();
        if (!moveToRoot()) {
            return false;
        }
        idx[0] = 0;
        descendLeftmost();
        valid = nodes[depth - 1].cellCount > 0;
        return valid;
    }

    /** Moves to the last entry; false if the tree is empty. */
    public boolean last() {
        checkOpen();
        if (!moveToRoot()) {
            return false;
        }
        BtNode r = nodes[0];
        idx[0] = r.leaf ? r.cellCount - 1 : r.cellCount;
        if (!r.leaf) {
            descendRightmost();
        }
        valid = nodes[depth - 1].cellCount > 0;
        return valid;
    }

    /** Moves to the next entry; false (and invalid) past the last. */
    public boolean next() {
        checkOpen();
        if (requireSeek) {
            restore();
            if (skipNext > 0) {
                skipNext = 0;
                return valid;
            }
            skipNext = 0;
        }
        if (!valid) {
            return false;
        }
        turn(1);
        infoValid = false;
        chainLen = 0;
        int lvl = depth - 1;
        BtNode node = nodes[lvl];
        if (!node.leaf) {
            idx[lvl]++;
            descendLeftmost();
            return true;
        }
        idx[lvl]++;
        if (idx[lvl] < node.cellCount) {
            return true;
        }
        while (depth > 1) {
            pop();
            lvl = depth - 1;
            node = nodes[lvl];
            if (idx[lvl] < node.cellCount) {
                if (table) {
                    idx[lvl]++;
                    descendLeftmost();
                }
                return true;
            }
        }
        valid = false;
        return false;
    }

    /** Moves to the previous entry; false (and invalid) before the first. */
    public boolean prev() {
        checkOpen();
        if (requireSeek) {
            restore();
            if (skipNext < 0) {
                skipNext = 0;
                return valid;
            }
            skipNext = 0;
        }
        if (!valid) {
            return false;
        }
        turn(-1);
        infoValid = false;
        chainLen = 0;
        int lvl = depth - 1;
        BtNode node = nodes[lvl];
        if (!node.leaf) {
            descendRightmost();
            return true;
        }
        idx[lvl]--;
        if (idx[lvl] >= 0) {
            return true;
        }
        while (depth > 1) {
            pop();
            lvl = depth - 1;
            if (idx[lvl] > 0) {
                idx[lvl]--;
                if (table) {
                    descendRightmost();
                }
                return true;
            }
        }
        valid = false;
        return false;
    }

    private void turn(int dir) {
        if (direction != dir) {
            direction = dir;
            descents = 0;
        }
    }

    /**
     * The number of entries in the tree (OP_Count), walking every page once without moving the cursor. A page
     * reached twice, or more pages than the file has, is corruption.
     */
    public long count() {
        checkOpen();
        long[] budget = {(long) bt.pager().pageCount() + 1};
        return countPage(root, 0, budget);
    }

    private long countPage(int pgno, int level, long[] budget) {
        if (level >= MAX_DEPTH || --budget[0] < 0) {
            throw PetrelException.corrupt(pgno, "b-tree too deep or pages shared");
        }
        if (pgno < 1 || (level > 0 && pgno == 1)) {
            throw PetrelException.corrupt(pgno, "invalid child page number");
        }
        Page page = bt.pager().get(pgno);
        int[] children;
        long n;
        try {
            BtNode node = BtNode.load(page, bt.usableSize());
            if (node.table != table) {
                throw PetrelException.corrupt(pgno, "page of the wrong b-tree kind");
            }
            n = node.leaf || !table ? node.cellCount : 0;
            children = new int[node.leaf ? 0 : node.cellCount + 1];
            for (int i = 0; i < children.length; i++) {
                children[i] = node.childPgno(i);
            }
        } finally {
            bt.pager().release(page);
        }
        for (int child : children) {
            n += countPage(child, level + 1, budget);
        }
        return n;
    }

    /** Whether the cursor is past either end or the tree is empty. */
    public boolean eof() {
        if (requireSeek) {
            restore();
        }
        return !valid;
    }

    // ---- seeks -------------------------------------------------------------------------------------------------

    /**
     * Table seek: positions on the entry with {@code rowid} (returns 0), else on a neighbour: a result &lt; 0 means
     * the cursor's entry is smaller than {@code rowid}, &gt; 0 larger. Empty tree: returns -1 and {@link #eof}.
     */
    public int seekRowid(long rowid) {
        checkOpen();
        requireTable(true);
        if (!requireSeek && valid && depth > 0 && atLastEntry()) {
            // As SQLite's cursor "at last" shortcut: an append (NewRowid, then the NotExists check and the Insert)
            // seeks past the last entry, where the cursor already is.
            long last = nodes[depth - 1].rowidAt(idx[depth - 1], seekCell);
            if (last <= rowid) {
                skipNext = 0;
                direction = 0;
                return last == rowid ? 0 : -1;
            }
        }
        int near = seekWithinLeaf(rowid);
        if (near != NOT_IN_LEAF) {
            return near;
        }
        if (!moveToRoot()) {
            return -1;
        }
        for (;;) {
            BtNode node = nodes[depth - 1];
            int lo = rowidLowerBound(node, rowid);
            if (node.leaf) {
                return seekInLeaf(node, lo, rowid);
            }
            idx[depth - 1] = lo;
            pushChild(node.childPgno(lo));
        }
    }

    /**
     * The first cell of {@code node} whose rowid is at least {@code rowid} (cellCount when there is none): in a
     * leaf the entry or the place it would go, in an interior node the cell whose child covers the rowid.
     */
    private int rowidLowerBound(BtNode node, long rowid) {
        int lo = 0;
        int hi = node.cellCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (node.rowidAt(mid, info) < rowid) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Ends a rowid seek on leaf {@code node} at cell {@code lo} (its lower bound): 0 on the entry, else placed. */
    private int seekInLeaf(BtNode node, int lo, long rowid) {
        if (lo < node.cellCount && node.rowidAt(lo, info) == rowid) {
            idx[depth - 1] = lo;
            return 0;
        }
        return placeAtLeaf(lo);
    }

    private static final int NOT_IN_LEAF = Integer.MIN_VALUE;

    /**
     * The seek of a rowid that lies within the keys of the leaf the cursor is on: every entry of a table b-tree
     * is in a leaf, so a key between the leaf's first and last rowid can only be in that leaf, and the descent
     * from the root is skipped (lookups in ascending rowid order, as the inner loops of a join, stay on one leaf
     * for many seeks). Returns {@link #NOT_IN_LEAF} when the cursor is elsewhere. The held path is current: a
     * write through any cursor of the tree saves this one, which releases its path.
     */
    private int seekWithinLeaf(long rowid) {
        if (requireSeek || !valid || depth == 0) {
            return NOT_IN_LEAF;
        }
        BtNode node = nodes[depth - 1];
        int n = node.cellCount;
        if (!node.leaf || n == 0 || rowid < node.rowidAt(0, info) || rowid > node.rowidAt(n - 1, info)) {
            return NOT_IN_LEAF;
        }
        skipNext = 0;
        descents = 0;
        direction = 0;
        infoValid = false;
        chainLen = 0;
        return seekInLeaf(node, rowidLowerBound(node, rowid), rowid);
    }

    /** Whether the (valid, pinned) path ends on the last entry of the tree. */
    private boolean atLastEntry() {
        BtNode leaf = nodes[depth - 1];
        if (!leaf.leaf || idx[depth - 1] != leaf.cellCount - 1) {
            return false;
        }
        for (int l = 0; l < depth - 1; l++) {
            if (idx[l] != nodes[l].cellCount) {
                return false;
            }
        }
        return true;
    }

    private int placeAtLeaf(int lo) {
        BtNode node = nodes[depth - 1];
        if (node.cellCount == 0) {
            valid = false;
            return -1;
        }
        if (lo < node.cellCount) {
            idx[depth - 1] = lo;
            return 1;
        }
        idx[depth - 1] = node.cellCount - 1;
        return -1;
    }

    /**
     * Index seek as SQLite's moveto: positions on an entry equal to {@code key} (returns 0) or on a neighbour of
     * where it would be (&lt; 0: the entry is smaller than the key, &gt; 0: larger). Equality honours the key's
     * field count and default result. Empty tree: -1 and {@link #eof}.
     */
    public int seek(IndexKey key) {
        checkOpen();
        requireTable(false);
        if (!moveToRoot()) {
            return -1;
        }
        for (;;) {
            BtNode node = nodes[depth - 1];
            int lo = 0;
            int hi = node.cellCount - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = compareCell(key, node, mid);
                if (c == 0) {
                    idx[depth - 1] = mid;
                    return 0;
                }
                if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (node.leaf) {
                return placeAtLeaf(lo);
            }
            idx[depth - 1] = lo;
            pushChild(node.childPgno(lo));
        }
    }

    /** Seek operators as the VM's SeekGE/SeekGT/SeekLE/SeekLT. */
    public static final int GE = 0;
    public static final int GT = 1;
    public static final int LE = 2;
    public static final int LT = 3;

    /**
     * Index seek to the first entry &gt;= / &gt; or the last entry &lt;= / &lt; the (prefix) key, comparing only the
     * key's fields ({@code op} one of {@link #GE}, {@link #GT}, {@link #LE}, {@link #LT}). Returns whether an entry
     * was found; the cursor is then on it.
     */
    public boolean seek(IndexKey key, int op) {
        boolean after = op == GT || op == LE;
        int c = seek(key.withDefault(after ? -1 : 1));
        if (!valid) {
            return false;
        }
        if (op == GE || op == GT) {
            return c < 0 ? next() : true;
        }
        return c > 0 ? prev() : true;
    }

    /** Table seek with the same operators as {@link #seek(IndexKey, int)}. */
    public boolean seekRowid(long rowid, int op) {
        int c = seekRowid(rowid);
        if (!valid) {
            return false;
        }
        switch (op) {
            case GE:
                return c < 0 ? next() : true;
            case GT:
                return c <= 0 ? next() : true;
            case LE:
                return c > 0 ? prev() : true;
            default:
                return c >= 0 ? prev() : true;
        }
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    private CellInfo current() {
        if (requireSeek) {
            restore();
        }
        if (!valid) {
            throw PetrelException.misuse("cursor is not on an entry");
        }
        if (!infoValid) {
            nodes[depth - 1].parseCell(idx[depth - 1], info);
            infoValid = true;
            chainLen = 0;
            bt.checkPayload(nodes[depth - 1].pgno, info);
        }
        return info;
    }

    /** The rowid of the current entry (table cursors). */
    public long rowid() {
        requireTable(true);
        return current().rowid;
    }

    /** The payload size of the current entry in bytes. */
    public int payloadSize() {
        return current().payloadSize;
    }

    /** Copies payload bytes {@code [offset, offset+len)} of the current entry, reading overflow pages lazily. */
    public void readPayload(int offset, byte[] dst, int dstOff, int len) {
        CellInfo ci = current();
        if (offset < 0 || len < 0 || (long) offset + len > ci.payloadSize) {
            throw PetrelException.corrupt(nodes[depth - 1].pgno, "payload range " + offset + "+" + len + " of "
                    + ci.payloadSize);
        }
        Page page = pages[depth - 1];
        int local = ci.localSize;
        if (offset < local) {
            int n = Math.min(len, local - offset);
            page.getBytes(ci.payloadOffset + offset, dst, dstOff, n);
            offset += n;
            dstOff += n;
            len -= n;
        }
        int cap = CellCodec.overflowCapacity(bt.usableSize());
        while (len > 0) {
            int k = (offset - local) / cap;
            int within = (offset - local) - k * cap;
            int pgno = overflowPage(ci, k);
            int n = Math.min(len, cap - within);
            Page ov = bt.pager().get(pgno);
            try {
                ov.getBytes(CellCodec.OVERFLOW_DATA_OFFSET + within, dst, dstOff, n);
            } finally {
                bt.pager().release(ov);
            }
            offset += n;
            dstOff += n;
            len -= n;
        }
    }

    /** The page number of the k-th overflow page of the current cell, walking (and caching) the chain. */
    private int overflowPage(CellInfo ci, int k) {
        if (chainLen == 0) {
            if (chain.length == 0) {
                chain = new int[4];
            }
            chain[0] = ci.overflowPgno;
            chainLen = 1;
            bt.checkOverflowPgno(nodes[depth - 1].pgno, ci.overflowPgno);
        }
        while (chainLen <= k) {
            int prevPgno = chain[chainLen - 1];
            Page p = bt.pager().get(prevPgno);
            int next;
            try {
                next = p.getInt(CellCodec.OVERFLOW_NEXT_OFFSET);
            } finally {
                bt.pager().release(p);
            }
            overflowPagesRead++;
            bt.checkOverflowPgno(prevPgno, next);
            if (chainLen < CHAIN_SCAN_LIMIT) {
                for (int q = 0; q < chainLen; q++) {
                    if (chain[q] == next) {
                        throw PetrelException.corrupt(prevPgno, "overflow chain loops");
                    }
                }
            } else {
                if (chainSet == null || chainLen == CHAIN_SCAN_LIMIT) {
                    chainSet = new java.util.HashSet<>();
                    for (int q = 0; q < chainLen; q++) {
                        chainSet.add(chain[q]);
                    }
                }
                if (!chainSet.add(next)) {
                    throw PetrelException.corrupt(prevPgno, "overflow chain loops");
                }
            }
            if (chainLen == chain.length) {
                chain = java.util.Arrays.copyOf(chain, chainLen * 2);
            }
            chain[chainLen++] = next;
        }
        overflowPagesRead++;
        return chain[k];
    }

    /** The whole payload of the current entry. */
    public byte[] payload() {
        CellInfo ci = current();
        if (ci.localSize < ci.payloadSize) {
            bt.validateChain(nodes[depth - 1].pgno, ci);
        }
        byte[] b = new byte[ci.payloadSize];
        readPayload(0, b, 0, b.length);
        return b;
    }

    /**
     * The payload of the current entry as a lazily decoded record, valid until the cursor moves. A payload without
     * overflow pages is copied into a buffer the cursor reuses for every row, and the returned record is the same
     * object each time (re-targeted): rows of a scan allocate nothing.
     */
    public Record record() {
        CellInfo ci = current();
        if (ci.localSize == ci.payloadSize) {
            int size = ci.payloadSize;
            if (rowBuf.length < size) {
                rowBuf = new byte[Math.max(size, 2 * rowBuf.length)];
            }
            pages[depth - 1].getBytes(ci.payloadOffset, rowBuf, 0, size);
            if (rowRecord == null) {
                rowRecord = new Record(rowBuf, size, bt.textEncoding());
            } else {
                rowRecord.reset(rowBuf, size, bt.textEncoding());
            }
            return rowRecord;
        }
        PayloadSource src = new PayloadSource() {
            @Override
            public int size() {
                return info.payloadSize;
            }

            @Override
            public void read(int offset, byte[] dst, int dstOff, int len) {
                readPayload(offset, dst, dstOff, len);
            }
        };
        return new Record(src, bt.textEncoding());
    }

    /**
     * Sign of (cell {@code i}'s record - key). A cell without overflow, the common case, is compared from a reused
     * buffer; one with overflow is assembled whole first.
     */
    private int compareCell(IndexKey key, BtNode node, int i) {
        CellInfo ci = node.parseCell(i, seekCell);
        if (ci.localSize < ci.payloadSize) {
            return key.compareRecord(new Record(cellPayload(node, i), bt.textEncoding()));
        }
        if (keyBuf.length < ci.payloadSize) {
            keyBuf = new byte[Math.max(ci.payloadSize, 2 * keyBuf.length)];
        }
        node.page.getBytes(ci.payloadOffset, keyBuf, 0, ci.payloadSize);
        return key.compareRecord(keyBuf, ci.payloadSize, bt.textEncoding());
    }

    /** The full payload of cell {@code i} of {@code node} (for key comparisons). */
    private byte[] cellPayload(BtNode node, int i) {
        CellInfo ci = node.parseCell(i, new CellInfo());
        if (ci.localSize < ci.payloadSize) {
            bt.checkPayload(node.pgno, ci);
            bt.validateChain(node.pgno, ci);
        }
        byte[] b = new byte[ci.payloadSize];
        node.page.getBytes(ci.payloadOffset, b, 0, ci.localSize);
        if (ci.localSize < ci.payloadSize) {
            bt.readOverflow(ci.overflowPgno, b, ci.localSize, ci.payloadSize - ci.localSize);
        }
        return b;
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    /** Table insert: stores {@code payload} under {@code rowid}, replacing an existing entry with that rowid. */
    public void insert(long rowid, byte[] payload) {
        checkWritable();
        requireTable(true);
        bt.saveCursors(root, this);
        int c = seekRowid(rowid);
        byte[] cell = bt.buildCell(PageHeader.LEAF_TABLE, rowid, payload);
        int at = writePosition(c);
        if (c == 0) {
            bt.freeCellOverflow(nodes[depth - 1], idx[depth - 1]);
        }
        runBalancer(c == 0, at, cell);
        savePosition(rowid, null);
    }

    /** Index insert: stores the record {@code key}; an entry comparing equal (all columns) is replaced. */
    public void insert(byte[] key) {
        insert(key, false);
    }

    /**
     * {@link #insert(byte[])}; with {@code appendHint} (a sorted load such as CREATE INDEX) the key is first
     * compared with the last entry only, and when it sorts after it the root-to-leaf binary search is skipped.
     */
    public void insert(byte[] key, boolean appendHint) {
        checkWritable();
        requireTable(false);
        bt.saveCursors(root, this);
        int c;
        boolean atLast = appendHint && (!requireSeek && valid && depth > 0 && atLastEntry() || last());
        if (atLast && lastCellPrecedes(key)) {
            c = -1;
        } else {
            c = seek(IndexKey.exact(keyInfo, new Record(key, bt.textEncoding()).values()));
        }
        byte[] cell = bt.buildCell(PageHeader.LEAF_INDEX, 0, key);
        if (c == 0 && !nodes[depth - 1].leaf) {
            // Equal entry on an interior page: replace it there, keeping its child pointer.
            BtNode node = nodes[depth - 1];
            int child = node.childPgno(idx[depth - 1]);
            bt.freeCellOverflow(node, idx[depth - 1]);
            int at = idx[depth - 1];
            int[] p = pgnos.clone();
            int[] ix = idx.clone();
            int d = depth;
            releasePath();
            new Balancer(bt, p, ix, d).replace(d - 1, at, CellCodec.withChild(child, cell));
        } else {
            int at = writePosition(c);
            if (c == 0) {
                bt.freeCellOverflow(nodes[depth - 1], idx[depth - 1]);
            }
            if (runBalancer(c == 0, at, cell) && appendHint) {
                // Stay on the new entry with the path pinned, where restoring the saved key would land: the
                // next key of a sorted load then finds the cursor at the last entry without a descent.
                idx[depth - 1] = at;
                valid = true;
                infoValid = false;
                chainLen = 0;
                skipNext = 0;
                direction = 0;
                return;
            }
        }
        savePosition(0, key);
    }

    /**
     * Whether the entry the cursor is on (the last one) sorts before the encoded {@code key}, compared in place
     * without decoding either; false when it does not or when its payload spills to overflow pages.
     */
    private boolean lastCellPrecedes(byte[] key) {
        BtNode node = nodes[depth - 1];
        CellInfo ci = node.parseCell(idx[depth - 1], seekCell);
        if (ci.localSize < ci.payloadSize) {
            return false;
        }
        if (keyBuf.length < ci.payloadSize) {
            keyBuf = new byte[Math.max(ci.payloadSize, 2 * keyBuf.length)];
        }
        node.page.getBytes(ci.payloadOffset, keyBuf, 0, ci.payloadSize);
        return keyInfo.compareRecords(keyBuf, ci.payloadSize, key, key.length, bt.textEncoding()) < 0;
    }

    private int writePosition(int c) {
        if (!valid || nodes[depth - 1].cellCount == 0) {
            return 0;
        }
        return c < 0 ? idx[depth - 1] + 1 : idx[depth - 1];
    }

    /** Inserts or replaces {@code cell} at {@code at}; true when it went into the pinned leaf (path kept). */
    private boolean runBalancer(boolean replace, int at, byte[] cell) {
        BtNode leaf = nodes[depth - 1];
        if (!replace && leaf.leaf) {
            // The common insert fits in the leaf the seek left pinned: no balancing, no second descent.
            bt.pager().markWritable(pages[depth - 1]);
            if (leaf.insertCell(at, cell)) {
                return true;
            }
        }
        int[] p = pgnos.clone();
        int[] ix = idx.clone();
        int d = depth;
        releasePath();
        Balancer b = new Balancer(bt, p, ix, d);
        if (replace) {
            b.replace(d - 1, at, cell);
        } else {
            b.insert(d - 1, at, cell);
        }
        return false;
    }

    /** Deletes the current entry; a following next()/prev() continues from where it was. */
    public void delete() {
        checkWritable();
        current();
        long rowid = table ? info.rowid : 0;
        byte[] key = table ? null : payload();
        bt.saveCursors(root, this);
        int lvl = depth - 1;
        BtNode node = nodes[lvl];
        int at = idx[lvl];
        bt.freeCellOverflow(node, at);
        if (node.leaf) {
            int[] p = pgnos.clone();
            int[] ix = idx.clone();
            int d = depth;
            releasePath();
            new Balancer(bt, p, ix, d).delete(d - 1, at);
        } else {
            // Interior index entry: replace it by its predecessor, the last entry of the left subtree's leaf.
            int child = node.childPgno(at);
            idx[lvl] = at;
            descendRightmost();
            int leafLvl = depth - 1;
            byte[] pred = nodes[leafLvl].cellBytes(idx[leafLvl], info);
            int[] p = pgnos.clone();
            int[] ix = idx.clone();
            int d = depth;
            releasePath();
            new Balancer(bt, p, ix, d).deleteInterior(lvl, at, CellCodec.withChild(child, pred), leafLvl);
        }
        savePosition(rowid, key);
    }

    private void savePosition(long rowid, byte[] key) {
        releasePath();
        savedRowid = rowid;
        savedKey = key;
        requireSeek = true;
        valid = true;
    }

    /** Saves the position as a key and unpins the path (before another cursor writes the tree). */
    void save() {
        if (requireSeek || depth == 0) {
            return;
        }
        if (!valid) {
            releasePath();
            return;
        }
        CellInfo ci = current();
        if (table) {
            savePosition(ci.rowid, null);
        } else {
            savePosition(0, payload());
        }
    }

    private void restore() {
        requireSeek = false;
        int c = table ? seekRowid(savedRowid) : seek(IndexKey.exact(keyInfo, new Record(savedKey, bt.textEncoding()).values()));
        savedKey = null;
        skipNext = valid ? c : 0;
    }

    // ---- misc --------------------------------------------------------------------------------------------------

    private void checkOpen() {
        if (closed) {
            throw PetrelException.misuse("cursor is closed");
        }
    }

    private void checkWritable() {
        checkOpen();
        if (!writable) {
            throw PetrelException.misuse("cursor is read-only");
        }
        bt.checkWritable();
    }

    private void requireTable(boolean wantTable) {
        if (table != wantTable) {
            throw PetrelException.misuse(table ? "not an index cursor" : "not a table cursor");
        }
    }

    /** Releases the cursor's pages; the cursor cannot be used afterwards. */
    public void close() {
        if (!closed) {
            releasePath();
            closed = true;
            bt.forget(this);
        }
    }
}
