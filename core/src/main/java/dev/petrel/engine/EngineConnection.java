package dev.petrel.engine;

import dev.petrel.api.Connection;
import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import dev.petrel.btree.BTree;
import dev.petrel.codegen.Compiler;
import dev.petrel.func.AggregateFactory;
import dev.petrel.func.FunctionDef;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.func.ScalarFunction;
import dev.petrel.pager.Pager;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.parser.ParsedStatement;
import dev.petrel.sql.parser.Parser;
import dev.petrel.vfs.MemoryVfs;
import dev.petrel.vfs.Vfs;
import dev.petrel.vm.Program;
import dev.petrel.vm.VmHost;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's {@link Connection}: parses, compiles and runs statements, owns the transaction state (autocommit
 * or an explicit transaction) and the per-connection counters, and is the {@link VmHost} its programs run on.
 *
 * <p>Transaction states: in autocommit mode a statement's {@code Transaction} opcodes open a read or write
 * transaction on each database it uses that ends (commit, or rollback after an error) when the statement finishes;
 * BEGIN leaves autocommit mode until COMMIT/ROLLBACK. Invariant: when autocommit is on and no statement is running,
 * no pager of the connection's databases ({@link ConnectionDatabases}: main, temp, attached) holds a transaction.
 */
public final class EngineConnection implements Connection, VmHost {
    private final EngineDatabase database;
    private final List<EngineStatement> statements = new ArrayList<>();
    private long lastInsertRowid;
    private long changes;
    private long totalChanges;
    /** Set by {@link #interrupt()}, possibly from another thread (JDBC's Statement.cancel). */
    private volatile boolean interrupted;
    private java.util.function.BooleanSupplier progressHandler;
    private int progressInstructions;
    /** Instructions run since the progress handler was last called (counted in steps of the check period). */
    private long progressCount;
    private boolean closed;
    private boolean autocommit = true;
    /** Rows changed by the running statement (its own, and with its triggers'). */
    long statementChanges;
    private long statementTotalChanges;
    /** Main, temp and the attached databases, with the pager savepoints of each. */
    private final ConnectionDatabases databases;
    private long prngState = 0x9E3779B97F4A7C15L;
    private long stepTimeMillis;
    private MemoryVfs tempVfs;
    /** Savepoint names, outermost first; the flag says whether SAVEPOINT began the transaction. */
    private final List<String> savepoints = new ArrayList<>();
    private boolean savepointStartedTxn;
    /** PRAGMA foreign_keys, recursive_triggers, defer_foreign_keys. */
    private boolean foreignKeys;
    private boolean recursiveTriggers;
    private boolean deferForeignKeys;
    /** Deferred foreign key violations of the open transaction, and their count when the statement started. */
    private long deferredViolations;
    private long deferredViolationsAtStatementStart;
    /** Deferred violation counts at each SQL savepoint, parallel to {@link #savepoints}. */
    private final List<Long> savepointViolations = new ArrayList<>();
    /** Statements currently between their first step and their end (they keep autocommit transactions open). */
    int activeStatements;

    /** This connection's application-defined functions, layered over the database's built-ins. */
    private final FunctionRegistry functions;
    /** PRAGMA synchronous, cache_size, page_size, case_sensitive_like and the other settings pragmas. */
    private final ConnectionSettings settings;

    EngineConnection(EngineDatabase database) {
        this.database = database;
        this.functions = new FunctionRegistry(database.functions());
        this.settings = new ConnectionSettings(database);
        this.databases = new ConnectionDatabases(database);
    }

    @Override
    public Object pragmaSetting(String name, String value) {
        return settings.apply(name, value);
    }

    @Override
    public Object pragmaSetting(int db, String name, String value) {
        return settings.apply(databases.get(db).pager(), name, value);
    }

    @Override
    public boolean caseSensitiveLike() {
        return settings.caseSensitiveLike();
    }

