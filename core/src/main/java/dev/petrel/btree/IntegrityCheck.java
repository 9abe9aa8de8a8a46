package dev.petrel.btree;

import dev.petrel.api.PetrelException;
import dev.petrel.pager.FileHeader;
import dev.petrel.pager.Page;
import dev.petrel.pager.Pager;
import dev.petrel.record.KeyInfo;
import dev.petrel.record.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PRAGMA integrity_check for the storage layer: verifies that every page is used exactly once and that every
 * b-tree is well formed, returning SQLite-worded messages ("ok" alone when none).
 *
 * <p>Checks: (1) every page is a b-tree page of a tree named in sqlite_schema (or page 1), an overflow page, a
 * freelist trunk or leaf, a pointer-map page or the lock-byte page, and only one of them ("Page N: never used",
 * "2nd reference to page N"); (2) keys are in order within and across pages ("Rowid R out of order"; index keys
 * only when a {@link KeyInfo} is given for the root, since their collations and directions live in the schema SQL,
 * which this layer does not parse); (3) all leaves of a tree are at one depth;
 * (4) cells and freeblocks lie in the content area without overlap, and the fragmented-byte count matches;
 * (5) overflow chains and the freelist have the lengths their headers claim. Work is bounded: each page is
 * visited once, trees deeper than {@link BtCursor#MAX_DEPTH} are reported, and at most {@code maxErrors}
 * messages are collected.
 */
public final class IntegrityCheck {
    private final BTree bt;
    private final Pager pager;
    private final int maxErrors;
    private final int usable;
    private final int pageCount;
    private final Map<Integer, KeyInfo> keyInfos = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private PageSet used;
    /** Distance between pointer-map pages, 0 without auto-vacuum. */
    private int ptrmapStep;
    /** Where a message is about: a section prefix, then tree root, page and cell when non-zero / non-negative. */
    private String section = "";
    private int atTree;
    private int atPage;
    private int atCell = -1;
    private final CellInfo ci = new CellInfo();
    private long lastRowid;
    private Object[] lastKey;
    private boolean haveLast;
    private KeyInfo currentKeyInfo;
    /** The trees to check when not the whole file (null: every tree, the freelist and page usage). */
    private int[] onlyRoots;

    public IntegrityCheck(BTree bt, int maxErrors) {
        this.bt = bt;
        this.pager = bt.pager();
        this.maxErrors = Math.max(1, maxErrors);
        this.usable = bt.usableSize();
        this.pageCount = pager.pageCount();
    }

    /**
     * Checks only the trees rooted at {@code roots} and skips the whole-file accounting (the freelist and pages
     * never used), as SQLite's integrity_check of one table does.
     */
    public IntegrityCheck onlyTrees(int[] roots) {
        this.onlyRoots = roots.clone();
        return this;
    }

    /** Uses {@code keyInfo} to check the key order of the index rooted at {@code root}. */
    public IntegrityCheck withKeyInfo(int root, KeyInfo keyInfo) {
        keyInfos.put(root, keyInfo);
        return this;
    }

    /** Runs every check; returns ["ok"] or the messages. */
    public List<String> run() {
        if (pageCount < 1) {
            // The pager read a size above 2^31-1 pages from the header: no such file can exist.
            throw PetrelException.corrupt(1, "database size " + (pageCount & 0xffffffffL));
        }
        used = new PageSet(pageCount);
        int lockByte = pager.lockBytePgno();
        if (lockByte <= pageCount) {
            used.add(lockByte);
        }
        if (onlyRoots == null) {
            checkFreelist();
        }
        ptrmapStep = pager.getHeaderInt(FileHeader.LARGEST_ROOT_PAGE_OFFSET) == 0 ? 0 : usable / 5 + 1;
        List<Integer> roots = new ArrayList<>();
        if (onlyRoots != null) {
            for (int r : onlyRoots) {
                roots.add(r);
            }
        } else {
            roots.add(BTree.SCHEMA_ROOT);
            try {
                for (SchemaEntry e : bt.readSchema()) {
                    if (e.rootpage() > 0) {
                        roots.add((int) Math.min(Integer.MAX_VALUE, e.rootpage()));
                    }
                }
            } catch (PetrelException e) {
                error("sqlite_schema cannot be read: " + e.getMessage());
            }
        }
        for (int root : roots) {
            if (full()) {
                break;
            }
            atTree = root;
            atPage = 0;
            atCell = -1;
            haveLast = false;
            currentKeyInfo = keyInfos.get(root);
            checkTree(root, 0, -1);
        }
        atTree = 0;
        for (int p = 1; onlyRoots == null && p <= pageCount && !full(); p++) {
            if (!used.contains(p) && !isPointerMap(p)) {
                error("Page " + p + ": never used");
            }
        }
        if (errors.isEmpty()) {
            errors.add("ok");
        }
        return errors;
    }

    private boolean full() {
        return errors.size() >= maxErrors;
    }

    private void error(String msg) {
        if (full()) {
            return;
        }
        StringBuilder sb = new StringBuilder(section);
        if (atTree > 0) {
            sb.append("Tree ").append(atTree);
            if (atPage > 0) {
                sb.append(" page ").append(atPage);
                if (atCell >= 0) {
                    sb.append(" cell ").append(atCell);
                }
            }
            sb.append(": ");
        }
        errors.add(sb.append(msg).toString());
    }

    /** Marks page {@code p} used; false (with a message) if out of range or already used. */
    private boolean ref(int p) {
        if (p < 1 || p > pageCount) {
            error("invalid page number " + (p & 0xffffffffL));
            return false;
        }
        if (isPointerMap(p)) {
            error("Pointer map page " + p + " is referenced");
            return false;
        }
        if (!used.add(p)) {
            error("2nd reference to page " + p);
            return false;
        }
        return true;
    }

    private void checkFreelist() {
        section = "Freelist: ";
        int trunk = pager.getHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET);
        long expected = pager.getHeaderInt(FileHeader.FREELIST_COUNT_OFFSET) & 0xffffffffL;
        long seen = 0;
        while (trunk != 0 && !full()) {
            if (!ref(trunk)) {
                break;
            }
            seen++;
            Page page = pager.get(trunk);
            try {
                int leaves = page.getInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET);
                if (leaves < 0 || leaves > usable / 4 - 2) {
                    error("freelist leaf count too big on page " + trunk);
                    break;
                }
                for (int i = 0; i < leaves; i++) {
                    int leaf = page.getInt(FileHeader.TRUNK_LEAVES_OFFSET + 4 * i);
                    if (ref(leaf)) {
                        seen++;
                    }
                }
                trunk = page.getInt(FileHeader.TRUNK_NEXT_OFFSET);
            } finally {
                pager.release(page);
            }
        }
        if (seen != expected && !full()) {
            error("size is " + seen + " but should be " + expected);
        }
        section = "";
    }

    /**
     * Pointer-map pages of an auto-vacuum database: page 2 and every (U/5+1)-th page after it. Computed, not
     * stored, so that a corrupt database size costs no memory.
     */
    private boolean isPointerMap(int p) {
        return ptrmapStep > 0 && p >= 2 && (p - 2) % ptrmapStep == 0;
    }

    /** Checks the subtree at {@code pgno}; returns its height (1 for a leaf) or -1 if unusable. */
    private int checkTree(int pgno, int depth, int expectedKind) {
        int outerPage = atPage;
        int outerCell = atCell;
        try {
            return checkTreePage(pgno, depth, expectedKind);
        } finally {
            atPage = outerPage;
            atCell = outerCell;
        }
    }

    private int checkTreePage(int pgno, int depth, int expectedKind) {
        if (depth >= BtCursor.MAX_DEPTH) {
            error("b-tree deeper than " + BtCursor.MAX_DEPTH + " levels");
            return -1;
        }
        if (!ref(pgno)) {
            return -1;
        }
        Page page = pager.get(pgno);
        List<int[]> children = new ArrayList<>();
        boolean leaf;
        atPage = pgno;
        atCell = -1;
        try {
            BtNode node;
            try {
                node = BtNode.load(page, usable);
            } catch (PetrelException e) {
                error("btreeInitPage() returns error code 11");
                return -1;
            }
            int kind = node.table ? 1 : 0;
            if (expectedKind >= 0 && kind != expectedKind) {
                error("wrong page type " + node.type);
                return -1;
            }
            leaf = node.leaf;
            checkSpace(node);
            for (int i = 0; i < node.cellCount && !full(); i++) {
                atCell = i;
                int off = page.getU16(node.cellPtrOffset + 2 * i);
                if (off < node.cellPtrEnd() || off > usable - PageHeader.MIN_CELL_SPACE) {
                    error("Offset " + off + " out of range " + node.cellPtrEnd() + ".." + usable);
                    continue;
                }
                try {
                    node.parseCellAt(off, ci);
                } catch (PetrelException e) {
                    error("Extends off end of page");
                    continue;
                }
                int child = ci.childPgno;
                long rowid = ci.rowid;
                if (ci.overflowPgno != 0) {
                    checkOverflow(ci.overflowPgno, ci.payloadSize, ci.localSize);
                }
                Object[] key = null;
                if (!node.table && currentKeyInfo != null) {
                    key = readKey(node, off);
                }
                if (!leaf) {
                    children.add(new int[] {child, i});
                    // Children are visited in order so that the key stream stays in order.
                    int h = checkTree(child, depth + 1, kind);
                    children.get(children.size() - 1)[1] = h;
                    node = reload(page);
                }
                if (node.table) {
                    if (haveLast && (leaf ? rowid <= lastRowid : rowid < lastRowid)) {
                        error("Rowid " + rowid + " out of order");
                    }
                    lastRowid = rowid;
                    haveLast = true;
                } else if (key != null) {
                    if (haveLast && lastKey != null && currentKeyInfo.compare(key, lastKey) <= 0) {
                        error("index key out of order");
                    }
                    lastKey = key;
                    haveLast = true;
                }
            }
            if (!leaf && !full()) {
                atCell = -1;
                int right = node.rightChild();
                children.add(new int[] {right, checkTree(right, depth + 1, kind)});
            }
        } finally {
            pager.release(page);
        }
        if (leaf) {
            return 1;
        }
        atCell = -1;
        int h = -1;
        for (int[] c : children) {
            if (c[1] < 0) {
                continue;
            }
            if (h >= 0 && c[1] != h) {
                error("Child page depth differs");
                break;
            }
            h = c[1];
        }
        return h < 0 ? -1 : h + 1;
    }

    private BtNode reload(Page page) {
        return BtNode.load(page, usable);
    }

    private Object[] readKey(BtNode node, int off) {
        try {
            if (ci.localSize < ci.payloadSize) {
                bt.checkPayload(node.pgno, ci);
                bt.validateChain(node.pgno, ci);
            }
            byte[] payload = new byte[ci.payloadSize];
            node.page.getBytes(ci.payloadOffset, payload, 0, ci.localSize);
            if (ci.localSize < ci.payloadSize) {
                bt.checkPayload(node.pgno, ci);
                bt.readOverflow(ci.overflowPgno, payload, ci.localSize, ci.payloadSize - ci.localSize);
            }
            return new Record(payload, bt.textEncoding()).values();
        } catch (PetrelException e) {
            error("malformed index record");
            return null;
        }
    }

    private void checkOverflow(int first, int payloadSize, int localSize) {
        long expected = CellCodec.overflowPageCount(payloadSize, localSize, usable);
        long seen = 0;
        int p = first;
        while (seen < expected && !full()) {
            if (!ref(p)) {
                return;
            }
            seen++;
            Page page = pager.get(p);
            try {
                p = page.getInt(CellCodec.OVERFLOW_NEXT_OFFSET);
            } finally {
                pager.release(page);
            }
            if (p == 0) {
                break;
            }
        }
        if (seen < expected) {
            error((expected - seen) + " of " + expected
                    + " pages missing from overflow list starting at " + first);
        } else if (p != 0) {
            error("Extends off end of overflow list starting at " + first);
        }
    }

    /**
     * The set of pages seen: a flag array for ordinary sizes, a hash set when the header claims a huge database
     * (a corrupt size field must not cost memory in proportion to the claim).
     */
    static final class PageSet {
        private static final int DENSE_LIMIT = 1 << 22;
        private final byte[] dense;
        private final java.util.HashSet<Integer> sparse;

        PageSet(int pageCount) {
            dense = pageCount <= DENSE_LIMIT ? new byte[pageCount + 1] : null;
            sparse = dense == null ? new java.util.HashSet<>() : null;
        }

        /** Adds page p; false if it was already there. */
        boolean add(int p) {
            if (dense != null) {
                if (dense[p] != 0) {
                    return false;
                }
                dense[p] = 1;
                return true;
            }
            return sparse.add(p);
        }

        boolean contains(int p) {
            return dense != null ? dense[p] != 0 : sparse.contains(p);
        }
    }

    /** Checks cell and freeblock placement and the fragmented-byte count of one page. */
    private void checkSpace(BtNode node) {
        int pgno = node.pgno;
        int top = node.contentStart();
        List<int[]> spans = new ArrayList<>(node.cellCount + 8);
        for (int i = 0; i < node.cellCount; i++) {
            int off = node.page.getU16(node.cellPtrOffset + 2 * i);
            if (off < top || off > usable - PageHeader.MIN_CELL_SPACE) {
                continue;
            }
            try {
                int size = Math.max(PageHeader.MIN_CELL_SPACE, node.parseCellAt(off, ci).cellSize);
                spans.add(new int[] {off, off + size});
            } catch (PetrelException e) {
                // Reported per cell by the caller.
            }
        }
        int pc = node.firstFreeblock();
        int prev = 0;
        while (pc != 0) {
            if (pc <= prev || pc < top || pc > usable - PageHeader.MIN_CELL_SPACE) {
                error("page " + pgno + ": freeblock at " + pc + " out of order or range");
                return;
            }
            int size = node.page.getU16(pc + PageHeader.FREEBLOCK_SIZE_OFFSET);
            if (size < PageHeader.MIN_CELL_SPACE || pc + size > usable) {
                error("page " + pgno + ": freeblock at " + pc + " extends off the page");
                return;
            }
            spans.add(new int[] {pc, pc + size});
            prev = pc;
            pc = node.page.getU16(pc + PageHeader.FREEBLOCK_NEXT_OFFSET);
        }
        int[][] arr = spans.toArray(new int[0][]);
        Arrays.sort(arr, (a, b) -> Integer.compare(a[0], b[0]));
        int covered = top;
        int frag = 0;
        for (int[] s : arr) {
            if (s[0] < covered) {
                error("Multiple uses for byte " + s[0] + " of page " + pgno);
                return;
            }
            frag += s[0] - covered;
            covered = s[1];
        }
        frag += usable - covered;
        if (frag != node.fragmentedBytes()) {
            error("Fragmentation of " + frag + " bytes reported as " + node.fragmentedBytes() + " on page " + pgno);
        }
    }
}
