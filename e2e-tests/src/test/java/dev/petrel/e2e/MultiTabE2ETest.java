package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
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

    private static List<Integer> ints(Object jsArray) {
        List<Integer> out = new ArrayList<>();
        for (Object o : (List<?>) jsArray) {
            out.add(((Number) o).intValue());
        }
        return out;
    }

    private static final String WORK_LOOP = "(tab) => { window.acked = []; window.failures = []; window.stop = false;"
            + " window.loop = (async () => { const ins = db.prepare('insert into log(tab, k) values (?, ?)');"
            + "   for (let k = 0; !window.stop; k++) {"
            + "     try { await ins.run(tab, k); window.acked.push(k); }"
            + "     catch (e) { window.failures.push(k + ' ' + e.code + ' ' + e.message); } } })(); }";

    @Test
    void tabsWriteAlternatelyAndOwnerCloseLosesNoCommittedRow() throws Exception {
        Page a = page;
        openTestPage(a);
        eval(a, "async () => { await petrel.deleteDatabase('alt.sqlite'); window.db = await petrel.connect('alt.sqlite');"
                + " await db.exec('create table log(id integer primary key, tab text, k integer)'); }");
        Page b = newPage();
        openTestPage(b);
        b.evaluate(OPEN, "alt.sqlite");
        for (int i = 0; i < 10; i++) {
            Page writer = i % 2 == 0 ? a : b;
            Page reader = i % 2 == 0 ? b : a;
            writer.evaluate("async (i) => db.prepare('insert into log(tab, k) values (?, ?)').run('alt', i)", i);
            Object seen = reader.evaluate("async () => db.prepare('select k from log where tab = ? order by id')"
                    + ".pluck().all('alt')");
            assertEquals(i + 1, ints(seen).size(), "the other tab's committed row is visible after write " + i);
        }

        // Both tabs write continuously; the owner's tab is closed in the middle of that work.
        a.evaluate(WORK_LOOP, "a");
        b.evaluate(WORK_LOOP, "b");
        b.waitForFunction("() => window.acked.length >= 20", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        List<Integer> ackedByA = ints(a.evaluate("() => window.acked.slice()"));
        a.close();
        int bBefore = ((Number) b.evaluate("() => window.acked.length")).intValue();
        b.waitForFunction("(n) => window.acked.length >= n + 20", bBefore,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        b.evaluate("async () => { window.stop = true; await window.loop; }");
        List<Integer> ackedByB = ints(b.evaluate("() => window.acked.slice()"));
        List<Integer> rowsA = ints(eval(b, "async () => db.prepare(\"select k from log where tab = 'a'\").pluck().all()"));
        List<Integer> rowsB = ints(eval(b, "async () => db.prepare(\"select k from log where tab = 'b'\").pluck().all()"));
        assertTrue(rowsA.containsAll(ackedByA), "every row tab A saw committed is still there");
        assertTrue(rowsB.containsAll(ackedByB), "every row tab B saw committed is there");
        assertEquals(rowsB.size(), new java.util.HashSet<>(rowsB).size(), "no row was applied twice");
        List<?> failures = (List<?>) b.evaluate("() => window.failures");
        assertTrue(failures.size() <= 1, "at most the one statement in flight at the handover fails: " + failures);
        assertEquals("ok", eval(b, "async () => db.prepare('pragma integrity_check').pluck().get()"),
                "Petrel's own check after the takeover");
        java.nio.file.Path copy = SqliteOracle.exportToFile(b);
        assertEquals(List.of(List.of("ok")), SqliteOracle.query(copy, "pragma integrity_check"), "real SQLite's check");
        assertEquals(List.of(List.of(rowsA.size() + rowsB.size() + 10)), SqliteOracle.query(copy, "select count(*) from log"));
    }

    @Test
    void transactionOfOneTabHoldsOffTheOtherTab() {
        Page a = page;
        openTestPage(a);
        eval(a, "async () => { await petrel.deleteDatabase('tx.sqlite'); window.db = await petrel.connect('tx.sqlite');"
                + " await db.exec('create table t(id integer primary key, who text)'); }");
        Page b = newPage();
        openTestPage(b);
        b.evaluate(OPEN, "tx.sqlite");
        eval(b, "async () => { window.bEntered = false; window.bDone = false;"
                + " window.held = new Promise((r) => (window.release = r));"
                + " window.tx = db.transaction(async () => {"
                + "   await db.prepare(\"insert into t(who) values ('b1')\").run(); window.bEntered = true;"
                + "   await window.held;"
                + "   await db.prepare(\"insert into t(who) values ('b2')\").run(); })(); }");
        b.waitForFunction("() => window.bEntered");
        eval(a, "async () => { window.aDone = false;"
                + " window.aWrite = db.prepare(\"insert into t(who) values ('a')\").run().then(() => (window.aDone = true)); }");
        a.waitForTimeout(400);
        assertEquals(Boolean.FALSE, a.evaluate("() => window.aDone"), "tab A waits while tab B's transaction is open");
        eval(b, "async () => { window.release(); await window.tx; }");
        eval(a, "async () => { await window.aWrite; }");
        assertEquals(List.of("b1", "b2", "a"),
                eval(a, "async () => db.prepare('select who from t order by id').pluck().all()"));
    }

    @Test
    void followerTabClosingInsideItsTransactionReleasesTheOwner() {
        Page a = page;
        openTestPage(a);
        eval(a, "async () => { await petrel.deleteDatabase('die-in-tx.sqlite');"
                + " window.db = await petrel.connect('die-in-tx.sqlite'); await db.exec('create table t(v text)'); }");
        Page b = newPage();
        openTestPage(b);
        b.evaluate(OPEN, "die-in-tx.sqlite");
        eval(b, "async () => { window.entered = false;"
                + " db.transaction(async () => { await db.prepare(\"insert into t values ('b-uncommitted')\").run();"
                + "   window.entered = true; await new Promise(() => {}); })(); }");
        b.waitForFunction("() => window.entered");
        b.close();
        Object rows = eval(a, "async () => { await db.prepare(\"insert into t values ('a')\").run();"
                + " return db.prepare('select v from t').pluck().all(); }");
        assertEquals(List.of("a"), rows, "the dead tab's transaction was rolled back and the owner carries on");
    }

    @Test
    void ownerTabClosingInsideAFollowerTransactionAbortsThatTransactionOnly() {
        Page a = page;
        openTestPage(a);
        eval(a, "async () => { await petrel.deleteDatabase('owner-dies.sqlite');"
                + " window.db = await petrel.connect('owner-dies.sqlite'); await db.exec('create table t(v text)');"
                + " await db.prepare(\"insert into t values ('committed')\").run(); }");
        Page b = newPage();
        openTestPage(b);
        b.evaluate(OPEN, "owner-dies.sqlite");
        eval(b, "async () => { window.entered = false; window.held = new Promise((r) => (window.release = r));"
                + " window.tx = db.transaction(async () => {"
                + "   await db.prepare(\"insert into t values ('b1')\").run(); window.entered = true;"
                + "   await window.held; await db.prepare(\"insert into t values ('b2')\").run(); })()"
                + "   .then(() => 'committed', (e) => e.code); }");
        b.waitForFunction("() => window.entered");
        a.close();
        // A second connection's statement waits until a new owner has taken over (the lock queue is FIFO, so it is
        // tab B's first connection) and then runs there.
        assertEquals(1, ((Number) eval(b, "async () => { window.db2 = await petrel.connect('owner-dies.sqlite');"
                + " return (await db2.prepare('select 1 as x').get()).x; }")).intValue());
        assertEquals("SQLITE_ABORT", eval(b, "async () => db.prepare('select 1').get().then(() => 'ran', (e) => e.code)"),
                "inside the lost transaction even a read fails");
        Object outcome = eval(b, "async () => { window.release(); return await window.tx; }");
        assertEquals("SQLITE_ABORT", outcome, "the rest of the lost transaction fails");
        Object rows = eval(b, "async () => { await db.prepare(\"insert into t values ('after')\").run();"
                + " return db.prepare('select v from t order by rowid').pluck().all(); }");
        assertEquals(List.of("committed", "after"), rows, "the hot journal was rolled back, committed data kept");
    }

    @Test
    void followerIteratesInBatchesReadsBlobsAndExports() throws Exception {
        Page a = page;
        openTestPage(a);
        eval(a, "async () => { await petrel.deleteDatabase('follow.sqlite');"
                + " window.db = await petrel.connect('follow.sqlite');"
                + " await db.exec('create table b(id integer primary key, data blob)');"
                + " const ins = db.prepare('insert into b(data) values (?)');"
                + " await db.transaction(async () => { for (let i = 0; i < 600; i++)"
                + "   await ins.run(new Uint8Array([i & 255, i >> 8, 42])); })(); }");
        Page b = newPage();
        openTestPage(b);
        b.evaluate(OPEN, "follow.sqlite");
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(b, "async () => { let n = 0, ok = true;"
                + " for await (const row of db.prepare('select id, data from b order by id').iterate()) {"
                + "   const i = row.id - 1; n++;"
                + "   ok = ok && row.data instanceof Uint8Array && row.data[0] === (i & 255) && row.data[1] === (i >> 8); }"
                + " const bytes = await db.export();"
                + " return { n, ok, size: bytes.length, magic: new TextDecoder().decode(bytes.subarray(0, 15)) }; }");
        assertEquals(600, ((Number) r.get("n")).intValue(), "rows cross the BroadcastChannel in batches");
        assertEquals(Boolean.TRUE, r.get("ok"));
        assertEquals("SQLite format 3", r.get("magic"));
        java.nio.file.Path copy = SqliteOracle.exportToFile(b);
        assertEquals(List.of(List.of("ok")), SqliteOracle.query(copy, "pragma integrity_check"));
        assertEquals(List.of(List.of(600)), SqliteOracle.query(copy, "select count(*) from b"));
        assertEquals(List.of(List.of("2b012a")), SqliteOracle.query(copy, "select hex(data) from b where id = 300")
                .stream().map(row -> List.<Object>of(row.get(0).toString().toLowerCase())).toList());
    }
}
