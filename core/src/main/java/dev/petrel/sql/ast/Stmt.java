package dev.petrel.sql.ast;

import java.util.List;

/**
 * A statement. {@code sourceText} fields on CREATE statements hold the statement exactly as written (without the
 * trailing ';'). {@code nameOffset} is the character offset of the object name token itself (after any
 * {@code schema.} prefix): sqlite_schema keeps {@code "CREATE TABLE " + text from the name on}, dropping TEMP,
 * IF NOT EXISTS and the schema prefix, and the schema layer can rebuild that from these two fields.
 */
public sealed interface Stmt extends Node permits Select, Stmt.Insert, Stmt.Update, Stmt.Delete, Stmt.CreateTable,
        Stmt.CreateIndex, Stmt.CreateView, Stmt.CreateTrigger, Stmt.CreateVirtualTable, Stmt.Drop, Stmt.AlterTable,
        Stmt.Begin, Stmt.Commit, Stmt.Rollback, Stmt.Savepoint, Stmt.Release, Stmt.Pragma, Stmt.Vacuum, Stmt.Attach,
        Stmt.Detach, Stmt.Reindex, Stmt.Analyze, Stmt.Explain {

    /**
     * {@code [WITH ..] INSERT [OR action] INTO [schema.]table [AS alias] [(columns)] source [upserts] [RETURNING ..]}.
     * {@code REPLACE INTO} is stored as OR REPLACE. select is null for DEFAULT VALUES (VALUES is a Select whose
     * body is {@link SelectBody.Values}).
     */
    record Insert(int pos, With with, ConflictAction orAction, String schema, String table, String alias,
                  List<String> columns, Select select, boolean defaultValues, List<Upsert> upserts,
                  List<ResultColumn> returning) implements Stmt {}

    record Update(int pos, With with, ConflictAction orAction, QualifiedTable table, List<SetClause> sets,
                  TableSource from, Expr where, List<ResultColumn> returning, List<OrderingTerm> orderBy,
                  Limit limit) implements Stmt {}

    record Delete(int pos, With with, QualifiedTable table, Expr where, List<ResultColumn> returning,
                  List<OrderingTerm> orderBy, Limit limit) implements Stmt {}

    /**
     * CREATE TABLE: either columns (with constraints and options) or asSelect is set. withoutRowid/strict are the
     * table options.
     */
    record CreateTable(int pos, boolean temp, boolean ifNotExists, String schema, String name,
                       List<ColumnDef> columns, List<TableConstraint> constraints, boolean withoutRowid,
                       boolean strict, Select asSelect, String sourceText, int nameOffset) implements Stmt {}

    record CreateIndex(int pos, boolean unique, boolean ifNotExists, String schema, String name, String table,
                       List<IndexedColumn> columns, Expr where, String sourceText, int nameOffset) implements Stmt {}

    record CreateView(int pos, boolean temp, boolean ifNotExists, String schema, String name, List<String> columns,
                      Select select, String sourceText, int nameOffset) implements Stmt {}

    enum TriggerTime { NONE, BEFORE, AFTER, INSTEAD_OF }

    enum TriggerEvent { DELETE, INSERT, UPDATE }

    /** CREATE TRIGGER; updateColumns is empty unless {@code UPDATE OF cols}; body holds Insert/Update/Delete/Select. */
    record CreateTrigger(int pos, boolean temp, boolean ifNotExists, String schema, String name, TriggerTime time,
                         TriggerEvent event, List<String> updateColumns, String tableSchema, String table,
                         boolean forEachRow,
                         Expr when, List<Stmt> body, String sourceText, int nameOffset) implements Stmt {}

    /** CREATE VIRTUAL TABLE .. USING module[(args)]: each argument kept as its source text (trimmed). */
    record CreateVirtualTable(int pos, boolean ifNotExists, String schema, String name, String module,
                              List<String> args, String sourceText, int nameOffset) implements Stmt {}

    enum ObjectKind { TABLE, INDEX, VIEW, TRIGGER }

    record Drop(int pos, ObjectKind kind, boolean ifExists, String schema, String name) implements Stmt {}

    /** One ALTER TABLE action. */
    sealed interface AlterAction permits RenameTable, RenameColumn, AddColumn, DropColumn {}

    record RenameTable(String newName) implements AlterAction {}

    record RenameColumn(String oldName, String newName) implements AlterAction {}

    /** ADD [COLUMN] def; sourceText is the column definition as written (SQLite splices it into the schema). */
    record AddColumn(ColumnDef column, String sourceText) implements AlterAction {}

    record DropColumn(String name) implements AlterAction {}

    record AlterTable(int pos, String schema, String table, AlterAction action) implements Stmt {}

    enum TransactionMode { NONE, DEFERRED, IMMEDIATE, EXCLUSIVE, CONCURRENT }

    record Begin(int pos, TransactionMode mode) implements Stmt {}

    /** COMMIT or END [TRANSACTION]. */
    record Commit(int pos) implements Stmt {}

    /** ROLLBACK [TRANSACTION] [TO [SAVEPOINT] name]: savepoint null for a full rollback. */
    record Rollback(int pos, String savepoint) implements Stmt {}

    record Savepoint(int pos, String name) implements Stmt {}

    record Release(int pos, String name) implements Stmt {}

    /**
     * {@code PRAGMA [schema.]name [= value | (value)]}: value null when absent, else its text dequoted, with a
     * leading '-' for negative numbers ({@code "-2000"}, {@code "ON"}, {@code "wal"}).
     */
    record Pragma(int pos, String schema, String name, String value) implements Stmt {}

    /** VACUUM [schema] [INTO expr]. */
    record Vacuum(int pos, String schema, Expr into) implements Stmt {}

    /** ATTACH [DATABASE] file AS schema [KEY key]: key null when absent. */
    record Attach(int pos, Expr file, Expr schema, Expr key) implements Stmt {}

    record Detach(int pos, Expr schema) implements Stmt {}

    /** REINDEX [[schema.]name]: both null for a bare REINDEX; name alone may be a collation, table or index. */
    record Reindex(int pos, String schema, String name) implements Stmt {}

    record Analyze(int pos, String schema, String name) implements Stmt {}

    record Explain(int pos, boolean queryPlan, Stmt stmt) implements Stmt {}
}
