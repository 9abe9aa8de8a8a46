package dev.petrel.func.datetime;

/** Deterministic PRNG for the randomized oracle tests (same sequence on every JVM). */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound), bound > 0. */
    public int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Uniform in [lo, hi]. */
    public long range(long lo, long hi) {
        return lo + Math.floorMod(nextLong(), hi - lo + 1);
    }

    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public boolean chance(int percent) {
        return nextInt(100) < percent;
    }

    public <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    /** Test size factor from {@code -Dpetrel.test.scale} (default 1). */
    public static int scale() {
        try {
            return Math.max(1, Integer.parseInt(System.getProperty("petrel.test.scale", "1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
