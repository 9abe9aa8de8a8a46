package dev.petrel.jdbc;

import static dev.petrel.jdbc.PetrelSQLException.unsupported;

import java.sql.*;

/**
 * The defaults of {@link DatabaseMetaData}: false, 0, the empty string, or an empty result set with no columns.
 *
 * <p>Only the methods the concrete class does not implement are here, each answering the most conservative value
 * (a method in neither fails to compile).
 */
@SuppressWarnings({"deprecation", "unused"})
abstract class DatabaseMetaDataBase implements DatabaseMetaData {
    /** An empty result for a catalogue query Petrel has nothing to report for. */
    abstract ResultSet emptyResult(String what) throws SQLException;

    @Override
    public boolean allProceduresAreCallable() throws SQLException { return false; }
    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException { return false; }
    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException { return false; }
    @Override
    public boolean deletesAreDetected(int p0) throws SQLException { return false; }
    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException { return false; }
    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException { return false; }
    @Override
    public java.sql.ResultSet getAttributes(String p0, String p1, String p2, String p3) throws SQLException { return emptyResult("getAttributes"); }
    @Override
    public java.sql.ResultSet getBestRowIdentifier(String p0, String p1, String p2, int p3, boolean p4) throws SQLException { return emptyResult("getBestRowIdentifier"); }
    @Override
    public java.sql.ResultSet getClientInfoProperties() throws SQLException { return emptyResult("getClientInfoProperties"); }
    @Override
    public java.sql.ResultSet getColumnPrivileges(String p0, String p1, String p2, String p3) throws SQLException { return emptyResult("getColumnPrivileges"); }
    @Override
    public java.sql.ResultSet getCrossReference(String p0, String p1, String p2, String p3, String p4, String p5) throws SQLException { return emptyResult("getCrossReference"); }
    @Override
    public java.sql.ResultSet getExportedKeys(String p0, String p1, String p2) throws SQLException { return emptyResult("getExportedKeys"); }
    @Override
    public String getExtraNameCharacters() throws SQLException { return ""; }
    @Override
    public java.sql.ResultSet getFunctionColumns(String p0, String p1, String p2, String p3) throws SQLException { return emptyResult("getFunctionColumns"); }
    @Override
    public java.sql.ResultSet getFunctions(String p0, String p1, String p2) throws SQLException { return emptyResult("getFunctions"); }
    @Override
    public java.sql.ResultSet getImportedKeys(String p0, String p1, String p2) throws SQLException { return emptyResult("getImportedKeys"); }
    @Override
    public java.sql.ResultSet getIndexInfo(String p0, String p1, String p2, boolean p3, boolean p4) throws SQLException { return emptyResult("getIndexInfo"); }
    @Override
    public int getMaxBinaryLiteralLength() throws SQLException { return 0; }
    @Override
    public int getMaxCatalogNameLength() throws SQLException { return 0; }
    @Override
    public int getMaxCharLiteralLength() throws SQLException { return 0; }
    @Override
    public int getMaxColumnNameLength() throws SQLException { return 0; }
    @Override
    public int getMaxColumnsInGroupBy() throws SQLException { return 0; }
    @Override
    public int getMaxColumnsInIndex() throws SQLException { return 0; }
    @Override
    public int getMaxColumnsInOrderBy() throws SQLException { return 0; }
    @Override
    public int getMaxColumnsInSelect() throws SQLException { return 0; }
    @Override
    public int getMaxColumnsInTable() throws SQLException { return 0; }
    @Override
    public int getMaxConnections() throws SQLException { return 0; }
    @Override
    public int getMaxCursorNameLength() throws SQLException { return 0; }
    @Override
    public int getMaxIndexLength() throws SQLException { return 0; }
    @Override
    public int getMaxProcedureNameLength() throws SQLException { return 0; }
    @Override
    public int getMaxRowSize() throws SQLException { return 0; }
    @Override
    public int getMaxSchemaNameLength() throws SQLException { return 0; }
    @Override
    public int getMaxStatementLength() throws SQLException { return 0; }
    @Override
    public int getMaxStatements() throws SQLException { return 0; }
    @Override
    public int getMaxTableNameLength() throws SQLException { return 0; }
    @Override
    public int getMaxTablesInSelect() throws SQLException { return 0; }
    @Override
    public int getMaxUserNameLength() throws SQLException { return 0; }
    @Override
    public String getNumericFunctions() throws SQLException { return ""; }
    @Override
    public java.sql.ResultSet getProcedureColumns(String p0, String p1, String p2, String p3) throws SQLException { return emptyResult("getProcedureColumns"); }
    @Override
    public java.sql.ResultSet getProcedures(String p0, String p1, String p2) throws SQLException { return emptyResult("getProcedures"); }
    @Override
    public java.sql.ResultSet getPseudoColumns(String p0, String p1, String p2, String p3) throws SQLException { return emptyResult("getPseudoColumns"); }
    @Override
    public String getSQLKeywords() throws SQLException { return ""; }
    @Override
    public String getStringFunctions() throws SQLException { return ""; }
    @Override
    public java.sql.ResultSet getSuperTables(String p0, String p1, String p2) throws SQLException { return emptyResult("getSuperTables"); }
    @Override
    public java.sql.ResultSet getSuperTypes(String p0, String p1, String p2) throws SQLException { return emptyResult("getSuperTypes"); }
    @Override
    public String getSystemFunctions() throws SQLException { return ""; }
    @Override
    public java.sql.ResultSet getTablePrivileges(String p0, String p1, String p2) throws SQLException { return emptyResult("getTablePrivileges"); }
    @Override
    public String getTimeDateFunctions() throws SQLException { return ""; }
    @Override
    public java.sql.ResultSet getTypeInfo() throws SQLException { return emptyResult("getTypeInfo"); }
    @Override
    public java.sql.ResultSet getUDTs(String p0, String p1, String p2, int[] p3) throws SQLException { return emptyResult("getUDTs"); }
    @Override
    public java.sql.ResultSet getVersionColumns(String p0, String p1, String p2) throws SQLException { return emptyResult("getVersionColumns"); }
    @Override
    public boolean insertsAreDetected(int p0) throws SQLException { return false; }
    @Override
    public boolean isCatalogAtStart() throws SQLException { return false; }
    @Override
    public boolean locatorsUpdateCopy() throws SQLException { return false; }
    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException { return false; }
    @Override
    public boolean nullsAreSortedAtStart() throws SQLException { return false; }
    @Override
    public boolean nullsAreSortedHigh() throws SQLException { return false; }
    @Override
    public boolean othersDeletesAreVisible(int p0) throws SQLException { return false; }
    @Override
    public boolean othersInsertsAreVisible(int p0) throws SQLException { return false; }
    @Override
    public boolean othersUpdatesAreVisible(int p0) throws SQLException { return false; }
    @Override
    public boolean ownDeletesAreVisible(int p0) throws SQLException { return false; }
    @Override
    public boolean ownInsertsAreVisible(int p0) throws SQLException { return false; }
    @Override
    public boolean ownUpdatesAreVisible(int p0) throws SQLException { return false; }
    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException { return false; }
    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException { return false; }
    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException { return false; }
    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException { return false; }
    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException { return false; }
    @Override
    public boolean supportsANSI92FullSQL() throws SQLException { return false; }
    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException { return false; }
    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException { return false; }
    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException { return false; }
    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException { return false; }
    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException { return false; }
    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException { return false; }
    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException { return false; }
    @Override
    public boolean supportsConvert() throws SQLException { return false; }
    @Override
    public boolean supportsConvert(int p0, int p1) throws SQLException { return false; }
    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException { return false; }
    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException { return false; }
    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException { return false; }
    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException { return false; }
    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException { return false; }
    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException { return false; }
    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException { return false; }
    @Override
    public boolean supportsMultipleOpenResults() throws SQLException { return false; }
    @Override
    public boolean supportsMultipleResultSets() throws SQLException { return false; }
    @Override
    public boolean supportsNamedParameters() throws SQLException { return false; }
    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException { return false; }
    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException { return false; }
    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException { return false; }
    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException { return false; }
    @Override
    public boolean supportsPositionedDelete() throws SQLException { return false; }
    @Override
    public boolean supportsPositionedUpdate() throws SQLException { return false; }
    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException { return false; }
    @Override
    public boolean supportsSchemasInIndexDefinitions() throws SQLException { return false; }
    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException { return false; }
    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException { return false; }
    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException { return false; }
    @Override
    public boolean supportsSelectForUpdate() throws SQLException { return false; }
    @Override
    public boolean supportsStatementPooling() throws SQLException { return false; }
    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException { return false; }
    @Override
    public boolean supportsStoredProcedures() throws SQLException { return false; }
    @Override
    public boolean supportsTableCorrelationNames() throws SQLException { return false; }
    @Override
    public boolean updatesAreDetected(int p0) throws SQLException { return false; }
    @Override
    public boolean usesLocalFilePerTable() throws SQLException { return false; }
}
