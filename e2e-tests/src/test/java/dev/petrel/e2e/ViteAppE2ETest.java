package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * petrel-db in a Vite app with no configuration (e2e-tests/vite-app, Vite pinned by its lockfile), installed from
 * the package's npm pack tarball: the dev server (which pre-bundles dependencies) and a production build served by
 * {@code vite preview}, both without COOP/COEP headers.
 */
class ViteAppE2ETest extends BrowserTestBase {
    static Path app;

    @BeforeAll
    static void installApp() throws Exception {
        app = repoRoot().resolve("e2e-tests/vite-app");
        Path tarball = repoRoot().resolve("js-package/target/petrel-db-0.1.0.tgz");
        assertTrue(Files.isRegularFile(tarball), "js-package was not packed: " + tarball);
        if (!Files.isRegularFile(app.resolve("node_modules/vite/package.json"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), 180);
        }
        run(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefer-offline", tarball.toString()), 120);
        deleteTree(app.resolve("node_modules/.vite"));
        deleteTree(app.resolve("dist"));
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static void run(List<String> command, int timeoutSeconds) throws Exception {
        runCommand(app, command, timeoutSeconds);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code vite} (dev) or {@code vite preview} on {@code port} and waits until it accepts connections. */
    static Process serve(String mode, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(app.resolve("node_modules/.bin/vite").toString()));
        if (mode.equals("preview")) {
            command.add("preview");
        }
        command.addAll(List.of("--port", String.valueOf(port), "--strictPort"));
        Path log = app.resolve("../target/vite-" + mode + ".log");
        Process p = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket("localhost", port)) {
                return p;
            } catch (IOException e) {
                if (!p.isAlive()) {
                    fail("vite " + mode + " exited: " + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
        stop(p);
        throw new AssertionError("vite " + mode + " did not start listening on " + port);
    }

    static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
    }

    /** Loads the app and returns what it printed, checking no response carried COOP/COEP. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> runApp(String url) {
        List<String> isolationHeaders = new ArrayList<>();
        page.onResponse((Response r) -> {
            Map<String, String> h = r.headers();
            if (h.containsKey("cross-origin-opener-policy") || h.containsKey("cross-origin-embedder-policy")) {
                isolationHeaders.add(r.url());
            }
        });
        page.navigate(url);
        page.waitForSelector("#result[data-state]", new Page.WaitForSelectorOptions().setTimeout(60_000));
        String text = page.textContent("#result");
        assertEquals("done", page.getAttribute("#result", "data-state"), text + "\nbrowser console:\n" + consoleLog);
        assertEquals(List.of(), isolationHeaders, "no COOP/COEP headers");
        return (Map<String, Object>) page.evaluate("(t) => JSON.parse(t)", text);
    }

    private static void assertAppResult(Map<String, Object> r) {
        assertEquals(42, ((Number) r.get("answer")).intValue());
        assertEquals("petrel", r.get("name"));
        assertEquals("SQLITE_ERROR", r.get("errorCode"));
        assertEquals(Boolean.FALSE, r.get("isolated"));
    }

    @Test
    void devServerWithPreBundledDependency() throws Exception {
        int port = freePort();
        Process vite = serve("dev", port);
        try {
            assertAppResult(runApp("http://localhost:" + port + "/"));
        } finally {
            stop(vite);
        }
    }

    @Test
    void productionBuildServedByVitePreview() throws Exception {
        run(List.of(app.resolve("node_modules/.bin/vite").toString(), "build"), 120);
        try (var files = Files.list(app.resolve("dist/assets"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".wasm")), "the wasm is a build asset");
        }
        int port = freePort();
        Process vite = serve("preview", port);
        try {
            assertAppResult(runApp("http://localhost:" + port + "/"));
        } finally {
            stop(vite);
        }
    }
}
