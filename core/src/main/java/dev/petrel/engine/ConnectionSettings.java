package dev.petrel.engine;

import dev.petrel.pager.Pager;
import dev.petrel.pager.Synchronous;
import dev.petrel.value.PragmaValues;
import java.util.Locale;

/**
 * The PRAGMAs that read or change a setting of the connection or of its pager rather than the database's contents:
 * {@code synchronous}, {@code cache_size}, {@code page_size}, {@code case_sensitive_like}, {@code busy_timeout},
 * {@code temp_store}, {@code locking_mode}, {@code encoding}, {@code wal_autocheckpoint}, {@code wal_checkpoint},
 * {@code auto_vacuum} (reading), the boolean flags of {@link #flagDefault} and the limits SQLite keeps per connection
 * (cache_spill, secure_delete, soft/hard_heap_limit, threads, analysis_limit, journal_size_limit, max_page_count),
 * with SQLite's parsing of the values ({@link PragmaValues}) and SQLite's answers.
 *
 * <p>Contract with the code generator (see {@code Opcode.PragmaSetting}): {@link #apply} gets the pragma name in
 * lower case and the value text or null (a query); it returns the value to report (an {@code Object[]} for the
 * three columns of wal_checkpoint), or null when the pragma reports nothing. Which setters report a row is the code
 * generator's knowledge ({@code codegen.PragmaGen}); the values kept only for reporting have no effect on Petrel
 * (it has no helper threads, heap limits or memory-mapped I/O), except query_only and ignore_check_constraints.
 */
final class ConnectionSettings {
    private final EngineDatabase database;
    private boolean caseSensitiveLike;
    private long busyTimeoutMillis;
    private long tempStore;
    private boolean exclusiveLocking;
    private final java.util.Map<String, Long> flags = new java.util.HashMap<>();
    private boolean cacheSpill = true;
    private long cacheSpillPages;
    private long secureDelete;
    private long softHeapLimit;
    private long hardHeapLimit;
    private long threads;
    private long analysisLimit;
    private long journalSizeLimit = -1;
    private long maxPageCount = MAX_PAGE_COUNT;

    /** SQLite's largest page count (SQLITE_MAX_PAGE_COUNT). */
    private static final long MAX_PAGE_COUNT = 4294967294L;
    /** SQLite's limit on helper threads (SQLITE_MAX_WORKER_THREADS). */
    private static final long MAX_WORKER_THREADS = 8;
    /** What SQLite's page cache spends on each page besides its bytes (for cache_size in KiB). */
    private static final int PAGE_OVERHEAD_BYTES = 136;

    ConnectionSettings(EngineDatabase database) {
        this.database = database;
    }

    boolean caseSensitiveLike() {
        return caseSensitiveLike;
    }

    Object apply(String name, String value) {
        return apply(database.pager(), name, value);
    }

