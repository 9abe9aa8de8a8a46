package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OPFS file is a SQLite file: import of real databases (URL, bytes, File) with progress, export() read back by
 * real SQLite (sqlite-jdbc), list and delete.
 */
class FileCompatibilityE2ETest extends BrowserTestBase {
    private static final String CHINOOK_URL = "/shared/sample-dbs/chinook/Chinook_Sqlite.sqlite";
    static Path chinook() {
        return sharedDir().resolve("sample-dbs/chinook/Chinook_Sqlite.sqlite");
    }

    private byte[] exportBytes() {
        return SqliteOracle.export(page);
    }

    private static List<List<Object>> query(Path file, String sql) throws Exception {
        return SqliteOracle.query(file, sql);
    }

    private static Path writeTemp(byte[] bytes) throws Exception {
        Path f = Files.createTempFile("petrel-export", ".sqlite");
        f.toFile().deleteOnExit();
        Files.write(f, bytes);
        return f;
    }

    @Test
    void importChinookFromUrlWithProgressThenExportIsTheSameDatabase() throws Exception {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " const events = [];"
                + " const n = await petrel.importDatabase('chinook.sqlite', '" + CHINOOK_URL + "',"
                + "   { onProgress: (p) => events.push(p) });"
                + " const list = await petrel.listDatabases();"
                + " window.db = await petrel.connect('chinook.sqlite');"
                + " return { n, events: events.length, last: events[events.length - 1],"
                + "          listed: list.find((d) => d.name === 'chinook.sqlite') }; }");
        long size = Files.size(chinook());
        assertEquals(size, ((Number) r.get("n")).longValue());
        assertTrue(((Number) r.get("events")).intValue() >= 2, "progress reported per chunk: " + r);
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) r.get("last");
        assertEquals(size, ((Number) last.get("loaded")).longValue());
        assertEquals(size, ((Number) last.get("total")).longValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> listed = (Map<String, Object>) r.get("listed");
        assertEquals(size, ((Number) listed.get("size")).longValue());

        byte[] exported = exportBytes();
        assertArrayEquals(Files.readAllBytes(chinook()), exported, "an unchanged database exports byte for byte");
        Path copy = writeTemp(exported);
        assertEquals(List.of(List.of("ok")), query(copy, "pragma integrity_check"));
        assertEquals(query(chinook(), "select count(*) from Track"), query(copy, "select count(*) from Track"));
    }

    @Test
    void importFromBytesAndFileRejectsNonDatabasesAndOpenDatabases() {
        openTestPage(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) eval(page, "async () => {"
                + " const bytes = new Uint8Array(await (await fetch('" + CHINOOK_URL + "')).arrayBuffer());"
                + " const a = await petrel.importDatabase('from-bytes.sqlite', bytes);"
                + " const b = await petrel.importDatabase('from-file.sqlite', new File([bytes], 'c.sqlite'));"
                + " let notadb = null;"
                + " try { await petrel.importDatabase('junk.sqlite', new TextEncoder().encode('hello, not sqlite'));"
                + " } catch (e) { notadb = e.code + ' ' + e.name; }"
                + " const names = (await petrel.listDatabases()).map((d) => d.name);"
                + " const db = await petrel.connect('from-bytes.sqlite');"
                + " let busy = null;"
                + " try { await petrel.importDatabase('from-bytes.sqlite', bytes); } catch (e) { busy = e.code; }"
                + " let busyDelete = null;"
                + " try { await petrel.deleteDatabase('from-bytes.sqlite'); } catch (e) { busyDelete = e.code; }"
                + " await db.close();"
                + " const deleted = await petrel.deleteDatabase('from-bytes.sqlite');"
                + " const deletedAgain = await petrel.deleteDatabase('from-bytes.sqlite');"
                + " const after = (await petrel.listDatabases()).map((d) => d.name);"
                + " return { a, b, size: bytes.length, notadb, names, busy, busyDelete, deleted, deletedAgain, after }; }");
        int size = ((Number) r.get("size")).intValue();
        assertEquals(size, ((Number) r.get("a")).intValue());
        assertEquals(size, ((Number) r.get("b")).intValue());
        assertEquals("SQLITE_NOTADB SqliteError", r.get("notadb"));
        assertTrue(((List<?>) r.get("names")).containsAll(List.of("from-bytes.sqlite", "from-file.sqlite")));
        assertFalse(((List<?>) r.get("names")).contains("junk.sqlite"), "a rejected import leaves no file");
        assertEquals("SQLITE_BUSY", r.get("busy"), "an open database cannot be replaced");
        assertEquals("SQLITE_BUSY", r.get("busyDelete"), "an open database cannot be deleted");
        assertEquals(Boolean.TRUE, r.get("deleted"));
        assertEquals(Boolean.FALSE, r.get("deletedAgain"));
        assertFalse(((List<?>) r.get("after")).contains("from-bytes.sqlite"));
    }

    @Test
    void importedChinookAnswersQueriesLikeSqlite() throws Exception {
        openTestPage(page);
        eval(page, "async () => { await petrel.importDatabase('chinook-q.sqlite', '" + CHINOOK_URL + "');"
                + " window.db = await petrel.connect('chinook-q.sqlite'); }");
        String[] queries = {
            "select Name, Milliseconds from Track where TrackId = 1",
            "select ArtistId, Name from Artist order by Name limit 5",
            "select t.Name, a.Title from Track t join Album a on a.AlbumId = t.AlbumId"
                + " where t.TrackId between 1 and 5 order by t.TrackId",
            "select GenreId, count(*) as n, sum(Milliseconds) from Track group by GenreId order by n desc limit 3",
            "select c.Country, round(sum(i.Total), 2) from Invoice i join Customer c on c.CustomerId = i.CustomerId"
                + " group by c.Country order by 2 desc limit 3",
        };
        for (String q : queries) {
            Object rows = eval(page, "async () => await db.prepare(" + jsString(q) + ").raw().all()");
            assertEquals(jsonish(query(chinook(), q)), jsonish(rows), q);
        }
    }

    @Test
    void aggregateOverAWholeTable() throws Exception {
        openTestPage(page);
        eval(page, "async () => { await petrel.importDatabase('chinook-c.sqlite', '" + CHINOOK_URL + "');"
                + " window.db = await petrel.connect('chinook-c.sqlite'); }");
        Object n = eval(page, "async () => await db.prepare('select count(*) from Track').pluck().get()");
        assertEquals(jsonish(query(chinook(), "select count(*) from Track").get(0).get(0)), jsonish(n));
    }

    @Test
    void createdDatabaseExportsToAFileRealSqliteReads() throws Exception {
        openTestPage(page);
        eval(page, "async () => { await petrel.deleteDatabase('made.sqlite');"
                + " window.db = await petrel.connect('made.sqlite');"
                + " await db.exec('create table t(id integer primary key, name text unique, score real, data blob)');"
                + " const ins = db.prepare('insert into t(name, score, data) values (?, ?, ?)');"
                + " for (let i = 0; i < 500; i++) await ins.run('name' + i, i / 4, new Uint8Array([i & 255, 7]));"
                + " await db.exec('create index t_score on t(score)'); }");
        Path copy = writeTemp(exportBytes());
        assertEquals(List.of(List.of("ok")), query(copy, "pragma integrity_check"));
        assertEquals(List.of(List.of(500)), query(copy, "select count(*) from t"));
        assertEquals(List.of(List.of(42, "name41", 10.25, "2907")),
                query(copy, "select id, name, score, data from t where id = 42"));
    }

    static String jsString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Compares JDBC rows and Playwright-converted rows by their text (numbers of either kind print alike). */
    static String jsonish(Object o) {
        if (o instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object e : l) {
                parts.add(jsonish(e));
            }
            return parts.toString();
        }
        if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        return String.valueOf(o);
    }
}
