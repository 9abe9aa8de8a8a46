package dev.petrel.bench;

import dev.petrel.btree.BTree;
import dev.petrel.btree.BtCursor;
import dev.petrel.pager.Pager;
import dev.petrel.record.IndexKey;
import dev.petrel.record.KeyInfo;
import dev.petrel.record.RecordEncoder;
import dev.petrel.vfs.MemoryVfs;
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
 * The storage engine alone (no SQL): inserts into and seeks in a table b-tree of an in-memory database through
 * {@link BTree} and {@link BtCursor}, one operation per benchmark invocation batch of {@link #BATCH} keys. Beside
 * the table there is an index b-tree of (text key, rowid) entries, one per row, as {@code CREATE INDEX} on a text
 * column makes, for index seeks; {@link #scanTable} reads the whole table once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BTreeBenchmark {
    static final int BATCH = 1000;

    @Param({"4096"})
    public int pageSize;

    /** Rows already in the tree that seeks run against. */
    @Param({"100000"})
    public int rows;

    private Pager pager;
    private BTree btree;
    private int root;
    private int indexRoot;
    private long next = 1;
    private long seed = 42;
    private byte[] payload;

    @Setup(Level.Trial)
    public void setUp() {
        pager = Pager.open(new MemoryVfs(), "bench.db", pageSize);
        btree = BTree.open(pager);
        pager.beginWrite();
        btree.initialize();
        root = btree.createTree(true);
        payload = RecordEncoder.encode(123456L, "a text value of moderate length, as rows have", 3.25);
        BtCursor c = btree.openTable(root, true);
        for (int i = 1; i <= rows; i++) {
            c.insert(i, payload);
        }
        c.close();
        indexRoot = btree.createTree(false);
        BtCursor ic = btree.openIndex(indexRoot, KeyInfo.BINARY, true);
        for (int i = 1; i <= rows; i++) {
            ic.insert(RecordEncoder.encode(indexText(i), (long) i));
        }
        ic.close();
        pager.commit();
        next = rows + 1;
    }

    /** The index key of row {@code i}: distinct, and inserted out of order (the digits reversed). */
    static String indexText(long i) {
        return "user-" + new StringBuilder(Long.toString(i)).reverse() + "@example.org";
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pager.close();
    }

    private long random() {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        return seed >>> 33;
    }

    /** Appends {@link #BATCH} rows with increasing rowids in one transaction. */
    @Benchmark
    public long insertSequential() {
        pager.beginWrite();
        BtCursor c = btree.openTable(root, true);
        for (int i = 0; i < BATCH; i++) {
            c.insert(next++, payload);
        }
        c.close();
        pager.commit();
        return next;
    }

    /** Inserts {@link #BATCH} rows with random rowids (page splits in the middle of the tree). */
    @Benchmark
    public long insertRandom() {
        pager.beginWrite();
        BtCursor c = btree.openTable(root, true);
        for (int i = 0; i < BATCH; i++) {
            c.insert((random() & 0xfffffffffL) + 1_000_000_000L, payload);
        }
        c.close();
        pager.commit();
        return seed;
    }

    /** Seeks {@link #BATCH} random existing rowids and reads each payload. */
    @Benchmark
    public long seekRandom() {
        pager.beginRead();
        BtCursor c = btree.openTable(root, false);
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            if (c.seekRowid(1 + random() % rows) == 0) {
                sum += c.payloadSize();
            }
        }
        c.close();
        pager.endRead();
        return sum;
    }

    /** Seeks {@link #BATCH} random existing text keys in the index (prefix key, SeekGE) and reads each rowid. */
    @Benchmark
    public long seekIndex() {
        pager.beginRead();
        BtCursor c = btree.openIndex(indexRoot, KeyInfo.BINARY, false);
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            IndexKey key = new IndexKey(KeyInfo.BINARY, new Object[] {indexText(1 + random() % rows)}, 1, 0);
            if (c.seek(key, BtCursor.GE)) {
                sum += c.payloadSize();
            }
        }
        c.close();
        pager.endRead();
        return sum;
    }

    /** Visits every row of the table in rowid order, reading rowid and payload size. */
    @Benchmark
    public long scanTable() {
        pager.beginRead();
        BtCursor c = btree.openTable(root, false);
        long sum = 0;
        for (boolean ok = c.first(); ok; ok = c.next()) {
            sum += c.rowid() + c.payloadSize();
        }
        c.close();
        pager.endRead();
        return sum;
    }
}
