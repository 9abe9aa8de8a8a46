package dev.petrel.jdbc;

import dev.petrel.Petrel;
import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Catalogue information: product facts, capabilities, and the tables and columns of the main database (and, as
 * sqlite-jdbc lists them, the temp database's objects as GLOBAL TEMPORARY tables).
 *
 * <p>Tables come from {@code SELECT name, type, sql FROM sqlite_schema}, columns and primary keys from
 * {@code PRAGMA table_info}; JDBC name patterns ({@code %}, {@code _}, escape {@code \}) are matched here,
 * case-insensitively as SQLite's LIKE does. Column rows use sqlite-jdbc's type mapping for {@code getColumns}
 * (declared types containing INT are INTEGER, REAL/FLOA/DOUB are FLOAT, everything else VARCHAR). The product is
 * "Petrel" with Petrel's version; the SQLite version it follows is {@link Petrel#SQLITE_VERSION}.
 */
final class PetrelDatabaseMetaData extends DatabaseMetaDataBase implements SelfWrapper {
    private static final int SIZE_UNLIMITED = 2_000_000_000;
    /** The table type of the temp database's objects. */
    private static final String TEMP_TYPE = "GLOBAL TEMPORARY";
    private static final String[] TABLE_COLUMNS = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE",
        "REMARKS", "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION"};
    private static final String[] COLUMN_COLUMNS = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
        "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE",
        "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
        "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE", "IS_AUTOINCREMENT",
        "IS_GENERATEDCOLUMN"};
    private static final String[] PK_COLUMNS = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ",
        "PK_NAME"};

    private final PetrelConnection connection;
    private final PetrelStatement owner;

    PetrelDatabaseMetaData(PetrelConnection connection) {
        this.connection = connection;
        this.owner = new PetrelStatement(connection);
    }

    private ResultSet rows(String[] names, List<Object[]> rows) {
        return new PetrelResultSet(owner, new Cursor.OfRows(names, rows), 0);
    }

    @Override
    ResultSet emptyResult(String what) {
        return rows(new String[0], new ArrayList<>());
    }

    /** Runs a catalogue query and returns its rows as storage values. */
    private List<Object[]> query(String sql) throws SQLException {
        connection.checkOpen();
        List<Object[]> out = new ArrayList<>();
        try (Statement s = connection.api().prepare(sql)) {
            while (s.step()) {
                Object[] row = new Object[s.columnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = s.columnValue(i);
                }
                out.add(row);
            }
        } catch (PetrelException e) {
            throw PetrelSQLException.of(e);
        }
        return out;
    }

    /** Whether {@code name} matches the JDBC pattern (null matches everything), ignoring ASCII case. */
    static boolean matches(String pattern, String name) {
        if (pattern == null) {
            return true;
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.CASE_INSENSITIVE
                | java.util.regex.Pattern.DOTALL).matcher(name).matches();
    }

    /** Tables and views as {name, JDBC type, sql}, filtered by pattern and types. */
    private List<String[]> tables(String pattern, String[] types) throws SQLException {
        List<String[]> out = new ArrayList<>();
        for (Object[] r : query("SELECT name, type, sql FROM sqlite_schema WHERE type IN ('table','view')")) {
            String name = (String) r[0];
            boolean system = name.toLowerCase(Locale.ROOT).startsWith("sqlite_");
            String type = (system ? "SYSTEM " : "") + ((String) r[1]).toUpperCase(Locale.ROOT);
            if (matches(pattern, name) && (types == null || Arrays.asList(types).contains(type))) {
                out.add(new String[] {name, type, (String) r[2]});
            }
        }
        // As sqlite-jdbc: every object of the temp database is a GLOBAL TEMPORARY table (attached databases are
        // not listed: JDBC schemas are not mapped to them).
        for (Object[] r : query("SELECT name, sql FROM sqlite_temp_schema")) {
            String name = (String) r[0];
            if (matches(pattern, name) && (types == null || Arrays.asList(types).contains(TEMP_TYPE))) {
                out.add(new String[] {name, TEMP_TYPE, (String) r[1]});
            }
        }
        return out;
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<String[]> tables = tables(tableNamePattern, types);
        tables.sort(Comparator.<String[], String>comparing(t -> t[1]).thenComparing(t -> t[0]));
        List<Object[]> rows = new ArrayList<>();
        for (String[] t : tables) {
            rows.add(new Object[] {null, null, t[0], t[1], null, null, null, null, null, null});
        }
        return rows(TABLE_COLUMNS, rows);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (String t : new String[] {TEMP_TYPE, "SYSTEM TABLE", "TABLE", "VIEW"}) {
            rows.add(new Object[] {t});
        }
        return rows(new String[] {"TABLE_TYPE"}, rows);
    }

    @Override
    public ResultSet getSchemas() {
        return rows(new String[] {"TABLE_SCHEM", "TABLE_CATALOG"}, new ArrayList<>());
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) {
        return getSchemas();
    }

    @Override
    public ResultSet getCatalogs() {
        return rows(new String[] {"TABLE_CAT"}, new ArrayList<>());
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * {@code PRAGMA table_info} rows (cid, name, type, notnull, dflt_value, pk). If the engine answers the pragma
     * with no rows, the columns are taken from preparing {@code SELECT * FROM table} instead: names and declared
     * types are exact, NOT NULL, defaults and keys are then unknown (reported as nullable, no default, no key).
     */
    private List<Object[]> tableInfo(String table) throws SQLException {
        List<Object[]> rows = query("PRAGMA table_info(" + quoted(table) + ")");
        if (!rows.isEmpty()) {
            return rows;
        }
        connection.checkOpen();
        try (Statement s = connection.api().prepare("SELECT * FROM " + quoted(table))) {
            for (int i = 0; i < s.columnCount(); i++) {
                rows.add(new Object[] {(long) i, s.columnName(i), s.columnDeclType(i), 0L, null, 0L});
            }
        } catch (PetrelException e) {
            throw PetrelSQLException.of(e);
        }
        return rows;
    }

    /** sqlite-jdbc's DATA_TYPE for a declared type in getColumns. */
    private static int columnDataType(String declared) {
        String t = declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return Types.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Types.VARCHAR;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Types.FLOAT;
        }
        return Types.VARCHAR;
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<String[]> tables = tables(tableNamePattern, null);
        tables.sort(Comparator.comparing(t -> t[0]));
        for (String[] t : tables) {
            boolean autoincrement = t[2] != null && t[2].toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
            for (Object[] c : tableInfo(t[0])) {
                String name = (String) c[1];
                if (!matches(columnNamePattern, name)) {
                    continue;
                }
                String declared = c[2] == null ? "" : ((String) c[2]).toUpperCase(Locale.ROOT);
                int paren = declared.indexOf('(');
                if (paren >= 0) {
                    declared = declared.substring(0, paren).trim();
                }
                int dataType = columnDataType(declared);
                boolean notNull = c[3] instanceof Long && (Long) c[3] != 0;
                boolean pk = c[5] instanceof Long && (Long) c[5] != 0;
                int ordinal = (int) ((Long) c[0] + 1);
                rows.add(new Object[] {null, null, t[0], name, (long) dataType, declared, (long) SIZE_UNLIMITED,
                    (long) SIZE_UNLIMITED, dataType == Types.FLOAT || declared.isEmpty() ? 10L : 0L, 10L,
                    notNull ? 0L : 1L, null, c[4], 0L, 0L, (long) SIZE_UNLIMITED, (long) ordinal,
                    notNull ? "NO" : "YES", null, null, null, null,
                    autoincrement && pk && declared.equals("INTEGER") ? "YES" : "NO", "NO"});
            }
        }
        return rows(COLUMN_COLUMNS, rows);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (String[] t : tables(table == null ? null : table.replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_"), null)) {
            List<Object[]> keys = new ArrayList<>();
            for (Object[] c : tableInfo(t[0])) {
                if (c[5] instanceof Long && (Long) c[5] != 0) {
                    keys.add(new Object[] {null, null, t[0], c[1], c[5], null});
                }
            }
            keys.sort(Comparator.comparing(k -> (String) k[3]));
            rows.addAll(keys);
        }
        return rows(PK_COLUMNS, rows);
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getURL() {
        return connection.url();
    }

    @Override
    public String getUserName() {
        return null;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public String getDatabaseProductName() {
        return "Petrel";
    }

    @Override
    public String getDatabaseProductVersion() {
        return Petrel.VERSION;
    }

    @Override
    public int getDatabaseMajorVersion() {
        return PetrelDriver.majorVersion();
    }

    @Override
    public int getDatabaseMinorVersion() {
        return PetrelDriver.minorVersion();
    }

    @Override
    public String getDriverName() {
        return "Petrel JDBC";
    }

    @Override
    public String getDriverVersion() {
        return Petrel.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return PetrelDriver.majorVersion();
    }

    @Override
    public int getDriverMinorVersion() {
        return PetrelDriver.minorVersion();
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "not_implemented";
    }

    @Override
    public boolean usesLocalFiles() {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        return true;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return true;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return true;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_VALID_FOREVER;
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }
}
