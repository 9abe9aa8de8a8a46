package dev.petrel.api;

/**
 * An open database: one file (or memory image) reached through a VFS, shared by the connections made on it.
 *
 * <p>Obtain one with {@code dev.petrel.Petrel.open(...)}. Closing the database closes its connections. Not
 * thread-safe: a database and its connections are used from one thread at a time (the browser build runs it in one
 * Worker; the JDBC driver serializes calls).
 */
public interface Database extends AutoCloseable {
    /** A new connection: the object statements are prepared on and transactions belong to. */
    Connection connect();

    /** The path the database was opened with ({@code ":memory:"} for an in-memory database). */
    String path();

    /** Closes every connection and the files. Closing twice is harmless. */
    @Override
    void close();
}
