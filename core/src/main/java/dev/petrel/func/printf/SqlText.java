package dev.petrel.func.printf;

import dev.petrel.value.RealText;
import dev.petrel.value.Values;

/**
 * The conversions of storage values that {@code printf()} and the date functions need, as SQLite's
 * {@code sqlite3_value_text}, {@code _int64} and {@code _double} perform them. They delegate to the engine's shared
 * value conversions ({@link Values}, {@link RealText}), so printf renders a REAL exactly as CAST does.
 */
public final class SqlText {
    private SqlText() {
    }

    /** TEXT form of a non-null storage value (Java Integer/Short/Byte/Float are accepted as their wider types). */
    public static String of(Object v) {
        return Values.toText(normalize(v));
    }

    /** REAL as TEXT, as SQLite 3.53 renders it ({@code CAST(r AS TEXT)}). */
    public static String realToText(double r) {
        return RealText.render(r);
    }

    /** INTEGER value of a storage value, as {@code sqlite3_value_int64}. */
    public static long toLong(Object v) {
        return Values.toLong(normalize(v));
    }

    /** REAL value of a storage value, as {@code sqlite3_value_double}. */
    public static double toDouble(Object v) {
        return Values.toDouble(normalize(v));
    }

    private static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float) {
            return ((Float) v).doubleValue();
        }
        return v;
    }
}
