package dev.petrel.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.record.Collation;
import dev.petrel.record.Record;
import dev.petrel.record.RecordEncoder;
import dev.petrel.vfs.MemoryVfs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sorter orders by its key, returns equal keys newest first, and spills runs to the VFS past its limit. */
class SorterTest {
    private static long seedFor(String name) {
        return Long.getLong("petrel.test.seed", name.hashCode());
    }

    private static int scale() {
        return Integer.getInteger("petrel.test.scale", 1);
    }

    private static List<Object[]> drain(Sorter s) {
        List<Object[]> out = new ArrayList<>();
        for (boolean ok = s.sort(); ok; ok = s.next()) {
            out.add(new Record(s.record()).values());
        }
        return out;
    }

    private static void run(long limitBytes, int n, long seed, boolean expectSpill) {
        MemoryVfs vfs = new MemoryVfs("temp");
        KeyOrder order = new KeyOrder(new Collation[] {Collation.BINARY}, new boolean[] {true}, new boolean[] {false});
        Sorter s = new Sorter(order, 1, vfs, limitBytes);
        List<Object[]> rows = new ArrayList<>();
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            Object key = (x >>> 60) == 0 ? null : (Object) ((x >>> 33) % 50);
            Object[] row = {key, (long) i, "payload-" + i};
            rows.add(row);
            s.add(RecordEncoder.encode(row));
        }
        assertEquals(expectSpill, s.runCount() > 0, "seed " + seed);
        // Expected: key descending (NULLs first, as a DESC column), equal keys in insertion order (SQLite's sorter
        // is stable: SELECT x FROM t ORDER BY g returns tied rows in scan order).
        rows.sort(Comparator.<Object[], Long>comparing(r -> r[0] == null ? Long.MAX_VALUE : (Long) r[0])
                .reversed().thenComparing(r -> (Long) r[1]));
        List<Object[]> got = drain(s);
        assertEquals(rows.size(), got.size(), "seed " + seed);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i)[1], got.get(i)[1], "row " + i + " seed " + seed);
        }
        s.close();
        assertTrue(vfs.list().isEmpty(), "temporary run files are deleted");
    }

    @Test
    void sortsInMemory() {
        run(Sorter.DEFAULT_MEMORY_LIMIT_BYTES, 2000 * scale(), seedFor("mem"), false);
    }

    @Test
    void spillsRunsAndMerges() {
        run(20_000, 20_000 * scale(), seedFor("spill"), true);
    }

    @Test
    void emptySorterHasNoRows() {
        Sorter s = new Sorter(KeyOrder.BINARY, 1, new MemoryVfs(), 100);
        assertFalse(s.sort());
    }
}
