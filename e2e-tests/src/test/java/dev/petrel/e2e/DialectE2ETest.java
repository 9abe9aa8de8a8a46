package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dialect beyond SQLite's core through the JS API, in the wasm engine: window functions, JSON, triggers and
 * foreign keys (JavaScript-defined functions are in {@link FunctionsE2ETest}).
 */
class DialectE2ETest extends BrowserTestBase {
    @Test
    void windowFunctions() {
        openTestPage(page);
        Object rows = eval(page, "async () => {"
                + " const db = await petrel.connect(':memory:');"
                + " await db.exec(\"create table s(g, v); insert into s values ('a', 1), ('a', 3), ('b', 2), ('a', 5), ('b', 4)\");"
                + " const rows = await db.prepare('select g, v, row_number() over w as rn, sum(v) over w as run,"
                + "   lag(v) over w as prev, rank() over (order by v desc) as r from s"
                + "   window w as (partition by g order by v) order by g, v').raw().all();"
                + " await db.close(); return rows; }");
        assertEquals(List.of("[a, 1, 1, 1, null, 5]", "[a, 3, 2, 4, 1, 3]", "[a, 5, 3, 9, 3, 1]",
                "[b, 2, 1, 2, null, 4]", "[b, 4, 2, 6, 2, 2]"), strings(rows));
    }

    @Test
    void json() {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " const db = await petrel.connect(':memory:');"
                + " const one = await db.prepare(\"select json_object('a', 1, 'b', json_array(2, 'x')) as o,"
                + "   '{\\\"k\\\":[10,20]}' -> '$.k[1]' as arrow, json_extract('{\\\"a\\\":{\\\"b\\\":null}}', '$.a') as ex,"
                + "   json_valid('{bad') as bad, hex(jsonb('[1]')) as jb\").get();"
                + " const each = await db.prepare(\"select key, value, type from json_each('[1, \\\"two\\\", {\\\"three\\\": 3}]')\")"
                + "   .raw().all();"
                + " let err = null; try { await db.prepare(\"select json('{')\").get(); } catch (e) { err = e.message; }"
                + " await db.close(); return { one, each, err }; }");
        @SuppressWarnings("unchecked")
        Map<String, Object> one = (Map<String, Object>) r.get("one");
        assertEquals("{\"a\":1,\"b\":[2,\"x\"]}", one.get("o"));
        assertEquals("20", one.get("arrow"));
        assertEquals("{\"b\":null}", one.get("ex"));
        assertEquals(0, ((Number) one.get("bad")).intValue());
        assertEquals("2B1331", one.get("jb"));
        assertEquals(List.of(List.of(0, 1, "integer").toString(), List.of(1, "two", "text").toString(),
                List.of(2, "{\"three\":3}", "object").toString()), strings(r.get("each")));
        assertEquals("malformed JSON", r.get("err"));
    }

    @Test
    void triggersAndForeignKeysPersist() {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " await petrel.deleteDatabase('dialect.sqlite');"
                + " let db = await petrel.connect('dialect.sqlite');"
                + " await db.exec('pragma foreign_keys = on;"
                + "   create table parent(id integer primary key, name text);"
                + "   create table child(id integer primary key, pid references parent(id) on delete cascade);"
                + "   create table log(msg);"
                + "   create trigger parent_ins after insert on parent begin insert into log values (\\'+\\' || new.name); end;"
                + "   create trigger child_guard before insert on child when new.pid > 100"
                + "     begin select raise(abort, \\'pid too large\\'); end;"
                + "   insert into parent values (1, \\'one\\'), (2, \\'two\\'); insert into child(pid) values (1), (1), (2);');"
                + " let fk = null; try { await db.exec('insert into child(pid) values (7)'); } catch (e) { fk = e.code + ': ' + e.message; }"
                + " let raised = null; try { await db.exec('insert into child(pid) values (500)'); } catch (e) { raised = e.message; }"
                + " await db.exec('delete from parent where id = 1');"
                + " await db.close();"
                + " db = await petrel.connect('dialect.sqlite');"
                + " await db.exec('pragma foreign_keys = on');"
                + " const children = await db.prepare('select pid from child order by id').pluck().all();"
                + " const log = await db.prepare('select msg from log order by rowid').pluck().all();"
                + " await db.exec(\"insert into parent values (3, 'three')\");"
                + " const log2 = await db.prepare('select count(*) from log').pluck().get();"
                + " const check = await db.prepare('pragma foreign_key_check').all();"
                + " await db.close();"
                + " return { fk, raised, children, log, log2, check }; }");
        assertEquals("SQLITE_CONSTRAINT_FOREIGNKEY: FOREIGN KEY constraint failed", r.get("fk"));
        assertEquals("pid too large", r.get("raised"));
        assertEquals(List.of(2), numbers(r.get("children")), "ON DELETE CASCADE removed parent 1's children");
        assertEquals(List.of("+one", "+two"), r.get("log"));
        assertEquals(3, ((Number) r.get("log2")).intValue(), "the trigger persisted and fired after reopening");
        assertEquals(List.of(), r.get("check"));
    }

    private static List<String> strings(Object rows) {
        return ((List<?>) rows).stream().map(row -> ((List<?>) row).stream()
                .map(v -> v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? (Object) n.intValue() : v)
                .map(String::valueOf).toList().toString()).toList();
    }

    private static List<Integer> numbers(Object list) {
        return ((List<?>) list).stream().map(v -> ((Number) v).intValue()).toList();
    }
}
