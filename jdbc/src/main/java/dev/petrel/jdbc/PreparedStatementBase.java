package dev.petrel.jdbc;

import static dev.petrel.jdbc.PetrelSQLException.unsupported;

import java.sql.*;

/**
 * The unsupported part of {@link PreparedStatement} beyond {@link Statement}.
 *
 * <p>Only the methods Petrel does not support are here, each throwing {@link SQLFeatureNotSupportedException}; the
 * concrete class implements the rest (a method in neither fails to compile).
 */
@SuppressWarnings({"deprecation", "unused"})
abstract class PreparedStatementBase extends PetrelStatement implements PreparedStatement {
    PreparedStatementBase(PetrelConnection connection) {
        super(connection);
    }

    @Override
    public void setArray(int p0, java.sql.Array p1) throws SQLException { throw unsupported("setArray"); }
    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, int p2) throws SQLException { throw unsupported("setAsciiStream"); }
    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, long p2) throws SQLException { throw unsupported("setAsciiStream"); }
    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1) throws SQLException { throw unsupported("setAsciiStream"); }
    @Override
    public void setBlob(int p0, java.io.InputStream p1, long p2) throws SQLException { throw unsupported("setBlob"); }
    @Override
    public void setBlob(int p0, java.io.InputStream p1) throws SQLException { throw unsupported("setBlob"); }
    @Override
    public void setBlob(int p0, java.sql.Blob p1) throws SQLException { throw unsupported("setBlob"); }
    @Override
    public void setClob(int p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("setClob"); }
    @Override
    public void setClob(int p0, java.io.Reader p1) throws SQLException { throw unsupported("setClob"); }
    @Override
    public void setClob(int p0, java.sql.Clob p1) throws SQLException { throw unsupported("setClob"); }
    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("setNCharacterStream"); }
    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1) throws SQLException { throw unsupported("setNCharacterStream"); }
    @Override
    public void setNClob(int p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("setNClob"); }
    @Override
    public void setNClob(int p0, java.io.Reader p1) throws SQLException { throw unsupported("setNClob"); }
    @Override
    public void setNClob(int p0, java.sql.NClob p1) throws SQLException { throw unsupported("setNClob"); }
    @Override
    public void setRef(int p0, java.sql.Ref p1) throws SQLException { throw unsupported("setRef"); }
    @Override
    public void setRowId(int p0, java.sql.RowId p1) throws SQLException { throw unsupported("setRowId"); }
    @Override
    public void setSQLXML(int p0, java.sql.SQLXML p1) throws SQLException { throw unsupported("setSQLXML"); }
    @Override
    public void setURL(int p0, java.net.URL p1) throws SQLException { throw unsupported("setURL"); }
    @Override
    public void setUnicodeStream(int p0, java.io.InputStream p1, int p2) throws SQLException { throw unsupported("setUnicodeStream"); }
}
