package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RIGHT and FULL OUTER JOIN in any position of the FROM clause, mixed with inner, LEFT and CROSS joins, compared
 * with sqlite-jdbc. Fixed cases cover ON/USING/NATURAL, WHERE terms over the null-extended side, subqueries and
 * views as operands, aggregates, ORDER BY and correlated subqueries; a seeded generator then builds random join
 * chains of three or four operands (small tables with NULLs and duplicates). Without an ORDER BY that orders every
 * output column, SQLite's row order is unspecified, so such results are compared as sorted multisets.
 */
class OuterJoinOracleTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t1(a INTEGER, b TEXT, c)",
        "INSERT INTO t1 VALUES(1, 'x', 1), (2, 'y', NULL), (2, 'y', 5), (NULL, 'z', 3), (4, NULL, 1)",
        "CREATE TABLE t2(a INTEGER PRIMARY KEY, b TEXT, c)",
        "INSERT INTO t2 VALUES(1, 'y', 2), (3, 'x', NULL), (4, NULL, 5), (6, 'w', 1)",
        "CREATE TABLE t3(a, b, c)",
        "CREATE INDEX t3a ON t3(a)",
        "INSERT INTO t3 VALUES(2, 'x', 1), (2, 'x', 1), (3, NULL, 2), (NULL, NULL, NULL), (5, 'w', 5), (1, 'z', 0)",
        "CREATE TABLE t4(a INTEGER, b TEXT, c, PRIMARY KEY(a, b)) WITHOUT ROWID",
        "INSERT INTO t4 VALUES(1, 'x', 1), (1, 'y', 2), (5, 'z', NULL), (6, 'w', 3)",
        "CREATE TABLE t5(a, b, c)",
        "CREATE VIEW v1 AS SELECT a, b, c FROM t3 WHERE a IS NOT NULL",
    };

    private static String[] script(String... queries) {
        return Oracle.concat(SCHEMA, queries);
    }

    @Test
    void rightAndFullJoinInAnyPosition() {
        assertEquals("", Oracle.scriptDifferences(script(
                "SELECT t1.a, t2.a, t3.a FROM t1 RIGHT JOIN t2 ON t1.a = t2.a JOIN t3 ON t3.a = t2.a ORDER BY 1, 2, 3",
                "SELECT t1.a, t2.a, t3.a FROM t1 FULL JOIN t2 ON t1.a = t2.a LEFT JOIN t3 ON t3.c = t2.c"
                        + " ORDER BY 1, 2, 3",
                "SELECT t1.a, t2.a, t3.a FROM t1 LEFT JOIN t2 ON t1.a = t2.a RIGHT JOIN t3 ON t3.a = t2.a"
                        + " ORDER BY 1, 2, 3",
                "SELECT t1.a, t2.a, t3.a, t4.b FROM t1 RIGHT JOIN t2 ON t1.a = t2.a FULL JOIN t3 ON t3.a = t1.a"
                        + " RIGHT JOIN t4 ON t4.a = t3.c ORDER BY 1, 2, 3, 4",
                "SELECT t1.a, t2.a, t3.a FROM t1 JOIN t2 ON t1.b = t2.b RIGHT JOIN t3 ON t3.a = t2.a"
                        + " ORDER BY 1, 2, 3",
                "SELECT t1.a, t2.a FROM t1 FULL JOIN t2 ON t1.a = t2.a FULL JOIN t5 ON 1 ORDER BY 1, 2",
                "SELECT t1.a, t5.a FROM t5 FULL JOIN t1 ON 1 ORDER BY 1, 2",
                "SELECT count(*) FROM t1 RIGHT JOIN t2 ON t1.a = t2.a RIGHT JOIN t3 ON t3.b = t2.b")));
    }

    @Test
    void whereTermsAreNotPushedIntoTheNullExtendedSide() {
        assertEquals("", Oracle.scriptDifferences(script(
                "SELECT t1.a, t2.a, t3.a FROM t1 RIGHT JOIN t2 ON t1.a = t2.a JOIN t3 ON t3.a = t2.a"
                        + " WHERE t1.a IS NULL ORDER BY 1, 2, 3",
                "SELECT t1.a, t2.a, t3.a FROM t1 FULL JOIN t2 ON t1.a = t2.a LEFT JOIN t3 ON t3.c = t2.c"
                        + " WHERE t1.b IS NOT 'y' ORDER BY 1, 2, 3",
                "SELECT t1.a, t2.a FROM t1 RIGHT JOIN t2 ON t1.a = t2.a WHERE t2.a = 3",
                "SELECT t1.a, t2.a FROM t1 FULL JOIN t2 ON t1.a = t2.a WHERE t1.a = 2 OR t2.b IS NULL ORDER BY 1, 2",
                "SELECT t1.a, t2.a, t3.b FROM t1 JOIN t2 ON t2.a = 1 RIGHT JOIN t3 ON t3.a = t1.a"
                        + " WHERE t1.c IS NULL ORDER BY 1, 2, 3",
                "SELECT t1.a, t4.a, t4.b FROM t1 RIGHT JOIN t4 ON t1.a = t4.a AND t1.b = t4.b WHERE t4.a = 1"
                        + " ORDER BY 1, 2, 3",
                "SELECT t1.a, t3.a FROM t1 FULL JOIN t3 ON t1.a = t3.a WHERE t3.a > 1 ORDER BY 1, 2")));
    }

    @Test
    void usingAndNaturalMergeWhicheverSideHasARow() {
        assertEquals("", Oracle.scriptDifferences(script(
                "SELECT a, t1.a, t2.a FROM t1 FULL JOIN t2 USING (a) ORDER BY 1, 2, 3",
                "SELECT * FROM t1 FULL JOIN t2 USING (a) FULL JOIN t3 USING (a) ORDER BY 1, 2, 3, 4, 5, 6, 7",
                "SELECT a, b FROM t1 RIGHT JOIN t2 USING (a, b) ORDER BY 1, 2",
                "SELECT * FROM t1 NATURAL FULL JOIN t3 ORDER BY 1, 2, 3",
                "SELECT a FROM t1 FULL JOIN t2 USING (a) LEFT JOIN t3 USING (a) ORDER BY 1",
                "SELECT a, count(*) FROM t1 FULL JOIN t2 USING (a) GROUP BY a ORDER BY 1",
                "SELECT * FROM t1 FULL JOIN t2 USING (a) WHERE a > 2 ORDER BY 1, 2, 3, 4, 5",
                "SELECT * FROM t1 RIGHT JOIN t2 ON t1.a = t3.a JOIN t3 ON 1",
                "SELECT * FROM t1 LEFT JOIN t2 ON t2.a = t3.a JOIN t3 ON 1")));
    }

    @Test
    void subqueriesViewsAggregatesAndCorrelation() {
        assertEquals("", Oracle.scriptDifferences(script(
                "SELECT s.a, v1.a, t2.a FROM (SELECT a, b FROM t1 WHERE c IS NOT NULL) AS s RIGHT JOIN v1"
                        + " ON s.a = v1.a FULL JOIN t2 ON t2.a = v1.c ORDER BY 1, 2, 3",
                "SELECT t2.b, count(*), sum(t1.c), max(t3.a) FROM t1 RIGHT JOIN t2 ON t1.a = t2.a"
                        + " FULL JOIN t3 ON t3.c = t2.c GROUP BY t2.b ORDER BY 1",
                "SELECT DISTINCT t1.b, t2.b FROM t1 FULL JOIN t2 ON t1.a = t2.a ORDER BY 1, 2",
                "SELECT t1.a, (SELECT count(*) FROM t2 RIGHT JOIN t3 ON t2.a = t3.a WHERE t3.b = t1.b)"
                        + " FROM t1 ORDER BY 1, 2",
                "SELECT t1.a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 FULL JOIN t3 ON t2.a = t3.a"
                        + " WHERE coalesce(t2.c, t3.c) = t1.c) ORDER BY 1",
                "SELECT j.a, j.n FROM (SELECT t3.a, count(t1.a) AS n FROM t1 RIGHT JOIN t3 ON t1.a = t3.a"
                        + " GROUP BY t3.a) AS j FULL JOIN t2 ON j.a = t2.a ORDER BY 1, 2",
                "SELECT t1.a, t2.a, x.value FROM t1 RIGHT JOIN t2 ON t1.a = t2.a FULL JOIN json_each('[1,4,9]') AS x"
                        + " ON x.value = t2.a ORDER BY 1, 2, 3",
                "SELECT t1.a, t2.a FROM t1 FULL JOIN t2 ON t1.a = t2.a ORDER BY 2 DESC, 1 LIMIT 3 OFFSET 1",
                "EXPLAIN QUERY PLAN SELECT * FROM t1 FULL JOIN t2 ON t1.a = t2.a",
                "EXPLAIN QUERY PLAN SELECT * FROM t1 RIGHT JOIN t3 ON t1.a = t3.a LEFT JOIN t2 ON t2.a = t3.c")));
    }

    @Test
    void viewsCompoundsWindowsAndUpdateFrom() {
        assertEquals("", Oracle.scriptDifferences(script(
                "SELECT t1.a, t2.a, row_number() OVER (ORDER BY t2.a, t1.a) FROM t1 FULL JOIN t2 ON t1.a = t2.a"
                        + " ORDER BY 3",
                "CREATE VIEW vj AS SELECT t1.a AS x, t2.a AS y FROM t1 FULL JOIN t2 ON t1.a = t2.a",
                "SELECT vj.x, t3.a FROM vj RIGHT JOIN t3 ON vj.y = t3.a ORDER BY 1, 2",
                "WITH c AS (SELECT t2.a FROM t1 RIGHT JOIN t2 ON t1.a = t2.a WHERE t1.a IS NULL) SELECT * FROM c",
                "SELECT t1.a, t2.a FROM t1 FULL JOIN t2 ON t1.a = t2.a UNION SELECT t3.a, t4.a FROM t3 RIGHT JOIN t4"
                        + " ON t3.a = t4.a ORDER BY 1, 2",
                "SELECT t1.a, t2.a FROM t1 FULL JOIN t2 ON t1.a = t2.a AND t2.a IN (SELECT a FROM t3) ORDER BY 1, 2",
                "SELECT t1.a, t4.a, t4.b FROM t1 FULL JOIN t4 USING (a, b) ORDER BY 1, 2, 3",
                "SELECT * FROM t1 NATURAL RIGHT JOIN t2 ORDER BY 1, 2, 3",
                "SELECT t1.a, t2.a FROM t1 RIGHT JOIN t2 ON t1.a = t2.a GROUP BY t2.a HAVING count(t1.a) = 0",
                "SELECT t1.a, t5.a FROM t5 LEFT JOIN t1 ON 1 RIGHT JOIN t2 ON t2.a = t1.a ORDER BY 1, 2",
                "CREATE TABLE u(id INTEGER PRIMARY KEY, v)",
                "INSERT INTO u VALUES(1, 'a'), (2, 'b'), (3, 'c')",
                "UPDATE u SET v = t2.b FROM t1 RIGHT JOIN t2 ON t1.a = t2.a WHERE u.id = t2.a",
                "SELECT * FROM u",
                "UPDATE u SET v = coalesce(t1.b, 'none') FROM t1 FULL JOIN t2 ON t1.a = t2.a"
                        + " WHERE u.id = coalesce(t1.a, t2.a)",
                "SELECT * FROM u")));
    }

    /** Not supported yet: said so, instead of flattening the group and returning wrong rows. */
    @Test
    void parenthesizedOuterJoinOperandsAreRefused() {
        try (Oracle o = new Oracle()) {
            for (String sql : SCHEMA) {
                o.petrel(sql);
                o.sqlite(sql);
            }
            String refusal = "error: Petrel does not support a parenthesized join as the right operand of an outer"
                    + " join, or holding a RIGHT or FULL JOIN";
            assertEquals(refusal, o.petrel("SELECT * FROM t1 LEFT JOIN (t2 JOIN t3 ON t2.a = t3.a) ON t1.a = t2.a"));
            assertEquals(refusal, o.petrel("SELECT * FROM t1 JOIN (t2 RIGHT JOIN t3 ON t2.a = t3.a) ON 1"));
            // Inner groups flatten exactly.
            String inner = "SELECT count(*), sum(t3.c) FROM t1 JOIN (t2 JOIN t3 ON t2.a = t3.a) ON t1.a = t2.a";
            assertEquals(o.sqlite(inner), o.petrel(inner));
        }
    }

    // ---- random join chains ------------------------------------------------------------------------------------

    private static final String[] OPERANDS = {"t1", "t2", "t3", "t4", "v1", "(SELECT a, b, c FROM t3 WHERE c > 0)",
        "t5"};
    private static final String[] KINDS = {"JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "RIGHT JOIN", "FULL JOIN",
        "CROSS JOIN", "LEFT JOIN"};
    private static final String[] COLUMNS = {"a", "b", "c"};

    @Test
    void randomJoinChains() {
        // -Dpetrel.outerJoinSeed / -Dpetrel.outerJoinQueries run other or longer sequences by hand.
        Random rnd = new Random(Long.getLong("petrel.outerJoinSeed", 20261124));
        int queries = Integer.getInteger("petrel.outerJoinQueries", 400);
        List<String> diffs = new ArrayList<>();
        int errors = 0;
        int nullExtended = 0;
        try (Oracle o = new Oracle()) {
            for (String s : SCHEMA) {
                o.petrel(s);
                o.sqlite(s);
            }
            for (int q = 0; q < queries && diffs.size() < 5; q++) {
                String[] query = randomQuery(rnd);
                String sql = query[0];
                String p = o.petrel(sql);
                String s = o.sqlite(sql);
                if (query[1] == null) {
                    p = sorted(p);
                    s = sorted(s);
                }
                if (s.startsWith("error:")) {
                    errors++;
                } else if (s.contains("NULL")) {
                    nullExtended++;
                }
                if (!p.equals(s)) {
                    diffs.add(sql + "\n  petrel: " + p.replace("\n", " | ") + "\n  sqlite: " + s.replace("\n", " | "));
                }
            }
        }
        assertEquals("", String.join("\n", diffs));
        // The generator must mostly produce valid queries whose results hold null-extended rows.
        System.out.println("random outer joins: " + errors + " errors, " + nullExtended + " with NULLs of " + queries);
        assertTrue(errors < queries / 5 && nullExtended > queries * 3 / 10, errors + " errors, " + nullExtended
                + " with NULLs");
    }

    private static String sorted(String rows) {
        String[] lines = rows.split("\n");
        Arrays.sort(lines);
        return String.join("\n", lines);
    }

    /** A random query and, when its ORDER BY orders every output column, a non-null second element. */
    private static String[] randomQuery(Random rnd) {
        int n = 3 + rnd.nextInt(2);
        StringBuilder from = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String operand = OPERANDS[rnd.nextInt(OPERANDS.length)] + " AS x" + i;
            if (i == 0) {
                from.append(operand);
                continue;
            }
            String kind = KINDS[rnd.nextInt(KINDS.length)];
            int shape = rnd.nextInt(10);
            if (kind.equals("CROSS JOIN")) {
                from.append(" CROSS JOIN ").append(operand);
            } else if (shape == 0 && i == 1) {
                from.append(" NATURAL ").append(kind).append(' ').append(operand);
            } else if (shape == 1 && (i == 1 || rnd.nextBoolean())) {
                from.append(' ').append(kind).append(' ').append(operand).append(" USING (")
                        .append(COLUMNS[rnd.nextInt(3)]).append(')');
            } else {
                from.append(' ').append(kind).append(' ').append(operand).append(" ON ").append(onTerm(rnd, i));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        boolean ordered = false;
        int shape = rnd.nextInt(8);
        List<String> cols = new ArrayList<>();
        if (shape == 0) {
            int g = rnd.nextInt(n);
            String key = "x" + g + "." + COLUMNS[rnd.nextInt(3)];
            sql.append(key).append(", count(*), count(x").append(rnd.nextInt(n)).append(".a), sum(x")
                    .append(rnd.nextInt(n)).append(".c) FROM ").append(from);
            where(rnd, n, sql);
            sql.append(" GROUP BY ").append(key);
        } else if (shape == 6) {
            // A correlated subquery over the join, once per row of t2.
            sql.setLength(0);
            sql.append("SELECT o.a, (SELECT count(*) FROM ").append(from);
            where(rnd, n, sql);
            sql.append(sql.indexOf(" WHERE ") > 0 ? " AND " : " WHERE ").append("x").append(rnd.nextInt(n))
                    .append(".a = o.a) FROM t2 AS o ORDER BY 1, 2");
            return new String[] {sql.toString(), "ordered"};
        } else if (shape == 1) {
            sql.append("count(*), count(x").append(rnd.nextInt(n)).append(".b) FROM ").append(from);
            where(rnd, n, sql);
        } else {
            for (int i = 0; i < n; i++) {
                cols.add("x" + i + "." + COLUMNS[rnd.nextInt(3)]);
            }
            if (shape == 2) {
                cols.add(0, "coalesce(x0.a, x1.a, x2.a)");
            }
            sql.append(shape == 7 ? "DISTINCT " : "").append(String.join(", ", cols)).append(" FROM ").append(from);
            where(rnd, n, sql);
            if (rnd.nextBoolean()) {
                sql.append(" ORDER BY ");
                for (int i = 0; i < cols.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append(i + 1).append(rnd.nextBoolean() ? "" : " DESC");
                }
                ordered = true;
            }
        }
        return new String[] {sql.toString(), ordered ? "ordered" : null};
    }

    private static String onTerm(Random rnd, int i) {
        String mine = "x" + i + "." + COLUMNS[rnd.nextInt(3)];
        String other = "x" + rnd.nextInt(i) + "." + COLUMNS[rnd.nextInt(3)];
        switch (rnd.nextInt(11)) {
            case 7:
                return rnd.nextBoolean() ? "1" : "0";
            case 8:
                return mine + " IS " + other;
            case 9:
                return mine + " IN (SELECT a FROM t3 WHERE b IS NOT NULL)";
            case 10:
                return "CASE WHEN " + other + " > 1 THEN " + mine + " = " + other + " ELSE " + mine + " IS NULL END";
            case 0:
                return mine + " = " + other + " AND x" + i + ".c IS NOT NULL";
            case 1:
                return mine + " = " + other + " OR " + other + " IS NULL";
            case 2:
                return mine + " > " + rnd.nextInt(4);
            case 3:
                return "x" + i + ".a = x" + rnd.nextInt(i) + ".a";
            default:
                return mine + " = " + other;
        }
    }

    private static void where(Random rnd, int n, StringBuilder sql) {
        int terms = rnd.nextInt(3);
        for (int t = 0; t < terms; t++) {
            sql.append(t == 0 ? " WHERE " : " AND ");
            String col = "x" + rnd.nextInt(n) + "." + COLUMNS[rnd.nextInt(3)];
            switch (rnd.nextInt(6)) {
                case 5:
                    sql.append("(").append(col).append(" > 2 OR x").append(rnd.nextInt(n)).append(".b IS NULL)");
                    break;
                case 0:
                    sql.append(col).append(" IS NULL");
                    break;
                case 1:
                    sql.append(col).append(" IS NOT NULL");
                    break;
                case 2:
                    sql.append(col).append(" > ").append(rnd.nextInt(4));
                    break;
                case 3:
                    sql.append("coalesce(").append(col).append(", 1) = 1");
                    break;
                default:
                    sql.append(col).append(" = x").append(rnd.nextInt(n)).append('.').append(COLUMNS[rnd.nextInt(3)]);
                    break;
            }
        }
    }
}
