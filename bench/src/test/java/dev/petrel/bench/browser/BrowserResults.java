package dev.petrel.bench.browser;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The measured rounds of a browser run and what is reported from them: the median per test and engine, the ratios
 * Petrel/sqlite-wasm (in memory and in OPFS) and Petrel/sql.js per test, and their geometric means. Writes
 * browser.json (everything, including every sample), browser.md (the tables) and browser-ratios.svg.
 */
final class BrowserResults {
    /** The comparisons reported: name, Petrel's engine, the other engine. */
    static final List<String[]> COMPARISONS = List.of(
            new String[] {"memory", "petrel-memory", "sqlite-wasm-memory"},
            new String[] {"opfs", "petrel-opfs", "sqlite-wasm-opfs"},
            new String[] {"vsSqljs", "petrel-memory", "sqljs-memory"});
    static final Map<String, String> COMPARISON_TITLES = Map.of(
            "memory", "Petrel/sqlite-wasm, memory",
            "opfs", "Petrel/sqlite-wasm, OPFS",
            "vsSqljs", "Petrel/sql.js, memory");

    final List<String> engines;
    final int rounds;
    final int warmup;
    final double scale;
    final Map<String, Object> page;
    String chromium;
    Map<String, Object> wasmSizes;
    /** engine -> test -> milliseconds of each measured round. */
    final Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();
    /** engine -> test -> the distinct checksums seen (one per correct engine). */
    final Map<String, Map<String, Set<Long>>> checksums = new LinkedHashMap<>();
    final Map<String, List<Double>> populateMs = new LinkedHashMap<>();

    BrowserResults(List<String> engines, int rounds, int warmup, double scale, Map<String, Object> page) {
        this.engines = engines;
        this.rounds = rounds;
        this.warmup = warmup;
        this.scale = scale;
        this.page = page;
    }

