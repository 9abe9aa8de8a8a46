package dev.petrel.pager;

import dev.petrel.api.PetrelException;

/**
 * Page allocation for the {@link Pager}: the freelist (trunk and leaf pages), growth at the end of the file around
 * the lock-byte page and pointer-map pages, and pointer-map entries.
 *
 * <p>Layouts (sqlite.org/fileformat2.html sections 1.5 and 1.6; integers big-endian):
 * <pre>
 * freelist trunk page
 * OFFSET SIZE MEANING
 *   0     4  next trunk page number (0: last trunk)
 *   4     4  number L of leaf page numbers that follow
 *   8    4*L leaf page numbers
 * pointer-map page (auto-vacuum only): 5-byte entries, one per page following it
 *   5*i   1  type of page (ptrmap page number + 1 + i), see {@link PtrmapEntry}
 *   5*i+1 4  parent page number
 * </pre>
 * Invariants: (F1) the header's freelist count equals trunk pages plus leaves reachable from the first trunk;
 * (F2) a trunk holds at most usable/4 - 8 leaves when Petrel fills it (the limit older SQLite versions read), and
 * one claiming more than usable/4 - 2 is corrupt; (F3) the lock-byte page and pointer-map pages are never handed out.
 */
final class PageAllocator {
    /** Leaf slots Petrel fills in a trunk: usable/4 minus this (SQLite's compatibility limit). */
    private static final int TRUNK_FILL_SLACK = 8;
    /** Leaf slots a trunk can physically hold: usable/4 minus this (next pointer and count). */
    private static final int TRUNK_HEADER_SLOTS = 2;

    private final Pager pager;

    PageAllocator(Pager pager) {
        this.pager = pager;
    }

    Page allocate() {
        int freeCount = pager.getHeaderInt(FileHeader.FREELIST_COUNT_OFFSET);
        int trunkPgno = pager.getHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET);
        if (freeCount != 0 && trunkPgno != 0) {
            return allocateFromFreelist(freeCount, trunkPgno);
        }
        int pgno = pager.pageCount() + 1;
        while (true) {
            if (pgno == pager.lockBytePgno()) {
                pgno++;
                continue;
            }
            if (pgno >= 2 && pager.isAutoVacuum() && ptrmapPageFor(pgno) == pgno) {
                pager.release(pager.appendPage(pgno));
                pgno++;
                continue;
            }
            return pager.appendPage(pgno);
        }
    }

    private Page allocateFromFreelist(int freeCount, int trunkPgno) {
        checkFreePgno(trunkPgno, trunkPgno, "freelist trunk");
        Page trunk = pager.get(trunkPgno);
        try {
            int leafCount = trunk.getInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET);
            if (leafCount < 0 || leafCount > pager.usableSize() / 4 - TRUNK_HEADER_SLOTS) {
                throw PetrelException.corrupt(trunkPgno, "freelist trunk leaf count " + leafCount);
            }
            int pgno;
            if (leafCount > 0) {
                pgno = trunk.getInt(FileHeader.TRUNK_LEAVES_OFFSET + 4 * (leafCount - 1));
                checkFreePgno(pgno, trunkPgno, "freelist leaf");
                pager.markWritable(trunk);
                trunk.putInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET, leafCount - 1);
            } else {
                pgno = trunkPgno;
                pager.setHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET, trunk.getInt(FileHeader.TRUNK_NEXT_OFFSET));
            }
            pager.setHeaderInt(FileHeader.FREELIST_COUNT_OFFSET, freeCount - 1);
            Page page = pager.get(pgno);
            pager.markWritable(page);
            page.zero(0, page.size());
            return page;
        } finally {
            pager.release(trunk);
        }
    }

    private void checkFreePgno(int pgno, int where, String what) {
        if (pgno < 2 || pgno > pager.pageCount() || pgno == pager.lockBytePgno()) {
            throw PetrelException.corrupt(where, what + " page number " + pgno + " out of range");
        }
    }

    void free(int pgno) {
        if (pgno < 2 || pgno > pager.pageCount() || pgno == pager.lockBytePgno()
                || (pager.isAutoVacuum() && ptrmapPageFor(pgno) == pgno)) {
            throw PetrelException.corrupt(pgno, "freeing page " + pgno + " which cannot be free");
        }
        int freeCount = pager.getHeaderInt(FileHeader.FREELIST_COUNT_OFFSET);
        int trunkPgno = pager.getHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET);
        if (trunkPgno != 0) {
            checkFreePgno(trunkPgno, trunkPgno, "freelist trunk");
            Page trunk = pager.get(trunkPgno);
            try {
                int leafCount = trunk.getInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET);
                if (leafCount >= 0 && leafCount < pager.usableSize() / 4 - TRUNK_FILL_SLACK) {
                    pager.markWritable(trunk);
                    trunk.putInt(FileHeader.TRUNK_LEAVES_OFFSET + 4 * leafCount, pgno);
                    trunk.putInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET, leafCount + 1);
                    pager.setHeaderInt(FileHeader.FREELIST_COUNT_OFFSET, freeCount + 1);
                    return;
                }
            } finally {
                pager.release(trunk);
            }
        }
        Page page = pager.get(pgno);
        try {
            pager.markWritable(page);
            page.zero(0, page.size());
            page.putInt(FileHeader.TRUNK_NEXT_OFFSET, trunkPgno);
            page.putInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET, 0);
        } finally {
            pager.release(page);
        }
        pager.setHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET, pgno);
        pager.setHeaderInt(FileHeader.FREELIST_COUNT_OFFSET, freeCount + 1);
    }

    /** The pointer-map page covering {@code pgno}: 2, then every J+1 pages (J = usable/5), past the lock byte. */
    int ptrmapPageFor(int pgno) {
        if (pgno < 2) {
            return 0;
        }
        int group = pager.usableSize() / PtrmapEntry.ENTRY_BYTES + 1;
        int p = ((pgno - 2) / group) * group + 2;
        if (p == pager.lockBytePgno()) {
            p++;
        }
        return p;
    }

    private int entryOffset(int pgno) {
        int p = ptrmapPageFor(pgno);
        int offset = PtrmapEntry.ENTRY_BYTES * (pgno - p - 1);
        if (p == pgno || pgno < 3 || pgno > pager.pageCount() || p > pager.pageCount() || offset < 0
                || offset + PtrmapEntry.ENTRY_BYTES > pager.usableSize()) {
            throw PetrelException.corrupt(p, "no pointer-map entry for page " + pgno);
        }
        return offset;
    }

    PtrmapEntry ptrmapEntry(int pgno) {
        int offset = entryOffset(pgno);
        Page map = pager.get(ptrmapPageFor(pgno));
        try {
            return new PtrmapEntry(map.getU8(offset), map.getInt(offset + 1));
        } finally {
            pager.release(map);
        }
    }

    void setPtrmapEntry(int pgno, int type, int parentPgno) {
        int offset = entryOffset(pgno);
        Page map = pager.get(ptrmapPageFor(pgno));
        try {
            pager.markWritable(map);
            map.putU8(offset, type);
            map.putInt(offset + 1, parentPgno);
        } finally {
            pager.release(map);
        }
    }
}
