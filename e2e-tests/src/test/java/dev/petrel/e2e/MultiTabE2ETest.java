package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Several tabs on one OPFS database: one owns the files (Web Lock), the others' statements run there, and when the
 * owning tab closes another takes over with the files recovered.
 */
class MultiTabE2ETest extends BrowserTestBase {
    private static final String OPEN = "async (name) => { window.db = await window.petrel.connect(name);"
            + " return true; }";

    @Test
    void followerRunsThroughOwnerAndTakesOverWhenOwnerTabCloses() {
        Page a = page;
        openTestPage(a);
        a.evaluate(OPEN, "takeover.sqlite");
        Page b = newPage();
        openTestPage(b);
        b.evaluate(OPEN, "takeover.sqlite");
        assertEquals(3, ((Number) eval(b, "async () => (await db.prepare('select 1+2 as x').get()).x")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> locks = (Map<String, Object>) eval(a, "async () => {"
                + " const q = await navigator.locks.query();"
                + " return { held: q.held.filter(l => l.name === 'petrel-db:takeover.sqlite').length,"
                + "          pending: q.pending.filter(l => l.name === 'petrel-db:takeover.sqlite').length }; }");
        assertEquals(1, ((Number) locks.get("held")).intValue(), "one owner");
        assertEquals(1, ((Number) locks.get("pending")).intValue(), "the other tab waits for ownership");
        a.close();
        assertEquals(12, ((Number) eval(b, "async () => (await db.prepare('select 3*4 as x').get()).x")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) eval(b, "async () => {"
                + " const q = await navigator.locks.query();"
                + " return { held: q.held.filter(l => l.name === 'petrel-db:takeover.sqlite').length,"
                + "          pending: q.pending.filter(l => l.name === 'petrel-db:takeover.sqlite').length }; }");
        assertEquals(1, ((Number) after.get("held")).intValue(), "the surviving tab owns the database");
        assertEquals(0, ((Number) after.get("pending")).intValue(), "no stuck lock request");
    }
}
