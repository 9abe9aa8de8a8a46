package dev.petrel.engine;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        try (Oracle o = new Oracle()) {
            String[] sqls = {
                "CREATE TABLE t1(a INTEGER, b TEXT, c REAL)",
                "INSERT INTO t1 VALUES(1,'x',1.5),(2,'y',2),(3,NULL,NULL)",
                "SELECT * FROM t1",
                "SELECT a+1, b||'z', c*2 FROM t1 WHERE a>1",
                "SELECT count(*), sum(a), max(b) FROM t1",
                "SELECT b, count(*) FROM t1 GROUP BY b ORDER BY b",
                "CREATE INDEX i1 ON t1(b)",
                "SELECT a FROM t1 WHERE b='y'",
                "SELECT a FROM t1 ORDER BY a DESC LIMIT 2",
                "SELECT x FROM t1",
                "SELECT (SELECT max(a) FROM t1), EXISTS(SELECT 1 FROM t1 WHERE a=5), 2 IN (SELECT a FROM t1)",
                "SELECT t1.a, t2.a FROM t1, t1 AS t2 WHERE t1.a = t2.a+1",
                "SELECT * FROM t1 LEFT JOIN t1 AS t2 ON t1.a = t2.a+1",
                "SELECT DISTINCT b IS NULL FROM t1",
                "SELECT a FROM t1 UNION SELECT a+1 FROM t1",
                "UPDATE t1 SET b='w' WHERE a=3",
                "SELECT * FROM t1",
                "DELETE FROM t1 WHERE a=2",
                "SELECT * FROM t1",
            };
            for (String sql : sqls) {
                String p = o.petrel(sql);
                String s = o.sqlite(sql);
                System.out.println((p.equals(s) ? "OK   " : "DIFF ") + sql + "\n  petrel: " + p.replace("\n", " | ")
                        + (p.equals(s) ? "" : "\n  sqlite: " + s.replace("\n", " | ")));
            }
        }
    }
}
