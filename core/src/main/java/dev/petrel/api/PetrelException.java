package dev.petrel.api;

/**
 * The one exception type of Petrel: a SQLite result code plus a message worded as {@code sqlite3_errmsg} would.
 *
 * <p>Lower layers throw it; the statement's halt path turns it into the statement's result; the JDBC driver maps
 * it to {@code SQLException} (vendor code = {@link #code()}.code) and the JavaScript package to a
 * {@code SqliteError} whose {@code code} is {@link ResultCode#sqliteName()}. It is unchecked so that every layer
 * can raise it without threading {@code throws} clauses through hot paths.
 */
public final class PetrelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ResultCode code;
    /** Character offset in the SQL text the error refers to, or -1 ({@code sqlite3_error_offset}). */
    private int errorOffset = -1;

    public PetrelException(ResultCode code, String message) {
        super(message != null ? message : code.defaultMessage());
        this.code = code;
    }

    public PetrelException(ResultCode code, String message, Throwable cause) {
        super(message != null ? message : code.defaultMessage(), cause);
        this.code = code;
    }

    /** The (possibly extended) result code. */
    public ResultCode code() {
        return code;
    }

    /**
     * The character offset in the SQL text where the error was found (as {@code sqlite3_error_offset}), or -1 when
     * the error is not tied to a position. Editors use it to mark syntax errors.
     */
    public int errorOffset() {
        return errorOffset;
    }

    /** Sets the SQL text offset of the error and returns this exception. */
    public PetrelException withErrorOffset(int offset) {
        this.errorOffset = offset;
        return this;
    }

    /** The primary result code. */
    public ResultCode primaryCode() {
        return code.primary();
    }

    /** {@code SQLITE_ERROR} with the given message, e.g. {@code "no such table: t1"}. */
    public static PetrelException error(String message) {
        return new PetrelException(ResultCode.ERROR, message);
    }

    /**
     * {@code SQLITE_CORRUPT}: bytes read from disk broke the file format. The message is SQLite's
     * ("database disk image is malformed"); {@code pgno} and {@code what} say where, for the cause chain.
     */
    public static PetrelException corrupt(long pgno, String what) {
        return new PetrelException(ResultCode.CORRUPT, ResultCode.CORRUPT.defaultMessage(),
                new IllegalStateException("corruption on page " + pgno + ": " + what));
    }

    /** An I/O error with SQLite's message "disk I/O error". */
    public static PetrelException ioError(ResultCode code, String detail) {
        return new PetrelException(code, ResultCode.IOERR.defaultMessage(),
                detail == null ? null : new IllegalStateException(detail));
    }

    /** {@code SQLITE_MISUSE}. */
    public static PetrelException misuse(String message) {
        return new PetrelException(ResultCode.MISUSE, message);
    }
}
