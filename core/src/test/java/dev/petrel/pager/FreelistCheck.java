package dev.petrel.pager;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;

/** Test helper: walks the freelist and checks it against the header (invariant F1 of PageAllocator). */
final class FreelistCheck {
    private FreelistCheck() {
    }

    /** The pages on the freelist; fails on a cycle, an out-of-range page or a count mismatch. */
    static Set<Integer> pages(Pager p) {
        Set<Integer> seen = new HashSet<>();
        int trunk = p.getHeaderInt(FileHeader.FREELIST_TRUNK_OFFSET);
        while (trunk != 0) {
            assertTrue(trunk >= 2 && trunk <= p.pageCount(), "trunk in range: " + trunk);
            assertTrue(seen.add(trunk), "trunk visited once: " + trunk);
            Page page = p.get(trunk);
            try {
                int leaves = page.getInt(FileHeader.TRUNK_LEAF_COUNT_OFFSET);
                assertTrue(leaves >= 0 && leaves <= p.usableSize() / 4 - 2, "leaf count " + leaves);
                for (int i = 0; i < leaves; i++) {
                    int leaf = page.getInt(FileHeader.TRUNK_LEAVES_OFFSET + 4 * i);
                    assertTrue(leaf >= 2 && leaf <= p.pageCount(), "leaf in range: " + leaf);
                    assertTrue(seen.add(leaf), "leaf listed once: " + leaf);
                }
                trunk = page.getInt(FileHeader.TRUNK_NEXT_OFFSET);
            } finally {
                p.release(page);
            }
        }
        assertEquals(p.getHeaderInt(FileHeader.FREELIST_COUNT_OFFSET), seen.size(), "header freelist count");
        return seen;
    }

    static int count(Pager p) {
        return pages(p).size();
    }
}
