package dev.petrel.pager;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.vfs.SplitMix64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page cache's open-addressing table and recency list against a {@link LinkedHashMap} in access order:
 * random gets, puts, removes and evictions (with pinned and dirty pages) over clustered and scattered page numbers.
 */
class PageCacheTest {
    @Test
    void agreesWithAccessOrderedMap() {
        long seed = 0xCAC4EL;
        SplitMix64 rng = new SplitMix64(seed);
        int steps = 200_000 * scale();
        PageCache cache = new PageCache(50);
        LinkedHashMap<Integer, Page> model = new LinkedHashMap<>(64, 0.75f, true);
        for (int step = 0; step < steps; step++) {
            int range = step % 3 == 0 ? 100 : 5000;
            int pgno = 1 + (int) Math.floorMod(rng.nextLong(), (long) range);
            int op = (int) Math.floorMod(rng.nextLong(), 10L);
            String where = "seed=" + seed + " step " + step;
            if (op < 5) {
                assertSame(model.get(pgno), cache.get(pgno), where);
            } else if (op < 8) {
                Page p = new Page(pgno, new byte[8]);
                p.pinCount = Math.floorMod(rng.nextLong(), 8L) == 0 ? 1 : 0;
                p.dirty = Math.floorMod(rng.nextLong(), 8L) == 0;
                cache.put(p);
                model.put(pgno, p);
            } else if (op < 9) {
                assertSame(model.remove(pgno), cache.remove(pgno), where);
            } else {
                cache.shrink(null);
                List<Integer> drop = new ArrayList<>();
                int size = model.size();
                for (Map.Entry<Integer, Page> e : model.entrySet()) {
                    if (size <= 50) {
                        break;
                    }
                    if (e.getValue().pinCount == 0 && !e.getValue().dirty) {
                        drop.add(e.getKey());
                        size--;
                    }
                }
                for (int k : drop) {
                    model.remove(k);
                }
            }
            assertEquals(model.size(), cache.size(), where);
            if (step % 1000 == 0) {
                assertEquals(new ArrayList<>(model.values()), cache.all(), where + ": recency order");
                Map<Integer, Page> byNumber = new HashMap<>(model);
                for (Page p : cache.all()) {
                    assertNotNull(p.data, where);
                    assertSame(byNumber.get(p.pgno()), p, where);
                }
            }
        }
    }

    @Test
    void evictedPageGivesUpItsArray() {
        PageCache cache = new PageCache(2);
        Page a = new Page(1, new byte[16]);
        byte[] image = a.data;
        cache.put(a);
        cache.put(new Page(2, new byte[16]));
        cache.put(new Page(3, new byte[16]));
        cache.shrink(null);
        assertNull(cache.get(1));
        assertNull(a.data, "an evicted page must not keep an array that is handed to the next miss");
        assertSame(image, cache.takeBuffer(16));
        assertNotSame(image, cache.takeBuffer(16));
        assertEquals(32, cache.takeBuffer(32).length);
    }

    private static int scale() {
        String s = System.getProperty("petrel.test.scale");
        try {
            return s == null || s.isBlank() ? 1 : Math.max(1, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
