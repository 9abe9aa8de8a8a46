package dev.petrel.jdbc;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.HashMap;
import java.util.Map;

/**
 * The driver's exception: a {@link PetrelException} (or a driver-side misuse) reported the way sqlite-jdbc reports
 * SQLite errors.
 *
 * <p>Format (sqlite-jdbc's, chosen so that code matching on its messages keeps working):
 * {@code [SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.a)}: the extended
 * code's name, sqlite-jdbc's description of that code, then the engine's {@code sqlite3_errmsg} text in parentheses.
 * Two deliberate choices: {@link #getErrorCode()} (the vendor code) is the <em>extended</em> result code (2067
 * above; sqlite-jdbc gives the primary code 19 there and the extended one only through its own API), and
 * {@link #getSQLState()} is null, as sqlite-jdbc leaves it.
 */
public final class PetrelSQLException extends SQLException {
    private static final long serialVersionUID = 1L;

    /** sqlite-jdbc's descriptions, keyed by SQLite's code name. */
    private static final Map<String, String> DESCRIPTIONS = new HashMap<>();

    static {
        String[] table = {
            "SQLITE_OK", "Successful result",
            "SQLITE_ERROR", "SQL error or missing database",
            "SQLITE_INTERNAL", "Internal logic error in SQLite",
            "SQLITE_PERM", "Access permission denied",
            "SQLITE_ABORT", "Callback routine requested an abort",
            "SQLITE_BUSY", "The database file is locked",
            "SQLITE_LOCKED", "A table in the database is locked",
            "SQLITE_NOMEM", "A malloc() failed",
            "SQLITE_READONLY", "Attempt to write a readonly database",
            "SQLITE_INTERRUPT", "Operation terminated by sqlite3_interrupt()",
            "SQLITE_IOERR", "Some kind of disk I/O error occurred",
            "SQLITE_CORRUPT", "The database disk image is malformed",
            "SQLITE_NOTFOUND", "NOT USED. Table or record not found",
            "SQLITE_FULL", "Insertion failed because database is full",
            "SQLITE_CANTOPEN", "Unable to open the database file",
            "SQLITE_PROTOCOL", "NOT USED. Database lock protocol error",
            "SQLITE_EMPTY", "Database is empty",
            "SQLITE_SCHEMA", "The database schema changed",
            "SQLITE_TOOBIG", "String or BLOB exceeds size limit",
            "SQLITE_CONSTRAINT", "Abort due to constraint violation",
            "SQLITE_MISMATCH", "Data type mismatch",
            "SQLITE_MISUSE", "Library used incorrectly",
            "SQLITE_NOLFS", "Uses OS features not supported on host",
            "SQLITE_AUTH", "Authorization denied",
            "SQLITE_FORMAT", "Auxiliary database format error",
            "SQLITE_RANGE", "2nd parameter to sqlite3_bind out of range",
            "SQLITE_NOTADB", "File opened that is not a database file",
            "SQLITE_NOTICE", "Notifications from sqlite3_log()",
            "SQLITE_WARNING", "Warnings from sqlite3_log()",
            "SQLITE_ROW", "sqlite3_step() has another row ready",
            "SQLITE_DONE", "sqlite3_step() has finished executing",
            "SQLITE_ABORT_ROLLBACK", "The transaction that was active when the SQL statement first started was rolled back",
            "SQLITE_BUSY_RECOVERY", "Another process is busy recovering a WAL mode database file following a crash",
            "SQLITE_BUSY_SNAPSHOT", "Another database connection has already written to the database",
            "SQLITE_CANTOPEN_ISDIR", "The file is really a directory",
            "SQLITE_CONSTRAINT_CHECK", "A CHECK constraint failed",
            "SQLITE_CONSTRAINT_COMMITHOOK", "A commit hook callback returned non-zero",
            "SQLITE_CONSTRAINT_DATATYPE", "An insert or update attempted to store a value inconsistent with the column's declared type in a table defined as STRICT",
            "SQLITE_CONSTRAINT_FOREIGNKEY", "A foreign key constraint failed",
            "SQLITE_CONSTRAINT_FUNCTION", "Error reported by extension function",
            "SQLITE_CONSTRAINT_NOTNULL", "A NOT NULL constraint failed",
            "SQLITE_CONSTRAINT_PRIMARYKEY", "A PRIMARY KEY constraint failed",
            "SQLITE_CONSTRAINT_ROWID", "rowid is not unique",
            "SQLITE_CONSTRAINT_TRIGGER", "A RAISE function within a trigger fired, causing the SQL statement to abort",
            "SQLITE_CONSTRAINT_UNIQUE", "A UNIQUE constraint failed",
            "SQLITE_CONSTRAINT_VTAB", "Error reported by application-defined virtual table",
            "SQLITE_CORRUPT_INDEX", "SQLite detected an entry is or was missing from an index",
            "SQLITE_CORRUPT_SEQUENCE", "the schema of the sqlite_sequence table is corrupt",
            "SQLITE_ERROR_MISSING_COLLSEQ", "An SQL statement could not be prepared because a collating sequence named in that SQL statement could not be located",
            "SQLITE_ERROR_RETRY", "used internally",
            "SQLITE_ERROR_SNAPSHOT", "the historical snapshot is no longer available",
            "SQLITE_IOERR_ACCESS", "I/O error within the xAccess",
            "SQLITE_IOERR_CLOSE", "I/O error within xClose",
            "SQLITE_IOERR_DELETE", "I/O error within xDelete",
            "SQLITE_IOERR_DELETE_NOENT", "The file being deleted does not exist",
            "SQLITE_IOERR_FSTAT", "I/O error in the VFS layer while trying to invoke fstat()",
            "SQLITE_IOERR_FSYNC", "I/O error in the VFS layer while trying to flush previously written content",
            "SQLITE_IOERR_LOCK", "I/O error in the advisory file locking logic",
            "SQLITE_IOERR_NOMEM", "Unable to allocate sufficient memory",
            "SQLITE_IOERR_RDLOCK", "I/O error within xLock",
            "SQLITE_IOERR_READ", "I/O error in the VFS layer while trying to read from a file on disk",
            "SQLITE_IOERR_SHORT_READ", "The VFS layer was unable to obtain as many bytes as was requested",
            "SQLITE_IOERR_TRUNCATE", "I/O error in the VFS layer while trying to truncate a file to a smaller size",
            "SQLITE_IOERR_UNLOCK", "I/O error within xUnlock",
            "SQLITE_IOERR_WRITE", "I/O error in the VFS layer while trying to write to a file on disk",
            "SQLITE_READONLY_DBMOVED", "The database file has been moved since it was opened",
            "SQLITE_READONLY_ROLLBACK", "Hot journal needs to be rolled back",
        };
        for (int i = 0; i + 1 < table.length; i += 2) {
            DESCRIPTIONS.put(table[i], table[i + 1]);
        }
    }

