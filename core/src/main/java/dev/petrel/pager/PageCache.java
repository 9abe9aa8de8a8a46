package dev.petrel.pager;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The pager's bounded page cache: page number to {@link Page}, least recently used first.
 *
 * <p>Invariants:
 * <ol>
 *   <li>At most one {@code Page} per page number is cached, so two holders of one page number share one image.</li>
 *   <li>A pinned page ({@code pinCount > 0}) is never evicted.</li>
 *   <li>A dirty page is never dropped: eviction asks the {@link Spiller} to write dirty unpinned pages out first (to
 *       the database after the journal is synced, or as WAL frames), which makes them clean.</li>
 *   <li>The capacity is a target: when every page is pinned, or spilling is not possible, the cache grows past it
 *       rather than fail.</li>
 * </ol>
 */
final class PageCache {
    /** Writes dirty unpinned pages out so they can be evicted. */
    interface Spiller {
        /** Makes every dirty unpinned page clean; returns false if that is not possible now. */
        boolean spill();
    }

    private final LinkedHashMap<Integer, Page> pages = new LinkedHashMap<>(64, 0.75f, true);
    private int capacity;

    PageCache(int capacity) {
        this.capacity = Math.max(capacity, 2);
    }

    int capacity() {
        return capacity;
    }

    void setCapacity(int capacity) {
        this.capacity = Math.max(capacity, 2);
    }

    int size() {
        return pages.size();
    }

    /** The cached page, marked as most recently used, or null. */
    Page get(int pgno) {
        return pages.get(pgno);
    }

    void put(Page page) {
        pages.put(page.pgno(), page);
    }

    Page remove(int pgno) {
        return pages.remove(pgno);
    }

    /** A snapshot of the cached pages (safe to iterate while the cache changes). */
    List<Page> all() {
        return new ArrayList<>(pages.values());
    }

    /** The dirty pages, in page-number order. */
    List<Page> dirtyPages() {
        List<Page> dirty = new ArrayList<>();
        for (Page p : pages.values()) {
            if (p.dirty) {
                dirty.add(p);
            }
        }
        dirty.sort((a, b) -> Integer.compare(a.pgno(), b.pgno()));
        return dirty;
    }

    /** Brings the cache back to its capacity if it can (invariants 2-4). */
    void shrink(Spiller spiller) {
        if (pages.size() <= capacity) {
            return;
        }
        if (evictClean() || spiller == null) {
            return;
        }
        boolean anyDirtyUnpinned = false;
        for (Page p : pages.values()) {
            if (p.dirty && p.pinCount == 0) {
                anyDirtyUnpinned = true;
                break;
            }
        }
        if (anyDirtyUnpinned && spiller.spill()) {
            evictClean();
        }
    }

    /** Drops clean unpinned pages, oldest first, until at capacity; returns whether it got there. */
    private boolean evictClean() {
        Iterator<Page> it = pages.values().iterator();
        while (pages.size() > capacity && it.hasNext()) {
            Page p = it.next();
            if (p.pinCount == 0 && !p.dirty) {
                it.remove();
            }
        }
        return pages.size() <= capacity;
    }

    void clear() {
        pages.clear();
    }
}
