package dev.petrel.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A speedtest1-style SQL workload, run on Petrel and on real SQLite (sqlite-jdbc) in the same JMH run: the
 * {@code engine} parameter picks the engine, everything else is identical (statements, parameters, row counts).
 * Each benchmark method is one self-contained unit of work that leaves the database as it found it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpeedtestBenchmark {
    /** Rows in each of the populated tables t1..t4. */
    static final int ROWS = 10_000;

    @Param({"petrel", "sqlite"})
    public String engine;

    private BenchDb db;
    private long seed = 1;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        db = engine.equals("sqlite") ? new SqliteBenchDb() : new PetrelBenchDb();
        for (int t = 1; t <= 4; t++) {
            db.exec("CREATE TABLE t" + t + "(a INTEGER PRIMARY KEY, b INTEGER, c TEXT)");
        }
        db.exec("CREATE INDEX t2b ON t2(b)");
        db.exec("BEGIN");
        for (int t = 1; t <= 4; t++) {
            try (BenchDb.BenchStatement ins = db.prepare("INSERT INTO t" + t + "(a, b, c) VALUES(?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    long b = scramble(i) % (ROWS * 10L);
                    ins.bindLong(1, i);
                    ins.bindLong(2, b);
                    ins.bindText(3, Words.of(b));
                    ins.run();
                }
            }
        }
        db.exec("COMMIT");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        db.close();
    }

    /** A deterministic bijection-ish scramble of 1..n (same values for both engines). */
    static long scramble(long i) {
        long x = i * 0x9E3779B97F4A7C15L;
        x ^= x >>> 31;
        return x & Long.MAX_VALUE;
    }

    private long next() {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        return (seed >>> 33);
    }

    @Benchmark
    public long insertBulkTransaction() throws Exception {
        db.exec("CREATE TABLE x(a INTEGER, b INTEGER, c TEXT)");
        long sum = 0;
        db.exec("BEGIN");
        try (BenchDb.BenchStatement ins = db.prepare("INSERT INTO x VALUES(?, ?, ?)")) {
            for (int i = 0; i < 5000; i++) {
                long b = scramble(i);
                ins.bindLong(1, i);
                ins.bindLong(2, b);
                ins.bindText(3, Words.of(b % 100_000));
                sum += ins.run();
            }
        }
        db.exec("COMMIT");
        db.exec("DROP TABLE x");
        return sum;
    }

    @Benchmark
    public long insertAutocommit() throws Exception {
        db.exec("CREATE TABLE x(a INTEGER, b INTEGER, c TEXT)");
        long sum = 0;
        try (BenchDb.BenchStatement ins = db.prepare("INSERT INTO x VALUES(?, ?, ?)")) {
            for (int i = 0; i < 1000; i++) {
                ins.bindLong(1, i);
                ins.bindLong(2, scramble(i));
                ins.bindText(3, Words.of(i));
                sum += ins.run();
            }
        }
        db.exec("DROP TABLE x");
        return sum;
    }

    @Benchmark
    public long insertIndexed() throws Exception {
        db.exec("CREATE TABLE x(a INTEGER, b INTEGER, c TEXT)");
        db.exec("CREATE INDEX xb ON x(b)");
        db.exec("CREATE INDEX xc ON x(c)");
        long sum = 0;
        db.exec("BEGIN");
        try (BenchDb.BenchStatement ins = db.prepare("INSERT INTO x VALUES(?, ?, ?)")) {
            for (int i = 0; i < 5000; i++) {
                long b = scramble(i) % 1_000_000;
                ins.bindLong(1, i);
                ins.bindLong(2, b);
                ins.bindText(3, Words.of(b));
                sum += ins.run();
            }
        }
        db.exec("COMMIT");
        db.exec("DROP TABLE x");
        return sum;
    }

    @Benchmark
    public long selectByRowid() throws Exception {
        long sum = 0;
        try (BenchDb.BenchStatement s = db.prepare("SELECT b, c FROM t1 WHERE a = ?")) {
            for (int i = 0; i < 1000; i++) {
                s.bindLong(1, 1 + next() % ROWS);
                sum += s.run();
            }
        }
        return sum;
    }

    @Benchmark
    public long selectByIndex() throws Exception {
        long sum = 0;
        try (BenchDb.BenchStatement s = db.prepare("SELECT a, c FROM t2 WHERE b = ?")) {
            for (int i = 0; i < 1000; i++) {
                s.bindLong(1, scramble(1 + next() % ROWS) % (ROWS * 10L));
                sum += s.run();
            }
        }
        return sum;
    }

    @Benchmark
    public long selectIndexedRange() throws Exception {
        long sum = 0;
        try (BenchDb.BenchStatement s = db.prepare("SELECT count(*), sum(a) FROM t2 WHERE b BETWEEN ? AND ?")) {
            for (int i = 0; i < 100; i++) {
                long lo = next() % (ROWS * 10L);
                s.bindLong(1, lo);
                s.bindLong(2, lo + 1000);
                sum += s.run();
            }
        }
        return sum;
    }

    @Benchmark
    public long scanWhere() throws Exception {
        long sum = 0;
        try (BenchDb.BenchStatement s = db.prepare("SELECT count(*), sum(a) FROM t1 WHERE b >= ? AND b < ?")) {
            for (int i = 0; i < 10; i++) {
                long lo = next() % (ROWS * 10L);
                s.bindLong(1, lo);
                s.bindLong(2, lo + 5000);
                sum += s.run();
            }
        }
        return sum;
    }

    @Benchmark
    public long scanLike() throws Exception {
        long sum = 0;
        String[] patterns = {"%one%", "%seven thousand%", "%ninety%", "%two hundred%", "%eleven%"};
        try (BenchDb.BenchStatement s = db.prepare("SELECT count(*) FROM t1 WHERE c LIKE ?")) {
            for (String p : patterns) {
                s.bindText(1, p);
                sum += s.run();
            }
        }
        return sum;
    }

    @Benchmark
    public long orderByWithoutIndex() throws Exception {
        try (BenchDb.BenchStatement s = db.prepare("SELECT a, b FROM t1 ORDER BY c LIMIT 500 OFFSET 5000")) {
            return s.run();
        }
    }

    @Benchmark
    public long updateByIndex() throws Exception {
        long sum = 0;
        db.exec("BEGIN");
        try (BenchDb.BenchStatement s = db.prepare("UPDATE t2 SET c = ? WHERE b = ?")) {
            for (int i = 0; i < 1000; i++) {
                long b = scramble(1 + next() % ROWS) % (ROWS * 10L);
                s.bindText(1, Words.of(b + 1));
                s.bindLong(2, b);
                sum += s.run();
            }
        }
        db.exec("COMMIT");
        return sum;
    }

    @Benchmark
    public long deleteAndReinsertByIndex() throws Exception {
        long sum = 0;
        db.exec("BEGIN");
        try (BenchDb.BenchStatement del = db.prepare("DELETE FROM t2 WHERE b = ?");
             BenchDb.BenchStatement ins = db.prepare("INSERT OR REPLACE INTO t2(a, b, c) VALUES(?, ?, ?)")) {
            for (int i = 0; i < 500; i++) {
                long a = 1 + next() % ROWS;
                long b = scramble(a) % (ROWS * 10L);
                del.bindLong(1, b);
                sum += del.run();
                ins.bindLong(1, a);
                ins.bindLong(2, b);
                ins.bindText(3, Words.of(b));
                sum += ins.run();
            }
        }
        db.exec("COMMIT");
        return sum;
    }

    @Benchmark
    public long join4() throws Exception {
        try (BenchDb.BenchStatement s = db.prepare("SELECT count(*), sum(t4.b) FROM t1 JOIN t2 ON t2.a = t1.a "
                + "JOIN t3 ON t3.a = t2.a JOIN t4 ON t4.a = t3.a WHERE t1.b < ?")) {
            s.bindLong(1, ROWS * 5L);
            return s.run();
        }
    }

    @Benchmark
    public long createIndex() throws Exception {
        db.exec("CREATE INDEX tmp_c ON t1(c)");
        db.exec("DROP INDEX tmp_c");
        return 1;
    }
}
