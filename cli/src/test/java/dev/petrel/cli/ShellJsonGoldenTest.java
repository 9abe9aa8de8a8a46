package dev.petrel.cli;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON functions through the shell, against the real {@code sqlite3} 3.40 (which has json1 with {@code ->} and
 * {@code ->>}, json_each and json_tree, but not JSONB or JSON5): stdout, stderr and exit status must match in
 * the list, json and box output modes.
 */
class ShellJsonGoldenTest {
    @BeforeAll
    static void needsSqlite3() throws java.io.IOException {
        ShellGoldenTest.requireSqlite3("petrel-json-golden");
    }

    static Stream<String> scripts() {
        return Stream.of(
                "select json_array(1, 'a', null, json('{\"b\":[2,3]}')), json_object('k', 2.5);\n",
                "select '{\"a\":{\"b\":[10,20]}}' -> '$.a.b', '{\"a\":{\"b\":[10,20]}}' ->> '$.a.b[1]';\n",
                "select json_set('{\"a\":1}', '$.b', 'x'), json_remove('[1,2,3]', '$[0]'), json_type('[1]');\n",
                "create table t(id integer primary key, doc text);\n"
                        + "insert into t values(1, '{\"n\":\"ann\",\"tags\":[\"x\",\"y\"]}'), (2, '{\"n\":\"bob\"}');\n"
                        + "select t.id, j.key, j.value from t, json_each(t.doc, '$.tags') as j order by 1, 2;\n"
                        + "select json_group_array(doc ->> 'n') from t;\n",
                "select key, value, type, fullkey, path from json_tree('{\"a\":[1,{\"b\":null}]}');\n",
                "select json('[1,');\n");
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void jsonQueries(String script) throws Exception {
        for (String mode : new String[] {"-list", "-json", "-box"}) {
            ShellGoldenTest.assertSame(script, mode, ":memory:");
        }
    }
}
