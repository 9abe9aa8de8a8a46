package dev.petrel.func;

import dev.petrel.api.PetrelException;
import dev.petrel.record.Collation;

/**
 * What a built-in function may ask of the connection and statement running it. The VM implements this; tests
 * and stand-alone callers use {@link BasicFunctionContext}.
 *
 * <p>Contract: the values are those of the calling statement at the moment of the call, except {@link #now*}
 * methods, which return the same instant for every call within one statement step (SQLite's rule for
 * 'now' in date/time functions). {@link #collation()} is the collating sequence the resolver chose for the
 * function's arguments (used by min/max and nullif-like comparisons); BINARY when none applies.
 */
public interface FunctionContext {
    /** {@code sqlite3_last_insert_rowid()} of the connection. */
    long lastInsertRowid();

    /** Rows changed by the most recent INSERT/UPDATE/DELETE ({@code sqlite3_changes64()}). */
    long changes();

    /** Rows changed since the connection opened ({@code sqlite3_total_changes64()}). */
    long totalChanges();

    /** 64 pseudo-random bits, from the connection's PRNG (random(), randomblob()). */
    long nextRandomLong();

    /** The statement's current time in Unix epoch milliseconds. */
    long nowEpochMillis();

    /** The statement's current time as a Julian day number (for date/time functions). */
    default double nowJulianDay() {
        return nowEpochMillis() / 86400000.0 + 2440587.5;
    }

    /** Whether {@code PRAGMA case_sensitive_like} is on. */
    default boolean caseSensitiveLike() {
        return false;
    }

    /** The collation the resolver attached to this call (BINARY by default). */
    default Collation collation() {
        return Collation.BINARY;
    }

    /** The exception to throw for a function error with SQLite's message, e.g. {@code "integer overflow"}. */
    default PetrelException error(String message) {
        return PetrelException.error(message);
    }
}
