package dev.petrel.e2e;

import com.microsoft.playwright.Browser;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared set-up of the browser tests: one static server and one Debian Chromium (driven by Playwright, no browser
 * download) per test class, a fresh context and page per test. The built package is served at {@code /pkg/} and the
 * minimal playground at {@code /}.
 */
abstract class BrowserTestBase {
    static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");

    static StaticServer server;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;
    final StringBuilder consoleLog = new StringBuilder();

    /** The repository root (the tests run with the module directory as working directory). */
    static Path repoRoot() {
        return Paths.get("..").toAbsolutePath().normalize();
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        Path dist = repoRoot().resolve("js-package/dist");
        if (!Files.isRegularFile(dist.resolve("index.js")) || !Files.isRegularFile(dist.resolve("petrel.wasm"))) {
            throw new IllegalStateException("js-package/dist is not built: run the Maven build from the root");
        }
        Map<String, Path> mounts = new LinkedHashMap<>();
        mounts.put("/pkg/", dist);
        mounts.put("/", repoRoot().resolve("js-package/playground"));
        server = new StaticServer(0, mounts);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("petrel.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(CHROMIUM_FLAGS));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext();
        page = context.newPage();
        page.onConsoleMessage(m -> consoleLog.append(m.type()).append(": ").append(m.text()).append('\n'));
        page.onPageError(e -> consoleLog.append("pageerror: ").append(e).append('\n'));
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
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
