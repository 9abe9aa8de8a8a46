package dev.petrel.func;

/**
 * One registered function overload: a name, an argument count and either a scalar implementation or an
 * aggregate factory, plus flags the planner and VM use.
 *
 * <p>Invariants: (1) exactly one of {@link #scalar()} and {@link #aggregate()} is non-null; (2) {@link #nArg()}
 * is {@link FunctionRegistry#ANY_ARGS} or a count in 0..127, and {@link #minArgs()} (only meaningful for
 * ANY_ARGS) is at least 0; (3) {@link #name()} is lower-case ASCII.
 */
public final class FunctionDef {
    /** Same arguments give the same result within and across statements (may be constant-folded, indexed). */
    public static final int DETERMINISTIC = 1;
    /** Reads connection or statement state through {@link FunctionContext} (rowids, changes, clock, PRNG). */
    public static final int NEEDS_CONTEXT = 2;
    /** Deterministic within one statement only (date/time 'now'): usable in a query, not in an index. */
    public static final int SLOW_CHANGE = 4;
    /** Arguments that are direct calls of subtype-returning functions arrive as {@link SubtypedValue}s. */
    public static final int SUBTYPE_ARGS = 8;
    /** Results may be {@link SubtypedValue}s (for aggregates: the code generator strips them where needed). */
    public static final int RESULT_SUBTYPE = 16;

    /**
     * An aggregate that may not be used with OVER: an application aggregate registered without window support
     * ({@code Connection.createAggregate}), as SQLite treats one registered without xValue/xInverse.
     */
    public static final int NO_WINDOW = 32;

    /** Internal: returns its argument without a subtype (the VM strips it from the result). */
    public static final FunctionDef STRIP_SUBTYPE = new FunctionDef("strip_subtype", 1, 0, DETERMINISTIC,
            (ctx, args) -> SubtypedValue.strip(args[0]), null);

    private final String name;
    private final int nArg;
    private final int minArgs;
    private final int flags;
    private final ScalarFunction scalar;
    private final AggregateFactory aggregate;

    FunctionDef(String name, int nArg, int minArgs, int flags, ScalarFunction scalar, AggregateFactory aggregate) {
        this.name = name;
        this.nArg = nArg;
        this.minArgs = minArgs;
        this.flags = flags;
        this.scalar = scalar;
        this.aggregate = aggregate;
    }

    /** Lower-case name. */
    public String name() {
        return name;
    }

    /** Exact argument count, or {@link FunctionRegistry#ANY_ARGS}. */
    public int nArg() {
        return nArg;
    }

    /** Smallest accepted argument count when {@link #nArg()} is ANY_ARGS. */
    public int minArgs() {
        return minArgs;
    }

    /** Bit set of {@link #DETERMINISTIC}, {@link #NEEDS_CONTEXT}, {@link #SLOW_CHANGE}. */
    public int flags() {
        return flags;
    }

    public boolean isDeterministic() {
        return (flags & DETERMINISTIC) != 0;
    }

    /** Whether direct function-call arguments keep their {@link SubtypedValue} wrapper. */
    public boolean acceptsSubtypes() {
        return (flags & SUBTYPE_ARGS) != 0;
    }

    /** Whether results may carry a {@link SubtypedValue} wrapper. */
    public boolean returnsSubtype() {
        return (flags & RESULT_SUBTYPE) != 0;
    }

    /** Whether this aggregate may be used as a window function (with OVER). */
    public boolean isWindowCapable() {
        return aggregate != null && (flags & NO_WINDOW) == 0;
    }

    public boolean isAggregate() {
        return aggregate != null;
    }

    /** The scalar implementation, or null for an aggregate. */
    public ScalarFunction scalar() {
        return scalar;
    }

    /** The aggregate factory, or null for a scalar. */
    public AggregateFactory aggregate() {
        return aggregate;
    }

    /** Whether a call with {@code argc} arguments matches this overload. */
    public boolean accepts(int argc) {
        return nArg == FunctionRegistry.ANY_ARGS ? argc >= minArgs : argc == nArg;
    }
}
