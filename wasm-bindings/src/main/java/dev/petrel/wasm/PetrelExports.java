package dev.petrel.wasm;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.api.Statement;
import dev.petrel.opfs.OpfsVfs;
import dev.petrel.opfs.TransferBenchmark;
import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The functions the WebAssembly module exports to JavaScript: a C-API-shaped surface over {@code dev.petrel.api}.
 *
 * <p>JavaScript holds integer handles, never Java objects. Calls that can fail return a status ({@link #OK},
 * {@link #ROW}, {@link #DONE}, or -1 for "failed") and leave the failure in {@link #errorCode()} /
 * {@link #errorName()} / {@link #errorMessage()}, as {@code sqlite3_errcode} / {@code sqlite3_errmsg} do: no Java
 * exception ever crosses into JavaScript. Java {@code long} values cross as BigInt. The worker script of the
 * {@code petrel-db} npm package is the only caller.
 */
public final class PetrelExports {
    static final int OK = 0;
    static final int ROW = 100;
    static final int DONE = 101;
    static final int FAILED = -1;

    private static final OpfsVfs OPFS = new OpfsVfs();
    private static final Map<Integer, Database> DATABASES = new HashMap<>();
    private static final Map<Integer, Connection> CONNECTIONS = new HashMap<>();
    private static final Map<Integer, Statement> STATEMENTS = new HashMap<>();
    private static int nextHandle = 1;
    private static int lastErrorCode;
    private static String lastErrorName = "SQLITE_OK";
    private static String lastErrorMessage = "not an error";
    private static int lastErrorOffset = -1;

    private PetrelExports() {
    }

    private static void clearError() {
        lastErrorCode = 0;
        lastErrorName = "SQLITE_OK";
        lastErrorMessage = "not an error";
        lastErrorOffset = -1;
    }

    private static int fail(Throwable t) {
        if (t instanceof PetrelException) {
            PetrelException e = (PetrelException) t;
            lastErrorCode = e.code().code;
            lastErrorName = e.code().sqliteName();
            lastErrorMessage = e.getMessage();
            lastErrorOffset = e.errorOffset();
        } else {
            lastErrorCode = ResultCode.INTERNAL.code;
            lastErrorName = ResultCode.INTERNAL.sqliteName();
            lastErrorMessage = "internal error: " + t;
        }
        return FAILED;
    }

    private static Statement stmt(int handle) {
        Statement s = STATEMENTS.get(handle);
        if (s == null) {
            throw PetrelException.misuse("no such statement handle: " + handle);
        }
        return s;
    }

    /** Petrel's version. */
    @JSExport
    public static String version() {
        return Petrel.VERSION;
    }

    /** The SQLite version whose format and dialect Petrel follows. */
    @JSExport
    public static String sqliteVersion() {
        return Petrel.SQLITE_VERSION;
    }

    /** Opens a private in-memory database and a connection on it; returns the connection handle or -1. */
    @JSExport
    public static int open(String path) {
        clearError();
        try {
            return register(Petrel.openMemory());
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /**
     * Opens the OPFS database {@code path} (the worker has registered the sync access handles of the file, its
     * journal and its WAL) and a connection on it; returns the connection handle or -1. Opening rolls back a hot
     * journal or recovers the WAL left by a previous owner.
     */
    @JSExport
    public static int openOpfs(String path) {
        clearError();
        try {
            return register(Petrel.open(OPFS, path));
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /** Runs every statement of {@code sql}, discarding rows; {@link #OK} or -1. */
    @JSExport
    public static int exec(int db, String sql) {
        clearError();
        try {
            Connection c = CONNECTIONS.get(db);
            if (c == null) {
                throw PetrelException.misuse("database is closed");
            }
            c.exec(sql);
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /**
     * Benchmark of the OPFS page path: moves {@code pages} pages of {@code pageSize} bytes between the registered
     * file {@code path} and Java arrays ({@code write} true: Java to OPFS) with transfer mode {@code mode} (0 staged
     * through linear memory, 1 copied through a JS array). Returns a checksum so the work cannot be skipped.
     */
    @JSExport
    public static int benchTransfer(String path, int pageSize, int pages, boolean write, int mode) {
        clearError();
        try {
            return TransferBenchmark.run(path, pageSize, pages, write, mode);
        } catch (Throwable t) {
            return fail(t);
        }
    }

    private static int register(Database db) {
        try {
            Connection c = db.connect();
            int h = nextHandle++;
            DATABASES.put(h, db);
            CONNECTIONS.put(h, c);
            return h;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Closes a connection and its database. */
    @JSExport
    public static int close(int db) {
        clearError();
        try {
            Connection c = CONNECTIONS.remove(db);
            Database d = DATABASES.remove(db);
            if (c != null) {
                c.close();
            }
            if (d != null) {
                d.close();
            }
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /** Prepares the first statement of {@code sql}; returns a statement handle or -1. */
    @JSExport
    public static int prepare(int db, String sql) {
        clearError();
        try {
            Connection c = CONNECTIONS.get(db);
            if (c == null) {
                throw PetrelException.misuse("database is closed");
            }
            Statement s = c.prepare(sql);
            int h = nextHandle++;
            STATEMENTS.put(h, s);
            return h;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    @JSExport
    public static int parameterCount(int stmt) {
        return STATEMENTS.containsKey(stmt) ? stmt(stmt).parameterCount() : 0;
    }

    @JSExport
    public static int parameterIndex(int stmt, String name) {
        return STATEMENTS.containsKey(stmt) ? stmt(stmt).parameterIndex(name) : 0;
    }

    @JSExport
    public static String parameterName(int stmt, int index) {
        return STATEMENTS.containsKey(stmt) ? stmt(stmt).parameterName(index) : null;
    }

    private static int bind(int stmt, int index, Object value) {
        clearError();
        try {
            stmt(stmt).bind(index, value);
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    @JSExport
    public static int bindNull(int stmt, int index) {
        return bind(stmt, index, null);
    }

    @JSExport
    public static int bindDouble(int stmt, int index, double value) {
        return bind(stmt, index, value);
    }

    @JSExport
    public static int bindLong(int stmt, int index, long value) {
        return bind(stmt, index, value);
    }

    @JSExport
    public static int bindText(int stmt, int index, String value) {
        return bind(stmt, index, value);
    }

    @JSExport
    public static int bindBlob(int stmt, int index, Int8Array value) {
        return bind(stmt, index, value.copyToJavaArray());
    }

    @JSExport
    public static int clearBindings(int stmt) {
        clearError();
        try {
            stmt(stmt).clearBindings();
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /** Steps a statement: {@link #ROW}, {@link #DONE} or -1. */
    @JSExport
    public static int step(int stmt) {
        clearError();
        try {
            return stmt(stmt).step() ? ROW : DONE;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    @JSExport
    public static int reset(int stmt) {
        clearError();
        try {
            stmt(stmt).reset();
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    @JSExport
    public static int finalizeStatement(int stmt) {
        clearError();
        Statement s = STATEMENTS.remove(stmt);
        if (s != null) {
            s.close();
        }
        return OK;
    }

    @JSExport
    public static boolean isReadOnly(int stmt) {
        return stmt(stmt).isReadOnly();
    }

    @JSExport
    public static int columnCount(int stmt) {
        return stmt(stmt).columnCount();
    }

    @JSExport
    public static String columnName(int stmt, int index) {
        return stmt(stmt).columnName(index);
    }

    @JSExport
    public static int columnType(int stmt, int index) {
        return stmt(stmt).columnType(index);
    }

    @JSExport
    public static double columnDouble(int stmt, int index) {
        return stmt(stmt).columnDouble(index);
    }

    @JSExport
    public static long columnLong(int stmt, int index) {
        return stmt(stmt).columnLong(index);
    }

    /** Whether INTEGER column {@code index} fits a JavaScript number exactly (|v| &lt;= 2^53 - 1). */
    @JSExport
    public static boolean columnIsSafeInteger(int stmt, int index) {
        long v = stmt(stmt).columnLong(index);
        return v >= -9007199254740991L && v <= 9007199254740991L;
    }

    @JSExport
    public static String columnText(int stmt, int index) {
        return stmt(stmt).columnText(index);
    }

    @JSExport
    public static Int8Array columnBlob(int stmt, int index) {
        byte[] b = stmt(stmt).columnBlob(index);
        return Int8Array.copyFromJavaArray(b == null ? new byte[0] : b);
    }

    /**
     * Registers the JavaScript function {@code fnId} of the worker's function table as SQL function {@code name}
     * on connection {@code db}: a scalar, or an aggregate; with an inverse step ({@code hasInverse}) the aggregate is
     * also a window function, without one it may not be used with OVER (SQLite's rule for such aggregates).
     * {@code nArg} is the argument count or -1 for any; {@code flags} as {@code Connection.createFunction}.
     */
    @JSExport
    public static int createFunction(int db, String name, int nArg, int flags, int fnId, boolean aggregate,
            boolean hasInverse) {
        clearError();
        try {
            Connection c = CONNECTIONS.get(db);
            if (c == null) {
                throw PetrelException.misuse("database is closed");
            }
            if (aggregate && hasInverse) {
                // With an inverse it is a window function too (usable with OVER), as better-sqlite3 registers it.
                c.createWindowFunction(name, nArg, flags, () -> JsFunctions.aggregate(fnId, true));
            } else if (aggregate) {
                c.createAggregate(name, nArg, flags, () -> JsFunctions.aggregate(fnId, false));
            } else {
                c.createFunction(name, nArg, flags, JsFunctions.scalar(fnId));
            }
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    /**
     * Registers the JavaScript collation {@code collId} of the worker's table as collating sequence {@code name} on
     * connection {@code db} ({@code Connection.createCollation}); {@code collId} 0 removes the collation.
     */
    @JSExport
    public static int createCollation(int db, String name, int collId) {
        clearError();
        try {
            Connection c = CONNECTIONS.get(db);
            if (c == null) {
                throw PetrelException.misuse("database is closed");
            }
            c.createCollation(name, collId == 0 ? null : JsFunctions.collation(collId));
            return OK;
        } catch (Throwable t) {
            return fail(t);
        }
    }

    // Argument and result registers of a JavaScript SQL function call (see JsFunctions).

    @JSExport
    public static int fnArgCount() {
        return JsFunctions.fnArgCount();
    }

    @JSExport
    public static int fnArgType(int i) {
        return JsFunctions.fnArgType(i);
    }

    @JSExport
    public static long fnArgLong(int i) {
        return JsFunctions.fnArgLong(i);
    }

    @JSExport
    public static double fnArgDouble(int i) {
        return JsFunctions.fnArgDouble(i);
    }

    @JSExport
    public static String fnArgText(int i) {
        return JsFunctions.fnArgText(i);
    }

    @JSExport
    public static Int8Array fnArgBlob(int i) {
        return JsFunctions.fnArgBlob(i);
    }

    @JSExport
    public static void fnResultNull() {
        JsFunctions.fnResultNull();
    }

    @JSExport
    public static void fnResultLong(long v) {
        JsFunctions.fnResultLong(v);
    }

    @JSExport
    public static void fnResultDouble(double v) {
        JsFunctions.fnResultDouble(v);
    }

    @JSExport
    public static void fnResultText(String v) {
        JsFunctions.fnResultText(v);
    }

    @JSExport
    public static void fnResultBlob(Int8Array v) {
        JsFunctions.fnResultBlob(v);
    }

    @JSExport
    public static void fnResultError(String message) {
        JsFunctions.fnResultError(message);
    }

    @JSExport
    public static double changes(int db) {
        Connection c = CONNECTIONS.get(db);
        return c == null ? 0 : c.changes();
    }

    @JSExport
    public static long lastInsertRowid(int db) {
        Connection c = CONNECTIONS.get(db);
        return c == null ? 0 : c.lastInsertRowid();
    }

    @JSExport
    public static boolean isAutocommit(int db) {
        Connection c = CONNECTIONS.get(db);
        return c == null || c.isAutocommit();
    }

    @JSExport
    public static int errorCode() {
        return lastErrorCode;
    }

    @JSExport
    public static String errorName() {
        return lastErrorName;
    }

    @JSExport
    public static String errorMessage() {
        return lastErrorMessage;
    }

    /** The SQL text offset (UTF-16 index) of the last error, or -1 ({@code sqlite3_error_offset}). */
    @JSExport
    public static int errorOffset() {
        return lastErrorOffset;
    }
}