    private void checkOpen() {
        if (closed) {
            throw PetrelException.misuse("connection is closed");
        }
    }

    @Override
    public Statement prepare(String sql) {
        checkOpen();
        Parser parser = new Parser(sql);
        ParsedStatement ps = parser.nextStatement();
        if (ps == null) {
            EngineStatement s = new EngineStatement(this, sql, null, null, 0, List.of());
            statements.add(s);
            return s;
        }
        Program p = compile(ps.stmt(), sql, ps.end(), ps.paramNames());
        EngineStatement s = new EngineStatement(this, sql, p, ps.stmt(), ps.end(), ps.paramNames());
        statements.add(s);
        return s;
    }

    Program compile(Stmt stmt, String sql, int end, List<String> params) {
        return Compiler.compile(stmt, databases.catalog(), functions, sql, end, params, compileFlags());
    }

    /**
     * The settings code generation depends on (Compiler.FLAG_*), and from bit 8 on the ATTACH/DETACH generation:
     * a program compiled before the set of databases changed is compiled again (SQLite expires it).
     */
    int compileFlags() {
        return (foreignKeys ? Compiler.FLAG_FOREIGN_KEYS : 0) | (recursiveTriggers ? Compiler.FLAG_RECURSIVE_TRIGGERS
                : 0) | (deferForeignKeys ? Compiler.FLAG_DEFER_FOREIGN_KEYS : 0)
                | (settings.ignoreCheckConstraints() ? Compiler.FLAG_IGNORE_CHECKS : 0) | (databases.generation() << 8);
    }

    /** Forgets the loaded schema of every database (a statement found its schema out of date). */
    void invalidateSchemas() {
        databases.invalidateSchemas();
    }

    @Override
    public void exec(String sql) {
        checkOpen();
        Parser parser = new Parser(sql);
        for (ParsedStatement ps = parser.nextStatement(); ps != null; ps = parser.nextStatement()) {
            Program p = compile(ps.stmt(), sql, ps.end(), ps.paramNames());
            try (EngineStatement s = new EngineStatement(this, sql.substring(ps.start(), ps.end()), p, ps.stmt(),
                    ps.end(), ps.paramNames())) {
                statements.add(s);
                s.sqlForRecompile = sql;
                while (s.step()) {
                    // rows are discarded
                }
            }
        }
    }

    @Override
    public void createFunction(String name, int nArg, int flags, ScalarFunction function) {
        checkFunctionArgs(name, nArg, function);
        functions.registerUser(name, nArg, flags, function, null);
        databases.expireStatements();
    }

    @Override
    public void createAggregate(String name, int nArg, int flags, AggregateFactory factory) {
        checkFunctionArgs(name, nArg, factory);
        functions.registerUser(name, nArg, flags | FunctionDef.NO_WINDOW, null, factory);
        databases.expireStatements();
    }

    @Override
    public void createWindowFunction(String name, int nArg, int flags, AggregateFactory factory) {
        checkFunctionArgs(name, nArg, factory);
        functions.registerUser(name, nArg, flags & ~FunctionDef.NO_WINDOW, null, factory);
        databases.expireStatements();
    }

