package dev.petrel.jdbc;

import static dev.petrel.jdbc.PetrelSQLException.unsupported;

import java.sql.*;

/**
 * The unsupported part of {@link ResultSet}: updates, scrolling, streams and SQL types Petrel has no use for.
 *
 * <p>Only the methods Petrel does not support are here, each throwing {@link SQLFeatureNotSupportedException}; the
 * concrete class implements the rest (a method in neither fails to compile).
 */
@SuppressWarnings({"deprecation", "unused"})
abstract class ResultSetBase implements ResultSet {
    @Override
    public boolean absolute(int p0) throws SQLException { throw unsupported("absolute"); }
    @Override
    public void afterLast() throws SQLException { throw unsupported("afterLast"); }
    @Override
    public void beforeFirst() throws SQLException { throw unsupported("beforeFirst"); }
    @Override
    public void cancelRowUpdates() throws SQLException { throw unsupported("cancelRowUpdates"); }
    @Override
    public void deleteRow() throws SQLException { throw unsupported("deleteRow"); }
    @Override
    public boolean first() throws SQLException { throw unsupported("first"); }
    @Override
    public java.sql.Array getArray(String p0) throws SQLException { throw unsupported("getArray"); }
    @Override
    public java.sql.Array getArray(int p0) throws SQLException { throw unsupported("getArray"); }
    @Override
    public java.sql.Blob getBlob(String p0) throws SQLException { throw unsupported("getBlob"); }
    @Override
    public java.sql.Blob getBlob(int p0) throws SQLException { throw unsupported("getBlob"); }
    @Override
    public java.sql.Clob getClob(String p0) throws SQLException { throw unsupported("getClob"); }
    @Override
    public java.sql.Clob getClob(int p0) throws SQLException { throw unsupported("getClob"); }
    @Override
    public String getCursorName() throws SQLException { throw unsupported("getCursorName"); }
    @Override
    public java.io.Reader getNCharacterStream(String p0) throws SQLException { throw unsupported("getNCharacterStream"); }
    @Override
    public java.io.Reader getNCharacterStream(int p0) throws SQLException { throw unsupported("getNCharacterStream"); }
    @Override
    public java.sql.NClob getNClob(String p0) throws SQLException { throw unsupported("getNClob"); }
    @Override
    public java.sql.NClob getNClob(int p0) throws SQLException { throw unsupported("getNClob"); }
    @Override
    public String getNString(String p0) throws SQLException { throw unsupported("getNString"); }
    @Override
    public String getNString(int p0) throws SQLException { throw unsupported("getNString"); }
    @Override
    public java.sql.Ref getRef(String p0) throws SQLException { throw unsupported("getRef"); }
    @Override
    public java.sql.Ref getRef(int p0) throws SQLException { throw unsupported("getRef"); }
    @Override
    public java.sql.RowId getRowId(String p0) throws SQLException { throw unsupported("getRowId"); }
    @Override
    public java.sql.RowId getRowId(int p0) throws SQLException { throw unsupported("getRowId"); }
    @Override
    public java.sql.SQLXML getSQLXML(String p0) throws SQLException { throw unsupported("getSQLXML"); }
    @Override
    public java.sql.SQLXML getSQLXML(int p0) throws SQLException { throw unsupported("getSQLXML"); }
    @Override
    public java.net.URL getURL(String p0) throws SQLException { throw unsupported("getURL"); }
    @Override
    public java.net.URL getURL(int p0) throws SQLException { throw unsupported("getURL"); }
    @Override
    public java.io.InputStream getUnicodeStream(String p0) throws SQLException { throw unsupported("getUnicodeStream"); }
    @Override
    public java.io.InputStream getUnicodeStream(int p0) throws SQLException { throw unsupported("getUnicodeStream"); }
    @Override
    public void insertRow() throws SQLException { throw unsupported("insertRow"); }
    @Override
    public boolean isLast() throws SQLException { throw unsupported("isLast"); }
    @Override
    public boolean last() throws SQLException { throw unsupported("last"); }
    @Override
    public void moveToCurrentRow() throws SQLException { throw unsupported("moveToCurrentRow"); }
    @Override
    public void moveToInsertRow() throws SQLException { throw unsupported("moveToInsertRow"); }
    @Override
    public boolean previous() throws SQLException { throw unsupported("previous"); }
    @Override
    public void refreshRow() throws SQLException { throw unsupported("refreshRow"); }
    @Override
    public boolean relative(int p0) throws SQLException { throw unsupported("relative"); }
    @Override
    public boolean rowDeleted() throws SQLException { throw unsupported("rowDeleted"); }
    @Override
    public boolean rowInserted() throws SQLException { throw unsupported("rowInserted"); }
    @Override
    public boolean rowUpdated() throws SQLException { throw unsupported("rowUpdated"); }
    @Override
    public void updateArray(String p0, java.sql.Array p1) throws SQLException { throw unsupported("updateArray"); }
    @Override
    public void updateArray(int p0, java.sql.Array p1) throws SQLException { throw unsupported("updateArray"); }
    @Override
    public void updateAsciiStream(String p0, java.io.InputStream p1, int p2) throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override
    public void updateAsciiStream(String p0, java.io.InputStream p1, long p2) throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override
    public void updateAsciiStream(String p0, java.io.InputStream p1) throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, int p2) throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, long p2) throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1) throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override
    public void updateBigDecimal(String p0, java.math.BigDecimal p1) throws SQLException { throw unsupported("updateBigDecimal"); }
    @Override
    public void updateBigDecimal(int p0, java.math.BigDecimal p1) throws SQLException { throw unsupported("updateBigDecimal"); }
    @Override
    public void updateBinaryStream(String p0, java.io.InputStream p1, int p2) throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override
    public void updateBinaryStream(String p0, java.io.InputStream p1, long p2) throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override
    public void updateBinaryStream(String p0, java.io.InputStream p1) throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, int p2) throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, long p2) throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1) throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override
    public void updateBlob(String p0, java.io.InputStream p1, long p2) throws SQLException { throw unsupported("updateBlob"); }
    @Override
    public void updateBlob(String p0, java.io.InputStream p1) throws SQLException { throw unsupported("updateBlob"); }
    @Override
    public void updateBlob(String p0, java.sql.Blob p1) throws SQLException { throw unsupported("updateBlob"); }
    @Override
    public void updateBlob(int p0, java.io.InputStream p1, long p2) throws SQLException { throw unsupported("updateBlob"); }
    @Override
    public void updateBlob(int p0, java.io.InputStream p1) throws SQLException { throw unsupported("updateBlob"); }
    @Override
    public void updateBlob(int p0, java.sql.Blob p1) throws SQLException { throw unsupported("updateBlob"); }
    @Override
    public void updateBoolean(String p0, boolean p1) throws SQLException { throw unsupported("updateBoolean"); }
    @Override
    public void updateBoolean(int p0, boolean p1) throws SQLException { throw unsupported("updateBoolean"); }
    @Override
    public void updateByte(String p0, byte p1) throws SQLException { throw unsupported("updateByte"); }
    @Override
    public void updateByte(int p0, byte p1) throws SQLException { throw unsupported("updateByte"); }
    @Override
    public void updateBytes(String p0, byte[] p1) throws SQLException { throw unsupported("updateBytes"); }
    @Override
    public void updateBytes(int p0, byte[] p1) throws SQLException { throw unsupported("updateBytes"); }
    @Override
    public void updateCharacterStream(String p0, java.io.Reader p1, int p2) throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override
    public void updateCharacterStream(String p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override
    public void updateCharacterStream(String p0, java.io.Reader p1) throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, int p2) throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1) throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override
    public void updateClob(String p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("updateClob"); }
    @Override
    public void updateClob(String p0, java.io.Reader p1) throws SQLException { throw unsupported("updateClob"); }
    @Override
    public void updateClob(String p0, java.sql.Clob p1) throws SQLException { throw unsupported("updateClob"); }
    @Override
    public void updateClob(int p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("updateClob"); }
    @Override
    public void updateClob(int p0, java.io.Reader p1) throws SQLException { throw unsupported("updateClob"); }
    @Override
    public void updateClob(int p0, java.sql.Clob p1) throws SQLException { throw unsupported("updateClob"); }
    @Override
    public void updateDate(String p0, java.sql.Date p1) throws SQLException { throw unsupported("updateDate"); }
    @Override
    public void updateDate(int p0, java.sql.Date p1) throws SQLException { throw unsupported("updateDate"); }
    @Override
    public void updateDouble(String p0, double p1) throws SQLException { throw unsupported("updateDouble"); }
    @Override
    public void updateDouble(int p0, double p1) throws SQLException { throw unsupported("updateDouble"); }
    @Override
    public void updateFloat(String p0, float p1) throws SQLException { throw unsupported("updateFloat"); }
    @Override
    public void updateFloat(int p0, float p1) throws SQLException { throw unsupported("updateFloat"); }
    @Override
    public void updateInt(String p0, int p1) throws SQLException { throw unsupported("updateInt"); }
    @Override
    public void updateInt(int p0, int p1) throws SQLException { throw unsupported("updateInt"); }
    @Override
    public void updateLong(String p0, long p1) throws SQLException { throw unsupported("updateLong"); }
    @Override
    public void updateLong(int p0, long p1) throws SQLException { throw unsupported("updateLong"); }
    @Override
    public void updateNCharacterStream(String p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("updateNCharacterStream"); }
    @Override
    public void updateNCharacterStream(String p0, java.io.Reader p1) throws SQLException { throw unsupported("updateNCharacterStream"); }
    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("updateNCharacterStream"); }
    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1) throws SQLException { throw unsupported("updateNCharacterStream"); }
    @Override
    public void updateNClob(String p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("updateNClob"); }
    @Override
    public void updateNClob(String p0, java.io.Reader p1) throws SQLException { throw unsupported("updateNClob"); }
    @Override
    public void updateNClob(String p0, java.sql.NClob p1) throws SQLException { throw unsupported("updateNClob"); }
    @Override
    public void updateNClob(int p0, java.io.Reader p1, long p2) throws SQLException { throw unsupported("updateNClob"); }
    @Override
    public void updateNClob(int p0, java.io.Reader p1) throws SQLException { throw unsupported("updateNClob"); }
    @Override
    public void updateNClob(int p0, java.sql.NClob p1) throws SQLException { throw unsupported("updateNClob"); }
    @Override
    public void updateNString(String p0, String p1) throws SQLException { throw unsupported("updateNString"); }
    @Override
    public void updateNString(int p0, String p1) throws SQLException { throw unsupported("updateNString"); }
    @Override
    public void updateNull(String p0) throws SQLException { throw unsupported("updateNull"); }
    @Override
    public void updateNull(int p0) throws SQLException { throw unsupported("updateNull"); }
    @Override
    public void updateObject(String p0, Object p1, int p2) throws SQLException { throw unsupported("updateObject"); }
    @Override
    public void updateObject(String p0, Object p1) throws SQLException { throw unsupported("updateObject"); }
    @Override
    public void updateObject(int p0, Object p1, int p2) throws SQLException { throw unsupported("updateObject"); }
    @Override
    public void updateObject(int p0, Object p1) throws SQLException { throw unsupported("updateObject"); }
    @Override
    public void updateRef(String p0, java.sql.Ref p1) throws SQLException { throw unsupported("updateRef"); }
    @Override
    public void updateRef(int p0, java.sql.Ref p1) throws SQLException { throw unsupported("updateRef"); }
    @Override
    public void updateRow() throws SQLException { throw unsupported("updateRow"); }
    @Override
    public void updateRowId(String p0, java.sql.RowId p1) throws SQLException { throw unsupported("updateRowId"); }
    @Override
    public void updateRowId(int p0, java.sql.RowId p1) throws SQLException { throw unsupported("updateRowId"); }
    @Override
    public void updateSQLXML(String p0, java.sql.SQLXML p1) throws SQLException { throw unsupported("updateSQLXML"); }
    @Override
    public void updateSQLXML(int p0, java.sql.SQLXML p1) throws SQLException { throw unsupported("updateSQLXML"); }
    @Override
    public void updateShort(String p0, short p1) throws SQLException { throw unsupported("updateShort"); }
    @Override
    public void updateShort(int p0, short p1) throws SQLException { throw unsupported("updateShort"); }
    @Override
    public void updateString(String p0, String p1) throws SQLException { throw unsupported("updateString"); }
    @Override
    public void updateString(int p0, String p1) throws SQLException { throw unsupported("updateString"); }
    @Override
    public void updateTime(String p0, java.sql.Time p1) throws SQLException { throw unsupported("updateTime"); }
    @Override
    public void updateTime(int p0, java.sql.Time p1) throws SQLException { throw unsupported("updateTime"); }
    @Override
    public void updateTimestamp(String p0, java.sql.Timestamp p1) throws SQLException { throw unsupported("updateTimestamp"); }
    @Override
    public void updateTimestamp(int p0, java.sql.Timestamp p1) throws SQLException { throw unsupported("updateTimestamp"); }
}
