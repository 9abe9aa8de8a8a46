package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Window functions (windowfunctions.html) against sqlite-jdbc: every statement runs on Petrel and on SQLite and
 * the rows (in order) or the error message must be identical. Queries without a final ORDER BY rely on the
 * documented output order of a window query (the first window's partition and order keys, ties in input order).
 */
class WindowOracleTest {
    private static final String[] DATA = {
        "CREATE TABLE t(x INTEGER PRIMARY KEY, g TEXT, v INTEGER, r REAL, s TEXT)",
        "INSERT INTO t VALUES(1,'b',3,1.5,'p'),(2,'a',1,NULL,'q'),(3,'b',2,2.25,NULL),(4,'a',5,-1.0,'r'),"
                + "(5,'c',4,0.5,'s'),(6,'a',1,3.0,'t'),(7,NULL,NULL,NULL,'u'),(8,'b',2,1.0,'v'),(9,'c',NULL,2.0,'w'),"
                + "(10,'a',7,NULL,'x')",
        "CREATE TABLE e(a INTEGER, b TEXT)",
    };

    private static void check(String... script) {
        try (Oracle o = new Oracle()) {
            for (String sql : DATA) {
                o.petrel(sql);
                o.sqlite(sql);
            }
            assertEquals("", String.join("\n", o.differences(script)));
        }
    }

    @Test
    void rankingFunctions() {
        check("SELECT x, row_number() OVER (ORDER BY x) FROM t",
                "SELECT x, g, row_number() OVER (PARTITION BY g ORDER BY v, x) FROM t ORDER BY x",
                "SELECT x, v, rank() OVER (ORDER BY v), dense_rank() OVER (ORDER BY v) FROM t ORDER BY x",
                "SELECT x, v, percent_rank() OVER (ORDER BY v), cume_dist() OVER (ORDER BY v) FROM t ORDER BY x",
                "SELECT x, g, percent_rank() OVER (PARTITION BY g ORDER BY v), cume_dist() OVER (PARTITION BY g "
                        + "ORDER BY v) FROM t ORDER BY x",
                "SELECT x, ntile(3) OVER (ORDER BY x), ntile(4) OVER (ORDER BY x), ntile(20) OVER (ORDER BY x) FROM t",
                "SELECT x, ntile(2) OVER (PARTITION BY g ORDER BY x) FROM t ORDER BY x",
                "SELECT x, rank() OVER (), dense_rank() OVER (), percent_rank() OVER (), cume_dist() OVER () FROM t",
                "SELECT x, row_number() OVER () FROM t",
                "SELECT x, g, row_number() OVER (PARTITION BY g) FROM t",
                "SELECT x, v, rank() OVER (ORDER BY v DESC NULLS FIRST), rank() OVER (ORDER BY v NULLS LAST) FROM t "
                        + "ORDER BY x",
                "SELECT row_number() OVER ()",
                "SELECT x, row_number() OVER (ORDER BY g), row_number() OVER (ORDER BY v DESC) FROM t",
                "SELECT x, row_number() OVER (ORDER BY v DESC), row_number() OVER (ORDER BY g) FROM t");
    }

    @Test
    void valueFunctions() {
        check("SELECT x, lag(v) OVER (ORDER BY x), lead(v) OVER (ORDER BY x) FROM t",
                "SELECT x, lag(v, 2) OVER (ORDER BY x), lead(v, 2, -1) OVER (ORDER BY x), lag(v, 0) OVER (ORDER BY x) "
                        + "FROM t",
                "SELECT x, lag(v, -1) OVER (ORDER BY x), lead(v, -2, 'd') OVER (ORDER BY x) FROM t",
                "SELECT x, lag(v, NULL) OVER (ORDER BY x), lag(v, 1.5) OVER (ORDER BY x), lead(v, 'x') OVER (ORDER BY x),"
                        + " lead(v, '2') OVER (ORDER BY x), lag(v, 2.0) OVER (ORDER BY x) FROM t",
                "SELECT x, lag(s, 1, s) OVER (PARTITION BY g ORDER BY x) FROM t ORDER BY x",
                "SELECT x, first_value(v) OVER (ORDER BY x), last_value(v) OVER (ORDER BY x), nth_value(v, 3) "
                        + "OVER (ORDER BY x) FROM t",
                "SELECT x, first_value(s) OVER w, last_value(s) OVER w, nth_value(s, 2) OVER w FROM t "
                        + "WINDOW w AS (PARTITION BY g ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY x",
                "SELECT x, nth_value(v, x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
                        + " FROM t",
                "SELECT x, nth_value(v, '2') OVER (ORDER BY x), nth_value(v, 2.0) OVER (ORDER BY x) FROM t",
                "SELECT x, ntile(1.5) OVER (ORDER BY x), ntile('2') OVER (ORDER BY x) FROM t",
                "SELECT x, ntile(x) OVER (ORDER BY x DESC) FROM t");
    }

    @Test
    void errors() {
        check("SELECT x, sum(v) OVER (ROWS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM t",
                "SELECT x, sum(v) OVER (ROWS BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM t",
                "SELECT x, sum(v) OVER (ROWS BETWEEN 1 PRECEDING AND -1 FOLLOWING) FROM t",
                "SELECT x, sum(v) OVER (ROWS BETWEEN x PRECEDING AND 1 FOLLOWING) FROM t",
                "SELECT x, sum(v) OVER (GROUPS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM t",
                "SELECT x, sum(v) OVER (ORDER BY v RANGE BETWEEN 'a' PRECEDING AND CURRENT ROW) FROM t",
                "SELECT x, sum(v) OVER (ORDER BY v RANGE BETWEEN -1 PRECEDING AND CURRENT ROW) FROM t",
                "SELECT x, sum(v) OVER (ORDER BY v RANGE BETWEEN CURRENT ROW AND -0.5 FOLLOWING) FROM t",
                "SELECT x, sum(v) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
                "SELECT x, sum(v) OVER (ORDER BY v, x RANGE 1 PRECEDING) FROM t",
                "SELECT sum(a) OVER (ROWS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM e",
                "SELECT ntile(0) OVER () FROM t",
                "SELECT ntile(-1) OVER () FROM t",
                "SELECT ntile('a') OVER () FROM t",
                "SELECT ntile(0) OVER () FROM e",
                "SELECT nth_value(v, 0) OVER () FROM t",
                "SELECT nth_value(v, 1.5) OVER () FROM t",
                "SELECT nth_value(v, 'a') OVER () FROM t",
                "SELECT x, sum(v) OVER w FROM t",
                "SELECT x, sum(v) OVER (w ORDER BY x) FROM t",
                "SELECT row_number() FILTER (WHERE x > 1) OVER () FROM t",
                "SELECT x FROM t WHERE row_number() OVER () > 1",
                "SELECT sum(row_number() OVER ()) FROM t",
                "SELECT x FROM t GROUP BY row_number() OVER ()",
                "SELECT g FROM t GROUP BY g HAVING row_number() OVER () > 1",
                "SELECT row_number() FROM t",
                "SELECT rank(1) OVER () FROM t",
                "SELECT lag() OVER () FROM t",
                "SELECT lag(1, 2, 3, 4) OVER () FROM t",
                "SELECT nth_value(v) OVER () FROM t",
                "SELECT nosuch(1) OVER () FROM t",
                "SELECT abs(1) OVER () FROM t",
                "SELECT sum(DISTINCT v) OVER () FROM t",
                "SELECT sum(v, 1) OVER () FROM t",
                "SELECT x, sum(v) OVER (w PARTITION BY x) FROM t WINDOW w AS (ORDER BY x)",
                "SELECT x, sum(v) OVER (w ORDER BY x) FROM t WINDOW w AS (ORDER BY g)",
                "SELECT x, sum(v) OVER (w ROWS CURRENT ROW) FROM t WINDOW w AS (ORDER BY g ROWS CURRENT ROW)",
                "SELECT x, sum(v) OVER w FROM t WINDOW w AS (ORDER BY g ROWS CURRENT ROW)",
                "SELECT x, sum(v) OVER w2 FROM t WINDOW w2 AS (w1), w1 AS (ORDER BY x)",
                "SELECT x, sum(v) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM t",
                "SELECT x, sum(v) OVER (ROWS 1 FOLLOWING) FROM t",
                "SELECT x, sum(v) OVER (ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM t",
                "SELECT x, sum(v) OVER (ROWS BETWEEN 2 FOLLOWING AND 1 PRECEDING) FROM t",
                "SELECT x, sum(row_number() OVER ()) OVER () FROM t",
                "SELECT x, row_number() OVER (ORDER BY row_number() OVER ()) FROM t");
    }

    @Test
    void aggregatesOverFrames() {
        String[] fns = {"count(*)", "count(v)", "sum(v)", "total(r)", "avg(v)", "min(s)", "max(v)",
            "group_concat(s)", "group_concat(v, '-')", "string_agg(s, ';')", "sum(r)", "avg(r)", "min(r)"};
        String[] frames = {"", "ORDER BY x", "PARTITION BY g", "PARTITION BY g ORDER BY x", "ORDER BY v",
            "ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING", "ORDER BY x ROWS 2 PRECEDING",
            "ORDER BY x ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING",
            "ORDER BY x ROWS BETWEEN 2 FOLLOWING AND 4 FOLLOWING", "ORDER BY x ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING",
            "ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING",
            "ORDER BY v RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING", "ORDER BY v DESC RANGE BETWEEN 2 PRECEDING AND CURRENT ROW",
            "ORDER BY v RANGE BETWEEN CURRENT ROW AND 2 FOLLOWING", "ORDER BY r RANGE BETWEEN 0.5 PRECEDING AND 1.25 FOLLOWING",
            "ORDER BY v NULLS LAST RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING",
            "ORDER BY v DESC NULLS FIRST RANGE BETWEEN 1 FOLLOWING AND 3 FOLLOWING",
            "ORDER BY s RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING",
            "ORDER BY v GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING", "ORDER BY g GROUPS 1 PRECEDING",
            "PARTITION BY g ORDER BY v GROUPS BETWEEN CURRENT ROW AND 2 FOLLOWING",
            "ORDER BY v GROUPS BETWEEN 2 PRECEDING AND 1 PRECEDING", "ORDER BY g RANGE CURRENT ROW",
            "ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW",
            "ORDER BY g EXCLUDE TIES", "ORDER BY g EXCLUDE GROUP", "ORDER BY g EXCLUDE CURRENT ROW",
            "ORDER BY g EXCLUDE NO OTHERS", "ORDER BY v GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE GROUP",
            "ORDER BY v RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING EXCLUDE TIES",
            "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW",
            "PARTITION BY g ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE GROUP",
            "ORDER BY x ROWS BETWEEN 0 PRECEDING AND 0 FOLLOWING", "ORDER BY x ROWS BETWEEN 100 PRECEDING AND 100 FOLLOWING"};
        List<String> sql = new ArrayList<>();
        for (String w : frames) {
            StringBuilder q = new StringBuilder("SELECT x");
            for (String f : fns) {
                q.append(", ").append(f).append(" OVER (").append(w).append(")");
            }
            sql.add(q.append(" FROM t ORDER BY x").toString());
            sql.add("SELECT x, first_value(s) OVER (" + w + "), last_value(s) OVER (" + w + "), nth_value(s, 2) OVER ("
                    + w + "), row_number() OVER (" + w + "), rank() OVER (" + w + ") FROM t ORDER BY x");
        }
        check(sql.toArray(new String[0]));
    }

    @Test
    void filterClause() {
        check("SELECT x, count(*) FILTER (WHERE v > 2) OVER (ORDER BY x), sum(v) FILTER (WHERE g = 'a') OVER "
                        + "(ORDER BY x ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t",
                "SELECT x, max(v) FILTER (WHERE x <> 4) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
                        + " group_concat(s) FILTER (WHERE v IS NOT NULL) OVER (PARTITION BY g) FROM t ORDER BY x",
                "SELECT x, avg(r) FILTER (WHERE r > 0) OVER (ORDER BY x EXCLUDE CURRENT ROW) FROM t",
                "SELECT x, count(*) FILTER (WHERE NULL) OVER () FROM t");
    }

    @Test
    void namedWindowsAndSeveralWindows() {
        check("SELECT x, sum(v) OVER w, count(*) OVER w FROM t WINDOW w AS (PARTITION BY g ORDER BY x) ORDER BY x",
                "SELECT x, sum(v) OVER (w ORDER BY x) FROM t WINDOW w AS (PARTITION BY g) ORDER BY x",
                "SELECT x, sum(v) OVER (w ROWS 1 PRECEDING) FROM t WINDOW w AS (ORDER BY x)",
                "SELECT x, sum(v) OVER w2 FROM t WINDOW w1 AS (PARTITION BY g), w2 AS (w1 ORDER BY x DESC) ORDER BY x",
                "SELECT x, sum(v) OVER w2 FROM t WINDOW w2 AS (w1), w1 AS (ORDER BY x)",
                "SELECT x, sum(v) OVER w FROM t WINDOW w AS (PARTITION BY g), w AS (ORDER BY x)",
                "SELECT x, sum(v) OVER W FROM t WINDOW w AS (ORDER BY x)",
                "SELECT x, row_number() OVER a, rank() OVER b, sum(v) OVER c, lag(x) OVER a FROM t WINDOW "
                        + "a AS (ORDER BY x DESC), b AS (ORDER BY g), c AS (PARTITION BY g ORDER BY v ROWS 1 PRECEDING)",
                "SELECT x, row_number() OVER (ORDER BY s), row_number() OVER (ORDER BY g), row_number() OVER "
                        + "(PARTITION BY g ORDER BY v), row_number() OVER (ORDER BY g ROWS 1 PRECEDING) FROM t",
                "SELECT x, g, v FROM t ORDER BY row_number() OVER (ORDER BY v DESC, x)",
                "SELECT x, row_number() OVER (ORDER BY x) AS rn FROM t WHERE x > 2 ORDER BY rn DESC LIMIT 3",
                "SELECT x, row_number() OVER (ORDER BY x) FROM t WHERE x > 2 ORDER BY row_number() OVER (ORDER BY x DESC)",
                "SELECT DISTINCT g, count(*) OVER (PARTITION BY g) FROM t ORDER BY 1",
                "SELECT x, row_number() OVER (ORDER BY x) FROM t LIMIT 3 OFFSET 2",
                "SELECT x, sum(v) OVER (ORDER BY g COLLATE NOCASE, x) FROM t ORDER BY x");
    }

    @Test
    void windowsOverAggregates() {
        check("SELECT g, sum(v), sum(sum(v)) OVER (ORDER BY g), rank() OVER (ORDER BY count(*)) FROM t GROUP BY g",
                "SELECT g, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, g) FROM t GROUP BY g ORDER BY g",
                "SELECT sum(v), count(*) OVER () FROM t",
                "SELECT g, max(x), lag(max(x)) OVER (ORDER BY g) FROM t GROUP BY g HAVING count(*) > 1",
                "SELECT g, avg(v) OVER (ORDER BY g), v FROM t GROUP BY g",
                "SELECT g, group_concat(x) OVER (ORDER BY min(x)) FROM t GROUP BY g ORDER BY g",
                "SELECT count(*) OVER () FROM t WHERE 0",
                "SELECT count(*) OVER (), sum(v) FROM t WHERE 0",
                "SELECT sum(count(*)) OVER () FROM t GROUP BY g");
    }

    @Test
    void windowsInSubqueriesViewsAndCtes() {
        check("SELECT * FROM (SELECT x, row_number() OVER (ORDER BY v, x) AS rn FROM t) WHERE rn <= 3",
                "WITH c AS (SELECT g, x, rank() OVER (PARTITION BY g ORDER BY x DESC) AS rk FROM t) "
                        + "SELECT g, x FROM c WHERE rk = 1 ORDER BY g",
                "CREATE VIEW vw AS SELECT x, sum(v) OVER (ORDER BY x) AS running FROM t",
                "SELECT * FROM vw WHERE x > 5",
                "SELECT x, (SELECT count(*) OVER () FROM t AS u WHERE u.g = t.g LIMIT 1) FROM t ORDER BY x",
                "SELECT x, (SELECT max(rn) FROM (SELECT row_number() OVER () AS rn FROM t AS u WHERE u.x < t.x)) FROM t",
                "SELECT x, row_number() OVER (ORDER BY x) FROM t WHERE x IN (SELECT x FROM t WHERE v > 1)",
                "SELECT a.x, b.x, row_number() OVER (PARTITION BY a.x ORDER BY b.x DESC) FROM t a JOIN t b ON "
                        + "b.x < a.x WHERE a.x < 5 ORDER BY 1, 2",
                "SELECT x, row_number() OVER (ORDER BY x) FROM t UNION ALL SELECT x, rank() OVER (ORDER BY g) FROM t",
                "INSERT INTO e SELECT row_number() OVER (ORDER BY x DESC), s FROM t",
                "SELECT * FROM e ORDER BY a");
    }

    @Test
    void nullsTiesAndEmptyInputs() {
        check("CREATE TABLE k(a, b)",
                "INSERT INTO k VALUES(1, 1), (2, 2), ('x', 3), ('x', 4), (NULL, 5), (3.5, 6), (x'00', 7), ('y', 8),"
                        + " (NULL, 9), (-1, 10), (9223372036854775807, 11)",
                "SELECT a, sum(b) OVER (ORDER BY a RANGE BETWEEN 1 PRECEDING AND CURRENT ROW), sum(b) OVER (ORDER BY a "
                        + "RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM k",
                "SELECT a, sum(b) OVER (ORDER BY a DESC RANGE BETWEEN 1 PRECEDING AND CURRENT ROW), sum(b) OVER (ORDER "
                        + "BY a DESC NULLS FIRST RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM k",
                "SELECT a, rank() OVER (ORDER BY a), dense_rank() OVER (ORDER BY a NULLS LAST), cume_dist() OVER "
                        + "(ORDER BY a) FROM k",
                "SELECT a, b, row_number() OVER (PARTITION BY a) FROM k",
                "SELECT a, sum(b) OVER (ORDER BY a GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM k",
                "SELECT a, sum(b) OVER (ORDER BY a RANGE BETWEEN 9223372036854775807 PRECEDING AND 2 FOLLOWING) FROM k",
                "SELECT row_number() OVER (), sum(a) OVER () FROM e",
                "SELECT a, count(*) OVER (PARTITION BY a IS NULL ORDER BY b) FROM k");
    }

    @Test
    void largeInputThroughTheSorter() {
        check("CREATE TABLE big(i INTEGER PRIMARY KEY, grp INTEGER, val INTEGER, txt TEXT)",
                "INSERT INTO big WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                        + "SELECT i, i % 7, (i * 7919) % 1000, 'row-' || i FROM n",
                "SELECT count(*), sum(rn), sum(rs), max(rk), sum(mv), sum(length(gc)) FROM (SELECT row_number() OVER "
                        + "(PARTITION BY grp ORDER BY val, i) AS rn, sum(val) OVER (PARTITION BY grp ORDER BY i ROWS "
                        + "BETWEEN 5 PRECEDING AND 5 FOLLOWING) AS rs, rank() OVER (ORDER BY val) AS rk, "
                        + "max(val) OVER (ORDER BY i ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS mv, "
                        + "group_concat(val) OVER (ORDER BY i ROWS 2 PRECEDING) AS gc FROM big)",
                "SELECT i, txt, avg(val) OVER (ORDER BY i RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING), "
                        + "lead(txt, 3) OVER (PARTITION BY grp ORDER BY i) FROM big WHERE i % 997 = 0 ORDER BY i",
                "SELECT grp, count(*), sum(val), sum(sum(val)) OVER (ORDER BY grp) FROM big GROUP BY grp",
                "SELECT sum(a), sum(b), sum(c), sum(d), sum(e) FROM (SELECT max(val) OVER (ORDER BY i ROWS BETWEEN "
                        + "CURRENT ROW AND UNBOUNDED FOLLOWING) AS a, min(val) OVER (PARTITION BY grp ORDER BY i ROWS "
                        + "BETWEEN 100 PRECEDING AND 100 FOLLOWING) AS b, count(*) OVER (ORDER BY val RANGE BETWEEN 3 "
                        + "PRECEDING AND 2 FOLLOWING) AS c, total(val) OVER (ORDER BY val GROUPS BETWEEN 2 PRECEDING "
                        + "AND CURRENT ROW) AS d, avg(val) OVER (PARTITION BY grp) AS e FROM big)");
    }

    @Test
    void largeRowsSpillToDisk() {
        check("CREATE TABLE wide(i INTEGER PRIMARY KEY, grp INTEGER, pad TEXT)",
                "INSERT INTO wide WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) "
                        + "SELECT i, i % 5, 'p' || i || hex(zeroblob(400)) FROM n",
                "SELECT count(*), sum(rn), sum(length(lv)), max(lv) FROM (SELECT row_number() OVER (PARTITION BY grp "
                        + "ORDER BY pad DESC) AS rn, lag(pad, 2, '') OVER (PARTITION BY grp ORDER BY pad DESC) AS lv "
                        + "FROM wide)");
    }

    @Test
    void collationsInFramesAndKeys() {
        check("CREATE TABLE c(id INTEGER PRIMARY KEY, w TEXT COLLATE NOCASE, z TEXT)",
                "INSERT INTO c VALUES(1,'b','B'),(2,'A','a'),(3,'a','A'),(4,'B','b'),(5,'c','c'),(6,'C','C'),(7,'a','x')",
                "SELECT id, min(w) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING), max(w) OVER (ORDER BY "
                        + "id ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING), max(z) OVER (ORDER BY id ROWS 2 PRECEDING), "
                        + "min(z COLLATE NOCASE) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) FROM c",
                "SELECT id, min(w) OVER (ORDER BY id), max(w) OVER (ORDER BY id), min(w) OVER (), max(z COLLATE "
                        + "NOCASE) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW) FROM c",
                "SELECT id, w, rank() OVER (ORDER BY w), row_number() OVER (PARTITION BY w ORDER BY id), count(*) OVER "
                        + "(PARTITION BY z) FROM c ORDER BY id",
                "SELECT id, count(*) OVER (PARTITION BY z COLLATE NOCASE), group_concat(id) OVER (ORDER BY z COLLATE "
                        + "NOCASE GROUPS CURRENT ROW) FROM c ORDER BY id");
    }
}
