package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden comparisons on constant SELECTs (what the engine runs today): the same arguments and stdin go to the real
 * {@code sqlite3} 3.40 and to Petrel's shell, and stdout (byte for byte), stderr and the exit status must match.
 */
class ShellGoldenTest {
    /** Values whose text is the same in every engine build: integers, text, blobs, NULL, exact short reals. */
    static final String VALUES = "select 1 as a, 'x,y\"z' as b, 2.5 as c, x'00ff41' as d, null as e,"
            + " 'it''s' as f, 9223372036854775807 as g, 'l1\nl2' as h, -3 as i, -0.5, 'é', x'', '', x'414243',"
            + " 'tab\there', 'back\\slash', 'ctl\u0001x', 0.1 as j";
    static final String[] MODES = {"-list", "-csv", "-quote", "-json", "-line", "-tabs", "-html", "-ascii",
        "-column", "-box", "-table", "-markdown"};

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(ShellRunner.sqlite3Available(), "sqlite3 binary not installed");
    }

    /**
     * For the other golden suites: skips them when sqlite3 is missing, and makes the scratch directory sqlite3 runs
     * in (named after {@code prefix}) unless this suite already made one.
     */
    static void requireSqlite3(String prefix) throws java.io.IOException {
        assumeTrue(ShellRunner.sqlite3Available(), "sqlite3 binary not installed");
        if (dir == null) {
            dir = java.nio.file.Files.createTempDirectory(prefix);
        }
    }

    /** {@link #assertSame} on an in-memory database in list mode, without and with headers. */
    static void assertSameInListMode(String stdin) throws Exception {
        assertSame(stdin, "-list", ":memory:");
        assertSame(stdin, "-list", "-header", ":memory:");
    }

    static void assertSame(String stdin, String... args) throws Exception {
        ShellRunner.Result expected = ShellRunner.sqlite3(dir, stdin, args);
        ShellRunner.Result actual = ShellRunner.petrel(stdin, args);
        String context = "args=" + String.join(" ", args) + " stdin=" + stdin + "\nexpected " + expected
                + "\nactual " + actual;
        assertEquals(expected.out(), actual.out(), context);
        assertArrayEquals(expected.stdout(), actual.stdout(), context);
        assertEquals(expected.stderr(), actual.stderr(), context);
        assertEquals(expected.exitCode(), actual.exitCode(), context);
    }

    static Stream<Arguments> modesAndHeaders() {
        List<Arguments> out = new ArrayList<>();
        for (String m : MODES) {
            out.add(Arguments.of(m, "-header"));
            out.add(Arguments.of(m, "-noheader"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndHeaders")
    void everyModeFromArguments(String mode, String header) throws Exception {
        assertSame("", mode, header, ":memory:", VALUES, "select 7 as only");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndHeaders")
    void everyModeFromStdin(String mode, String header) throws Exception {
        assertSame(VALUES + ";\nselect 'second', 2;\n  select\n 3 ;  select 4; select 5\n", mode, header);
    }

    static Stream<String> dotCommandScripts() {
        return Stream.of(
                ".mode csv\n.headers on\nselect 1 as a, 'b c' as b;\n.mode list\nselect 1 as a;\n",
                ".mode quote\nselect 'q', x'01', null;\n.mode tabs\nselect 1, 2;\n.mode ascii\nselect 3, 4;\n",
                ".mode insert\nselect 1 as a, 'x' as b;\n.mode insert t1\nselect 2;\n.headers on\nselect 3 as \"b c\";\n",
                ".mode insert\nselect 'l1\nl2', 'x\ry', 'q''z';\n",
                ".mode insert\nselect 412.0, -412.0, 1e15, 9.2e18, 1e19, -0.0, 123456789.0, 9223372036854775807.0,"
                    + " -9223372036854775808.0, 0.5, 1e308 * 10, -1e308 * 10;\n.mode quote\nselect 412.0, 1e19;\n"
                    + ".mode json\nselect 412.0, 1e308 * 10 as inf;\n",
                ".nullvalue NIL\nselect null, 1;\n.mode csv\nselect null, '';\n",
                ".separator ; X\nselect 1, 2;\n.separator \"\\t\" \"\\n\"\nselect 3, 4;\n.show\n",
                ".mode line\nselect 1 as a, 22 as bbbbbbb, 'x' as c;\n.mode json\nselect 1 as a;\n",
                ".mode\n.mode csv\n.mode\n.mode column\n.mode\n.show\n",
                ".print a  'b c' \"d\\te\"\n.headers maybe\n.mode bogus\n.headers\n.nullvalue a b\n.foo\n",
                ".mode column\nselect 1 as a, 'xyz' as bb;\n.headers off\nselect 1 as a;\n",
                ".mode box\nselect 'é' as wide, 1;\n.mode table\nselect 1;\n.mode markdown\nselect 2 as n;\n",
                "# a comment line\n\n   \nselect 1; -- trailing comment\n/* block */ select 2;\n",
                ".changes off\n.timer off\n.echo on\nselect 1;\n.echo off\nselect 2;\n",
                ".exit 3\nselect 1;\n",
                "select 1;\n.quit\nselect 2;\n");
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("dotCommandScripts")
    void dotCommandsFromStdin(String script) throws Exception {
        assertSame(script, ":memory:");
    }

    static Stream<String> errorScripts() {
        return Stream.of(
                "select 'abc\n;\n",
                "select 1 +\n",
                "select x'4';\n",
                "select 1;\nselect 'unterminated;\n");
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("errorScripts")
    void errorsFromStdin(String script) throws Exception {
        assertSame(script);
        assertSame(script, "-bail", ":memory:");
    }

    /** Syntax errors whose message and offset come from the SQL parser. */
    static Stream<String> parserErrorScripts() {
        return Stream.of(
                "select 1;\nselect foo(;\nselect 2;\n",
                "select 1; selec 2; select 3;\n\n  select\n 4 +;\nselect 5;\n",
                "select #;\n",
                "selec;t\n",
                "select 1;\nselec 2;\nselect 3;\nselec 4;\n",
                "select 'a very long line to push the error offset past twenty five characters', foo(;\n",
                "select 1;\n.bail on\nselect 2;\nselec;\nselect 3;\n",
                "select nosuchcol;\nselect abs(1,2);\nselect * from nosuch;\n",
                "select 1 limit 'x';\n",
                "select 'éééééééééééééééééééééééééééééééééééééééééééééééééééééééé', nosuchfn(1);\n",
                "select 'ééé', nosuchfn(1) from (select 1 as a) where a = 1 and 'a very long tail' = 'that goes past the"
                    + " seventy-eight byte limit of the excerpt';\n",
                "create table t(a);\nselect t.zz from t;\nselect zz from t;\n",
                "select 1; /*\n*/ select 2;\nselect 3; /* open\n");
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("parserErrorScripts")
    void parserErrorsFromStdin(String script) throws Exception {
        assertSame(script);
        assertSame(script, "-bail", ":memory:");
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("parserErrorScripts")
    void parserErrorsFromArguments(String script) throws Exception {
        assertSame("", ":memory:", script);
    }

    static Stream<Arguments> argumentRuns() {
        return Stream.of(
                Arguments.of((Object) new String[] {"-cmd", "select 5,6", "-cmd", ".mode csv", ":memory:",
                    "select 1,2"}),
                Arguments.of((Object) new String[] {":memory:", "-line", "select 1 as a", "-csv", "select 2"}),
                Arguments.of((Object) new String[] {"-separator", "\\t", "-nullvalue", "\\n", ":memory:",
                    "select 1, null"}),
                Arguments.of((Object) new String[] {"-list", "-newline", "X\\n", ":memory:", "select 1"}),
                Arguments.of((Object) new String[] {":memory:", ".bail", ".mode csv", "select 1"}),
                Arguments.of((Object) new String[] {":memory:", ".mode csv", ".show"}),
                Arguments.of((Object) new String[] {"-json", "-header", ":memory:", "select 1 as a"}),
                Arguments.of((Object) new String[] {":memory:", "select 1 as a, 2 as b", ".mode line",
                    "select 3 as c"}));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("argumentRuns")
    void sqlAndCommandsFromArguments(String[] args) throws Exception {
        assertSame("select 99;\n", args);
    }

    /** Catalogue commands on a database with no pages yet (an empty schema, as in sqlite3). */
    @ParameterizedTest(name = "[{index}]")
    @MethodSource("emptyDatabaseScripts")
    void emptyDatabase(String script) throws Exception {
        assertSame(script, ":memory:");
    }

    static Stream<String> emptyDatabaseScripts() {
        return Stream.of(".tables\n", ".schema\n", ".dump\n", ".indexes\n", "select count(*) from sqlite_schema;\n");
    }
}
