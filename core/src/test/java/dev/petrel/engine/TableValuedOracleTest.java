package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Table-valued functions in FROM: json_each and json_tree against sqlite-jdbc (rows and errors identical),
 * and generate_series (absent from sqlite-jdbc's build) against results recorded from the sqlite3 shell's
 * series extension.
 */
class TableValuedOracleTest {
    private static void check(String... script) {
        assertEquals("", Oracle.scriptDifferences(script));
    }

    private static String petrel(String... script) {
        try (Oracle o = new Oracle()) {
            String last = "";
            for (String sql : script) {
                last = o.petrel(sql);
            }
            return last;
        }
    }

    @Test
    void jsonEachColumns() {
        check("SELECT key, value, type, atom, id, parent, fullkey, path, json, root FROM json_each('{\"a\":[1,2],\"b\":\"x\"}')",
                "SELECT * FROM json_each('[1,2.5,\"s\",null,true,false,[3],{\"k\":4}]')",
                "SELECT * FROM json_each('[1,2]', '$[1]')", "SELECT * FROM json_each('5')", "SELECT * FROM json_each(NULL)",
                "SELECT * FROM json_each('{\"x\":{\"y\":[1,2]}}', '$.x')", "SELECT * FROM json_each('{\"x\":{\"y\":[1,2]}}', '$.x.y')",
                "SELECT * FROM json_each('{\"a b\":1, \"c.d\":2, \"e\":3, \"1\":4}')",
                "SELECT * FROM json_each('[1]', '$.nope')", "SELECT * FROM json_each('[1]', NULL)",
                "SELECT * FROM json_each('[1')", "SELECT * FROM json_each('[1]', 'x')",
                "SELECT * FROM json_each('[1]', '$', 3)", "SELECT * FROM json_each()",
                "SELECT * FROM json_each(jsonb('{\"a\":[1,{\"b\":2}]}'))",
                "SELECT value FROM json_each('[3,1,2]') ORDER BY value", "SELECT count(*), sum(value) FROM json_each('[1,2,3]')",
                "SELECT j.key, typeof(j.value) FROM json_each('{\"a\":{\"b\":1},\"c\":[1]}') AS j",
                "SELECT json_each.value FROM json_each('[10,20]') WHERE json_each.key = 1",
                "SELECT value FROM json_each WHERE json = '[7,8]'");
    }

    @Test
    void jsonTree() {
        check("SELECT * FROM json_tree('{\"a\":[1,{\"c\":null}],\"b\":\"x\"}')",
                "SELECT * FROM json_tree('[[1]]', '$[0]')", "SELECT * FROM json_tree('7')",
                "SELECT * FROM json_tree('{\"k\":{\"l\":{\"m\":[true]}}}', '$.k')",
                "SELECT fullkey, type FROM json_tree('{\"a\":[[],{}],\"b\":[{\"c\":[1,2]}]}') WHERE atom IS NULL",
                "SELECT key, id, parent FROM json_tree('" + "[" + "1,".repeat(20) + "{\"deep\":[\"" + "y".repeat(300) + "\"]}]')",
                "SELECT * FROM json_tree('{\"a\":1}', '$.b')");
    }

    @Test
    void correlatedAndJoined() {
        check("CREATE TABLE t(id INTEGER PRIMARY KEY, doc TEXT)",
                "INSERT INTO t VALUES(1, '[1,2]'), (2, '{\"x\":3}'), (3, '[]'), (4, NULL), (5, '[\"a\",[\"b\"]]')",
                "SELECT t.id, j.key, j.value FROM t, json_each(t.doc) AS j ORDER BY t.id, j.id",
                "SELECT t.id, j.value FROM json_each(t.doc) AS j, t ORDER BY 1, 2",
                "SELECT t.id, j.value FROM t LEFT JOIN json_each(t.doc) AS j ORDER BY 1, 2",
                "SELECT t.id, count(j.key) FROM t LEFT JOIN json_tree(t.doc) AS j GROUP BY t.id ORDER BY t.id",
                "SELECT id FROM t WHERE EXISTS (SELECT 1 FROM json_each(t.doc) WHERE value = 2)",
                "SELECT id, (SELECT group_concat(value) FROM json_each(doc)) FROM t ORDER BY id",
                "SELECT a.value, b.value FROM json_each('[1,2]') a, json_each('[10,20]') b ORDER BY 1, 2",
                "SELECT a.value, b.value FROM json_each('[[1,2],[3]]') a, json_each(a.value) b ORDER BY 1, 2",
                "SELECT * FROM t, json_each(t.doc) WHERE json_each.type = 'text' ORDER BY t.id",
                "CREATE VIEW v AS SELECT t.id, e.value FROM t, json_each(t.doc) e",
                "SELECT * FROM v ORDER BY 1, 2",
                "SELECT * FROM nosuchfn(1)", "SELECT * FROM json_each(1,2,3)");
    }

    @Test
    void pragmaFunctions() {
        check("CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', v REAL UNIQUE)",
                "CREATE INDEX p_name ON p(name, v)", "CREATE TABLE q(a, b, PRIMARY KEY(a, b))",
                "SELECT * FROM pragma_table_info('p')", "SELECT * FROM pragma_table_info('q')",
                "SELECT name, type FROM pragma_table_info('p') WHERE pk = 0 ORDER BY name",
                "SELECT * FROM pragma_table_xinfo('p')", "SELECT * FROM pragma_table_info('nosuch')",
                "SELECT name, \"unique\", origin, partial FROM pragma_index_list('p') ORDER BY name",
                "SELECT * FROM pragma_index_info('p_name')", "SELECT * FROM pragma_index_info('nosuch')",
                "SELECT count(*) FROM pragma_table_info('p') AS ti",
                "SELECT ti.name FROM pragma_table_info('p') ti JOIN pragma_index_info('p_name') ii ON ii.name = ti.name ORDER BY 1",
                "SELECT cid, name FROM pragma_table_info('p', 'main')",
                "SELECT * FROM pragma_table_info");
    }

    @Test
    void generateSeries() {
        assertEquals("[i1]\n[i2]\n[i3]\n[i4]\n[i5]", petrel("SELECT * FROM generate_series(1,5)"));
        assertEquals("[i1, i1, i10, i3]\n[i4, i1, i10, i3]\n[i7, i1, i10, i3]\n[i10, i1, i10, i3]",
                petrel("SELECT value, start, stop, step FROM generate_series(1,10,3)"));
        assertEquals("", petrel("SELECT * FROM generate_series(5,1,-2)"));
        assertEquals("[i5]\n[i3]\n[i1]", petrel("SELECT * FROM generate_series(1,5,-2)"));
        assertEquals("[i5]\n[i3]\n[i1]", petrel("SELECT * FROM generate_series(1,6,-2)"));
        assertEquals("", petrel("SELECT * FROM generate_series(5,1)"));
        assertEquals("[i4294967294]\n[i4294967295]", petrel("SELECT * FROM generate_series(4294967294)"));
        assertEquals("error: first argument to \"generate_series()\" missing or unusable",
                petrel("SELECT * FROM generate_series()"));
        assertEquals("", petrel("SELECT * FROM generate_series(NULL, 3)"));
        assertEquals("", petrel("SELECT * FROM generate_series(1, NULL)"));
        assertEquals("", petrel("SELECT * FROM generate_series(1, 2, NULL)"));
        assertEquals("[i1]\n[i2]\n[i3]", petrel("SELECT * FROM generate_series(1,3,0)"));
        assertEquals("[i1]\n[i2]\n[i3]", petrel("SELECT * FROM generate_series(1.5,3)"));
        assertEquals("[i0]\n[i1]\n[i2]\n[i3]", petrel("SELECT * FROM generate_series('a',3)"));
        assertEquals("[i1, i10]\n[i2, i11]\n[i3, i12]", petrel("SELECT rowid, value FROM generate_series(10,12)"));
        assertEquals("[i2]\n[i3]\n[i4]", petrel("SELECT * FROM generate_series WHERE start=2 AND stop=4"));
        assertEquals("[i2]\n[i4]", petrel("SELECT value FROM generate_series WHERE start=2 AND stop=5 AND step=2"));
        assertEquals("[i9223372036854775806]\n[i9223372036854775807]",
                petrel("SELECT * FROM generate_series(9223372036854775806, 9223372036854775807)"));
        assertEquals("[i-9223372036854775807]\n[i-9223372036854775808]",
                petrel("SELECT * FROM generate_series(-9223372036854775808, -9223372036854775807, -1)"));
        assertEquals("error: too many arguments on generate_series() - max 3",
                petrel("SELECT * FROM generate_series(1,10,1,1)"));
        assertEquals("[i-3]\n[i-2]\n[i-1]", petrel("SELECT * FROM generate_series(-3,-1)"));
        assertEquals("[i1]\n[i3]", petrel("SELECT * FROM generate_series(1,3,2.7)"));
        assertEquals("[i8]\n[i9]\n[i10]", petrel("SELECT value FROM generate_series(1,10) WHERE value > 7"));
        assertEquals("[i1, i1]\n[i2, i1]\n[i2, i2]", petrel("CREATE TABLE n(k)", "INSERT INTO n VALUES(1),(2)",
                "SELECT n.k, s.value FROM n, generate_series(1, n.k) AS s ORDER BY 1, 2"));
        assertEquals("[i55]", petrel("SELECT sum(value) FROM generate_series(1,10)"));
    }
}
