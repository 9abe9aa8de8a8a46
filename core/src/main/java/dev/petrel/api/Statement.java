package dev.petrel.api;

/**
 * A prepared statement, as {@code sqlite3_stmt}: bind parameters, step through result rows, read columns, reset.
 *
 * <p>State machine (as SQLite's):
 * <pre>
 *   READY --step()=true--> ROW --step()=true--> ROW
 *     ^                     |                    |
 *     |                 step()=false         step()=false
 *     |                     v                    v
 *     +------reset()------ DONE &lt;--------------+
 *   any state --close()--> FINALIZED (every call but close() is then SQLITE_MISUSE)
 * </pre>
 * Parameters are numbered from 1; columns from 0. Column getters are valid only in ROW. Values are Petrel's storage
 * values: {@code null}, {@code Long}, {@code Double}, {@code String}, {@code byte[]}.
 */
public interface Statement extends AutoCloseable {
    /** The number of the largest parameter ({@code sqlite3_bind_parameter_count}). */
    int parameterCount();

    /** The index of a named parameter including its prefix ({@code ":name"}), or 0 if there is none. */
    int parameterIndex(String name);

    /** The name of parameter {@code index} with its prefix, or null for a nameless {@code ?}. */
    String parameterName(int index);

    /** Binds a storage value (null, Long/Integer/Short/Byte, Double/Float, String, byte[]; Boolean as 0/1). */
    void bind(int index, Object value);

    /** Sets every parameter back to NULL. */
    void clearBindings();

    /**
     * Runs the statement to its next row.
     *
     * @return true if a row is available, false when the statement has finished
     */
    boolean step();

    /** The number of result columns (0 for statements that return no data). */
    int columnCount();

    /** The name of result column {@code index} (its alias, or as SQLite names it). */
    String columnName(int index);

    /** The declared type of a result column that is a table column, else null. */
    String columnDeclType(int index);

    /** The {@link ColumnType} of column {@code index} in the current row. */
    int columnType(int index);

    /** The value of column {@code index} in the current row. */
    Object columnValue(int index);

    /** Column {@code index} converted as {@code sqlite3_column_int64} does. */
    long columnLong(int index);

    /** Column {@code index} converted as {@code sqlite3_column_double} does. */
    double columnDouble(int index);

    /** Column {@code index} converted as {@code sqlite3_column_text} does (null for NULL). */
    String columnText(int index);

    /** Column {@code index} converted as {@code sqlite3_column_blob} does (null for NULL). */
    byte[] columnBlob(int index);

    /** Whether the statement makes no direct change to the database ({@code sqlite3_stmt_readonly}). */
    boolean isReadOnly();

    /** The SQL text of this statement. */
    String sql();

    /** Rewinds the statement to READY, keeping bindings. */
    void reset();

    /** Finalizes the statement. */
    @Override
    void close();
}
