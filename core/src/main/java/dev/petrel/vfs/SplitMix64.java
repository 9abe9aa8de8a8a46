package dev.petrel.vfs;

/**
 * A small deterministic pseudo-random generator (SplitMix64) for the storage layers.
 *
 * <p>{@code java.util.Random} gives different sequences on TeaVM than on the JVM, so the fault-injecting VFS (whose
 * runs must replay exactly from a seed) and the pager (journal nonces, WAL salts) use this instead. Not for
 * cryptography.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 32 random bits. */
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** A value in {@code [0, bound)}; {@code bound} must be positive (returns 0 otherwise). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            return 0;
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return (nextLong() >>> 11) * 0x1.0p-53 < p;
    }
}
