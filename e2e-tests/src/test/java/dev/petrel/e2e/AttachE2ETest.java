package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The temp database and ATTACH through the JS API, in the wasm engine inside the worker: TEMP objects stay out of
 * the OPFS file and vanish on close; ':memory:' and another OPFS database file attach (the worker opens the attached
 * file's sync access handles before the statement runs) and a transaction spans both files.
 */
class AttachE2ETest extends BrowserTestBase {
    @Test
    void tempTablesAreNotPersisted() {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " await petrel.deleteDatabase('temp-main.sqlite');"
                + " let db = await petrel.connect('temp-main.sqlite');"
                + " await db.exec(\"create table t(a); create temp table tt(b); create temp trigger tr after insert on t"
                + "   begin insert into tt values (new.a * 10); end; insert into t values (1), (2)\");"
                + " const temp = await db.prepare('select b from tt order by b').pluck().all();"
                + " const mainSchema = await db.prepare('select name from sqlite_schema').pluck().all();"
                + " const tempSchema = await db.prepare('select name from sqlite_temp_schema order by name').pluck().all();"
                + " await db.close();"
                + " db = await petrel.connect('temp-main.sqlite');"
                + " let gone = null; try { await db.prepare('select * from tt').all(); } catch (e) { gone = e.message; }"
                + " await db.exec('insert into t values (3)');"
                + " const rows = await db.prepare('select a from t order by a').pluck().all();"
                + " const dbs = await db.prepare('select name from pragma_database_list').pluck().all();"
                + " await db.close();"
                + " return { temp, mainSchema, tempSchema, gone, rows, dbs }; }");
        assertEquals(List.of(10, 20), numbers(r.get("temp")));
        assertEquals(List.of("t"), r.get("mainSchema"));
        assertEquals(List.of("tr", "tt"), r.get("tempSchema"));
        assertEquals("no such table: tt", r.get("gone"));
        assertEquals(List.of(1, 2, 3), numbers(r.get("rows")), "the temp trigger did not survive the close");
        assertEquals(List.of("main"), r.get("dbs"));
    }

    @Test
    void attachMemoryAndOpfsDatabases() {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " await petrel.deleteDatabase('attach-main.sqlite');"
                + " await petrel.deleteDatabase('attach-aux.sqlite');"
                + " let db = await petrel.connect('attach-main.sqlite');"
                + " await db.exec(\"attach ':memory:' as mem; attach database 'attach-aux.sqlite' as aux;"
                + "   create table main.m(x); create table mem.scratch(y); create table aux.t(id integer primary key, v);"
                + "   begin; insert into m values ('m1'); insert into aux.t(v) values ('a1'), ('a2');"
                + "   insert into mem.scratch select v from aux.t; commit;"
                + "   begin; insert into aux.t(v) values ('rolled back'); insert into m values ('rolled back'); rollback\");"
                + " const dbs = await db.prepare('select seq, name, file from pragma_database_list').raw().all();"
                + " const joined = await db.prepare('select m.x, t.v, s.y from m, aux.t as t, mem.scratch as s"
                + "   where t.v = s.y order by t.id').raw().all();"
                + " const check = await db.prepare('pragma aux.integrity_check').pluck().get();"
                + " let dup = null; try { await db.exec(\"attach ':memory:' as aux\"); } catch (e) { dup = e.message; }"
                + " await db.exec('detach mem; detach aux');"
                + " let detached = null; try { await db.prepare('select * from aux.t').all(); } catch (e) { detached = e.message; }"
                + " await db.close();"
                + " db = await petrel.connect('attach-aux.sqlite');"
                + " const aux = await db.prepare('select v from t order by id').pluck().all();"
                + " const auxSchema = await db.prepare('select name from sqlite_schema').pluck().all();"
                + " await db.close();"
                + " db = await petrel.connect('attach-main.sqlite');"
                + " const main = await db.prepare('select x from m').pluck().all();"
                + " await db.close();"
                + " return { dbs, joined, check, dup, detached, aux, auxSchema, main }; }");
        assertEquals(List.of(List.of(0, "main", "attach-main.sqlite"), List.of(2, "mem", ""),
                List.of(3, "aux", "attach-aux.sqlite")).toString(), normalized(r.get("dbs")));
        assertEquals(List.of(List.of("m1", "a1", "a1"), List.of("m1", "a2", "a2")).toString(),
                normalized(r.get("joined")));
        assertEquals("ok", r.get("check"));
        assertEquals("database aux is already in use", r.get("dup"));
        assertEquals("no such table: aux.t", r.get("detached"));
        assertEquals(List.of("a1", "a2"), r.get("aux"));
        assertEquals(List.of("t"), r.get("auxSchema"));
        assertEquals(List.of("m1"), r.get("main"));
    }

    private static String normalized(Object rows) {
        return ((List<?>) rows).stream().map(row -> ((List<?>) row).stream()
                .map(v -> v instanceof Number n ? (Object) n.intValue() : v).toList()).toList().toString();
    }

    private static List<Integer> numbers(Object list) {
        return ((List<?>) list).stream().map(v -> ((Number) v).intValue()).toList();
    }
}
