package dev.petrel.vm;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;

/**
 * The P4 of {@link Opcode#TypeCheck}: the columns of a STRICT table (stricttables.html) and the check that a row's
 * values, after the columns' affinities were applied, have the storage class each column's type allows. INT and
 * INTEGER take integers, REAL takes reals (an integer was already made real by the affinity), TEXT takes text,
 * BLOB takes blobs, ANY takes anything; NULL passes everywhere (NOT NULL is checked separately).
 */
public final class StrictColumns {
    private final String table;
    private final String[] names;
    private final String[] types;

    /** {@code types[i]} is column i's STRICT type name (INT, INTEGER, REAL, TEXT, BLOB, ANY). */
    public StrictColumns(String table, String[] names, String[] types) {
        this.table = table;
        this.names = names;
        this.types = types;
    }

    /** Checks {@code mem[base..]}, one register per column: the SQLITE_CONSTRAINT_DATATYPE of the first mismatch. */
    PetrelException mismatch(Object[] mem, int base) {
        for (int i = 0; i < types.length; i++) {
            Object v = mem[base + i];
            if (v == null || allows(types[i], v)) {
                continue;
            }
            return new PetrelException(ResultCode.CONSTRAINT_DATATYPE, "cannot store " + storageClass(v)
                    + " value in " + types[i] + " column " + table + "." + names[i]);
        }
        return null;
    }

    private static boolean allows(String type, Object v) {
        switch (type) {
            case "INT":
            case "INTEGER":
                return v instanceof Long;
            case "REAL":
                return v instanceof Double;
            case "TEXT":
                return v instanceof String;
            case "BLOB":
                return v instanceof byte[];
            default:
                return true;
        }
    }

    private static String storageClass(Object v) {
        return v instanceof Long ? "INT" : v instanceof Double ? "REAL" : v instanceof String ? "TEXT" : "BLOB";
    }

    @Override
    public String toString() {
        return table;
    }
}
