package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Engine errors reach JavaScript as SqliteError with SQLite's code name, number and message, from any tab. */
class ErrorsE2ETest extends BrowserTestBase {
    private static final String CATCH = "async (sql) => { try { await db.exec(sql); return { thrown: false }; }"
            + " catch (e) { return { thrown: true, isSqliteError: e instanceof petrel.SqliteError, name: e.name,"
            + " code: e.code, rc: e.rc, message: e.message }; } }";

    @SuppressWarnings("unchecked")
    private Map<String, Object> failing(Page p, String sql) {
        return (Map<String, Object>) p.evaluate(CATCH, sql);
    }

    @Test
    void syntaxErrorFromOwnerAndFromAnotherTab() {
        openTestPage(page);
        eval(page, "async () => { window.db = await petrel.connect('errors.sqlite'); }");
        Page other = newPage();
        openTestPage(other);
        eval(other, "async () => { window.db = await petrel.connect('errors.sqlite'); }");
        for (Page p : new Page[] {page, other}) {
            Map<String, Object> e = failing(p, "select 1 2");
            assertEquals(Boolean.TRUE, e.get("thrown"));
            assertEquals(Boolean.TRUE, e.get("isSqliteError"));
            assertEquals("SqliteError", e.get("name"));
            assertEquals("SQLITE_ERROR", e.get("code"));
            assertEquals(1, ((Number) e.get("rc")).intValue());
            assertEquals("near \"2\": syntax error", e.get("message"));
        }
    }

    @Test
    void uniqueViolationIsSqliteConstraintUnique() {
        openTestPage(page);
        eval(page, "async () => { await petrel.deleteDatabase('unique.sqlite');"
                + " window.db = await petrel.connect('unique.sqlite');"
                + " await db.exec('create table u(k text unique)');"
                + " await db.prepare('insert into u values (?)').run('x'); }");
        Map<String, Object> e = failing(page, "insert into u values ('x')");
        assertEquals(Boolean.TRUE, e.get("isSqliteError"));
        assertEquals("SQLITE_CONSTRAINT_UNIQUE", e.get("code"));
        assertEquals(2067, ((Number) e.get("rc")).intValue());
        assertEquals("UNIQUE constraint failed: u.k", e.get("message"));
        Object count = eval(page, "async () => await db.prepare('select count(*) from u').pluck().get()");
        assertEquals(1, ((Number) count).intValue(), "the failed statement changed nothing");
    }
}
