package dev.petrel.func;

/**
 * A scalar SQL function: one call per row, storage values in, one storage value out.
 *
 * <p>Contract: {@code args} holds exactly as many values as the registered argument count allows (the resolver
 * checked it); the function must not keep or modify the array. Errors are raised by throwing
 * {@link dev.petrel.api.PetrelException} (usually through {@link FunctionContext#error}), with SQLite's message.
 */
@FunctionalInterface
public interface ScalarFunction {
    /** Evaluates the function for one row. */
    Object call(FunctionContext ctx, Object[] args);
}
