package dev.petrel.bench.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs the browser benchmark (bench/browser, built with Vite) in headless Debian Chromium through Playwright and
 * writes bench/results/browser.{json,md} and browser-ratios.svg. The page is served by {@code vite preview} (no
 * COOP/COEP headers); Chromium uses a persistent profile, because OPFS in an off-the-record context lives in memory.
 *
 * <p>Each engine runs in its own Worker for the whole run. A round of an engine populates its tables, times every
 * test once and drops the tables; rounds are interleaved engine by engine (the starting engine rotates), and the
 * first {@code --warmup} rounds are discarded. With {@code --profile}, one extra round per engine is recorded by
 * Chromium's CPU profiler in the engine's worker and summarized into bench/results/browser-profile.md.
 *
 * <p>Run with {@code ./bench/run-browser [--rounds N] [--warmup N] [--scale X] [--profile] [--out DIR]
 * [--engines a,b] [--petrel-wasm FILE] [--profile-from browser.json]}; {@code --petrel-wasm} serves another build
 * of petrel.wasm (e.g. one with function names, {@code -Dpetrel.wasm.minify=false}, for the profiles);
 * {@code --profile-from} skips the measured rounds and profiles the largest gaps of an earlier run.
 */
public final class BrowserBench {
    static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");

    static final int PROFILED_TESTS = 3;
    static final int PROFILE_REPEAT = 3;

    private BrowserBench() {
    }

