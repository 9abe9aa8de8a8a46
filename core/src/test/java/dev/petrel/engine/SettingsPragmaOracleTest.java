package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The settings PRAGMAs (synchronous, cache_size, page_size, case_sensitive_like, ...) against sqlite-jdbc. */
class SettingsPragmaOracleTest {
    private static void check(String... script) {
        assertEquals("", Oracle.scriptDifferences(script));
    }

    @Test
    void synchronousAndCacheSize() {
        check("PRAGMA synchronous", "PRAGMA synchronous = OFF", "PRAGMA synchronous", "PRAGMA synchronous = normal",
                "PRAGMA synchronous", "PRAGMA synchronous = 2", "PRAGMA synchronous", "PRAGMA synchronous = 0",
                "PRAGMA synchronous", "PRAGMA cache_size", "PRAGMA cache_size = 500", "PRAGMA cache_size",
                "PRAGMA cache_size = -4000", "PRAGMA cache_size", "PRAGMA cache_size = '12abc'", "PRAGMA cache_size");
    }

    @Test
    void pageSizeOfAnEmptyDatabase() {
        check("PRAGMA page_size", "PRAGMA page_size = 8192", "PRAGMA page_size", "PRAGMA page_size = 1000",
                "PRAGMA page_size", "CREATE TABLE t(a)", "INSERT INTO t VALUES(randomblob(3000))",
                "PRAGMA page_size = 1024", "PRAGMA page_size", "PRAGMA page_count", "SELECT length(a) FROM t");
    }

    @Test
    void caseSensitiveLike() {
        check("CREATE TABLE t(x)", "INSERT INTO t VALUES('abc'), ('ABC'), ('aBc')",
                "SELECT x FROM t WHERE x LIKE 'abc' ORDER BY x", "SELECT 'a' LIKE 'A', like('a', 'A')",
                "PRAGMA case_sensitive_like = 1", "PRAGMA case_sensitive_like",
                "SELECT x FROM t WHERE x LIKE 'abc' ORDER BY x", "SELECT 'a' LIKE 'A', like('a', 'A'), 'a' LIKE 'a'",
                "PRAGMA case_sensitive_like = off", "SELECT x FROM t WHERE x LIKE 'ABC' ORDER BY x");
    }

    @Test
    void otherSettings() {
        // (The initial busy_timeout is not compared: sqlite-jdbc sets its own default of 3000 ms.)
        check("PRAGMA busy_timeout = 250", "PRAGMA busy_timeout", "PRAGMA temp_store",
                "PRAGMA temp_store = memory", "PRAGMA temp_store", "PRAGMA encoding", "PRAGMA locking_mode");
    }
}
