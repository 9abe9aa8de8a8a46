package dev.petrel.sql.parser;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;

/**
 * Carries the character offset of a parse error as the cause of the {@link PetrelException} the parser throws
 * ({@code PetrelException} has no offset field of its own). Like {@code sqlite3_error_offset()}, the offset is the
 * start of the token the error is about, or -1 when unknown.
 */
public final class SqlSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    private SqlSyntaxError(String message, int offset) {
        super(message, null, false, false);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }

    /** An {@code SQLITE_ERROR} exception with {@code message} that points at {@code offset}. */
    public static PetrelException at(int offset, String message) {
        return new PetrelException(ResultCode.ERROR, message, new SqlSyntaxError(message, offset)).withErrorOffset(offset);
    }

    /** The offset a parser error points at ({@link PetrelException#errorOffset()}), or -1. */
    public static int offsetOf(PetrelException e) {
        return e.errorOffset();
    }
}
