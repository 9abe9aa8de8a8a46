package dev.petrel.e2e;

import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The playground (demo-app) in real Chromium: a Chinook join checked against real SQLite, persistence across a
 * reload, upload / query / download of Northwind checked with sqlite-jdbc, errors marked in the editor, and
 * screenshots of the main states under target/screenshots/.
 */
class PlaygroundE2ETest {
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static StaticServer server;
    private static Playwright playwright;
    private Path profile;
    private BrowserContext context;
    private Page page;
    private final StringBuilder console = new StringBuilder();

    static Path repoRoot() {
        return Paths.get("..").toAbsolutePath().normalize();
    }

    static Path shared() {
        String prop = System.getProperty("petrel.shared.dir");
        Path p = prop != null ? Paths.get(prop) : repoRoot().resolve("../shared");
        return p.toAbsolutePath().normalize();
    }

    @BeforeAll
    static void start() throws Exception {
        Path dist = repoRoot().resolve("demo-app/dist");
        assertTrue(Files.isRegularFile(dist.resolve("index.html")), "demo-app/dist is not built");
        server = new StaticServer(0, Map.of("/", dist));
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openContext() throws Exception {
        profile = Files.createTempDirectory("petrel-playground-profile");
        context = playwright.chromium().launchPersistentContext(profile, new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(Paths.get(System.getProperty("petrel.chromium", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(FLAGS).setAcceptDownloads(true).setViewportSize(1400, 900));
        page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        page.onConsoleMessage(m -> console.append(m.type()).append(": ").append(m.text()).append('\n'));
        page.onPageError(e -> console.append("pageerror: ").append(e).append('\n'));
        page.setDefaultTimeout(60_000);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private void openPlayground() {
        openPlayground(page);
    }

    private void openPlayground(Page p) {
        p.navigate(server.baseUrl() + "/");
        waitReady(p);
    }

    private void waitReady() {
        waitReady(page);
    }

    private void waitReady(Page p) {
        try {
            p.waitForFunction("() => window.playground && window.playground.ready === true");
        } catch (RuntimeException e) {
            throw new AssertionError("playground not ready; console:\n" + console, e);
        }
    }

    /** Types SQL into the CodeMirror editor and runs it with Ctrl+Enter; waits for the run to finish. */
    private void runSql(String sql) {
        runSql(page, sql);
    }

    private static void runSql(Page p, String sql) {
        Object before = p.evaluate("() => window.playground.runs");
        p.click(".cm-content");
        p.keyboard().press("Control+A");
        p.keyboard().press("Delete");
        p.keyboard().insertText(sql);
        p.keyboard().press("Control+Enter");
        p.waitForFunction("n => window.playground.runs > n", before);
    }

    private List<List<Object>> lastRows() {
        return lastRows(page);
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> lastRows(Page p) {
        Map<String, Object> r = (Map<String, Object>) p.evaluate("() => window.playground.lastResult");
        assertNotNull(r, () -> "no result; error: " + p.evaluate("() => window.playground.lastError"));
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : (List<List<Object>>) r.get("rows")) {
            List<Object> norm = new ArrayList<>();
            row.forEach(v -> norm.add(normalize(v)));
            out.add(norm);
        }
        return out;
    }

    /** Numbers compare by value whatever their Java box (Integer from JS, Long from JDBC); blobs by their bytes. */
    private static Object normalize(Object v) {
        if (v instanceof byte[]) {
            return java.util.HexFormat.of().formatHex((byte[]) v);
        }
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9e15 ? (Object) (long) d : (Object) d;
        }
        return v;
    }

    private static List<List<Object>> sqlite(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(normalize(rs.getObject(i)));
                }
                out.add(row);
            }
            return out;
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("playground-" + name + ".png")));
    }

    @Test
    void chinookJoinMatchesRealSqlite() throws Exception {
        openPlayground();
        assertEquals("chinook.db", page.evaluate("() => window.playground.dbName"));
        String sql = "SELECT ar.Name, count(*) AS tracks, sum(t.Milliseconds) AS ms FROM Track t "
                + "JOIN Album al ON al.AlbumId = t.AlbumId JOIN Artist ar ON ar.ArtistId = al.ArtistId "
                + "GROUP BY ar.ArtistId ORDER BY tracks DESC, ar.Name LIMIT 25";
        runSql(sql);
        Path chinook = shared().resolve("sample-dbs/chinook/Chinook_Sqlite.sqlite");
        assertEquals(sqlite(chinook, sql), lastRows());
        List<String> firstRow = page.locator(".grid-row").first().locator(".grid-cell").allTextContents();
        assertEquals(String.valueOf(sqlite(chinook, sql).get(0).get(0)), firstRow.get(1), "grid shows the first row");
        assertTrue(page.locator(".schema").textContent().contains("Track"), "schema sidebar lists the tables");
        screenshot("chinook-join");
        page.click(".tabs button[data-tab=chart]");
        page.waitForSelector("#pane-chart.active canvas");
        screenshot("chart");
        page.click(".tabs button[data-tab=plan]");
        screenshot("plan");
    }