    @Override
    public void createCollation(String name, java.util.Comparator<String> order) {
        checkOpen();
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw PetrelException.misuse("bad parameter or other API misuse");
        }
        if (dev.petrel.record.Collation.builtin(name) != null) {
            // SQLite lets an application override a built-in only for other text encodings; for UTF-8 text,
            // BINARY/NOCASE/RTRIM stay as they are.
            return;
        }
        functions.registerCollation(name, order == null ? null : dev.petrel.record.Collation.of(name, order));
        databases.expireStatements();
    }

    /** SQLite's checks in sqlite3_create_function: a name of 1..255 bytes, -1 <= nArg <= 127, an implementation. */
    private void checkFunctionArgs(String name, int nArg, Object implementation) {
        checkOpen();
        if (name == null || name.isEmpty() || name.length() > 255 || nArg < -1 || nArg > 127
                || implementation == null) {
            throw PetrelException.misuse("bad parameter or other API misuse");
        }
    }

    @Override
    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    @Override
    public long changes() {
        return changes;
    }

    @Override
    public long totalChanges() {
        return totalChanges;
    }

    @Override
    public boolean isAutocommit() {
        return autocommit;
    }

    @Override
    public void interrupt() {
        interrupted = true;
    }

    @Override
    public void setProgressHandler(int instructions, java.util.function.BooleanSupplier handler) {
        progressHandler = instructions > 0 ? handler : null;
        progressInstructions = instructions;
        progressCount = 0;
    }

    /** Instructions between two looks at the interrupt flag while a statement runs. */
    static final int INTERRUPT_CHECK_PERIOD = 1000;

    @Override
    public int progressPeriod() {
        return progressHandler == null ? INTERRUPT_CHECK_PERIOD
                : Math.min(progressInstructions, INTERRUPT_CHECK_PERIOD);
    }

    @Override
    public boolean progressCheck() {
        if (interrupted) {
            interrupted = false;
            return true;
        }
        java.util.function.BooleanSupplier handler = progressHandler;
        if (handler != null) {
            progressCount += Math.min(progressInstructions, INTERRUPT_CHECK_PERIOD);
            if (progressCount >= progressInstructions) {
                progressCount = 0;
                return handler.getAsBoolean();
            }
        }
        return false;
    }

    boolean takeInterrupt() {
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    void forget(EngineStatement s) {
        statements.remove(s);
    }

    EngineDatabase database() {
        return database;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (EngineStatement s : new ArrayList<>(statements)) {
            s.close();
        }
        databases.endTransaction(true);
        databases.closeOwned();
        closed = true;
        database.forget(this);
    }

    // ---- statement lifecycle -------------------------------------------------------------------------------------

    void statementStarted() {
        activeStatements++;
        statementChanges = 0;
        statementTotalChanges = 0;
        deferredViolationsAtStatementStart = deferredViolations;
        stepTimeMillis = System.currentTimeMillis();
    }

    /** Ends a statement's part of an autocommit transaction: commit, or roll back after an error. */
    void statementEnded(boolean failed, boolean dml, int haltAction) {
        activeStatements = Math.max(0, activeStatements - 1);
        if (dml && (!failed || haltAction == HALT_FAIL)) {
            changes = statementChanges;
        }
        if (!failed || haltAction == HALT_FAIL) {
            totalChanges += statementTotalChanges;
        }
        statementTotalChanges = 0;
        if (haltAction == HALT_ROLLBACK) {
            rollbackAll();
            return;
        }
        if (failed && haltAction != HALT_FAIL) {
            deferredViolations = deferredViolationsAtStatementStart;
        }
        if (haltAction == HALT_FAIL) {
            failed = false;
        }
        databases.endStatement(failed);
        if (autocommit && activeStatements == 0) {
            boolean hadTransaction = databases.anyTransaction();
            try {
                databases.endTransaction(failed);
            } finally {
                if (hadTransaction) {
                    transactionEnded();
                }
            }
        }
    }

    static final int HALT_ROLLBACK = 1;
    static final int HALT_FAIL = 3;

    /** After an error that SQLite answers by rolling back the whole transaction (ON CONFLICT ROLLBACK). */
    void rollbackAll() {
        databases.rollbackWrites();
        autocommit = true;
        savepoints.clear();
        transactionEnded();
    }

    /** Foreign key state that lives as long as a transaction. */
    private void transactionEnded() {
        deferredViolations = 0;
        deferForeignKeys = false;
        savepointViolations.clear();
    }

    // ---- VmHost ------------------------------------------------------------------------------------------------

    @Override
    public BTree btree() {
        return btree(0);
    }

    @Override
    public BTree btree(int db) {
        return databases.get(db).database.btree();
    }

    @Override
    public void beginTransaction(boolean write) {
        beginTransaction(0, write);
    }

    @Override
    public void beginTransaction(int db, boolean write) {
        if (write && settings.queryOnly()) {
            // PRAGMA query_only: no database of the connection may be written, temp included (as SQLite).
            throw new PetrelException(dev.petrel.api.ResultCode.READONLY, null);
        }
        // Inside a transaction a write statement gets a savepoint on each database it writes: an aborted statement
        // undoes only itself.
        databases.begin(db, write, !autocommit, savepoints.size());
    }

    @Override
    public int loadedSchemaCookie() {
        return database.schema().cookie;
    }

    @Override
    public int databaseSchemaCookie() {
        return databaseSchemaCookie(0);
    }

    @Override
    public int databaseSchemaCookie(int db) {
        return readCookie(db, 1);
    }

    @Override
    public int readCookie(int cookie) {
        return readCookie(0, cookie);
    }

    @Override
    public int readCookie(int db, int cookie) {
        Pager pager = databases.get(db).pager();
        return pager.pageCount() == 0 ? 0 : pager.getHeaderInt(cookieOffset(cookie));
    }

    @Override
    public void writeCookie(int cookie, int value) {
        writeCookie(0, cookie, value);
    }

    @Override
    public void writeCookie(int db, int cookie, int value) {
        databases.get(db).pager().setHeaderInt(cookieOffset(cookie), value);
        if (db == dev.petrel.schema.Schema.TEMP_DB && cookie == SCHEMA_COOKIE) {
            databases.expireStatements();
        }
    }

    @Override
    public int pageCount() {
        return pageCount(0);
    }

    @Override
    public int pageCount(int db) {
        return databases.get(db).pager().pageCount();
    }

    @Override
    public void attach(Object file, Object name) {
        databases.attach(text(file), text(name));
    }

    @Override
    public void detach(Object name) {
        databases.detach(text(name));
    }

    /** An ATTACH/DETACH operand as text (NULL as the empty string, as SQLite reads it). */
    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v.toString();
    }

    @Override
    public String journalMode(String mode) {
        return journalMode(0, mode);
    }

    @Override
    public String journalMode(int db, String mode) {
        EngineDatabase database = databases.get(db).database;
        dev.petrel.pager.Pager pager = database.pager();
        if (mode != null && !database.isMemory()) {
            for (dev.petrel.pager.JournalMode m : dev.petrel.pager.JournalMode.values()) {
                if (m.pragmaName().equalsIgnoreCase(mode)) {
                    pager.setJournalMode(m);
                }
            }
        }
        return pager.journalMode().pragmaName();
    }

    /** The VM's cookie number of the schema version (SQLite's BTREE_SCHEMA_VERSION). */
    private static final int SCHEMA_COOKIE = 1;

    /** Header offsets of the VM's cookie numbers (SQLite's BTREE_* meta indexes). */
    private static int cookieOffset(int cookie) {
        switch (cookie) {
            case 0:
                return dev.petrel.pager.FileHeader.FREELIST_COUNT_OFFSET;
            case 6:
                return dev.petrel.pager.FileHeader.USER_VERSION_OFFSET;
            case 8:
                return dev.petrel.pager.FileHeader.APPLICATION_ID_OFFSET;
            default:
                return dev.petrel.pager.FileHeader.SCHEMA_COOKIE_OFFSET;
        }
    }

    @Override
    public void vacuum(Object into) {
        vacuum(0, into);
    }

    @Override
    public void vacuum(int db, Object into) {
        Vacuum.run(this, databases.get(db).database, into);
    }

    @Override
    public void schemaChanged() {
        databases.invalidateSchemas();
    }

    @Override
    public void setAutocommit(boolean on, boolean rollback) {
        if (!on) {
            if (!autocommit) {
                throw PetrelException.error("cannot start a transaction within a transaction");
            }
            autocommit = false;
            return;
        }
        if (autocommit) {
            throw PetrelException.error(rollback ? "cannot rollback - no transaction is active"
                    : "cannot commit - no transaction is active");
        }
        if (!rollback && deferredViolations > 0) {
            throw new PetrelException(dev.petrel.api.ResultCode.CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed");
        }
        try {
            databases.endTransaction(rollback);
        } finally {
            transactionEnded();
            autocommit = true;
            savepointStartedTxn = false;
            savepoints.clear();
        }
    }

    @Override
    public void savepoint(int op, String name) {
        if (op == 0) {
            if (autocommit) {
                autocommit = false;
                savepointStartedTxn = true;
                savepoints.clear();
            }
            beginTransaction(0, true);
            databases.releaseStatementSavepoints();
            savepoints.add(name);
            databases.openSavepoint();
            savepointViolations.add(deferredViolations);
            return;
        }
        int at = -1;
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).equalsIgnoreCase(name)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw PetrelException.error("no such savepoint: " + name);
        }
        if (op == 1) {
            databases.releaseSavepoint(at);
            if (at == 0 && savepointStartedTxn && deferredViolations > 0) {
                throw new PetrelException(dev.petrel.api.ResultCode.CONSTRAINT_FOREIGNKEY,
                        "FOREIGN KEY constraint failed");
            }
            while (savepoints.size() > at) {
                savepoints.remove(savepoints.size() - 1);
                savepointViolations.remove(savepointViolations.size() - 1);
            }
            if (savepoints.isEmpty() && savepointStartedTxn) {
                transactionEnded();
                autocommit = true;
                savepointStartedTxn = false;
                databases.endTransaction(false);
            }
            return;
        }
        databases.rollbackToSavepoint(at);
        deferredViolations = savepointViolations.get(at);
        while (savepoints.size() > at + 1) {
            savepoints.remove(savepoints.size() - 1);
            savepointViolations.remove(savepointViolations.size() - 1);
        }
    }

    @Override
    public void setLastInsertRowid(long rowid) {
        lastInsertRowid = rowid;
    }

    @Override
    public void countChange() {
        statementChanges++;
        statementTotalChanges++;
    }

    @Override
    public void setChanges(long n) {
        changes = n;
    }

    @Override
    public void countTriggerChange() {
        statementTotalChanges++;
    }

    @Override
    public long connectionFlag(String name, int value) {
        boolean on = value > 0;
        switch (name) {
            case "foreign_keys":
                if (value >= 0 && autocommit) {
                    // As SQLite: a no-op inside a transaction.
                    foreignKeys = on;
                }
                return foreignKeys ? 1 : 0;
            case "recursive_triggers":
                if (value >= 0) {
                    recursiveTriggers = on;
                }
                return recursiveTriggers ? 1 : 0;
            default:
                if (value >= 0) {
                    // As SQLite: the setting ends with the transaction, so in autocommit mode it ends at once.
                    deferForeignKeys = on && !autocommit;
                }
                return deferForeignKeys ? 1 : 0;
        }
    }

    @Override
    public boolean deferForeignKeys() {
        return deferForeignKeys;
    }

    @Override
    public long deferredForeignKeyViolations() {
        return deferredViolations;
    }

    @Override
    public void addDeferredForeignKeyViolations(long n) {
        deferredViolations += n;
    }

    @Override
    public boolean autocommitForeignKeys() {
        return autocommit;
    }

    @Override
    public Vfs tempVfs() {
        if (tempVfs == null) {
            tempVfs = new MemoryVfs("temp");
        }
        return tempVfs;
    }

    @Override
    public long nextRandomLong() {
        // SplitMix64: deterministic, TeaVM-safe.
        long z = (prngState += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nowEpochMillis() {
        return stepTimeMillis;
    }
}
