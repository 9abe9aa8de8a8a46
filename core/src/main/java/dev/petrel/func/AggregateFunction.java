package dev.petrel.func;

/**
 * The running state of one aggregate over one group (or one window partition): created by an
 * {@link AggregateFactory}, fed rows by the VM, asked for a result at the end.
 *
 * <p>Contract with the VM:
 * <ol>
 *   <li>{@link #step} is called once per input row whose arguments passed any FILTER clause. DISTINCT is the
 *       caller's job: the VM drops duplicate argument tuples before calling step (and before inverse), so
 *       no implementation here deduplicates.</li>
 *   <li>{@link #finish} is called once, for an ordinary aggregate, after the last step; the state is not used
 *       afterwards.</li>
 *   <li>For window frames the VM may interleave {@link #step}, {@link #inverse} (removing a row that earlier went
 *       through step, oldest first) and {@link #value} (the result for the current frame, state unchanged).
 *       {@link #inverse} may only be called when {@link #supportsInverse()} is true.</li>
 * </ol>
 */
public interface AggregateFunction {
    /** Adds one row's arguments. */
    void step(FunctionContext ctx, Object[] args);

    /** Removes one row's arguments that were earlier added by {@link #step} (window frames). */
    default void inverse(FunctionContext ctx, Object[] args) {
        throw new UnsupportedOperationException("inverse");
    }

    /** Whether {@link #inverse} is implemented; otherwise the VM recomputes each frame from scratch. */
    default boolean supportsInverse() {
        return false;
    }

    /** The result for the rows added so far, leaving the state usable. */
    Object value(FunctionContext ctx);

    /** The final result; by default the same as {@link #value}. */
    default Object finish(FunctionContext ctx) {
        return value(ctx);
    }
}