    /** Adds one round of one engine, as window.bench.round() returned it. */
    @SuppressWarnings("unchecked")
    void add(String engine, Map<String, Object> round) {
        populateMs.computeIfAbsent(engine, k -> new ArrayList<>()).add(((Number) round.get("populateMs")).doubleValue());
        Map<String, Object> tests = (Map<String, Object>) round.get("tests");
        for (Map.Entry<String, Object> e : tests.entrySet()) {
            Map<String, Object> t = (Map<String, Object>) e.getValue();
            samples.computeIfAbsent(engine, k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(((Number) t.get("ms")).doubleValue());
            checksums.computeIfAbsent(engine, k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(((Number) t.get("checksum")).longValue());
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double geomean(Iterable<Double> xs) {
        double logSum = 0;
        int n = 0;
        for (double x : xs) {
            if (x > 0 && Double.isFinite(x)) {
                logSum += Math.log(x);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    List<String> tests() {
        for (Map<String, List<Double>> byTest : samples.values()) {
            return new ArrayList<>(byTest.keySet());
        }
        return List.of();
    }

    Map<String, Map<String, Double>> medians() {
        return perTest(BrowserResults::median);
    }

    /** The fastest round per test and engine: on a shared, loaded machine the least disturbed one. */
    Map<String, Map<String, Double>> bests() {
        return perTest(xs -> xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
    }

    private Map<String, Map<String, Double>> perTest(java.util.function.ToDoubleFunction<List<Double>> stat) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<Double>>> e : samples.entrySet()) {
            Map<String, Double> m = new LinkedHashMap<>();
            e.getValue().forEach((test, xs) -> m.put(test, stat.applyAsDouble(xs)));
            out.put(e.getKey(), m);
        }
        return out;
    }

    /** comparison -> test -> ratio of medians (only comparisons whose two engines ran). */
    Map<String, Map<String, Double>> ratios() {
        return ratios(medians());
    }

    /** comparison -> test -> ratio of the given per-engine figures. */
    Map<String, Map<String, Double>> ratios(Map<String, Map<String, Double>> medians) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String[] c : COMPARISONS) {
            Map<String, Double> a = medians.get(c[1]);
            Map<String, Double> b = medians.get(c[2]);
            if (a == null || b == null) {
                continue;
            }
            Map<String, Double> r = new LinkedHashMap<>();
            for (String test : tests()) {
                r.put(test, a.get(test) / b.get(test));
            }
            out.put(c[0], r);
        }
        return out;
    }

    /** Its LIMIT window cuts through rows with equal c, whose order SQL leaves unspecified: checksums may differ. */
    static final String TIES_TEST = "orderByWithoutIndex";

    /** Tests whose checksum differs between engines or between rounds (a wrong result, not a slow one). */
    List<String> checksumMismatches() {
        List<String> bad = new ArrayList<>();
        for (String test : tests()) {
            if (test.equals(TIES_TEST)) {
                continue;
            }
            Set<Long> all = new LinkedHashSet<>();
            for (Map<String, Set<Long>> byTest : checksums.values()) {
                all.addAll(byTest.get(test));
            }
            if (all.size() != 1) {
                bad.add(test + " " + checksums.keySet().stream()
                        .map(e -> e + "=" + checksums.get(e).get(test)).toList());
            }
        }
        return bad;
    }

    void write(Path dir) throws IOException {
        Map<String, Map<String, Double>> ratios = ratios();
        Map<String, Double> geomeans = new LinkedHashMap<>();
        ratios.forEach((k, v) -> geomeans.put(k, geomean(v.values())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("chromium", chromium);
        json.put("page", page);
        json.put("config", Map.of("rounds", rounds, "warmup", warmup, "scale", scale, "engines", engines));
        json.put("wasmSizes", wasmSizes);
        json.put("medianMs", medians());
        json.put("ratios", ratios);
        json.put("geomeans", geomeans);
        Map<String, Map<String, Double>> bestRatios = ratios(bests());
        Map<String, Double> bestGeomeans = new LinkedHashMap<>();
        bestRatios.forEach((k, v) -> bestGeomeans.put(k, geomean(v.values())));
        json.put("bestOfRoundsMs", bests());
        json.put("bestOfRoundsRatios", bestRatios);
        json.put("bestOfRoundsGeomeans", bestGeomeans);
        Map<String, Double> populate = new LinkedHashMap<>();
        populateMs.forEach((e, xs) -> populate.put(e, median(xs)));
        json.put("populateMedianMs", populate);
        json.put("checksumMismatches", checksumMismatches());
        json.put("samplesMs", samples);
        Files.writeString(dir.resolve("browser.json"),
                new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(json) + "\n");
        Files.writeString(dir.resolve("browser.md"), markdown(ratios, geomeans, populate)
                + bestOfMarkdown(bestRatios, bestGeomeans));
        Files.writeString(dir.resolve("browser-ratios.svg"), RatioChart.svg(tests(), ratios, COMPARISON_TITLES));
    }

    private String markdown(Map<String, Map<String, Double>> ratios, Map<String, Double> geomeans,
                            Map<String, Double> populate) {
        Map<String, Map<String, Double>> medians = medians();
        StringBuilder md = new StringBuilder();
        md.append("Median ms per test over ").append(rounds).append(" rounds (after ").append(warmup)
                .append(" warm-up), scale ").append(fmt(scale)).append(", Chromium ").append(chromium).append(".\n\n");
        md.append("| test |");
        engines.forEach(e -> md.append(' ').append(e).append(" |"));
        ratios.keySet().forEach(k -> md.append(' ').append(COMPARISON_TITLES.get(k)).append(" |"));
        md.append("\n|---|");
        md.append("---:|".repeat(engines.size() + ratios.size())).append('\n');
        for (String test : tests()) {
            md.append("| ").append(test).append(" |");
            engines.forEach(e -> md.append(' ').append(fmt(medians.get(e).get(test))).append(" |"));
            ratios.values().forEach(r -> md.append(' ').append(String.format(Locale.ROOT, "%.2f", r.get(test)))
                    .append(" |"));
            md.append('\n');
        }
        md.append("| **geometric mean** |").append(" |".repeat(engines.size()));
        geomeans.values().forEach(g -> md.append(String.format(Locale.ROOT, " **%.2f** |", g)));
        md.append("\n| *populate 4 x ").append((int) Math.round(10_000 * scale)).append(" rows (untimed set-up)* |");
        engines.forEach(e -> md.append(' ').append(fmt(populate.get(e))).append(" |"));
        md.append(" |".repeat(ratios.size())).append('\n');
        List<String> bad = checksumMismatches();
        md.append('\n').append(bad.isEmpty() ? "Every engine returned the same checksum for every test (" + TIES_TEST
                + " aside: its window cuts through ties of c, whose order is unspecified).\n"
                : "CHECKSUM MISMATCHES: " + bad + "\n");
        return md.toString();
    }

    /** The ratios of the fastest rounds, a cross-check of the medians when the machine was busy. */
    private String bestOfMarkdown(Map<String, Map<String, Double>> bestRatios, Map<String, Double> bestGeomeans) {
        StringBuilder md = new StringBuilder("\nRatios of the fastest of the ").append(rounds)
                .append(" rounds (a cross-check on a loaded machine):\n\n| test |");
        bestRatios.keySet().forEach(k -> md.append(' ').append(COMPARISON_TITLES.get(k)).append(" |"));
        md.append("\n|---|").append("---:|".repeat(bestRatios.size())).append('\n');
        for (String test : tests()) {
            md.append("| ").append(test).append(" |");
            bestRatios.values().forEach(r -> md.append(String.format(Locale.ROOT, " %.2f |", r.get(test))));
            md.append('\n');
        }
        md.append("| **geometric mean** |");
        bestGeomeans.values().forEach(g -> md.append(String.format(Locale.ROOT, " **%.2f** |", g)));
        return md.append('\n').toString();
    }

    static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
