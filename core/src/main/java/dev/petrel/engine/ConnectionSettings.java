package dev.petrel.engine;

import dev.petrel.pager.Pager;
import dev.petrel.pager.Synchronous;
import java.util.Locale;

/**
 * The PRAGMAs that read or change a setting of the connection or of its pager rather than the database's contents:
 * {@code synchronous}, {@code cache_size}, {@code page_size}, {@code case_sensitive_like}, {@code busy_timeout},
 * {@code temp_store}, {@code locking_mode} and {@code encoding}, with SQLite's parsing of the values (keywords or
 * integers; anything else reads as SQLite's {@code sqlite3Atoi} would) and SQLite's answers.
 *
 * <p>Contract with the code generator (see {@code Opcode.PragmaSetting}): {@link #apply} gets the pragma name in
 * lower case and the value text or null (a query); it returns the value to report, or null when the pragma reports
 * nothing (SQLite's setters are silent except busy_timeout and locking_mode, which answer with the new value).
 */
final class ConnectionSettings {
    private final EngineDatabase database;
    private boolean caseSensitiveLike;
    private long busyTimeoutMillis;
    private long tempStore;
    private boolean exclusiveLocking;

    ConnectionSettings(EngineDatabase database) {
        this.database = database;
    }

    boolean caseSensitiveLike() {
        return caseSensitiveLike;
    }

    Object apply(String name, String value) {
        Pager pager = database.pager();
        switch (name) {
            case "synchronous":
                if (value == null) {
                    return (long) pager.synchronous().ordinal();
                }
                pager.setSynchronous(synchronousLevel(value, pager.synchronous()));
                return null;
            case "cache_size":
                if (value == null) {
                    return (long) pager.cacheSize();
                }
                pager.setCacheSize((int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, atoi(value))));
                return null;
            case "page_size":
                if (value == null) {
                    return (long) pager.pageSize();
                }
                long size = atoi(value);
                if (size >= 512 && size <= 65536 && Long.bitCount(size) == 1) {
                    pager.setPageSize((int) size);
                }
                return null;
            case "case_sensitive_like":
                if (value != null) {
                    caseSensitiveLike = isTrue(value);
                }
                return null;
            case "busy_timeout":
                if (value != null) {
                    busyTimeoutMillis = Math.max(0, atoi(value));
                }
                return busyTimeoutMillis;
            case "temp_store":
                if (value == null) {
                    return tempStore;
                }
                String t = value.toLowerCase(Locale.ROOT);
                tempStore = t.equals("file") ? 1 : t.equals("memory") ? 2 : t.equals("default") ? 0
                        : Math.max(0, Math.min(2, atoi(value)));
                return null;
            case "locking_mode":
                if (value != null) {
                    String m = value.toLowerCase(Locale.ROOT);
                    if (m.equals("exclusive")) {
                        exclusiveLocking = true;
                    } else if (m.equals("normal")) {
                        exclusiveLocking = false;
                    }
                }
                return exclusiveLocking ? "exclusive" : "normal";
            case "encoding":
                // A database's text encoding is UTF-8 in Petrel; setting it after creation is a no-op in SQLite.
                return value == null ? "UTF-8" : null;
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** SQLite's safety levels: OFF/NORMAL/FULL/EXTRA or 0..3 (EXTRA syncs as FULL here); else unchanged. */
    private static Synchronous synchronousLevel(String v, Synchronous current) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "off":
            case "no":
            case "false":
                return Synchronous.OFF;
            case "normal":
                return Synchronous.NORMAL;
            case "full":
            case "extra":
            case "yes":
            case "true":
            case "on":
                return Synchronous.FULL;
            default:
                long n = atoi(v);
                return n <= 0 ? Synchronous.OFF : n == 1 ? Synchronous.NORMAL : Synchronous.FULL;
        }
    }

    /** SQLite's boolean pragma values: on/yes/true or a non-zero integer. */
    private static boolean isTrue(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        return s.equals("on") || s.equals("yes") || s.equals("true") || (!s.equals("off") && !s.equals("no")
                && !s.equals("false") && atoi(v) != 0);
    }

    /** The leading integer of {@code s} (optional sign, digits), 0 when there is none, as sqlite3Atoi. */
    static long atoi(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && v < 1_000_000_000_000L) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return neg ? -v : v;
    }
}
