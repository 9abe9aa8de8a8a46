package dev.petrel.func;

/** Makes a fresh {@link AggregateFunction} state for each group or window partition. */
@FunctionalInterface
public interface AggregateFactory {
    /** A new, empty state. */
    AggregateFunction create();
}
