package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.func.regexp.JavaRegexReference;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sqlite.Function;

/**
 * The REGEXP operator and regexp() against SQLite. sqlite-jdbc 3.53.4.0 has no regexp() ("no such function:
 * regexp"), so the SQLite side gets the regexp extension's behaviour from a java.util.regex reference (patterns of
 * the dialect both share); Petrel uses its built-in engine. What is compared is the SQL around the function:
 * argument order of the operator, NOT, NULLs, type conversion, WHERE/CHECK/index use, errors.
 */
class RegexpOracleTest {
    private static void defineReferenceRegexp(Oracle o) throws SQLException {
        Function.create(o.sqlite, "regexp", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                if (value_type(0) == 5 || value_type(1) == 5) {
                    result();
                    return;
                }
                result(JavaRegexReference.compile(value_text(0)).matcher(value_text(1)).find() ? 1 : 0);
            }
        }, 2, Function.FLAG_DETERMINISTIC);
    }

    @Test
    void regexpWithoutAnImplementationOnSqliteIsUnknown() {
        try (Oracle o = new Oracle()) {
            assertEquals("error: no such function: REGEXP", o.sqlite("SELECT 'a' REGEXP 'a'"));
            assertEquals("[i1]", o.petrel("SELECT 'a' REGEXP 'a'"));
        }
    }

    @Test
    void operatorAndFunctionAgainstTheReference() throws SQLException {
        try (Oracle o = new Oracle()) {
            defineReferenceRegexp(o);
            assertEquals("", String.join("\n", o.differences(
                    "CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, p TEXT)",
                    "INSERT INTO t(s, p) VALUES ('hello world', 'wor'), ('Hello', '^h'), ('abc123', '\\d+$'),"
                            + " ('日本語テキスト', '本.テ'), ('x😎y', '^x.y$'), (NULL, 'a'), ('a', NULL),"
                            + " ('2024-01-15', '^\\d{4}-\\d{2}-\\d{2}$'), ('foo.bar', 'o\\.b'), ('aaa', '^a{2,3}$'),"
                            + " ('a b\tc', 'b\\sc'), ('under_score', '\\bscore'), ('x', '[^a-w]'), ('', '^$'),"
                            + " (12345, '3'), (1.5, '^1\\.5$'), (x'616263', 'b')",
                    "SELECT id, s REGEXP p, s NOT REGEXP p, regexp(p, s) FROM t ORDER BY id",
                    "SELECT id FROM t WHERE s REGEXP p ORDER BY id",
                    "SELECT id FROM t WHERE s REGEXP '^[a-z]+$' ORDER BY id",
                    "SELECT id FROM t WHERE NOT s REGEXP 'o' ORDER BY id",
                    "SELECT count(*) FROM t WHERE s REGEXP '(a|b|c)+'",
                    "SELECT 'abc' REGEXP 'B', 'ABC' REGEXP '[A-C]{3}', 5 REGEXP '5', NULL REGEXP 'x', 'x' REGEXP NULL",
                    "SELECT typeof('a' REGEXP 'a'), ('a' REGEXP 'a') + 1",
                    "SELECT s FROM t WHERE s REGEXP 'l+' ORDER BY s",
                    "SELECT regexp('a')",
                    "SELECT regexp('a', 'b', 'c')",
                    "CREATE TABLE codes(c TEXT CHECK (c REGEXP '^[A-Z]{3}$'))",
                    "INSERT INTO codes VALUES ('ABC')",
                    "INSERT INTO codes VALUES ('AB1')",
                    "SELECT c FROM codes",
                    "CREATE INDEX words ON t(s REGEXP '^\\w+$')",
                    "SELECT id FROM t WHERE (s REGEXP '^\\w+$') = 1 ORDER BY id")));
        }
    }

    @Test
    void malformedPatternsFailTheStatement() {
        try (Oracle o = new Oracle()) {
            assertEquals("error: unmatched '('", o.petrel("SELECT 'a' REGEXP '(a'"));
            assertEquals("error: '*' without operand", o.petrel("SELECT regexp('*', 'a')"));
            assertEquals("error: unknown \\ escape", o.petrel("SELECT 'a' REGEXP '\\q'"));
            // Both arguments end at a NUL, as the extension reads C strings (checked with the sqlite3 shell).
            assertEquals("[i0, i0, i1, i1, i1]", o.petrel("SELECT ('a' || char(0) || 'b') REGEXP 'b',"
                    + " ('a' || char(0) || 'b') REGEXP 'a.b', 'xb' REGEXP ('x' || char(0) || 'q'),"
                    + " regexp('a', x'610062'), x'00' REGEXP '^$'"));
            // A pattern from a column is compiled for each new pattern; a bad one fails when reached.
            o.petrel.exec("CREATE TABLE p(x); INSERT INTO p VALUES ('a'), ('[b'), ('c')");
            assertEquals("error: unclosed '['", o.petrel("SELECT 'abc' REGEXP x FROM p"));
            assertEquals("[i1]", o.petrel("SELECT 'abc' REGEXP x FROM p WHERE rowid = 3"));
        }
    }
}
