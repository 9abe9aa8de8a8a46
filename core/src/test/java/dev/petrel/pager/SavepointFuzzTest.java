package dev.petrel.pager;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.vfs.MemoryVfs;
import dev.petrel.vfs.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nested savepoints against a model: random page writes and allocations inside up to five nested savepoints, random
 * RELEASE and ROLLBACK TO, a tiny cache so pages spill; the pager must always show the model's pages and count.
 */
class SavepointFuzzTest {
    private static final long SEED = 0xFACE_2026L;

    @ParameterizedTest
    @EnumSource(value = JournalMode.class, names = {"DELETE", "MEMORY", "WAL"})
    void nestedSavepointsMatchTheModel(JournalMode mode) {
        int scale = Math.max(1, Integer.getInteger("petrel.test.scale", 1));
        for (int round = 0; round < 20 * scale; round++) {
            long seed = SEED + mode.ordinal() * 10_000L + round;
            try {
                runRound(mode, seed);
            } catch (AssertionError e) {
                throw new AssertionError("seed=" + seed + " mode=" + mode + ": " + e.getMessage(), e);
            }
        }
    }

    private static void runRound(JournalMode mode, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        MemoryVfs vfs = new MemoryVfs();
        Pager p = Pager.open(vfs, "db", 512);
        p.setJournalMode(mode);
        p.setCacheSize(3);
        p.beginWrite();
        TreeMap<Integer, Integer> model = new TreeMap<>();
        for (int i = 0; i < 8; i++) {
            Page page = p.allocate();
            PagerTest.fill(page, 1, p.usableSize());
            model.put(page.pgno(), 1);
            p.release(page);
        }
        p.commit();
        p.beginWrite();
        List<TreeMap<Integer, Integer>> stack = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int tag = 2;
        for (int step = 0; step < 60; step++) {
            int r = rng.nextInt(10);
            if (r < 2 && stack.size() < 5) {
                assertEquals(stack.size(), p.openSavepoint());
                stack.add(new TreeMap<>(model));
                counts.add(p.pageCount());
            } else if (r < 3 && !stack.isEmpty()) {
                int id = rng.nextInt(stack.size());
                p.rollbackToSavepoint(id);
                model = new TreeMap<>(stack.get(id));
                assertEquals((int) counts.get(id), p.pageCount());
                stack.subList(id + 1, stack.size()).clear();
                counts.subList(id + 1, counts.size()).clear();
                check(p, model);
            } else if (r < 4 && !stack.isEmpty()) {
                int id = rng.nextInt(stack.size());
                p.releaseSavepoint(id);
                stack.subList(id, stack.size()).clear();
                counts.subList(id, counts.size()).clear();
            } else if (r < 6) {
                Page page = p.allocate();
                PagerTest.fill(page, tag, p.usableSize());
                model.put(page.pgno(), tag++);
                p.release(page);
            } else {
                List<Integer> keys = new ArrayList<>(model.keySet());
                int pgno = keys.get(rng.nextInt(keys.size()));
                PagerTest.rewrite(p, pgno, tag);
                model.put(pgno, tag++);
            }
            assertEquals(stack.size(), p.savepointCount());
        }
        check(p, model);
        p.commit();
        p.close();
        Pager q = Pager.open(vfs, "db", 512);
        check(q, model);
        q.close();
    }

    private static void check(Pager p, TreeMap<Integer, Integer> model) {
        assertEquals(model.lastKey().intValue(), p.pageCount(), "page count");
        for (Map.Entry<Integer, Integer> e : model.entrySet()) {
            assertEquals((int) e.getValue(), PagerTest.readTag(p, e.getKey()), "page " + e.getKey());
        }
    }
}
