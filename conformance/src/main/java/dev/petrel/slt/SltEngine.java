package dev.petrel.slt;

import java.util.List;

/**
 * What the sqllogictest runner needs from a database engine: run a script, run a query and render its values.
 * One implementation drives Petrel; the runner's own tests drive real SQLite through the same interface, which
 * proves the runner before Petrel is judged by it.
 */
public interface SltEngine extends AutoCloseable {
    /** Runs every statement of {@code sql}; throws on the first failure. */
    void execute(String sql) throws Exception;

    /**
     * Prepares {@code sql} and steps it, rendering each value by {@code types} (one char per column: I, R or T).
     * Throws if preparing fails or the column count differs from {@code types.length()}; a failure while stepping
     * ends the result early and is not an error (as in SQLite's reference harness).
     */
    List<String> query(String sql, String types) throws Exception;

    /** Asks a running statement to stop (called from another thread when a file exceeds its time budget). */
    void interrupt();

    @Override
    void close() throws Exception;
}