    /**
     * As {@link #apply(String, String)} for {@code PRAGMA schema.name}: the pager settings (synchronous, cache_size,
     * page_size, wal_autocheckpoint, ...) are those of {@code pager}, the named database's.
     */
    Object apply(Pager pager, String name, String value) {
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
                long pages = PragmaValues.int64(value);
                pager.setCacheSize((int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, pages)));
                return null;
            case "page_size":
                if (value == null) {
                    return (long) pager.pageSize();
                }
                long size = PragmaValues.int64(value);
                if (size >= 512 && size <= 65536 && Long.bitCount(size) == 1) {
                    pager.setPageSize((int) size);
                }
                return null;
            case "case_sensitive_like":
                if (value != null) {
                    caseSensitiveLike = PragmaValues.isTrue(value);
                }
                return null;
            case "busy_timeout":
                if (value != null) {
                    busyTimeoutMillis = Math.max(0, PragmaValues.int64(value));
                }
                return busyTimeoutMillis;
            case "temp_store":
                if (value == null) {
                    return tempStore;
                }
                String t = value.toLowerCase(Locale.ROOT);
                tempStore = t.equals("file") ? 1 : t.equals("memory") ? 2 : t.equals("default") ? 0
                        : Math.max(0, Math.min(2, PragmaValues.int64(value)));
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
                return applyReported(pager, name, value);
        }
    }

    /** The pragmas of {@link #apply} that only keep and report a value (or read one) without a pager setting. */
    private Object applyReported(Pager pager, String name, String value) {
        long flagDefault = flagDefault(name);
        if (flagDefault >= 0) {
            if (value == null) {
                return flags.getOrDefault(name, flagDefault);
            }
            flags.put(name, PragmaValues.isTrue(value) ? 1L : 0L);
            return null;
        }
        switch (name) {
            case "cache_spill":
                if (value == null) {
                    return cacheSpill ? Math.max(cacheSpillPages, cachePages(pager)) : 0L;
                }
                char first = value.isEmpty() ? ' ' : value.charAt(0);
                if (first >= '0' && first <= '9' || first == '-' || first == '+') {
                    long n = PragmaValues.int32(value);
                    cacheSpill = n != 0;
                    cacheSpillPages = n > 0 ? n : cacheSpillPages;
                } else {
                    cacheSpill = PragmaValues.isTrue(value);
                }
                return null;
            case "secure_delete":
                if (value != null) {
                    secureDelete = value.equalsIgnoreCase("fast") ? 2 : PragmaValues.isTrue(value) ? 1 : 0;
                }
                return secureDelete;
            case "soft_heap_limit":
                if (value != null && PragmaValues.int64(value) >= 0) {
                    long n = PragmaValues.int64(value);
                    softHeapLimit = hardHeapLimit > 0 && (n == 0 || n > hardHeapLimit) ? hardHeapLimit : n;
                }
                return softHeapLimit;
            case "hard_heap_limit":
                if (value != null) {
                    long n = PragmaValues.int64(value);
                    if (n > 0 && (hardHeapLimit == 0 || n < hardHeapLimit)) {
                        hardHeapLimit = n;
                        if (softHeapLimit == 0 || softHeapLimit > n) {
                            softHeapLimit = n;
                        }
                    }
                }
                return hardHeapLimit;
            case "threads":
                if (value != null && PragmaValues.int64(value) >= 0) {
                    threads = Math.min(MAX_WORKER_THREADS, PragmaValues.int64(value));
                }
                return threads;
            case "analysis_limit":
                if (value != null && PragmaValues.int32(value) >= 0) {
                    analysisLimit = PragmaValues.int32(value);
                }
                return analysisLimit;
            case "journal_size_limit":
                if (value != null) {
                    journalSizeLimit = Math.max(-1, PragmaValues.int64(value));
                }
                return journalSizeLimit;
            case "wal_autocheckpoint":
                if (value != null) {
                    pager.setWalAutoCheckpoint(Math.max(0, PragmaValues.int32(value)));
                }
                return (long) pager.walAutoCheckpoint();
            case "max_page_count": {
                if (value != null) {
                    long n = PragmaValues.int64(value);
                    if (n > 0) {
                        maxPageCount = Math.min(MAX_PAGE_COUNT, n);
                    }
                }
                return Math.max(maxPageCount, pager.pageCount());
            }
            case "data_version":
                return 1L;
            case "auto_vacuum":
                // Reading only: the mode is fixed when the database is created (header offsets 52 and 64).
                if (value != null || pager.pageCount() == 0 || !pager.isAutoVacuum()) {
                    return value != null ? null : 0L;
                }
                return pager.getHeaderInt(dev.petrel.pager.FileHeader.INCREMENTAL_VACUUM_OFFSET) != 0 ? 2L : 1L;
            case "wal_checkpoint": {
                dev.petrel.pager.CheckpointMode mode = dev.petrel.pager.CheckpointMode.PASSIVE;
                for (dev.petrel.pager.CheckpointMode m : dev.petrel.pager.CheckpointMode.values()) {
                    if (value != null && m.name().equalsIgnoreCase(value)) {
                        mode = m;
                    }
                }
                dev.petrel.pager.CheckpointResult r = pager.checkpoint(mode);
                return new Object[] {r.busy() ? 1L : 0L, (long) r.logFrames(), (long) r.checkpointedFrames()};
            }
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** Whether PRAGMA query_only is on: the connection must not change the database. */
    boolean queryOnly() {
        return flags.getOrDefault("query_only", 0L) != 0;
    }

    /** Whether PRAGMA ignore_check_constraints is on: CHECK constraints are not enforced. */
    boolean ignoreCheckConstraints() {
        return flags.getOrDefault("ignore_check_constraints", 0L) != 0;
    }

    /**
     * The default of a boolean pragma that the connection keeps (0 or 1), or -1 when {@code name} is none. Petrel
     * acts on query_only and ignore_check_constraints; the others are reported as set.
     */
    private static long flagDefault(String name) {
        switch (name) {
            case "trusted_schema":
            case "automatic_index":
            case "short_column_names":
                return 1;
            case "query_only":
            case "read_uncommitted":
            case "ignore_check_constraints":
            case "legacy_alter_table":
            case "reverse_unordered_selects":
            case "writable_schema":
            case "cell_size_check":
            case "full_column_names":
            case "count_changes":
            case "fullfsync":
            case "checkpoint_fullfsync":
            case "empty_result_callbacks":
                return 0;
            default:
                return -1;
        }
    }

    /**
     * The cache size in pages: a positive cache_size is pages, a negative one KiB of memory, each page costing its
     * size plus SQLite's per-page bookkeeping.
     */
    private static long cachePages(Pager pager) {
        long size = pager.cacheSize();
        return size >= 0 ? size : -size * 1024 / (pager.pageSize() + PAGE_OVERHEAD_BYTES);
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
                long n = PragmaValues.int64(v);
                return n <= 0 ? Synchronous.OFF : n == 1 ? Synchronous.NORMAL : Synchronous.FULL;
        }
    }

}
