package dev.petrel.pager;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.vfs.SplitMix64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Test helper: a deterministic stream of write transactions over self-checking pages, with a model of every
 * committed state so that a database recovered after a crash or an I/O error can be checked exactly.
 *
 * <p>Transaction {@code t} sets user_version to {@code t}, so the header tells which committed state a database is
 * in. Each live page holds {@link PagerTest#fill}'s pattern for (pgno, tag), tag being the transaction that last
 * wrote it; every other page past page 1 must be on the freelist.
 */
final class Workload {
    /** One committed state of the database. */
    static final class Model {
        final TreeMap<Integer, Integer> live = new TreeMap<>();
        int userVersion;
        int pageCount;

        Model copy() {
            Model m = new Model();
            m.live.putAll(live);
            m.userVersion = userVersion;
            m.pageCount = pageCount;
            return m;
        }
    }

    private final SplitMix64 rng;
    final Map<Integer, Model> committed = new HashMap<>();
    Model current = new Model();
    int lastCommitted;
    /** The transaction whose commit() was running when it failed or the power went, or -1. */
    int inFlight = -1;
    int rollbacks;
    int savepointRollbacks;

    Workload(long seed) {
        this.rng = new SplitMix64(seed);
        committed.put(0, current);
    }

    /** Runs transaction {@code t}; on an exception the pager is left as the failure left it. */
    void runTxn(Pager p, int t) {
        Model work = current.copy();
        p.beginWrite();
        int ops = 1 + rng.nextInt(6);
        for (int i = 0; i < ops; i++) {
            if (rng.chance(0.2)) {
                int sp = p.openSavepoint();
                Model saved = work.copy();
                saved.pageCount = p.pageCount();
                int inner = 1 + rng.nextInt(3);
                for (int k = 0; k < inner; k++) {
                    op(p, work, t);
                }
                if (rng.chance(0.5)) {
                    p.rollbackToSavepoint(sp);
                    work = saved;
                    savepointRollbacks++;
                }
                p.releaseSavepoint(sp);
            } else {
                op(p, work, t);
            }
        }
        p.setHeaderInt(FileHeader.USER_VERSION_OFFSET, t);
        work.userVersion = t;
        work.pageCount = p.pageCount();
        if (rng.chance(0.12)) {
            rollbacks++;
            p.rollback();
            return;
        }
        committed.put(t, work);
        inFlight = t;
        p.commit();
        inFlight = -1;
        current = work;
        lastCommitted = t;
    }

    private void op(Pager p, Model work, int t) {
        int choice = rng.nextInt(10);
        if (work.live.isEmpty() || choice < 5) {
            int n = 1 + rng.nextInt(4);
            for (int i = 0; i < n; i++) {
                Page page = p.allocate();
                PagerTest.fill(page, t, p.usableSize());
                work.live.put(page.pgno(), t);
                p.release(page);
            }
        } else if (choice < 8) {
            int pgno = pick(work);
            Page page = p.get(pgno);
            p.markWritable(page);
            PagerTest.fill(page, t, p.usableSize());
            p.release(page);
            work.live.put(pgno, t);
        } else {
            int pgno = pick(work);
            p.free(pgno);
            work.live.remove(pgno);
        }
    }

    private int pick(Model work) {
        List<Integer> keys = new ArrayList<>(work.live.keySet());
        return keys.get(rng.nextInt(keys.size()));
    }

    /** Checks that the pager shows exactly state {@code m}. */
    static void verify(Pager p, Model m, String context) {
        boolean own = !p.inReadTransaction();
        p.beginRead();
        try {
            assertEquals(m.pageCount, p.pageCount(), context + ": page count");
            if (m.pageCount == 0) {
                return;
            }
            assertEquals(m.userVersion, p.getHeaderInt(FileHeader.USER_VERSION_OFFSET), context + ": user_version");
            assertEquals(m.pageCount, p.getHeaderInt(FileHeader.DATABASE_SIZE_OFFSET), context + ": in-header size");
            Set<Integer> free = FreelistCheck.pages(p);
            for (Map.Entry<Integer, Integer> e : m.live.entrySet()) {
                assertFalse(free.contains(e.getKey()), context + ": live page " + e.getKey() + " on the freelist");
                assertEquals((int) e.getValue(), PagerTest.readTag(p, e.getKey()), context + ": page " + e.getKey());
            }
            Set<Integer> all = new TreeSet<>(free);
            all.addAll(m.live.keySet());
            assertEquals(m.pageCount - 1, all.size(), context + ": every page is live or free");
        } finally {
            if (own) {
                p.endRead();
            }
        }
    }

    /** The user_version of the database the pager shows (0 when empty). */
    static int userVersion(Pager p) {
        boolean own = !p.inReadTransaction();
        p.beginRead();
        try {
            return p.pageCount() == 0 ? 0 : p.getHeaderInt(FileHeader.USER_VERSION_OFFSET);
        } finally {
            if (own) {
                p.endRead();
            }
        }
    }
}
