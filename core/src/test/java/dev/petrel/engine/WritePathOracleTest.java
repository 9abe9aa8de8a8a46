package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast write paths against sqlite-jdbc: CREATE INDEX through the sorter and appending inserts, the b-tree's
 * quick balance (ascending rowids and ascending index keys), the "cursor at last" seek shortcut, and UPDATE
 * leaving the entries of indexes it cannot change alone. Every script ends with queries that read through the
 * indexes and an integrity check, so a b-tree built wrongly shows up as different rows or a check error.
 */
class WritePathOracleTest {
    private static void check(String... script) {
        assertEquals("", Oracle.scriptDifferences(script));
    }

    /** 3000 rows with duplicate, NULL, REAL and mixed-case text keys: several levels of index pages. */
    private static final String FILL = "INSERT INTO t(a, b, c, d) "
            + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) SELECT i, (i * 7919) % 1009, "
            + "CASE WHEN i % 13 = 0 THEN NULL WHEN i % 2 = 0 THEN upper(hex(i * 31)) ELSE lower(hex(i * 17)) END, "
            + "CASE WHEN i % 5 = 0 THEN i / 4 ELSE i / 3.0 END FROM n";

    @Test
    void createIndexBuildsFromSortedKeys() {
        check("CREATE TABLE t(a INTEGER PRIMARY KEY, b INTEGER, c TEXT, d REAL)",
                FILL,
                "CREATE INDEX tb ON t(b)",
                "CREATE INDEX tc ON t(c COLLATE NOCASE DESC, b)",
                "CREATE INDEX td ON t(d)",
                "CREATE INDEX ta ON t(a DESC)",
                "PRAGMA integrity_check",
                "SELECT count(*), sum(a) FROM t WHERE b BETWEEN 100 AND 300",
                "SELECT a, b FROM t WHERE b = 17 ORDER BY a",
                "SELECT c, b FROM t WHERE c IS NOT NULL ORDER BY c COLLATE NOCASE DESC, b LIMIT 20 OFFSET 100",
                "SELECT count(*) FROM t WHERE c IS NULL",
                "SELECT a, d, typeof(d) FROM t WHERE d > 990 ORDER BY d LIMIT 10",
                "SELECT a FROM t ORDER BY a DESC LIMIT 5",
                "DROP INDEX tb",
                "CREATE INDEX tb ON t(b)",
                "PRAGMA integrity_check");
    }

    @Test
    void createUniqueIndexReportsDuplicatesAndAllowsNulls() {
        check("CREATE TABLE t(a INTEGER PRIMARY KEY, b INTEGER, c TEXT, d REAL)",
                FILL,
                "CREATE UNIQUE INDEX ub ON t(b)",
                "CREATE UNIQUE INDEX uab ON t(b, a)",
                "CREATE UNIQUE INDEX uc ON t(c, a)",
                "UPDATE t SET c = NULL WHERE a > 2900",
                "CREATE UNIQUE INDEX uc2 ON t(c, d) ",
                "CREATE TABLE u(x, y)",
                "INSERT INTO u VALUES(NULL, 1), (NULL, 1), (1, 2), (2, 2), ('A', 3), ('a', 3)",
                "CREATE UNIQUE INDEX ux ON u(x)",
                "CREATE UNIQUE INDEX uxn ON u(x COLLATE NOCASE)",
                "CREATE UNIQUE INDEX uy ON u(y)",
                "SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name",
                "PRAGMA integrity_check");
    }

    @Test
    void ascendingAndMixedInsertsKeepTreesValid() {
        List<String> script = new ArrayList<>();
        script.add("CREATE TABLE x(a INTEGER, b INTEGER, c TEXT)");
        script.add("CREATE INDEX xa ON x(a)");
        script.add("CREATE INDEX xc ON x(c)");
        for (int i = 0; i < 600; i++) {
            // Ascending rowids and ascending index keys (quick balance at both), with a long text now and then.
            script.add("INSERT INTO x VALUES(" + i + ", " + ((i * 37) % 101) + ", '"
                    + (i % 50 == 0 ? "k".repeat(900) : "") + String.format("%05d", i) + "')");
        }
        script.add("PRAGMA integrity_check");
        script.add("DELETE FROM x WHERE a % 3 = 0");
        script.add("INSERT INTO x SELECT a + 1000, b, c || 'z' FROM x");
        script.add("INSERT INTO x(rowid, a) VALUES(5, -1), (100000, -2)");
        script.add("PRAGMA integrity_check");
        script.add("SELECT count(*), sum(a), sum(length(c)) FROM x");
        script.add("SELECT rowid, a, substr(c, -6) FROM x WHERE a BETWEEN 590 AND 1010 ORDER BY a");
        script.add("SELECT rowid, a FROM x ORDER BY rowid DESC LIMIT 5");
        script.add("SELECT a, substr(c, -6) FROM x ORDER BY c DESC LIMIT 5");
        check(script.toArray(new String[0]));
    }

    @Test
    void updateLeavesUnchangedIndexesAlone() {
        check("CREATE TABLE t(a INTEGER PRIMARY KEY, b INTEGER, c TEXT, d REAL)",
                FILL,
                "CREATE INDEX tb ON t(b)",
                "CREATE UNIQUE INDEX tcu ON t(c)",
                "UPDATE t SET d = d * 2 WHERE b = 17",
                "UPDATE t SET d = 1 WHERE b BETWEEN 10 AND 20",
                "SELECT a, b, d FROM t WHERE b BETWEEN 15 AND 18 ORDER BY a",
                "UPDATE t SET c = 'dup' WHERE a IN (7, 8)",
                "SELECT a, c FROM t WHERE a IN (7, 8)",
                "UPDATE OR REPLACE t SET c = 'dup' WHERE a IN (7, 8)",
                "SELECT a, c FROM t WHERE c = 'dup'",
                "UPDATE t SET b = b + 1, d = 0 WHERE a % 100 = 0",
                "UPDATE t SET a = a + 10000 WHERE a % 250 = 1",
                "UPDATE t SET rowid = rowid + 20000 WHERE b = 3",
                "PRAGMA integrity_check",
                "SELECT count(*), sum(a), sum(b), total(d) FROM t",
                "SELECT a, b FROM t WHERE b IN (1, 2, 3, 4) ORDER BY b, a",
                "SELECT a, c FROM t WHERE c > 'E' ORDER BY c LIMIT 5");
    }
}
