package dev.petrel.jdbc;

import static dev.petrel.jdbc.PetrelSQLException.unsupported;

import java.sql.*;

/**
 * The unsupported part of {@link Connection}.
 *
 * <p>Generated from the {@code java.sql.Connection} interface: every method here throws. The concrete class overrides what
 * Petrel supports, so a forgotten method fails loudly with {@link SQLFeatureNotSupportedException}.
 */
@SuppressWarnings({"deprecation", "unused"})
abstract class ConnectionBase implements Connection {
    @Override
    public void abort(java.util.concurrent.Executor p0) throws SQLException { throw unsupported("abort"); }
    @Override
    public void clearWarnings() throws SQLException { throw unsupported("clearWarnings"); }
    @Override
    public void close() throws SQLException { throw unsupported("close"); }
    @Override
    public void commit() throws SQLException { throw unsupported("commit"); }
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
    public java.sql.Statement createStatement() throws SQLException { throw unsupported("createStatement"); }
    @Override
    public java.sql.Statement createStatement(int p0, int p1, int p2) throws SQLException { throw unsupported("createStatement"); }
    @Override
    public java.sql.Statement createStatement(int p0, int p1) throws SQLException { throw unsupported("createStatement"); }
    @Override
    public java.sql.Struct createStruct(String p0, Object[] p1) throws SQLException { throw unsupported("createStruct"); }
    @Override
    public boolean getAutoCommit() throws SQLException { throw unsupported("getAutoCommit"); }
    @Override
    public String getCatalog() throws SQLException { throw unsupported("getCatalog"); }
    @Override
    public java.util.Properties getClientInfo() throws SQLException { throw unsupported("getClientInfo"); }
    @Override
    public String getClientInfo(String p0) throws SQLException { throw unsupported("getClientInfo"); }
    @Override
    public int getHoldability() throws SQLException { throw unsupported("getHoldability"); }
    @Override
    public java.sql.DatabaseMetaData getMetaData() throws SQLException { throw unsupported("getMetaData"); }
    @Override
    public int getNetworkTimeout() throws SQLException { throw unsupported("getNetworkTimeout"); }
    @Override
    public String getSchema() throws SQLException { throw unsupported("getSchema"); }
    @Override
    public int getTransactionIsolation() throws SQLException { throw unsupported("getTransactionIsolation"); }
    @Override
    public java.util.Map<String, Class<?>> getTypeMap() throws SQLException { throw unsupported("getTypeMap"); }
    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException { throw unsupported("getWarnings"); }
    @Override
    public boolean isClosed() throws SQLException { throw unsupported("isClosed"); }
    @Override
    public boolean isReadOnly() throws SQLException { throw unsupported("isReadOnly"); }
    @Override
    public boolean isValid(int p0) throws SQLException { throw unsupported("isValid"); }
    @Override
    public boolean isWrapperFor(Class<?> p0) throws SQLException { throw unsupported("isWrapperFor"); }
    @Override
    public String nativeSQL(String p0) throws SQLException { throw unsupported("nativeSQL"); }
    @Override
    public java.sql.CallableStatement prepareCall(String p0, int p1, int p2, int p3) throws SQLException { throw unsupported("prepareCall"); }
    @Override
    public java.sql.CallableStatement prepareCall(String p0, int p1, int p2) throws SQLException { throw unsupported("prepareCall"); }
    @Override
    public java.sql.CallableStatement prepareCall(String p0) throws SQLException { throw unsupported("prepareCall"); }
    @Override
    public java.sql.PreparedStatement prepareStatement(String p0, int[] p1) throws SQLException { throw unsupported("prepareStatement"); }
    @Override
    public java.sql.PreparedStatement prepareStatement(String p0, String[] p1) throws SQLException { throw unsupported("prepareStatement"); }
    @Override
    public java.sql.PreparedStatement prepareStatement(String p0, int p1, int p2, int p3) throws SQLException { throw unsupported("prepareStatement"); }
    @Override
    public java.sql.PreparedStatement prepareStatement(String p0, int p1, int p2) throws SQLException { throw unsupported("prepareStatement"); }
    @Override
    public java.sql.PreparedStatement prepareStatement(String p0, int p1) throws SQLException { throw unsupported("prepareStatement"); }
    @Override
    public java.sql.PreparedStatement prepareStatement(String p0) throws SQLException { throw unsupported("prepareStatement"); }
    @Override
    public void releaseSavepoint(java.sql.Savepoint p0) throws SQLException { throw unsupported("releaseSavepoint"); }
    @Override
    public void rollback() throws SQLException { throw unsupported("rollback"); }
    @Override
    public void rollback(java.sql.Savepoint p0) throws SQLException { throw unsupported("rollback"); }
    @Override
    public void setAutoCommit(boolean p0) throws SQLException { throw unsupported("setAutoCommit"); }
    @Override
    public void setCatalog(String p0) throws SQLException { throw unsupported("setCatalog"); }
    @Override
    public void setClientInfo(String p0, String p1) throws SQLClientInfoException { throw new SQLClientInfoException(); }
    @Override
    public void setClientInfo(java.util.Properties p0) throws SQLClientInfoException { throw new SQLClientInfoException(); }
    @Override
    public void setHoldability(int p0) throws SQLException { throw unsupported("setHoldability"); }
    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor p0, int p1) throws SQLException { throw unsupported("setNetworkTimeout"); }
    @Override
    public void setReadOnly(boolean p0) throws SQLException { throw unsupported("setReadOnly"); }
    @Override
    public java.sql.Savepoint setSavepoint() throws SQLException { throw unsupported("setSavepoint"); }
    @Override
    public java.sql.Savepoint setSavepoint(String p0) throws SQLException { throw unsupported("setSavepoint"); }
    @Override
    public void setSchema(String p0) throws SQLException { throw unsupported("setSchema"); }
    @Override
    public void setTransactionIsolation(int p0) throws SQLException { throw unsupported("setTransactionIsolation"); }
    @Override
    public void setTypeMap(java.util.Map<String, Class<?>> p0) throws SQLException { throw unsupported("setTypeMap"); }
    @Override
    public <T> T unwrap(Class<T> p0) throws SQLException { throw unsupported("unwrap"); }
}
