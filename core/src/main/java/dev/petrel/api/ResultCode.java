package dev.petrel.api;

/**
 * SQLite result codes, primary and extended, with SQLite's numbers and names.
 *
 * <p>Every failure in Petrel is a {@link PetrelException} carrying one of these. The numbers are SQLite's own
 * (an extended code is its primary code plus {@code n << 8}), so the JDBC driver can report them as vendor codes
 * and the JavaScript package can report the names ({@code "SQLITE_CONSTRAINT_UNIQUE"}) exactly as other SQLite
 * bindings do. {@link #defaultMessage()} is the text of {@code sqlite3_errstr()} for the primary code.
 */
public enum ResultCode {
    /** Success. */
    OK(0, "not an error"),
    /** Generic error: a syntax error, a missing table or column. {@code SELECT * FROM nosuch} */
    ERROR(1, "SQL logic error"),
    /** An internal malfunction of Petrel itself. */
    INTERNAL(2, "internal logic error"),
    /** Access permission denied by the VFS. */
    PERM(3, "access permission denied"),
    /** The statement was aborted, e.g. by {@code RAISE(ABORT, ...)} or a rollback during a read. */
    ABORT(4, "query aborted"),
    /** The database file is locked by another connection. */
    BUSY(5, "database is locked"),
    /** A table is locked by this connection (e.g. DROP TABLE while a read is pending). */
    LOCKED(6, "database table is locked"),
    /** Out of memory. */
    NOMEM(7, "out of memory"),
    /** A write was attempted on a read-only database. */
    READONLY(8, "attempt to write a readonly database"),
    /** The operation was interrupted by {@code interrupt()}. */
    INTERRUPT(9, "interrupted"),
    /** The VFS reported an I/O error. */
    IOERR(10, "disk I/O error"),
    /** The database file is malformed. */
    CORRUPT(11, "database disk image is malformed"),
    /** Unknown opcode or file control. */
    NOTFOUND(12, "unknown operation"),
    /** The disk is full. */
    FULL(13, "database or disk is full"),
    /** The database file cannot be opened. */
    CANTOPEN(14, "unable to open database file"),
    /** Locking protocol error. */
    PROTOCOL(15, "locking protocol"),
    /** Not used. */
    EMPTY(16, "unknown error"),
    /** The schema changed under a prepared statement. */
    SCHEMA(17, "database schema has changed"),
    /** A string or blob exceeds the size limit. */
    TOOBIG(18, "string or blob too big"),
    /** A constraint was violated. */
    CONSTRAINT(19, "constraint failed"),
    /** Datatype mismatch, e.g. a non-integer rowid. {@code INSERT INTO t(rowid) VALUES('x')} */
    MISMATCH(20, "datatype mismatch"),
    /** The API was used incorrectly, e.g. a finalized statement was stepped. */
    MISUSE(21, "bad parameter or other API misuse"),
    /** Large file support is unavailable. */
    NOLFS(22, "large file support is disabled"),
    /** Authorization denied. */
    AUTH(23, "authorization denied"),
    /** Not used. */
    FORMAT(24, "unknown error"),
    /** A bind or column index is out of range. */
    RANGE(25, "column index out of range"),
    /** The file is not a database. */
    NOTADB(26, "file is not a database"),
    /** A notification (log only). */
    NOTICE(27, "notification message"),
    /** A warning (log only). */
    WARNING(28, "warning message"),
    /** {@code step()} produced a row. */
    ROW(100, "another row available"),
    /** {@code step()} finished. */
    DONE(101, "no more rows available"),

