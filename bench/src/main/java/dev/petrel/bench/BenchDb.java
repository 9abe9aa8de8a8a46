package dev.petrel.bench;

/**
 * The few operations the SQL workload needs, implemented once over Petrel's API and once over real SQLite (JDBC),
 * so both engines run exactly the same statements with the same parameters in the same JMH run.
 */
public interface BenchDb extends AutoCloseable {
    /** Runs SQL with no result rows. */
    void exec(String sql) throws Exception;

    /** Prepares a reusable statement. */
    BenchStatement prepare(String sql) throws Exception;

    @Override
    void close() throws Exception;

    /** A prepared statement: bind by position (1-based), run, reset. */
    interface BenchStatement extends AutoCloseable {
        void bindLong(int index, long value) throws Exception;

        void bindText(int index, String value) throws Exception;

        /** Runs to completion and returns a checksum of the rows (so the JIT cannot drop the work). */
        long run() throws Exception;

        @Override
        void close() throws Exception;
    }
}
