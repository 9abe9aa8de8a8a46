package dev.petrel.jdbc;

import static dev.petrel.jdbc.PetrelSQLException.unsupported;

import java.sql.*;

/**
 * The unsupported part of {@link Connection}.
 *
 * <p>Only the methods Petrel does not support are here, each throwing {@link SQLFeatureNotSupportedException}; the
 * concrete class implements the rest (a method in neither fails to compile).
 */
@SuppressWarnings({"deprecation", "unused"})
abstract class ConnectionBase implements Connection {
    @Override
    public void abort(java.util.concurrent.Executor p0) throws SQLException { throw unsupported("abort"); }
    @Override
    public java.sql.Array createArrayOf(String p0, Object[] p1) throws SQLException { throw unsupported("createArrayOf"); }
    @Override
    public java.sql.Blob createBlob() throws SQLException { throw unsupported("createBlob"); }
    @Override
    public java.sql.Clob createClob() throws SQLException { throw unsupported("createClob"); }
    @Override
    public java.sql.NClob createNClob() throws SQLException { throw unsupported("createNClob"); }
    @Override
    public java.sql.SQLXML createSQLXML() throws SQLException { throw unsupported("createSQLXML"); }
    @Override
    public java.sql.Struct createStruct(String p0, Object[] p1) throws SQLException { throw unsupported("createStruct"); }
    @Override
    public java.sql.CallableStatement prepareCall(String p0, int p1, int p2, int p3) throws SQLException { throw unsupported("prepareCall"); }
    @Override
    public java.sql.CallableStatement prepareCall(String p0, int p1, int p2) throws SQLException { throw unsupported("prepareCall"); }
    @Override
    public java.sql.CallableStatement prepareCall(String p0) throws SQLException { throw unsupported("prepareCall"); }
    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor p0, int p1) throws SQLException { throw unsupported("setNetworkTimeout"); }
}