    /** A collating sequence is missing. */
    ERROR_MISSING_COLLSEQ(1 | (1 << 8), null),
    /** Retry the operation. */
    ERROR_RETRY(1 | (2 << 8), null),
    /** A snapshot is no longer available. */
    ERROR_SNAPSHOT(1 | (3 << 8), null),
    /** A read from the VFS failed. */
    IOERR_READ(10 | (1 << 8), null),
    /** A read returned fewer bytes than asked for (the rest is zero-filled). */
    IOERR_SHORT_READ(10 | (2 << 8), null),
    /** A write to the VFS failed. */
    IOERR_WRITE(10 | (3 << 8), null),
    /** A sync failed. */
    IOERR_FSYNC(10 | (4 << 8), null),
    /** A truncate failed. */
    IOERR_TRUNCATE(10 | (6 << 8), null),
    /** Querying the file size failed. */
    IOERR_FSTAT(10 | (7 << 8), null),
    /** Releasing a lock failed. */
    IOERR_UNLOCK(10 | (8 << 8), null),
    /** Taking a shared lock failed. */
    IOERR_RDLOCK(10 | (9 << 8), null),
    /** Deleting a file failed. */
    IOERR_DELETE(10 | (10 << 8), null),
    /** Out of memory inside the VFS. */
    IOERR_NOMEM(10 | (12 << 8), null),
    /** Checking whether a file exists failed. */
    IOERR_ACCESS(10 | (13 << 8), null),
    /** Taking a lock failed. */
    IOERR_LOCK(10 | (15 << 8), null),
    /** Closing a file failed. */
    IOERR_CLOSE(10 | (16 << 8), null),
    /** The file to delete did not exist. */
    IOERR_DELETE_NOENT(10 | (23 << 8), null),
    /** A corrupt index was found. */
    CORRUPT_INDEX(11 | (3 << 8), null),
    /** The sqlite_sequence table is corrupt. */
    CORRUPT_SEQUENCE(11 | (2 << 8), null),
    /** A path names a directory. */
    CANTOPEN_ISDIR(14 | (2 << 8), null),
    /** A CHECK constraint failed. {@code CREATE TABLE t(x CHECK(x>0)); INSERT INTO t VALUES(0)} */
    CONSTRAINT_CHECK(19 | (1 << 8), null),
    /** A commit hook asked for a rollback. */
    CONSTRAINT_COMMITHOOK(19 | (2 << 8), null),
    /** A foreign key constraint failed. */
    CONSTRAINT_FOREIGNKEY(19 | (3 << 8), null),
    /** A function raised a constraint error. */
    CONSTRAINT_FUNCTION(19 | (4 << 8), null),
    /** A NOT NULL constraint failed. {@code CREATE TABLE t(x NOT NULL); INSERT INTO t VALUES(NULL)} */
    CONSTRAINT_NOTNULL(19 | (5 << 8), null),
    /** A PRIMARY KEY constraint failed. */
    CONSTRAINT_PRIMARYKEY(19 | (6 << 8), null),
    /** RAISE in a trigger. */
    CONSTRAINT_TRIGGER(19 | (7 << 8), null),
    /** A UNIQUE constraint failed. {@code CREATE TABLE t(x UNIQUE); INSERT INTO t VALUES(1),(1)} */
    CONSTRAINT_UNIQUE(19 | (8 << 8), null),
    /** A virtual table raised a constraint error. */
    CONSTRAINT_VTAB(19 | (9 << 8), null),
    /** A rowid is not unique. */
    CONSTRAINT_ROWID(19 | (10 << 8), null),
    /** A STRICT table got a value of the wrong type. */
    CONSTRAINT_DATATYPE(19 | (12 << 8), null),
    /** The transaction was rolled back because a statement aborted. */
    ABORT_ROLLBACK(4 | (2 << 8), null),
    /** The database is busy while being recovered. */
    BUSY_RECOVERY(5 | (1 << 8), null),
    /** A WAL snapshot is stale. */
    BUSY_SNAPSHOT(5 | (2 << 8), null),
    /** A hot journal needs a rollback but the database is read-only. */
    READONLY_ROLLBACK(8 | (3 << 8), null),
    /** The database file was moved. */
    READONLY_DBMOVED(8 | (4 << 8), null);

    /** SQLite's integer value of the code. */
    public final int code;
    private final String message;

    ResultCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The primary code: the low 8 bits of {@link #code}. */
    public ResultCode primary() {
        return fromCode(code & 0xff);
    }

    /** Whether this is an extended code rather than a primary one. */
    public boolean isExtended() {
        return code > 0xff;
    }

    /** SQLite's name for the code, e.g. {@code "SQLITE_CONSTRAINT_UNIQUE"}. */
    public String sqliteName() {
        return "SQLITE_" + name();
    }

    /** The text {@code sqlite3_errstr()} gives for this code (that of its primary code). */
    public String defaultMessage() {
        return message != null ? message : primary().message;
    }

    /** The code with this SQLite number; unknown extended codes map to their primary code. */
    public static ResultCode fromCode(int code) {
        for (ResultCode rc : values()) {
            if (rc.code == code) {
                return rc;
            }
        }
        if (code > 0xff) {
            return fromCode(code & 0xff);
        }
        return ERROR;
    }
}
