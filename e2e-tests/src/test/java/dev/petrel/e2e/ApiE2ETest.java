package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Database / Statement API of petrel-db: parameters, row shapes, iteration, transactions, lifecycle. */
class ApiE2ETest extends BrowserTestBase {
    @Test
    void parametersRowShapesAndColumns() {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " const db = await petrel.connect(':memory:');"
                + " const s = db.prepare('select ? as a, :b as b, @c as c, $d as d');"
                + " const obj = await s.get(1, { b: 'two', c: 3.5, d: null });"
                + " const raw = await s.raw().get(1, { b: 'two', c: 3.5, d: null });"
                + " const pluck = await s.pluck().get(7, { b: 'x', c: 0, d: 0 });"
                + " const cols = (await s.columns()).map((c) => c.name);"
                + " const rows = []; for await (const row of s.raw().iterate(9, { b: 'i', c: 1, d: 2 })) rows.push(row);"
                + " let range = null; try { await s.get(1, 2, 3, 4, 5) } catch (e) { range = e.code; }"
                + " let unknown = null; try { await s.get(1, { zz: 1 }) } catch (e) { unknown = e.code; }"
                + " await db.close();"
                + " let closed = null; try { db.prepare('select 1') } catch (e) { closed = e.code + ': ' + e.message; }"
                + " return { obj, raw, pluck, cols, rows, range, unknown, closed, open: db.open, memory: db.memory }; }");
        assertEquals(Map.of("a", 1, "b", "two", "c", 3.5), withoutNull((Map<String, Object>) r.get("obj")));
        assertTrue(((Map<String, Object>) r.get("obj")).containsKey("d"));
        assertEquals(List.of(1, "two", 3.5), ((List<?>) r.get("raw")).subList(0, 3));
        assertEquals(7, ((Number) r.get("pluck")).intValue());
        assertEquals(List.of("a", "b", "c", "d"), r.get("cols"));
        assertEquals(1, ((List<?>) r.get("rows")).size());
        assertEquals("SQLITE_RANGE", r.get("range"));
        assertEquals("SQLITE_RANGE", r.get("unknown"));
        assertEquals("SQLITE_MISUSE: The database connection is not open", r.get("closed"));
        assertEquals(Boolean.FALSE, r.get("open"));
        assertEquals(Boolean.TRUE, r.get("memory"));
    }

    private static Map<String, Object> withoutNull(Map<String, Object> m) {
        Map<String, Object> out = new java.util.HashMap<>(m);
        out.values().removeIf(java.util.Objects::isNull);
        out.replaceAll((k, v) -> v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? (Object) n.intValue() : v);
        return out;
    }

    @Test
    void runIterateAndTransactions() {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " await petrel.deleteDatabase('api.sqlite');"
                + " const db = await petrel.connect('api.sqlite');"
                + " await db.exec('create table t(id integer primary key, v text)');"
                + " const ins = db.prepare('insert into t(v) values (?)');"
                + " const fill = db.transaction(async (n) => { for (let i = 0; i < n; i++) await ins.run('v' + i); return n; });"
                + " const filled = await fill(600);"
                + " let seen = 0; for await (const row of db.prepare('select id, v from t order by id').iterate()) {"
                + "   if (row.v !== 'v' + (row.id - 1)) throw new Error(JSON.stringify(row)); seen++; }"
                + " let early = 0; const it = db.prepare('select id from t');"
                + " for await (const _ of it.iterate()) { if (++early === 300) break; }"
                + " const again = await it.pluck().all();"
                + " const inside = await db.transaction(async () => db.inTransaction)();"
                + " const rolledBack = db.transaction(async () => { await ins.run('gone'); throw new Error('no'); });"
                + " let message = null; try { await rolledBack(); } catch (e) { message = e.message; }"
                + " const gone = await db.prepare(\"select count(*) from t where v = 'gone'\").pluck().get();"
                + " const info = await ins.run('last');"
                + " return { filled, seen, again: again.length, inside, message, gone, info,"
                + "          after: db.inTransaction }; }");
        assertEquals(600, ((Number) r.get("filled")).intValue());
        assertEquals(600, ((Number) r.get("seen")).intValue(), "iterate crosses several batches");
        assertEquals(600, ((Number) r.get("again")).intValue(), "a statement left early can run again");
        assertEquals(Boolean.TRUE, r.get("inside"));
        assertEquals("no", r.get("message"));
        assertEquals(0, ((Number) r.get("gone")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) r.get("info");
        assertEquals(1, ((Number) info.get("changes")).intValue());
        assertEquals(601, ((Number) info.get("lastInsertRowid")).intValue(), "the rolled-back rowid is reused");
        assertEquals(Boolean.FALSE, r.get("after"));
    }

    @Test
    void nestedTransactionRollsBackToItsSavepoint() {
        openTestPage(page);
        Object vs = eval(page, "async () => {"
                + " const db = await petrel.connect(':memory:');"
                + " await db.exec('create table t(v text)');"
                + " const ins = db.prepare('insert into t values (?)');"
                + " await db.transaction(async () => {"
                + "   await ins.run('outer');"
                + "   await db.transaction(async () => { await ins.run('inner'); throw new Error('inner fails'); })()"
                + "     .catch(() => undefined); })();"
                + " return db.prepare('select v from t').pluck().all(); }");
        assertEquals(List.of("outer"), vs, "the inner savepoint rolled back, the outer committed");
    }
}
