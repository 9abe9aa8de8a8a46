/**
 * Petrel's JDBC driver: {@code jdbc:petrel:<path>} and {@code jdbc:petrel::memory:} URLs mapped onto the public API
 * of {@code dev.petrel.api}, with the behaviour of xerial's sqlite-jdbc wherever JDBC leaves a choice (value
 * classes from {@code getObject}, text of numbers, metadata types, error message format). Every
 * {@link dev.petrel.api.PetrelException} surfaces as a {@link java.sql.SQLException} whose vendor code is the
 * extended SQLite result code. Calls into the engine are serialized per connection
 * ({@link dev.petrel.jdbc.SerializedConnection}), so threads may share a connection; each {@code Statement} and
 * {@code ResultSet} is still used from one thread at a time.
 */
package dev.petrel.jdbc;
