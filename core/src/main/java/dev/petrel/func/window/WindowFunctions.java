package dev.petrel.func.window;

/**
 * The built-in window functions (windowfunctions.html section 3): names, accepted argument counts and the kind
 * code {@link WindowCall} carries. They are not in the function registry: outside OVER they are a misuse.
 */
public final class WindowFunctions {
    public static final int ROW_NUMBER = 1;
    public static final int RANK = 2;
    public static final int DENSE_RANK = 3;
    public static final int PERCENT_RANK = 4;
    public static final int CUME_DIST = 5;
    public static final int NTILE = 6;
    public static final int LAG = 7;
    public static final int LEAD = 8;
    public static final int FIRST_VALUE = 9;
    public static final int LAST_VALUE = 10;
    public static final int NTH_VALUE = 11;

    private static final String[] NAMES = {null, "row_number", "rank", "dense_rank", "percent_rank", "cume_dist",
        "ntile", "lag", "lead", "first_value", "last_value", "nth_value"};
    private static final int[] MIN_ARGS = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2};
    private static final int[] MAX_ARGS = {0, 0, 0, 0, 0, 0, 1, 3, 3, 1, 1, 2};

    private WindowFunctions() {
    }

    /** The kind code of built-in window function {@code name} (any case), or 0 when it is not one. */
    public static int kind(String name) {
        for (int k = 1; k < NAMES.length; k++) {
            if (NAMES[k].equalsIgnoreCase(name)) {
                return k;
            }
        }
        return 0;
    }

    /** Whether built-in {@code kind} accepts {@code argc} arguments. */
    public static boolean accepts(int kind, int argc) {
        return argc >= MIN_ARGS[kind] && argc <= MAX_ARGS[kind];
    }

    /** The lower-case name of {@code kind}. */
    public static String name(int kind) {
        return NAMES[kind];
    }

    /** Whether {@code kind} reads the frame (the others see the whole partition whatever the frame says). */
    static boolean usesFrame(int kind) {
        return kind == FIRST_VALUE || kind == LAST_VALUE || kind == NTH_VALUE;
    }
}
