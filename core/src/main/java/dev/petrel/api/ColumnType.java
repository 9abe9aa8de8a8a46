package dev.petrel.api;

/** SQLite's fundamental datatype codes, as {@code sqlite3_column_type} returns them. */
public final class ColumnType {
    public static final int INTEGER = 1;
    public static final int FLOAT = 2;
    public static final int TEXT = 3;
    public static final int BLOB = 4;
    public static final int NULL = 5;

    private ColumnType() {
    }

    /** The code of a storage value (null, Long, Double, String or byte[]). */
    public static int of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Long) {
            return INTEGER;
        }
        if (value instanceof Double) {
            return FLOAT;
        }
        if (value instanceof String) {
            return TEXT;
        }
        return BLOB;
    }

    /** The name {@code typeof()} gives: "integer", "real", "text", "blob" or "null". */
    public static String typeofName(int type) {
        switch (type) {
            case INTEGER:
                return "integer";
            case FLOAT:
                return "real";
            case TEXT:
                return "text";
            case BLOB:
                return "blob";
            default:
                return "null";
        }
    }
}
