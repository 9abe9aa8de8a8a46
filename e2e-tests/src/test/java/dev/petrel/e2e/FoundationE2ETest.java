package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The foundation's browser path: wasm engine in a Worker, Promise API on the page, no COOP/COEP headers. */
class FoundationE2ETest extends BrowserTestBase {
    @Test
    void selectComputedByWasmEngineInWorker() {
        openPlayground();
        Object x = page.evaluate("async () => (await window.petrelDb.prepare('select 1+1 as x').get()).x");
        assertEquals(2, ((Number) x).intValue());
        assertEquals(Boolean.FALSE, page.evaluate("() => window.crossOriginIsolated"),
                "must work without cross-origin isolation (no COOP/COEP)");
    }

    @Test
    void valuesCrossTheWorkerBoundaryWithTheirTypes() {
        openPlayground();
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("async () => {"
                + " const row = await window.petrelDb.prepare("
                + "   \"select 7/2 as i, 7.0/2 as f, 'héllo' as t, x'00ff10' as b, null as n, ? as big, ? as blob\")"
                + "   .safeIntegers().get(9007199254740993n, new Uint8Array([1,2,3]));"
                + " return { i: typeof row.i + ':' + row.i, f: row.f, t: row.t, b: Array.from(row.b),"
                + "          bIsU8: row.b instanceof Uint8Array, n: row.n, big: row.big.toString(),"
                + "          blob: Array.from(row.blob) };"
                + "}");
        assertEquals("bigint:3", r.get("i"));
        assertEquals(3.5, ((Number) r.get("f")).doubleValue());
        assertEquals("héllo", r.get("t"));
        assertEquals(List.of(0, 255, 16), r.get("b"));
        assertEquals(Boolean.TRUE, r.get("bIsU8"));
        assertNull(r.get("n"));
        assertEquals("9007199254740993", r.get("big"));
        assertEquals(List.of(1, 2, 3), r.get("blob"));
    }

    @Test
    void errorsReachJavaScriptAsSqliteError() {
        openPlayground();
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) page.evaluate("async () => {"
                + " try { await window.petrelDb.prepare('select 1 2').get(); return { thrown: false }; }"
                + " catch (e) { return { thrown: true, name: e.name, code: e.code, rc: e.rc, message: e.message, offset: e.offset }; }"
                + "}");
        assertEquals(Boolean.TRUE, e.get("thrown"));
        assertEquals("SqliteError", e.get("name"));
        assertEquals("SQLITE_ERROR", e.get("code"));
        assertEquals(1, ((Number) e.get("rc")).intValue());
        assertEquals("near \"2\": syntax error", e.get("message"));
        assertEquals("select 1 2".indexOf('2'), ((Number) e.get("offset")).intValue(), "error offset of the token");
    }

    @Test
    void playgroundRunsTypedQuery() {
        openPlayground();
        page.fill("#sql", "select 6*7 as answer");
        page.click("#run");
        page.waitForSelector("#result table");
        assertEquals("answer", page.textContent("#result th"));
        assertEquals("42", page.textContent("#result td"));
    }
}
