package dev.petrel.jdbc;

import static dev.petrel.jdbc.PetrelSQLException.unsupported;

import java.sql.*;

/**
 * The unsupported part of {@link Statement}.
 *
 * <p>Only the methods Petrel does not support are here, each throwing {@link SQLFeatureNotSupportedException}; the
 * concrete class implements the rest (a method in neither fails to compile).
 */
@SuppressWarnings({"deprecation", "unused"})
abstract class StatementBase implements Statement {
}