    @Test
    void tablePersistsAcrossReload() {
        openPlayground();
        runSql("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);\n"
                + "INSERT INTO notes(body) VALUES ('hello'), ('world');");
        assertNull(page.evaluate("() => window.playground.lastError"), () -> "create/insert failed: " + console);
        page.reload();
        waitReady();
        runSql("SELECT id, body FROM notes ORDER BY id");
        assertEquals(List.of(List.of(1L, "hello"), List.of(2L, "world")), lastRows());
        screenshot("after-reload");
    }

    @Test
    void uploadQueryDownloadNorthwind(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        openPlayground();
        Path northwind = tmp.resolve("northwind.db");
        Files.copy(shared().resolve("sample-dbs/northwind/northwind.db"), northwind, StandardCopyOption.REPLACE_EXISTING);
        page.setInputFiles("#db-file", northwind);
        page.waitForFunction("() => window.playground.dbName === 'northwind.db' && window.playground.status.includes('open')");
        String sql = "SELECT c.CompanyName, count(o.OrderID) AS orders FROM Customers c "
                + "LEFT JOIN Orders o ON o.CustomerID = c.CustomerID GROUP BY c.CustomerID ORDER BY orders DESC, c.CompanyName LIMIT 10";
        runSql(sql);
        assertEquals(sqlite(northwind, sql), lastRows());
        screenshot("northwind");
        Download download = page.waitForDownload(() -> page.click("#db-download"));
        Path saved = tmp.resolve("downloaded.db");
        download.saveAs(saved);
        assertEquals(List.of(List.of("ok")), sqlite(saved, "PRAGMA integrity_check"));
        for (String table : List.of("Customers", "Orders", "\"Order Details\"", "Products", "Employees")) {
            String q = "SELECT * FROM " + table + " ORDER BY 1, 2";
            assertEquals(sqlite(northwind, q), sqlite(saved, q), "same contents of " + table);
        }
    }

    @Test
    void syntaxErrorIsShownAndMarked() {
        openPlayground();
        runSql("SELECT * FRM Album");
        assertTrue(page.isVisible("#error"));
        assertTrue(page.textContent("#error").contains("near \"FRM\": syntax error"), page.textContent("#error"));
        @SuppressWarnings("unchecked")
        Map<String, Object> err = (Map<String, Object>) page.evaluate("() => window.playground.lastError");
        assertEquals("SELECT * FRM Album".indexOf("FRM"), ((Number) err.get("from")).intValue());
        page.waitForSelector(".cm-lintRange-error");
        screenshot("syntax-error");
    }

    @Test
    void gridVirtualizes100kRows() {
        openPlayground();
        runSql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) "
                + "SELECT x, x * x AS sq, 'row ' || x AS label FROM c");
        assertEquals(100000, ((Number) page.evaluate("() => window.playground.lastResult.rows.length")).intValue());
        int rendered = page.locator(".grid-row").count();
        assertTrue(rendered > 0 && rendered < 200, "only the rows in view exist in the DOM: " + rendered);
        page.evaluate("() => { const v = document.querySelector('.grid-viewport'); v.scrollTop = v.scrollHeight; }");
        page.waitForFunction("() => [...document.querySelectorAll('.grid-row .rownum')]"
                + ".some(c => c.textContent === '100000')");
        assertTrue(page.locator(".grid-row").count() < 200, "still virtualized after scrolling to the end");
        screenshot("100k-rows-end");
    }

    @Test
    void twoTabsWorkOnTheSameDatabase() {
        openPlayground();
        Page second = context.newPage();
        openPlayground(second);
        runSql("CREATE TABLE shared(x INTEGER); INSERT INTO shared VALUES (1);");
        runSql(second, "SELECT x FROM shared ORDER BY x");
        assertEquals(List.of(List.of(1L)), lastRows(second), "the second tab sees the first tab's row");
        runSql(second, "INSERT INTO shared VALUES (2)");
        runSql("SELECT x FROM shared ORDER BY x");
        assertEquals(List.of(List.of(1L), List.of(2L)), lastRows(), "the first tab sees the second tab's row");
    }
}