    /** Command-line options. */
    record Options(int rounds, int warmup, double scale, boolean profile, Path out, Path repo, List<String> engines,
                   Path petrelWasm, Path profileFrom) {
        static Options parse(String[] args) {
            int rounds = 5;
            int warmup = 1;
            double scale = 1;
            boolean profile = false;
            Path out = null;
            Path repo = Paths.get(".").toAbsolutePath().normalize();
            List<String> engines = null;
            Path petrelWasm = null;
            Path profileFrom = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--scale" -> scale = Double.parseDouble(args[++i]);
                    case "--profile" -> profile = true;
                    case "--out" -> out = Paths.get(args[++i]);
                    case "--repo" -> repo = Paths.get(args[++i]).toAbsolutePath().normalize();
                    case "--engines" -> engines = Arrays.asList(args[++i].split(","));
                    case "--petrel-wasm" -> petrelWasm = Paths.get(args[++i]);
                    case "--profile-from" -> profileFrom = Paths.get(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(rounds, warmup, scale, profile, out != null ? out : repo.resolve("bench/results"), repo,
                    engines, petrelWasm, profileFrom);
        }
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse(args);
        Path app = opt.repo().resolve("bench/browser");
        if (!Files.isRegularFile(app.resolve("dist/index.html"))) {
            throw new IllegalStateException("bench/browser/dist is not built: run ./bench/run-browser");
        }
        if (opt.petrelWasm() != null) {
            // E.g. a build with wasm function names (-Dpetrel.wasm.minify=false) for readable profiles.
            try (var files = Files.list(app.resolve("dist/assets"))) {
                Path asset = files.filter(f -> f.getFileName().toString().matches("petrel-[A-Za-z0-9_-]{8}\\.wasm"))
                        .findFirst().orElseThrow();
                Files.copy(opt.petrelWasm(), asset, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        int port = freePort();
        Process preview = startPreview(app, port);
        Path profileDir = Files.createTempDirectory("petrel-bench-profile");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            BrowserContext context = playwright.chromium().launchPersistentContext(profileDir,
                    new BrowserType.LaunchPersistentContextOptions()
                            .setExecutablePath(Paths.get(System.getProperty("petrel.chromium", "/usr/bin/chromium")))
                            .setHeadless(true)
                            .setArgs(CHROMIUM_FLAGS));
            Page page = context.newPage();
            page.onConsoleMessage(m -> System.out.println("[page " + m.type() + "] " + m.text()));
            page.onPageError(e -> System.out.println("[page error] " + e));
            context.onResponse(r -> {
                if (r.status() >= 400) {
                    System.out.println("[http " + r.status() + "] " + r.url());
                }
            });
            page.navigate("http://localhost:" + port + "/");
            page.waitForFunction("() => window.benchReady === true");
            Files.createDirectories(opt.out());
            Map<String, Map<String, Double>> ratios;
            if (opt.profileFrom() != null) {
                ratios = readRatios(opt.profileFrom());
            } else {
                BrowserResults results = run(page, opt);
                results.wasmSizes = WasmSizes.measure(opt.repo());
                results.chromium = context.browser() != null ? context.browser().version() : chromiumVersion(page);
                results.write(opt.out());
                System.out.println(Files.readString(opt.out().resolve("browser.md")));
                ratios = results.ratios();
            }
            if (opt.profile() || opt.profileFrom() != null) {
                profile(page, opt, ratios);
            }
            context.close();
        } finally {
            preview.descendants().forEach(ProcessHandle::destroy);
            preview.destroy();
            deleteTree(profileDir);
        }
    }

    /** Opens every engine, runs warm-up and measured rounds interleaved, and closes them. */
    @SuppressWarnings("unchecked")
    static BrowserResults run(Page page, Options opt) {
        List<String> engines = opt.engines() != null ? opt.engines()
                : (List<String>) page.evaluate("() => window.bench.engines");
        System.out.println("opening " + engines);
        Map<String, Object> info = (Map<String, Object>) page.evaluate(
                "([engines, scale]) => window.bench.open(engines, scale)", List.of(engines, opt.scale()));
        BrowserResults results = new BrowserResults(engines, opt.rounds(), opt.warmup(), opt.scale(), info);
        int total = opt.warmup() + opt.rounds();
        for (int r = 0; r < total; r++) {
            List<String> order = new ArrayList<>(engines);
            java.util.Collections.rotate(order, -(r % engines.size()));
            for (String engine : order) {
                long t0 = System.nanoTime();
                Map<String, Object> round = (Map<String, Object>) page.evaluate(
                        "(engine) => window.bench.round(engine)", engine);
                System.out.printf("round %d%s %-20s %6.0f ms%n", r + 1, r < opt.warmup() ? " (warm-up)" : "",
                        engine, (System.nanoTime() - t0) / 1e6);
                if (r >= opt.warmup()) {
                    results.add(engine, round);
                }
            }
        }
        page.evaluate("() => window.bench.close()");
        return results;
    }

    /**
     * Profiles the largest gaps: for the {@code PROFILED_TESTS} tests with the highest Petrel/sqlite-wasm ratio in
     * memory and in OPFS, both engines of the comparison run the test {@code PROFILE_REPEAT} times under the CPU
     * profiler of their worker (after one warm-up round). Writes browser-profile.md.
     */
    static void profile(Page page, Options opt, Map<String, Map<String, Double>> ratios) throws IOException {
        StringBuilder md = new StringBuilder("# CPU profiles of the largest gaps\n\nTop self time in the engine's worker"
                + " while it ran the test " + PROFILE_REPEAT + " times (Chromium's sampling profiler, 100 µs).\n\n");
        try (WorkerProfiler profiler = new WorkerProfiler(page)) {
            for (String[] c : BrowserResults.COMPARISONS) {
                if (c[0].equals("vsSqljs") || !ratios.containsKey(c[0])) {
                    continue;
                }
                List<String> worst = ratios.get(c[0]).entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .limit(PROFILED_TESTS).map(Map.Entry::getKey).toList();
                List<String> pair = List.of(c[1], c[2]);
                page.evaluate("([engines, scale]) => window.bench.open(engines, scale)", List.of(pair, opt.scale()));
                for (String engine : pair) {
                    page.evaluate("(engine) => window.bench.round(engine)", engine); // warm-up
                    page.evaluate("(engine) => window.bench.populate(engine)", engine);
                    for (String test : worst) {
                        profiler.start(engine);
                        for (int i = 0; i < PROFILE_REPEAT; i++) {
                            page.evaluate("([engine, test]) => window.bench.test(engine, test)", List.of(engine, test));
                        }
                        md.append(profiler.stop(engine, test, ratios.get(c[0]).get(test)));
                    }
                    page.evaluate("(engine) => window.bench.depopulate(engine)", engine);
                }
                page.evaluate("() => window.bench.close()");
            }
        }
        Files.writeString(opt.out().resolve("browser-profile.md"), md.toString());
        System.out.println(md);
    }

    /** The per-test ratios of an earlier run's browser.json. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Double>> readRatios(Path browserJson) throws IOException {
        Map<String, Object> json = new com.google.gson.Gson().fromJson(Files.readString(browserJson), Map.class);
        return (Map<String, Map<String, Double>>) json.get("ratios");
    }

    private static String chromiumVersion(Page page) {
        Object ua = page.evaluate("() => navigator.userAgent");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Chrome/([0-9.]+)").matcher(String.valueOf(ua));
        return m.find() ? m.group(1) : String.valueOf(ua);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code vite preview} on {@code port} and waits until it accepts connections. */
    static Process startPreview(Path app, int port) throws Exception {
        Path log = app.resolve("../target/vite-preview.log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(app.resolve("node_modules/.bin/vite").toString(), "preview", "--port",
                String.valueOf(port), "--strictPort", "--host", "localhost")
                .directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket("localhost", port)) {
                return p;
            } catch (IOException e) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("vite preview exited: " + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
        p.destroy();
        throw new IllegalStateException("vite preview did not listen on " + port);
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