    private final transient ResultCode resultCode;

    private PetrelSQLException(String message, ResultCode code, Throwable cause) {
        super(message, null, code.code, cause);
        this.resultCode = code;
    }

    /** The (extended) SQLite result code. */
    public ResultCode resultCode() {
        return resultCode;
    }

    /** sqlite-jdbc's one-line description of {@code code} (that of its primary code if it has none). */
    static String description(ResultCode code) {
        String d = DESCRIPTIONS.get(code.sqliteName());
        return d != null ? d : DESCRIPTIONS.get(code.primary().sqliteName());
    }

    /** The message text for {@code code} with the engine's message {@code detail}. */
    static String format(ResultCode code, String detail) {
        return "[" + code.sqliteName() + "] " + description(code) + " (" + detail + ")";
    }

    /** Wraps an engine failure. */
    static PetrelSQLException of(PetrelException e) {
        return new PetrelSQLException(format(e.code(), e.getMessage()), e.code(), e);
    }

    /** A failure raised by the driver itself, with SQLite's code for it (e.g. MISUSE for a closed statement). */
    static PetrelSQLException of(ResultCode code, String detail) {
        return new PetrelSQLException(format(code, detail), code, null);
    }

    /** A closed connection, statement or result set was used. */
    static PetrelSQLException closed(String what) {
        return of(ResultCode.MISUSE, what + " is closed");
    }

    /** A JDBC feature Petrel does not offer. */
    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException("not supported by Petrel: " + what);
    }
}
