package dev.petrel.pager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The open savepoints of a write transaction: for each, the page count when it opened and the original image of
 * every page first made writable after that (invariant S1 of the {@link Pager}).
 *
 * <p>Ids are nesting depths: the oldest open savepoint is 0. Images are captured by {@link #capture} before a page's
 * first change in the newest savepoint; only pages that existed when that savepoint opened need one (newer pages
 * disappear with the page count). Not thread-safe.
 */
final class SavepointStack {
    /** One savepoint: its page count and captured original images. */
    private static final class Savepoint {
        final int pageCount;
        final Map<Integer, byte[]> images = new HashMap<>();

        Savepoint(int pageCount) {
            this.pageCount = pageCount;
        }
    }

    private final List<Savepoint> stack = new ArrayList<>();

    int open(int pageCount) {
        stack.add(new Savepoint(pageCount));
        return stack.size() - 1;
    }

    int size() {
        return stack.size();
    }

    void clear() {
        stack.clear();
    }

    /** Keeps the image of {@code page} as it is now, if the newest savepoint has none for it yet. */
    void capture(Page page) {
        if (stack.isEmpty()) {
            return;
        }
        Savepoint top = stack.get(stack.size() - 1);
        if (page.pgno() <= top.pageCount && !top.images.containsKey(page.pgno())) {
            top.images.put(page.pgno(), page.data.clone());
        }
    }

    /** Drops savepoint {@code id} and newer ones; their images pass to the parent where it has none (S1). */
    void release(int id) {
        if (id > 0) {
            Savepoint parent = stack.get(id - 1);
            for (int i = id; i < stack.size(); i++) {
                for (Map.Entry<Integer, byte[]> e : stack.get(i).images.entrySet()) {
                    if (e.getKey() <= parent.pageCount) {
                        parent.images.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
            }
        }
        stack.subList(id, stack.size()).clear();
    }

    /**
     * The images to write back to return to savepoint {@code id}, newest savepoint first (so that older images, applied
     * last, win). Afterwards savepoint {@code id} stays open and empty; newer ones are gone.
     */
    List<Map<Integer, byte[]>> rollbackTo(int id) {
        List<Map<Integer, byte[]>> restore = new ArrayList<>();
        for (int i = stack.size() - 1; i >= id; i--) {
            restore.add(new HashMap<>(stack.get(i).images));
        }
        stack.get(id).images.clear();
        stack.subList(id + 1, stack.size()).clear();
        return restore;
    }

    /** The page count when savepoint {@code id} opened. */
    int pageCountAt(int id) {
        return stack.get(id).pageCount;
    }
}
