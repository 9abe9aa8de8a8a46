package dev.petrel.func;

/**
 * A self-contained {@link FunctionContext}: settable counters, a SplitMix64 PRNG (TeaVM-safe and deterministic
 * from its seed) and a fixed or supplied clock. Used by tests and by callers that evaluate functions outside a
 * statement; the VM has its own implementation backed by the connection.
 */
public class BasicFunctionContext implements FunctionContext {
    /** SplitMix64's increment (the golden-ratio constant). */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long rngState;
    private long lastInsertRowid;
    private long changes;
    private long totalChanges;
    private long nowMillis;
    private boolean caseSensitiveLike;

    /** A context whose PRNG starts from {@code seed} and whose clock reads {@code nowMillis}. */
    public BasicFunctionContext(long seed, long nowMillis) {
        this.rngState = seed;
        this.nowMillis = nowMillis;
    }

    @Override
    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    @Override
    public long changes() {
        return changes;
    }

    @Override
    public long totalChanges() {
        return totalChanges;
    }

    @Override
    public long nextRandomLong() {
        long z = (rngState += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nowEpochMillis() {
        return nowMillis;
    }

    @Override
    public boolean caseSensitiveLike() {
        return caseSensitiveLike;
    }

    public void setLastInsertRowid(long rowid) {
        this.lastInsertRowid = rowid;
    }

    public void setChanges(long changes, long totalChanges) {
        this.changes = changes;
        this.totalChanges = totalChanges;
    }

    public void setNowEpochMillis(long nowMillis) {
        this.nowMillis = nowMillis;
    }

    public void setCaseSensitiveLike(boolean on) {
        this.caseSensitiveLike = on;
    }
}
