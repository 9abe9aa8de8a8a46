package dev.petrel.btree;

import static dev.petrel.btree.PageHeader.*;

import dev.petrel.api.PetrelException;
import dev.petrel.pager.Page;
import dev.petrel.pager.Pager;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one cell change along a root-to-leaf path and restores the b-tree's shape: splits overfull pages,
 * redistributes cells among up to three siblings, merges underfull pages, grows the tree at the root (moving the
 * root's content to a new child) and shrinks it (copying a lone child into the root).
 *
 * <p>Contract: built by {@link BtCursor} with a path (page numbers and child indexes, root first) captured
 * before the change; no cursor pins any page of the tree (they were saved). One Balancer serves one change.
 *
 * <p>Invariants restored at the end of every change:
 * <ol>
 *   <li>every page fits its usable size; a change that does not fit is held as a cell list ("pending") until the
 *       level is rebalanced;</li>
 *   <li>every non-root page holds at least one cell, so every interior page has at least two children;</li>
 *   <li>after a delete or a replace, a non-root page is rebalanced with its siblings when more than 2/3 of it is
 *       free (SQLite's threshold); inserts, as SQLite's, rebalance only overfull pages;</li>
 *   <li>a root interior page with no cells is replaced by its only child's content when that fits.</li>
 * </ol>
 * Redistribution gathers the siblings' cells and the dividers between them into one ordered list, packs it
 * greedily into as few pages as fit, then moves cells rightwards while that evens the pages (as SQLite's balance).
 * Table leaves keep every cell and get new divider keys (the largest rowid on the left page); index and interior
 * pages push a cell up as each divider. An insert past the last cell of a parent's rightmost leaf takes the "quick
 * balance" shortcut instead (see {@link #quickBalance}).
 */
final class Balancer {
    private final BTree bt;
    private final Pager pager;
    private final int usable;
    private final int[] pgnos;
    private final int[] idx;
    private final int depth;
    private final NodeContent[] pending;
    private final CellInfo tmp = new CellInfo();
    /** The level whose change is an append at the end of the tree, else -1 (see {@link #isAppend}). */
    private int appendLevel = -1;
    /** Whether the change is an insert (see {@link #fixup}). */
    private boolean inserting;

    /** A page's content held in memory: type, cells (on-disk bytes) and right child. */
    static final class NodeContent {
        int type;
        final List<byte[]> cells;
        int rightChild;

        NodeContent(int type, List<byte[]> cells, int rightChild) {
            this.type = type;
            this.cells = cells;
            this.rightChild = rightChild;
        }

        int childAt(int i) {
            return i == cells.size() ? rightChild : CellCodec.getInt(cells.get(i), 0);
        }
    }

    Balancer(BTree bt, int[] pgnos, int[] idx, int depth) {
        this.bt = bt;
        this.pager = bt.pager();
        this.usable = bt.usableSize();
        this.pgnos = pgnos;
        this.idx = idx;
        this.depth = depth;
        this.pending = new NodeContent[BtCursor.MAX_DEPTH + 1];
    }

    // ---- entry points ------------------------------------------------------------------------------------------

    void insert(int level, int at, byte[] cell) {
        inserting = true;
        if (level > 0 && quickBalance(level, at, cell)) {
            // The parent took the divider at its end; if it overflowed, it is split as an append when it is
            // itself on the right edge of the tree.
            appendLevel = pending[level - 1] != null && onRightEdge(level - 1) ? level - 1 : -1;
            fixup(level - 1);
            return;
        }
        change(level, at, false, cell);
        // Only an overflowing page is split; when the cell did not fit, the page still holds its old cells.
        appendLevel = pending[level] != null && isAppend(level, at) ? level : -1;
        fixup(level);
    }

    /**
     * Whether inserting at cell {@code at} of the page at {@code level} appends after the last entry of the whole
     * tree. Such a page is split by packing it full and starting a new right sibling (as SQLite's quick balance),
     * so ascending inserts fill pages instead of leaving them half empty.
     */
    private boolean isAppend(int level, int at) {
        if (!onRightEdge(level)) {
            return false;
        }
        Page page = pager.get(pgnos[level]);
        try {
            return at == BtNode.load(page, usable).cellCount;
        } finally {
            pager.release(page);
        }
    }

    /** Whether the path above {@code level} always took the rightmost child. */
    private boolean onRightEdge(int level) {
        for (int l = 0; l < level; l++) {
            Page page = pager.get(pgnos[l]);
            try {
                if (idx[l] != BtNode.load(page, usable).cellCount) {
                    return false;
                }
            } finally {
                pager.release(page);
            }
        }
        return true;
    }

    /**
     * SQLite's "quick balance": a cell that does not fit, appended after the last cell of a leaf that is its
     * parent's rightmost child, goes alone into a new right sibling and the parent gains one divider, instead of
     * redistributing the cells of three siblings (which would copy every cell of them on each split of an
     * ascending load). A table leaf's divider is its largest rowid; an index leaf gives up its last cell as the
     * divider. Returns false, having changed nothing, when the case does not apply; on success the parent may be
     * pending (invariant 1).
     */
    private boolean quickBalance(int level, int at, byte[] cell) {
        int leafPgno = pgnos[level];
        int parentPgno = pgnos[level - 1];
        int type;
        Page leafPage = pager.get(leafPgno);
        try {
            BtNode leaf = BtNode.load(leafPage, usable);
            type = leaf.type;
            int minCells = type == LEAF_INDEX ? 2 : 1;
            if (!leaf.leaf || at != leaf.cellCount || leaf.cellCount < minCells
                    || leaf.freeSpace() >= Math.max(MIN_CELL_SPACE, cell.length) + CELL_POINTER_SIZE) {
                return false;
            }
            Page parentPage = pager.get(parentPgno);
            try {
                BtNode parent = BtNode.load(parentPage, usable);
                if (parent.leaf || idx[level - 1] != parent.cellCount || parent.rightChild() != leafPgno) {
                    return false;
                }
            } finally {
                pager.release(parentPage);
            }
        } finally {
            pager.release(leafPage);
        }
        byte[] divider;
        leafPage = pager.get(leafPgno);
        try {
            BtNode leaf = BtNode.load(leafPage, usable);
            int last = leaf.cellCount - 1;
            if (type == LEAF_TABLE) {
                divider = CellCodec.interiorTableCell(leafPgno, leaf.rowidAt(last, tmp));
            } else {
                pager.markWritable(leafPage);
                divider = CellCodec.withChild(leafPgno, leaf.cellBytes(last, tmp));
                leaf.dropCell(last, tmp);
            }
        } finally {
            pager.release(leafPage);
        }
        Page newPage = pager.allocate();
        int newPgno = newPage.pgno();
        try {
            List<byte[]> one = new ArrayList<>(1);
            one.add(cell);
            BtNode.rebuild(newPage, usable, type, one, 0);
        } finally {
            pager.release(newPage);
        }
        Page parentPage = pager.get(parentPgno);
        try {
            pager.markWritable(parentPage);
            BtNode parent = BtNode.load(parentPage, usable);
            if (parent.insertCell(parent.cellCount, divider)) {
                parent.setRightChild(newPgno);
            } else {
                NodeContent full = contentOf(parent);
                full.cells.add(divider);
                full.rightChild = newPgno;
                pending[level - 1] = full;
            }
        } finally {
            pager.release(parentPage);
        }
        return true;
    }

    void replace(int level, int at, byte[] cell) {
        change(level, at, true, cell);
        fixup(level);
    }

    void delete(int level, int at) {
        change(level, at, true, null);
        fixup(level);
    }

    /** Drops the last cell of the leaf at {@code leafLevel} and replaces interior cell {@code at} by {@code cell}. */
    void deleteInterior(int level, int at, byte[] cell, int leafLevel) {
        change(leafLevel, idx[leafLevel], true, null);
        change(level, at, true, cell);
        fixup(leafLevel);
    }

    /** Drops cell {@code at} (if {@code drop}) and inserts {@code cell} there (if not null) on the level's page. */
    private void change(int level, int at, boolean drop, byte[] cell) {
        Page page = pager.get(pgnos[level]);
        try {
            pager.markWritable(page);
            BtNode node = BtNode.load(page, usable);
            if (drop) {
                node.dropCell(at, tmp);
            }
            if (cell != null && !node.insertCell(at, cell)) {
                NodeContent c = contentOf(node);
                c.cells.add(at, cell);
                pending[level] = c;
            }
        } finally {
            pager.release(page);
        }
    }

    // ---- fixing the shape --------------------------------------------------------------------------------------

    private void fixup(int level) {
        for (int l = level; l > 0; l--) {
            // An insert only adds content: as SQLite, it rebalances overfull pages only. A page left underfull
            // on purpose (the new right sibling of a quick balance) is then not spread back over its siblings.
            if (pending[l] != null || (!inserting && underfull(pgnos[l]))) {
                rebalance(l);
            }
        }
        fixRoot();
    }

    private boolean underfull(int pgno) {
        Page page = pager.get(pgno);
        try {
            BtNode node = BtNode.load(page, usable);
            return node.cellCount == 0 || node.freeSpace() > usable * 2 / 3;
        } finally {
            pager.release(page);
        }
    }

    private void fixRoot() {
        int root = pgnos[0];
        for (int guard = 0; guard < BtCursor.MAX_DEPTH; guard++) {
            NodeContent c = pending[0];
            if (c != null) {
                if (BtNode.fits(root, usable, c.type, c.cells)) {
                    write(root, c);
                    pending[0] = null;
                    continue;
                }
                splitRoot(root, c);
                continue;
            }
            // Most changes leave the root non-empty: decide that from its header, without copying its cells.
            int child = emptyInteriorRootChild(root);
            if (child == -1) {
                return;
            }
            checkChild(child);
            NodeContent cc = load(child);
            if (!BtNode.fits(root, usable, cc.type, cc.cells)) {
                return;
            }
            write(root, cc);
            pager.free(child);
        }
    }

    /** The right child of {@code root} if it is an interior page with no cells, else -1. */
    private int emptyInteriorRootChild(int root) {
        Page page = pager.get(root);
        try {
            BtNode node = BtNode.load(page, usable);
            return node.leaf || node.cellCount > 0 ? -1 : node.rightChild();
        } finally {
            pager.release(page);
        }
    }

    /** Moves the root's (overfull) content into a new child and splits that child under the root. */
    private void splitRoot(int root, NodeContent content) {
        Page childPage = pager.allocate();
        int child = childPage.pgno();
        pager.release(childPage);
        NodeContent newRoot = new NodeContent(interiorOf(content.type), new ArrayList<>(), child);
        pending[0] = redistribute(newRoot, 0, child, content, depth == 1 && appendLevel == 0);
    }

    /** Rebalances the page at {@code level} (>= 1) with its siblings, updating its parent's content. */
    private void rebalance(int level) {
        int parentLevel = level - 1;
        if (pending[parentLevel] == null) {
            rebalanceInPlace(level);
            return;
        }
        NodeContent parent = pending[parentLevel];
        int ci = idx[parentLevel];
        if (ci < 0 || ci > parent.cells.size() || parent.childAt(ci) != pgnos[level]) {
            throw PetrelException.corrupt(pgnos[parentLevel], "b-tree path no longer matches its parent");
        }
        NodeContent newParent = redistribute(parent, ci, pgnos[level], pending[level], level == appendLevel);
        pending[level] = null;
        if (parentLevel > 0 && BtNode.fits(pgnos[parentLevel], usable, newParent.type, newParent.cells)) {
            write(pgnos[parentLevel], newParent);
            pending[parentLevel] = null;
        } else {
            pending[parentLevel] = newParent;
        }
    }

    /**
     * {@link #rebalance} when the parent is still a page: only the window of the parent that covers the siblings
     * (their dividers and the pointer after them) is read and then spliced in place, as SQLite's balance does,
     * instead of copying and rewriting every cell of the parent for each split. A parent that overflows from the
     * new dividers is held as a cell list (invariant 1) for the level above.
     */
    private void rebalanceInPlace(int level) {
        int parentLevel = level - 1;
        int ppg = pgnos[parentLevel];
        int ci = idx[parentLevel];
        int start;
        int m;
        NodeContent window;
        Page page = pager.get(ppg);
        try {
            BtNode node = BtNode.load(page, usable);
            if (node.leaf || ci < 0 || ci > node.cellCount || node.childPgno(ci) != pgnos[level]) {
                throw PetrelException.corrupt(ppg, "b-tree path no longer matches its parent");
            }
            int nChildren = node.cellCount + 1;
            m = Math.min(3, nChildren);
            start = Math.max(0, Math.min(ci - 1, nChildren - m));
            List<byte[]> dividers = new ArrayList<>(m - 1);
            for (int j = 0; j < m - 1; j++) {
                dividers.add(node.cellBytes(start + j, tmp));
            }
            window = new NodeContent(node.type, dividers, node.childPgno(start + m - 1));
        } finally {
            pager.release(page);
        }
        NodeContent replaced = redistribute(window, ci - start, pgnos[level], pending[level], level == appendLevel);
        pending[level] = null;
        page = pager.get(ppg);
        try {
            pager.markWritable(page);
            BtNode node = BtNode.load(page, usable);
            for (int j = 0; j < m - 1; j++) {
                node.dropCell(start, tmp);
            }
            // The pointer after the window (a cell's left child, or the right child) now names the last sibling.
            if (start == node.cellCount) {
                node.setRightChild(replaced.rightChild);
            } else {
                page.putInt(node.cellOffset(start), replaced.rightChild);
            }
            List<byte[]> cells = replaced.cells;
            for (int j = 0; j < cells.size(); j++) {
                if (!node.insertCell(start + j, cells.get(j))) {
                    NodeContent full = contentOf(node);
                    full.cells.addAll(start + j, cells.subList(j, cells.size()));
                    pending[parentLevel] = full;
                    return;
                }
            }
        } finally {
            pager.release(page);
        }
    }

    /**
     * Redistributes the children of {@code parent} around child index {@code ci} (up to three siblings), taking
     * page {@code overridePgno}'s content from {@code override} when not null; {@code append} packs pages full
     * from the left instead of evening them out. Writes the sibling pages, frees or
     * allocates pages as needed, and returns the parent's new content.
     */
    private NodeContent redistribute(NodeContent parent, int ci, int overridePgno, NodeContent override,
            boolean append) {
        int nChildren = parent.cells.size() + 1;
        int m = Math.min(3, nChildren);
        int start = Math.max(0, Math.min(ci - 1, nChildren - m));
        int[] old = new int[m];
        NodeContent[] sib = new NodeContent[m];
        for (int j = 0; j < m; j++) {
            old[j] = parent.childAt(start + j);
            checkChild(old[j]);
            for (int i = 0; i < j; i++) {
                if (old[i] == old[j]) {
                    throw PetrelException.corrupt(old[j], "page is a child twice");
                }
            }
            sib[j] = old[j] == overridePgno && override != null ? override : load(old[j]);
            if (j > 0 && sib[j].type != sib[0].type) {
                throw PetrelException.corrupt(old[j], "sibling pages of different types");
            }
        }
        int type = sib[0].type;
        boolean leafTable = type == LEAF_TABLE;
        boolean leafIndex = type == LEAF_INDEX;
        List<byte[]> items = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            items.addAll(sib[j].cells);
            if (j < m - 1 && !leafTable) {
                byte[] divider = parent.cells.get(start + j);
                if (leafIndex) {
                    items.add(CellCodec.withoutChild(divider));
                } else if (type == INTERIOR_TABLE) {
                    long rowid = bt.interiorRowid(divider, pgnos[0]);
                    items.add(CellCodec.interiorTableCell(sib[j].rightChild, rowid));
                } else {
                    byte[] d = divider.clone();
                    CellCodec.putInt(d, 0, sib[j].rightChild);
                    items.add(d);
                }
            }
        }
        int finalRight = sib[m - 1].rightChild;
        int[] bounds = partition(items, type, !leafTable, !append);
        int k = bounds.length / 2;
        int[] pg = new int[k];
        for (int j = 0; j < k; j++) {
            if (j < m) {
                pg[j] = old[j];
            } else {
                Page p = pager.allocate();
                pg[j] = p.pgno();
                pager.release(p);
            }
        }
        List<byte[]> dividers = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            List<byte[]> cells = items.subList(bounds[2 * j], bounds[2 * j + 1]);
            int right = 0;
            if (j < k - 1) {
                if (leafTable) {
                    long lastRowid = bt.leafRowid(cells.get(cells.size() - 1), pgnos[0]);
                    dividers.add(CellCodec.interiorTableCell(pg[j], lastRowid));
                } else {
                    byte[] d = items.get(bounds[2 * j + 1]);
                    if (leafIndex) {
                        dividers.add(CellCodec.withChild(pg[j], d));
                    } else {
                        right = CellCodec.getInt(d, 0);
                        byte[] nd = d.clone();
                        CellCodec.putInt(nd, 0, pg[j]);
                        dividers.add(nd);
                    }
                }
            } else {
                right = finalRight;
            }
            write(pg[j], new NodeContent(type, new ArrayList<>(cells), right));
        }
        for (int j = k; j < m; j++) {
            pager.free(old[j]);
        }
        List<byte[]> pc = new ArrayList<>(parent.cells.size() - (m - 1) + dividers.size());
        pc.addAll(parent.cells.subList(0, start));
        pc.addAll(dividers);
        int after = start + m - 1;
        int newRight = parent.rightChild;
        if (after < parent.cells.size()) {
            byte[] c = parent.cells.get(after).clone();
            CellCodec.putInt(c, 0, pg[k - 1]);
            pc.add(c);
            pc.addAll(parent.cells.subList(after + 1, parent.cells.size()));
        } else {
            newRight = pg[k - 1];
        }
        return new NodeContent(parent.type, pc, newRight);
    }

    /**
     * Splits {@code items} into pages: returns [begin0, end0, begin1, end1, ...]. With {@code consume}, the item
     * between two pages (index end_j) becomes the divider and belongs to neither.
     */
    private int[] partition(List<byte[]> items, int type, boolean consume, boolean evenOut) {
        int n = items.size();
        int cap = usable - headerSize(type);
        int[] cost = new int[n];
        for (int i = 0; i < n; i++) {
            cost[i] = CELL_POINTER_SIZE + Math.max(MIN_CELL_SPACE, items.get(i).length);
            if (cost[i] > cap) {
                throw PetrelException.corrupt(pgnos[0], "cell too large for its page");
            }
        }
        List<int[]> pages = new ArrayList<>();
        int i = 0;
        do {
            int begin = i;
            int size = 0;
            while (i < n && size + cost[i] <= cap) {
                size += cost[i++];
            }
            pages.add(new int[] {begin, i, size});
            if (consume && i < n) {
                if (i == n - 1) {
                    // The last item cannot be a divider with nothing after it: take the page's last one instead.
                    int[] last = pages.get(pages.size() - 1);
                    last[1]--;
                    last[2] -= cost[last[1]];
                    i = last[1];
                }
                i++;
            }
        } while (i < n);
        // Even out: move cells rightwards while the right page stays no larger than the left.
        for (int j = evenOut ? pages.size() - 1 : 0; j > 0; j--) {
            int[] left = pages.get(j - 1);
            int[] right = pages.get(j);
            for (;;) {
                if (left[1] - left[0] <= 1) {
                    break;
                }
                int moveIn = consume ? cost[left[1]] : cost[left[1] - 1];
                int moveOut = cost[left[1] - 1];
                if (right[2] + moveIn > cap || right[2] + moveIn > left[2] - moveOut) {
                    break;
                }
                left[1]--;
                left[2] -= moveOut;
                right[0]--;
                right[2] += moveIn;
            }
        }
        int[] out = new int[pages.size() * 2];
        for (int j = 0; j < pages.size(); j++) {
            out[2 * j] = pages.get(j)[0];
            out[2 * j + 1] = pages.get(j)[1];
        }
        return out;
    }

    // ---- page I/O ----------------------------------------------------------------------------------------------

    private void checkChild(int pgno) {
        if (pgno < 2 || pgno > pager.pageCount()) {
            throw PetrelException.corrupt(pgno, "child page number out of range");
        }
    }

    private NodeContent load(int pgno) {
        Page page = pager.get(pgno);
        try {
            BtNode node = BtNode.load(page, usable);
            return contentOf(node);
        } finally {
            pager.release(page);
        }
    }

    private NodeContent contentOf(BtNode node) {
        List<byte[]> cells = new ArrayList<>(node.cellCount + 1);
        for (int i = 0; i < node.cellCount; i++) {
            cells.add(node.cellBytes(i, tmp));
        }
        return new NodeContent(node.type, cells, node.leaf ? 0 : node.rightChild());
    }

    private void write(int pgno, NodeContent c) {
        Page page = pager.get(pgno);
        try {
            pager.markWritable(page);
            BtNode.rebuild(page, usable, c.type, c.cells, c.rightChild);
        } finally {
            pager.release(page);
        }
    }
}
