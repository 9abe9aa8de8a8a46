package dev.petrel.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A same-JVM A/B of {@link SpeedtestBenchmark} for a shared, loaded machine, where wall-clock JMH runs are noise:
 * each variant (a class path: e.g. an old benchmarks.jar, or a {@code core/target/classes} directory ahead of it)
 * is loaded in its own class loader of one JVM, and the benchmark methods run round-robin across variants, so
 * every variant sees the same load. Reports per test and variant the median and minimum <b>thread CPU time</b>
 * (much less sensitive to other processes than wall time) and the median bytes allocated per operation (exact).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.petrel.bench.SameJvmAB ROUNDS OPS test...} with the
 * variants as system properties {@code -Dab.NAME=path1,path2} (in order); a path list starting with
 * {@code sqlite} runs the SQLite engine from that class path (load it in one variant only: the JNI library
 * binds to one class loader). The first third of the rounds is discarded as warm-up.
 * Example: {@code -Dab.base=/tmp/base.jar -Dab.new=core/target/classes,/tmp/base.jar -Dab.sq=sqlite,/tmp/base.jar}.
 */
public final class SameJvmAB {
    private SameJvmAB() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int ops = Integer.parseInt(args[1]);
        List<String> tests = Arrays.asList(args).subList(2, args.length);
        List<String> names = new ArrayList<>();
        List<Object> states = new ArrayList<>();
        List<Class<?>> classes = new ArrayList<>();
        for (String key : System.getProperties().stringPropertyNames().stream().sorted().toList()) {
            if (!key.startsWith("ab.")) {
                continue;
            }
            String engine = "petrel";
            List<URL> urls = new ArrayList<>();
            for (String p : System.getProperty(key).split(",")) {
                if (p.equals("sqlite")) {
                    engine = "sqlite";
                } else {
                    urls.add(Paths.get(p).toUri().toURL());
                }
            }
            ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            if (engine.equals("sqlite")) {
                Class.forName("org.sqlite.JDBC", true, cl); // registers the driver visibly to this loader
            }
            Class<?> c = cl.loadClass(SpeedtestBenchmark.class.getName());
            Object s = c.getConstructor().newInstance();
            c.getField("engine").set(s, engine);
            c.getMethod("setUp").invoke(s);
            names.add(key.substring(3));
            states.add(s);
            classes.add(c);
        }
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[][][] cpu = new double[tests.size()][names.size()][rounds];
        double[][][] alloc = new double[tests.size()][names.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int t = 0; t < tests.size(); t++) {
                for (int v = 0; v < names.size(); v++) {
                    Method m = classes.get(v).getMethod(tests.get(t));
                    long a0 = tmx.getCurrentThreadAllocatedBytes();
                    long t0 = tmx.getCurrentThreadCpuTime();
                    for (int i = 0; i < ops; i++) {
                        m.invoke(states.get(v));
                    }
                    cpu[t][v][r] = (tmx.getCurrentThreadCpuTime() - t0) / 1e6 / ops;
                    alloc[t][v][r] = (tmx.getCurrentThreadAllocatedBytes() - a0) / 1e3 / ops;
                }
            }
        }
        int warm = rounds / 3;
        for (int t = 0; t < tests.size(); t++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-26s", tests.get(t)));
            for (int v = 0; v < names.size(); v++) {
                double[] c = Arrays.copyOfRange(cpu[t][v], warm, rounds);
                double[] a = Arrays.copyOfRange(alloc[t][v], warm, rounds);
                Arrays.sort(c);
                Arrays.sort(a);
                sb.append(String.format(Locale.ROOT, "  %s: median %.3f min %.3f cpu-ms/op, %.0f KB/op", names.get(v),
                        c[c.length / 2], c[0], a[a.length / 2]));
            }
            System.out.println(sb);
        }
    }
}
