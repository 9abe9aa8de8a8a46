package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Data written to an OPFS database survives a page reload and a browser restart on the same profile. */
class PersistenceE2ETest extends BrowserTestBase {
    private static final String READ = "async () => { window.db = await petrel.connect('persist.sqlite');"
            + " return await db.prepare('select id, name, big, data from people order by id').raw()"
            + "   .safeIntegers().all().then((rows) => rows.map((r) =>"
            + "     [Number(r[0]), r[1], String(r[2]), Array.from(r[3])])); }";

    @Test
    void rowsSurviveReloadAndBrowserRestart() {
        openTestPage(page);
        eval(page, "async () => { await petrel.deleteDatabase('persist.sqlite');"
                + " const db = await petrel.connect('persist.sqlite');"
                + " await db.exec('create table people(id integer primary key, name text, big integer, data blob)');"
                + " const ins = db.prepare('insert into people(name, big, data) values (:name, :big, :data)');"
                + " await ins.run({ name: 'ada', big: 9007199254740993n, data: new Uint8Array([1, 2]) });"
                + " const info = await ins.run({ name: 'grace', big: -5, data: new Uint8Array([255]) });"
                + " if (info.changes !== 1 || info.lastInsertRowid !== 2) throw new Error(JSON.stringify(info)); }");
        List<List<Object>> expected = List.of(
                List.of(1, "ada", "9007199254740993", List.of(1, 2)),
                List.of(2, "grace", "-5", List.of(255)));

        page.reload();
        openTestPage(page);
        assertEquals(expected, eval(page, READ), "after a reload");

        context.close();
        launchContext();
        page = newPage();
        openTestPage(page);
        assertEquals(expected, eval(page, READ), "after a browser restart");
    }
}
