package dev.petrel.pager;

import java.util.ArrayList;
import java.util.List;

/**
 * The pager's bounded page cache: page number to {@link Page}, least recently used first.
 *
 * <p>Representation: an open-addressing hash table keyed by the page number (linear probing, backward-shift
 * deletion, so no tombstones; 0 marks an empty slot since page numbers start at 1) and a doubly linked recency
 * list threaded through the pages themselves ({@link Page#lruOlder}/{@link Page#lruNewer}). A hit is one probe
 * sequence and a few pointer moves, with no boxing and no allocation; this sits on the path of every page access.
 *
 * <p>Invariants:
 * <ol>
 *   <li>At most one {@code Page} per page number is cached, so two holders of one page number share one image.</li>
 *   <li>A pinned page ({@code pinCount > 0}) is never evicted.</li>
 *   <li>A dirty page is never dropped: eviction asks the {@link Spiller} to write dirty unpinned pages out first (to
 *       the database after the journal is synced, or as WAL frames), which makes them clean.</li>
 *   <li>The capacity is a target: when every page is pinned, or spilling is not possible, the cache grows past it
 *       rather than fail.</li>
 *   <li>The recency list holds exactly the pages of the table, oldest first; the table is at most half full.</li>
 * </ol>
 */
final class PageCache {
    /** Writes dirty unpinned pages out so they can be evicted. */
    interface Spiller {
        /** Makes every dirty unpinned page clean; returns false if that is not possible now. */
        boolean spill();
    }

    private static final int INITIAL_SLOTS = 64;
    /** Fibonacci hashing multiplier (2^32 / golden ratio), spreads consecutive page numbers over the table. */
    private static final int HASH_MULTIPLIER = 0x9E3779B9;

