package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser benchmark page (bench/browser, run in full by ./bench/run-browser) must not rot: it is built with Vite
 * as the runner builds it, and one tiny round (scale 0.01: 100-row tables) of every engine - Petrel in memory and in
 * OPFS, sqlite-wasm in memory and opfs-sahpool, sql.js - produces a time and the same checksum for every test.
 */
class BenchPageE2ETest extends BrowserTestBase {
    static Path app;
    static StaticServer benchServer;

    @BeforeAll
    static void buildPage() throws Exception {
        app = repoRoot().resolve("bench/browser");
        if (!Files.isRegularFile(app.resolve("node_modules/vite/package.json"))) {
            runCommand(app, List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"), 300);
        }
        runCommand(app, List.of(app.resolve("node_modules/.bin/vite").toString(), "build", "--logLevel", "warn"), 180);
        benchServer = new StaticServer(0, Map.of("/", app.resolve("dist")));
    }

    @AfterAll
    static void stopServer() {
        if (benchServer != null) {
            benchServer.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneTinyRoundOfEveryEngine() {
        page.navigate(benchServer.baseUrl() + "/");
        page.waitForFunction("() => window.benchReady === true");
        Map<String, Object> out = (Map<String, Object>) eval(page, "async () => {"
                + " const engines = window.bench.engines;"
                + " const info = await window.bench.open(engines, 0.01);"
                + " const rounds = {};"
                + " for (const e of engines) rounds[e] = await window.bench.round(e);"
                + " await window.bench.close();"
                + " return { engines, info, rounds }; }");
        List<String> engines = (List<String>) out.get("engines");
        assertEquals(List.of("petrel-memory", "sqlite-wasm-memory", "sqljs-memory", "petrel-opfs", "sqlite-wasm-opfs"),
                engines);
        Map<String, Object> versions = (Map<String, Object>) ((Map<String, Object>) out.get("info")).get("versions");
        assertTrue(String.valueOf(versions.get("petrel-opfs")).startsWith("Petrel"), versions.toString());
        assertTrue(String.valueOf(versions.get("sqlite-wasm-opfs")).startsWith("sqlite-wasm (SQLite 3."),
                versions.toString());
        Map<String, Object> rounds = (Map<String, Object>) out.get("rounds");
        Map<String, Object> reference = (Map<String, Object>) ((Map<String, Object>) rounds.get("sqlite-wasm-memory"))
                .get("tests");
        assertEquals(13, reference.size(), reference.keySet().toString());
        for (String engine : engines) {
            Map<String, Object> tests = (Map<String, Object>) ((Map<String, Object>) rounds.get(engine)).get("tests");
            assertEquals(reference.keySet(), tests.keySet(), engine);
            for (Map.Entry<String, Object> t : tests.entrySet()) {
                Map<String, Object> r = (Map<String, Object>) t.getValue();
                double ms = ((Number) r.get("ms")).doubleValue();
                assertTrue(ms >= 0 && ms < 60_000, engine + " " + t.getKey() + " took " + ms + " ms");
                if (!t.getKey().equals("orderByWithoutIndex")) { // ties in c: their order is unspecified in SQL
                    Object expected = ((Map<String, Object>) reference.get(t.getKey())).get("checksum");
                    assertEquals(((Number) expected).longValue(), ((Number) r.get("checksum")).longValue(),
                            engine + " " + t.getKey() + " checksum");
                }
            }
        }
    }
}
