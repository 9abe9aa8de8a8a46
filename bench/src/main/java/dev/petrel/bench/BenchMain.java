package dev.petrel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks on both engines and writes bench/results/jvm.md: per test the median-ish JMH score of
 * each engine, the ratio Petrel/SQLite and their geometric mean. Arguments: [benchmark regex] [output dir].
 * {@code java -cp bench/target/benchmarks.jar dev.petrel.bench.BenchMain}
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 ? args[0] : SpeedtestBenchmark.class.getSimpleName();
        Path outDir = Path.of(args.length > 1 ? args[1] : "bench/results");
        Options opts = new OptionsBuilder().include(include)
                .warmupIterations(Integer.getInteger("bench.warmup", 3))
                .measurementIterations(Integer.getInteger("bench.iterations", 5))
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1))
                .forks(1).build();
        Collection<RunResult> results = new Runner(opts).run();
        writeReport(results, outDir);
    }

    static void writeReport(Collection<RunResult> results, Path outDir) throws IOException {
        Map<String, double[]> byTest = new TreeMap<>();
        String unit = "ms/op";
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String test = label.substring(label.lastIndexOf('.') + 1);
            String engine = r.getParams().getParam("engine");
            double score = r.getPrimaryResult().getScore();
            unit = r.getPrimaryResult().getScoreUnit();
            double[] pair = byTest.computeIfAbsent(test, k -> new double[2]);
            pair[engine.equals("petrel") ? 0 : 1] = score;
        }
        StringBuilder md = new StringBuilder();
        md.append("| test | Petrel (").append(unit).append(") | SQLite (").append(unit)
                .append(") | Petrel/SQLite |\n|---|---:|---:|---:|\n");
        List<Double> ratios = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byTest.entrySet()) {
            double p = e.getValue()[0];
            double s = e.getValue()[1];
            double ratio = s > 0 ? p / s : Double.NaN;
            if (!Double.isNaN(ratio) && p > 0) {
                ratios.add(ratio);
            }
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f |%n", e.getKey(), p, s, ratio));
        }
        double logSum = 0;
        for (double r : ratios) {
            logSum += Math.log(r);
        }
        double geo = ratios.isEmpty() ? Double.NaN : Math.exp(logSum / ratios.size());
        md.append(String.format(Locale.ROOT, "| **geometric mean** | | | **%.2f** |%n", geo));
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("jvm.md"), md.toString());
        System.out.println(md);
    }
}