    private int[] keys = new int[INITIAL_SLOTS];
    private Page[] values = new Page[INITIAL_SLOTS];
    private int mask = INITIAL_SLOTS - 1;
    private int shift = Integer.numberOfLeadingZeros(INITIAL_SLOTS - 1);
    private int size;
    /** Least and most recently used ends of the recency list. */
    private Page oldest;
    private Page newest;
    private int capacity;
    /**
     * The image array of the last page evicted, handed to the next miss ({@link #takeBuffer}) so that a miss under
     * a full cache costs one copy and no allocation. The evicted {@code Page} loses its array (set to null): no one
     * may hold an unpinned page, and if someone did, it fails loudly instead of reading another page's bytes.
     */
    private byte[] spare;
    /** Every page marked dirty since the last {@link #dirtyPages} (a superset of the dirty cached pages). */
    private final List<Page> dirtyList = new ArrayList<>();

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
        return size;
    }

    private int slotOf(int pgno) {
        return (pgno * HASH_MULTIPLIER) >>> shift;
    }

    /** The cached page, marked as most recently used, or null. */
    Page get(int pgno) {
        int[] k = keys;
        int m = mask;
        for (int i = slotOf(pgno);; i = (i + 1) & m) {
            int key = k[i];
            if (key == pgno) {
                Page p = values[i];
                touch(p);
                return p;
            }
            if (key == 0) {
                return null;
            }
        }
    }

    /** Caches {@code page} as the most recently used, replacing a cached page of the same number. */
    void put(Page page) {
        int pgno = page.pgno();
        for (int i = slotOf(pgno);; i = (i + 1) & mask) {
            int key = keys[i];
            if (key == pgno) {
                unlink(values[i]);
                values[i] = page;
                linkNewest(page);
                return;
            }
            if (key == 0) {
                keys[i] = pgno;
                values[i] = page;
                linkNewest(page);
                if (++size * 2 > keys.length) {
                    resize(keys.length * 2);
                }
                return;
            }
        }
    }

    Page remove(int pgno) {
        for (int i = slotOf(pgno);; i = (i + 1) & mask) {
            int key = keys[i];
            if (key == pgno) {
                Page p = values[i];
                deleteSlot(i);
                unlink(p);
                return p;
            }
            if (key == 0) {
                return null;
            }
        }
    }

    /** Empties slot {@code hole}, shifting later members of its probe run back so lookups need no tombstones. */
    private void deleteSlot(int hole) {
        size--;
        int i = hole;
        for (;;) {
            i = (i + 1) & mask;
            int key = keys[i];
            if (key == 0) {
                break;
            }
            int home = slotOf(key);
            // The entry at i may fill the hole if its home slot is not in the cyclic range (hole, i].
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = key;
                values[hole] = values[i];
                hole = i;
            }
        }
        keys[hole] = 0;
        values[hole] = null;
    }

    private void resize(int slots) {
        int[] oldKeys = keys;
        Page[] oldValues = values;
        keys = new int[slots];
        values = new Page[slots];
        mask = slots - 1;
        shift = Integer.numberOfLeadingZeros(slots - 1);
        for (int j = 0; j < oldKeys.length; j++) {
            int key = oldKeys[j];
            if (key != 0) {
                int i = slotOf(key);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                values[i] = oldValues[j];
            }
        }
    }

    private void touch(Page p) {
        if (p != newest) {
            unlink(p);
            linkNewest(p);
        }
    }

    private void linkNewest(Page p) {
        p.lruOlder = newest;
        p.lruNewer = null;
        if (newest != null) {
            newest.lruNewer = p;
        } else {
            oldest = p;
        }
        newest = p;
    }

    private void unlink(Page p) {
        Page older = p.lruOlder;
        Page newer = p.lruNewer;
        if (older != null) {
            older.lruNewer = newer;
        } else {
            oldest = newer;
        }
        if (newer != null) {
            newer.lruOlder = older;
        } else {
            newest = older;
        }
        p.lruOlder = null;
        p.lruNewer = null;
    }

    /** A snapshot of the cached pages, oldest first (safe to iterate while the cache changes). */
    List<Page> all() {
        List<Page> out = new ArrayList<>(size);
        for (Page p = oldest; p != null; p = p.lruNewer) {
            out.add(p);
        }
        return out;
    }

    /**
     * Marks {@code p} dirty and remembers it, so that {@link #dirtyPages} costs the number of pages changed rather
     * than the size of the cache (a commit of one row must not walk every cached page).
     */
    void markDirty(Page p) {
        p.dirty = true;
        if (!p.inDirtyList) {
            p.inDirtyList = true;
            dirtyList.add(p);
        }
    }

    /** The dirty cached pages, in page-number order. */
    List<Page> dirtyPages() {
        // The list may hold pages cleaned or dropped since they were marked: forget those here.
        int kept = 0;
        for (int i = 0; i < dirtyList.size(); i++) {
            Page p = dirtyList.get(i);
            if (p.dirty && isCached(p)) {
                dirtyList.set(kept++, p);
            } else {
                p.inDirtyList = false;
            }
        }
        dirtyList.subList(kept, dirtyList.size()).clear();
        List<Page> dirty = new ArrayList<>(dirtyList);
        dirty.sort((a, b) -> Integer.compare(a.pgno(), b.pgno()));
        return dirty;
    }

    /** Whether {@code p} itself (not only a page of its number) is in the cache. */
    private boolean isCached(Page p) {
        int pgno = p.pgno();
        for (int i = slotOf(pgno);; i = (i + 1) & mask) {
            int key = keys[i];
            if (key == pgno) {
                return values[i] == p;
            }
            if (key == 0) {
                return false;
            }
        }
    }

    /** Brings the cache back to its capacity if it can (invariants 2-4). */
    void shrink(Spiller spiller) {
        if (size <= capacity) {
            return;
        }
        if (evictClean() || spiller == null) {
            return;
        }
        boolean anyDirtyUnpinned = false;
        for (Page p = oldest; p != null; p = p.lruNewer) {
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
        Page p = oldest;
        while (size > capacity && p != null) {
            Page newer = p.lruNewer;
            if (p.pinCount == 0 && !p.dirty) {
                remove(p.pgno());
                spare = p.data;
                p.data = null;
            }
            p = newer;
        }
        return size <= capacity;
    }

    /** A page image array of {@code size} bytes, recycled from an evicted page if possible; contents undefined. */
    byte[] takeBuffer(int size) {
        byte[] b = spare;
        spare = null;
        return b != null && b.length == size ? b : new byte[size];
    }

    void clear() {
        for (Page p : dirtyList) {
            p.inDirtyList = false;
        }
        dirtyList.clear();
        while (oldest != null) {
            unlink(oldest);
        }
        java.util.Arrays.fill(keys, 0);
        java.util.Arrays.fill(values, null);
        size = 0;
    }
}
