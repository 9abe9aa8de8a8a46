package dev.petrel.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared set-up of the browser tests: one static server and one Debian Chromium (driven by Playwright, no browser
 * download) for the whole run, with a persistent context on a temporary profile directory (OPFS is only real storage
 * in a persistent context: in an off-the-record one it lives in memory and each call is ~50x slower), and a fresh
 * page per test. Served: the built package at {@code /pkg/}, the test page at {@code /t/}, the shared sample
 * databases at {@code /shared/} and the minimal playground at {@code /}. Tests use their own database names, so
 * they do not depend on each other's OPFS files.
 */
abstract class BrowserTestBase {
    static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");

    static StaticServer server;
    static Playwright playwright;
    static Path profileDir;
    static BrowserContext context;
    Page page;
    final StringBuilder consoleLog = new StringBuilder();

    /** The repository root (the tests run with the module directory as working directory). */
    static Path repoRoot() {
        return Paths.get("..").toAbsolutePath().normalize();
    }

    /**
     * Starts the server, Playwright and Chromium once per JVM (test classes share them: each start costs seconds on
     * this 2-core machine); a shutdown hook stops them.
     */
    @BeforeAll
    static synchronized void startBrowser() throws Exception {
        if (server != null) {
            return;
        }
        Path dist = repoRoot().resolve("js-package/dist");
        if (!Files.isRegularFile(dist.resolve("index.js")) || !Files.isRegularFile(dist.resolve("petrel.wasm"))) {
            throw new IllegalStateException("js-package/dist is not built: run the Maven build from the root");
        }
        Map<String, Path> mounts = new LinkedHashMap<>();
        mounts.put("/pkg/", dist);
        mounts.put("/t/", repoRoot().resolve("e2e-tests/src/test/resources/pages"));
        mounts.put("/shared/", sharedDir());
        mounts.put("/", repoRoot().resolve("js-package/playground"));
        server = new StaticServer(0, mounts);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        profileDir = Files.createTempDirectory("petrel-e2e-profile");
        launchContext();
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserTestBase::stopBrowser));
    }

    /** (Re)starts Chromium on the class's profile directory: OPFS files survive a restart. */
    static void launchContext() {
        context = playwright.chromium().launchPersistentContext(profileDir,
                new BrowserType.LaunchPersistentContextOptions()
                        .setExecutablePath(Paths.get(System.getProperty("petrel.chromium", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(CHROMIUM_FLAGS));
    }

    /** Runs a command (npm, vite) in {@code dir}, failing the test with its output if it fails or times out. */
    static void runCommand(Path dir, List<String> command, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            org.junit.jupiter.api.Assertions.fail(String.join(" ", command) + " failed:\n" + out);
        }
    }

    static Path sharedDir() {
        String p = System.getProperty("petrel.shared.dir");
        if (p != null && Files.isDirectory(Paths.get(p))) {
            return Paths.get(p).toAbsolutePath().normalize();
        }
        Path rel = repoRoot().resolve("../shared").normalize();
        return Files.isDirectory(rel) ? rel : Paths.get("/work/shared");
    }

    static synchronized void stopBrowser() {
        try {
            if (context != null) {
                context.close();
                context = null;
            }
            if (playwright != null) {
                playwright.close();
                playwright = null;
            }
            if (server != null) {
                server.close();
                server = null;
            }
            if (profileDir != null) {
                try (var walk = Files.walk(profileDir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (Exception e) {
            System.err.println("browser shutdown: " + e);
        }
    }

    @BeforeEach
    void openPage() {
        page = newPage();
    }

    /** A new tab in the shared context, its console collected for failure messages. */
    Page newPage() {
        Page p = context.newPage();
        p.onConsoleMessage(m -> consoleLog.append(m.type()).append(": ").append(m.text()).append('\n'));
        p.onPageError(e -> consoleLog.append("pageerror: ").append(e).append('\n'));
        return p;
    }

    @AfterEach
    void closePages() {
        if (context != null) {
            for (Page p : context.pages()) {
                p.close();
            }
        }
    }

    /** Opens the test page in {@code p} and waits until {@code window.petrel} is there. */
    void openTestPage(Page p) {
        p.navigate(server.baseUrl() + "/t/");
        try {
            p.waitForFunction("() => window.petrelReady === true", null,
                    new Page.WaitForFunctionOptions().setTimeout(30_000));
        } catch (RuntimeException e) {
            throw new AssertionError("test page did not become ready; browser console:\n" + consoleLog, e);
        }
    }

    /** Evaluates an async script on {@code p}, adding the browser console to a failure. */
    Object eval(Page p, String script) {
        try {
            return p.evaluate(script);
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nbrowser console:\n" + consoleLog, e);
        }
    }

    /** Opens the playground and waits until its database is connected. */
    void openPlayground() {
        page.navigate(server.baseUrl() + "/");
        try {
            page.waitForFunction("() => window.petrelReady === true", null,
                    new Page.WaitForFunctionOptions().setTimeout(30_000));
        } catch (RuntimeException e) {
            throw new AssertionError("playground did not become ready; browser console:\n" + consoleLog, e);
        }
    }
}
