package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SQL functions written in JavaScript ({@code db.function}, {@code db.aggregate}): defined on the page, evaluated
 * in the database worker, called by the wasm engine for each row.
 */
class FunctionsE2ETest extends BrowserTestBase {
    @Test
    void scalarFunctions() {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " const db = await petrel.connect(':memory:');"
                + " await db.function('twice', (x) => x === null ? null : typeof x === 'string' ? x + x : x * 2);"
                + " await db.function('nonnulls', { varargs: true, deterministic: true },"
                + "   (...a) => a.filter((v) => v !== null).length);"
                + " await db.function('bytes', function (n) { return new Uint8Array(n).fill(7); });"
                + " await db.function('big', { safeIntegers: true }, (x) => x * 2n);"
                + " await db.function('fails', (x) => { throw new Error('custom failure ' + x); });"
                + " await db.function('upper', (s) => 'UP:' + s);"
                + " await db.exec('create table t(a); insert into t values (1), (2.5), (\\'ab\\'), (null)');"
                + " const rows = await db.prepare('select twice(a) as v from t order by rowid').pluck().all();"
                + " const misc = await db.prepare('select nonnulls(1, null, \\'x\\') as n, hex(bytes(3)) as h,"
                + "   big(4611686018427387903) as b, upper(\\'q\\') as u, typeof(twice(1)) as ti,"
                + "   typeof(twice(1.25)) as tr').safeIntegers().get();"
                + " let err = null; try { await db.prepare('select fails(42)').get(); }"
                + "   catch (e) { err = e.code + ': ' + e.message; }"
                + " let argc = null; try { await db.prepare('select twice(1, 2)').get(); }"
                + "   catch (e) { argc = e.message; }"
                + " let bad = null; try { await db.function('broken', 5); } catch (e) { bad = e.name; }"
                + " await db.close();"
                + " return { rows, misc: { ...misc, b: String(misc.b), n: Number(misc.n) }, err, argc, bad }; }");
        assertEquals(List.of(2, 5, "abab"), ((List<?>) r.get("rows")).subList(0, 3));
        assertEquals(null, ((List<?>) r.get("rows")).get(3));
        @SuppressWarnings("unchecked")
        Map<String, Object> misc = (Map<String, Object>) r.get("misc");
        assertEquals(2, ((Number) misc.get("n")).intValue());
        assertEquals("070707", misc.get("h"));
        assertEquals("9223372036854775806", misc.get("b"), "bigint in and out"
);
        assertEquals("UP:q", misc.get("u"));
        assertEquals("integer", misc.get("ti"));
        assertEquals("real", misc.get("tr"));
        assertEquals("SQLITE_ERROR: custom failure 42", r.get("err"));
        assertEquals("wrong number of arguments to function twice()", r.get("argc"));
        assertEquals("TypeError", r.get("bad"));
    }

    @Test
    void aggregatesAndFunctionsSurviveExport() {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " await petrel.deleteDatabase('fn.sqlite');"
                + " const db = await petrel.connect('fn.sqlite');"
                + " await db.aggregate('sumsq', { start: 0, step: (t, x) => x === null ? t : t + x * x });"
                + " await db.aggregate('collect', { start: () => [], step(list, x) { list.push(x); },"
                + "   result: (list) => list.join('+') });"
                + " await db.exec('create table t(g, x); insert into t values (1, 1), (1, 2), (2, 3), (2, null)');"
                + " const groups = await db.prepare('select g, sumsq(x) as s, collect(x) as c from t group by g order by g')"
                + "   .raw().all();"
                + " const empty = await db.prepare('select sumsq(x) from t where 0').pluck().get();"
                + " await db.export();"
                + " const after = await db.prepare('select sumsq(x) from t').pluck().get();"
                + " await db.close();"
                + " return { groups, empty, after }; }");
        assertEquals(List.of(List.of(1, 5, "1+2"), List.of(2, 9, "3+")), r.get("groups"));
        assertEquals(0, ((Number) r.get("empty")).intValue());
        assertEquals(14, ((Number) r.get("after")).intValue(), "functions are defined again after export reopens");
    }

    @Test
    void collationsRegexpAndWindowAggregates() {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " const db = await petrel.connect(':memory:');"
                + " await db.collation('unicase', (a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));"
                + " await db.collation('bylength', (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));"
                + " await db.exec('create table w(s text collate unicase unique, n)');"
                + " await db.exec(\"insert into w values ('école', 1), ('fig', 2), ('apple', 3), ('Äpfel', 4)\");"
                + " let dup = null; try { await db.exec(\"insert into w values ('ECOLE', 5)\"); }"
                + "   catch (e) { dup = e.message; }"
                + " const sorted = await db.prepare('select s from w order by s').pluck().all();"
                + " const byLength = await db.prepare('select s from w order by s collate bylength desc').pluck().all();"
                + " const found = await db.prepare(\"select n from w where s = 'APFEL'\").pluck().get();"
                + " let missing = null; try { await db.prepare(\"select 1 where 'a' = 'b' collate nope\").get(); }"
                + "   catch (e) { missing = e.message; }"
                + " await db.collation('broken', (a, b) => { throw new Error('cannot compare ' + a); });"
                + " let thrown = null; try { await db.prepare(\"select 'x' < 'y' collate broken\").get(); }"
                + "   catch (e) { thrown = e.message; }"
                + " const re = await db.prepare(\"select s from w where s regexp '^[a-z]+$' order by n\").pluck().all();"
                + " const reUnicode = await db.prepare(\"select 'x😎y' regexp '^x.y$' as a, regexp('\\\\d{3}', 'ab1234') as b\")"
                + "   .get();"
                + " let badPattern = null; try { await db.prepare(\"select 'a' regexp '(a'\").get(); }"
                + "   catch (e) { badPattern = e.message; }"
                + " await db.aggregate('sumint', { start: 0, step: (t, x) => t + x, inverse: (t, x) => t - x });"
                + " await db.aggregate('plain', { start: 0, step: (t, x) => t + x });"
                + " const moving = await db.prepare('select sumint(n) over (order by n rows 1 preceding) from w')"
                + "   .pluck().all();"
                + " const total = await db.prepare('select sumint(n) from w').pluck().get();"
                + " let noWindow = null; try { await db.prepare('select plain(n) over () from w').all(); }"
                + "   catch (e) { noWindow = e.message; }"
                + " await db.close();"
                + " return { dup, sorted, byLength, found, missing, thrown, re, reUnicode, badPattern, moving, total,"
                + "   noWindow }; }");
        assertEquals("UNIQUE constraint failed: w.s", r.get("dup"));
        assertEquals(List.of("Äpfel", "apple", "école", "fig"), r.get("sorted"));
        assertEquals(List.of("école", "Äpfel", "apple", "fig"), r.get("byLength"));
        assertEquals(4, ((Number) r.get("found")).intValue());
        assertEquals("no such collation sequence: nope", r.get("missing"));
        assertEquals("cannot compare x", r.get("thrown"));
        assertEquals(List.of("fig", "apple"), r.get("re"));
        @SuppressWarnings("unchecked")
        Map<String, Object> reUnicode = (Map<String, Object>) r.get("reUnicode");
        assertEquals(1, ((Number) reUnicode.get("a")).intValue());
        assertEquals(1, ((Number) reUnicode.get("b")).intValue());
        assertEquals("unmatched '('", r.get("badPattern"));
        assertEquals(List.of(1, 3, 5, 7), r.get("moving"));
        assertEquals(10, ((Number) r.get("total")).intValue());
        assertEquals("plain() may not be used as a window function", r.get("noWindow"));
    }
}
