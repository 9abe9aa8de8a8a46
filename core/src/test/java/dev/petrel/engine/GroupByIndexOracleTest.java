package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * GROUP BY without ORDER BY returns groups in the order the loop delivers them: when an index groups the rows
 * (its leading columns are the GROUP BY columns, in any order and either direction), SQLite scans it instead of
 * sorting, so the groups come out in the index's order, descending columns included. Rows and plans must match.
 */
class GroupByIndexOracleTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(a, b, c, d TEXT COLLATE NOCASE)",
        "CREATE INDEX ia ON t(a DESC)",
        "CREATE INDEX ibc ON t(b DESC, c)",
        "INSERT INTO t VALUES(1, 1, 1, 'x'), (2, 2, 2, 'X'), (3, 1, 2, 'y'), (1, 2, 1, 'Y'), (2, 1, 1, 'z'),"
            + " (NULL, NULL, 3, NULL), (3, 2, NULL, 'x')",
        "CREATE TABLE w(k, v, PRIMARY KEY(k DESC, v)) WITHOUT ROWID",
        "INSERT INTO w VALUES(1, 1), (1, 2), (2, 1), (3, 3), (3, 1)",
        "CREATE TABLE n(a, d TEXT COLLATE NOCASE)",
        "CREATE INDEX nd ON n(d COLLATE BINARY DESC)",
        "INSERT INTO n VALUES(1, 'x'), (2, 'X'), (3, 'y')",
    };

    @Test
    void groupsFollowTheIndex() {
        String[] queries = {
            "SELECT a, count(*) FROM t GROUP BY a",
            "SELECT b, c, count(*) FROM t GROUP BY b, c",
            "SELECT b, c, count(*) FROM t GROUP BY c, b",
            "SELECT b, count(*), sum(c) FROM t GROUP BY b",
            "SELECT a, count(*) FROM t GROUP BY a ORDER BY count(*)",
            "SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1",
            "SELECT b, max(a) FROM t WHERE b = 2 GROUP BY c",
            "SELECT k, count(*) FROM w GROUP BY k",
            "SELECT k, v FROM w GROUP BY v, k",
            "SELECT d, count(*) FROM n GROUP BY d",
            "SELECT c, count(*) FROM t GROUP BY c",
        };
        String[] script = new String[queries.length * 2];
        for (int i = 0; i < queries.length; i++) {
            script[2 * i] = queries[i];
            script[2 * i + 1] = "EXPLAIN QUERY PLAN " + queries[i];
        }
        assertEquals("", Oracle.scriptDifferences(Oracle.concat(SCHEMA, script)));
    }

    @Test
    void groupsThenSortedRowsMatch() {
        // Plans differ here: SQLite drops an ORDER BY the grouping index already gives (scanning ia backwards for
        // ORDER BY a); Petrel groups through the index and sorts afterwards. The rows are the same.
        assertEquals("", Oracle.scriptDifferences(Oracle.concat(SCHEMA,
                "SELECT a, count(*) FROM t GROUP BY a ORDER BY a",
                "SELECT a, count(*) FROM t GROUP BY a ORDER BY a DESC")));
    }
}
