package dev.petrel.func.scalar;

import dev.petrel.value.Values;
import java.util.List;
import java.util.Locale;

/**
 * The compile-time options Petrel reports, in SQLite's words (sqlite.org/compile.html, without the
 * {@code SQLITE_} prefix): {@code PRAGMA compile_options}, {@code sqlite_compileoption_get(N)} and
 * {@code sqlite_compileoption_used(X)} all read this one list. Each entry is true of Petrel: its defaults (cache,
 * page size, synchronous, WAL checkpoint, temp store) and limits (page count and size, function arguments, trigger
 * depth), the math functions it always has, and that it cannot load extensions.
 */
public final class CompileOptions {
    private CompileOptions() {
    }

    /** The options, sorted as SQLite sorts its list. */
    public static final List<String> OPTIONS = List.of(
            "DEFAULT_CACHE_SIZE=-2000",
            "DEFAULT_JOURNAL_SIZE_LIMIT=-1",
            "DEFAULT_PAGE_SIZE=4096",
            "DEFAULT_SYNCHRONOUS=2",
            "DEFAULT_WAL_AUTOCHECKPOINT=1000",
            "ENABLE_MATH_FUNCTIONS",
            "MAX_FUNCTION_ARG=127",
            "MAX_PAGE_COUNT=4294967294",
            "MAX_PAGE_SIZE=65536",
            "MAX_TRIGGER_DEPTH=1000",
            "OMIT_LOAD_EXTENSION",
            "TEMP_STORE=1");

    /**
     * sqlite_compileoption_used(X): 1 when X (an optional {@code SQLITE_} prefix, any case) names an option, alone
     * or with its value ({@code MAX_PAGE_SIZE} and {@code MAX_PAGE_SIZE=65536} both match), else 0; NULL for NULL.
     */
    public static Object used(Object name) {
        if (name == null) {
            return null;
        }
        String x = Values.toText(name).toUpperCase(Locale.ROOT);
        if (x.startsWith("SQLITE_")) {
            x = x.substring("SQLITE_".length());
        }
        for (String option : OPTIONS) {
            if (!x.isEmpty() && option.startsWith(x) && (option.length() == x.length() || option.charAt(x.length()) == '=')) {
                return 1L;
            }
        }
        return 0L;
    }

    /** sqlite_compileoption_get(N): option N (0-based, N read as a 32-bit integer), or NULL past the end. */
    public static Object get(Object n) {
        int i = n == null ? 0 : (int) Values.toLong(n);
        return i >= 0 && i < OPTIONS.size() ? OPTIONS.get((int) i) : null;
    }
}
