package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden comparisons with the real {@code sqlite3} 3.40 for the dot-commands and shell features beyond the output
 * modes: EXPLAIN QUERY PLAN trees and {@code .eqp}, {@code .width}, {@code .parameter}, {@code .schema --indent},
 * files ({@code .import}, {@code .once}, {@code .output}, {@code .backup}, {@code .save}, {@code .open},
 * {@code .read}), and {@code .dump} text that sqlite3 turns back into the same database. Files live in a temporary
 * directory named by absolute paths, since sqlite3 runs there and Petrel's shell in the test's own directory.
 */
class ShellDotCommandGoldenTest {
    @TempDir
    static Path dir;

    private static final String SCHEMA = "create table t(a integer primary key, b text, c real);\n"
            + "create index tb on t(b);\ncreate table u(x, y);\n"
            + "insert into t values(1, 'one', 1.5), (2, 'two', null), (3, 'three', -2.25);\n"
            + "insert into u values(1, 'a'), (2, 'b');\n";

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(ShellRunner.sqlite3Available(), "sqlite3 binary not installed");
    }

    private static void assertSame(String stdin, String... args) throws Exception {
        ShellRunner.Result expected = ShellRunner.sqlite3(dir, stdin, args);
        ShellRunner.Result actual = ShellRunner.petrel(stdin, args);
        String context = "stdin=" + stdin + "\nexpected " + expected + "\nactual " + actual;
        assertEquals(expected.out(), actual.out(), context);
        assertEquals(expected.stderr(), actual.stderr(), context);
        assertEquals(expected.exitCode(), actual.exitCode(), context);
    }

    private static String file(String name) {
        return dir.resolve(name).toAbsolutePath().toString();
    }

    static Stream<String> scripts() {
        return Stream.of(
                // EXPLAIN QUERY PLAN as a tree, whatever the mode; nothing for a plan without rows
                SCHEMA + "explain query plan select * from t where b = 'x';\n"
                        + ".mode csv\nexplain query plan select * from t order by c;\n"
                        + "explain query plan select count(*) from t join u on u.x = t.a where t.b > 'a';\n"
                        + "explain query plan create table v(z);\n"
                        + "EXPLAIN  /* c */ QUERY PLAN select x from u union all select a from t;\n",
                // .eqp: the plan before the rows; not again for EXPLAIN QUERY PLAN itself; .show reports it
                SCHEMA + ".eqp on\nselect b from t where b = 'one';\ninsert into u values(3, 'c');\n"
                        + "explain query plan select * from u;\n.show\n.eqp off\nselect 1;\n"
                        + ".eqp\n.eqp trigger\n.show\n",
                // .width: fixed and right-aligned columns, wrapping at the width; .show lists the widths
                SCHEMA + ".mode column\n.width 5 -8 3\nselect a, b, c, 'abcdefghij' from t;\n.show\n"
                        + ".width\n.show\n.mode box\n.width 0 4\nselect b, 'wraps here' from t;\n",
                // .mode column turns the header on only while .headers was never given
                ".mode column\nselect 1 as x;\n.headers off\n.mode column\nselect 2 as y;\n",
                // .parameter: set (an expression or text), list sorted and aligned, binding by name, unset, help
                ".parameter set :a 1+2\n.parameter set @long 'abc'\n.parameter set $t hello\n"
                        + ".parameter set ?2 x''\n.parameter list\nselect :a, @long, $t, :none;\n"
                        + ".parameter unset :a\n.parameter list\n.parameter init\n.parameter clear\n"
                        + ".parameter list\n.parameter bogus\n.parameter set :x\n",
                // .schema --indent and the schema table's own definition
                "create table s ( a ,b ) ;\ncreate   table u  (\n  x,   y\n);\n"
                        + "create table w(alpha integer primary key, beta text not null default (1+2), gamma,"
                        + " delta_column_with_long_name real check (delta_column_with_long_name > 0),"
                        + " unique(beta,gamma)) without rowid;\ncreate index wi on w(gamma);\n"
                        + "create view v as select alpha,   beta from w;\n"
                        + ".schema --indent\n.schema --indent s\n.schema sqlite_master\n.schema SQLITE_SCHEMA\n",
                // output files: .once for one command, .output until changed back, .read of a script
                SCHEMA + ".once " + file("once.txt") + "\nselect 'once';\nselect 'after';\n"
                        + ".output " + file("out.txt") + "\nselect b from t;\n.show\n.output\n"
                        + ".read " + file("once.txt") + "\n.read " + file("out.txt") + "\n"
                        + ".read " + file("nosuch.sql") + "\n",
                // .backup / .save, then .open of the copies
                SCHEMA + ".backup " + file("b1.db") + "\n.save " + file("b2.db") + "\n.backup\n"
                        + ".open " + file("b1.db") + "\n.tables\nselect * from t;\n"
                        + ".open " + file("b2.db") + "\nselect * from u;\n.schema\n",
                // .import: CSV with a header line, --skip, into an existing table, a missing file
                ".import --csv " + file("in.csv") + " t1\nselect * from t1;\n.schema t1\n"
                        + ".import --csv --skip 1 " + file("in.csv") + " t1\nselect count(*) from t1;\n"
                        + ".mode csv\n.import " + file("in.csv") + " t2\n.mode list\nselect * from t2;\n"
                        + ".import " + file("nosuch.csv") + " t3\n",
                // catalogue commands with patterns, .changes, .echo, .print, .bail off
                SCHEMA + ".tables\n.tables _\n.indexes\n.indexes u%\n.schema t%\n.changes on\n"
                        + "update t set c = 0 where a > 1;\n.changes off\n.echo on\nselect count(*) from t;\n"
                        + ".echo off\n.print one \"two\\tthree\"\n.bail off\nselect nosuch;\nselect 'still';\n");
    }

    @BeforeAll
    static void inputFiles() throws Exception {
        Files.writeString(dir.resolve("in.csv"), "a,b,c\n1,\"x,y\",3\n4,,6\n7,\"multi\nline\",9\n",
                StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("scripts")
    void sameAsSqlite3(String script) throws Exception {
        for (String f : new String[] {"once.txt", "out.txt", "b1.db", "b2.db"}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        ShellRunner.Result expected = ShellRunner.sqlite3(dir, script);
        String expectedFiles = outputFiles();
        for (String f : new String[] {"once.txt", "out.txt", "b1.db", "b2.db"}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        ShellRunner.Result actual = ShellRunner.petrel(script);
        String context = "stdin=" + script + "\nexpected " + expected + "\nactual " + actual;
        assertEquals(expected.out(), actual.out(), context);
        assertEquals(expected.stderr(), actual.stderr(), context);
        assertEquals(expected.exitCode(), actual.exitCode(), context);
        assertEquals(expectedFiles, outputFiles(), context);
    }

    private static String outputFiles() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String f : new String[] {"once.txt", "out.txt"}) {
            Path p = dir.resolve(f);
            sb.append(f).append(": ").append(Files.exists(p) ? Files.readString(p) : "(none)").append('\n');
        }
        return sb.toString();
    }

    /** Petrel's {@code .dump} of Chinook, run by sqlite3 into a new file, dumps (by sqlite3) as the original. */
    @Test
    void dumpRoundTripsThroughSqlite3() throws Exception {
        Path chinook = ShellSampleGoldenTest.chinook();
        assumeTrue(Files.exists(chinook), "sample database missing");
        String[] args = {"-readonly", chinook.toAbsolutePath().toString(), ".dump"};
        ShellRunner.Result petrelDump = ShellRunner.petrel("", args);
        assertEquals("", petrelDump.stderr());
        Path rebuilt = dir.resolve("rebuilt.db");
        Files.deleteIfExists(rebuilt);
        ShellRunner.Result load = ShellRunner.sqlite3(dir, petrelDump.out(), rebuilt.toString());
        assertEquals("", load.stderr());
        ShellRunner.Result again = ShellRunner.sqlite3(dir, "", rebuilt.toString(), ".dump");
        ShellRunner.Result original = ShellRunner.sqlite3(dir, "", args);
        assertEquals(original.out(), again.out());
        assertEquals(original.out(), petrelDump.out());
    }

    /** The same round trip for a database Petrel's shell built itself, with every kind of value. */
    @Test
    void dumpOfValuesRoundTrips() throws Exception {
        String script = "create table v(i integer, r real, t text, b blob, n);\n"
                + "insert into v values(1, 1.5, 'it''s', x'00ff', null), (-9223372036854775808, 1e300, 'l1\nl2',"
                + " x'', 'x'), (0, -0.0, '', null, 2.5), (2, 0.1, 'tab\there', x'41', 1e-300);\n"
                + "create table \"q t\"(\"a b\" primary key, c) without rowid;\ninsert into \"q t\" values('k', 1);\n"
                + "create view vv as select i from v;\ncreate trigger tr after insert on v begin select 1; end;\n"
                + "create table ai(id integer primary key autoincrement, x);\ninsert into ai(x) values(1), (2);\n"
                + ".dump\n";
        ShellRunner.Result petrelDump = ShellRunner.petrel(script);
        ShellRunner.Result sqliteDump = ShellRunner.sqlite3(dir, script);
        assertEquals(sqliteDump.out(), petrelDump.out());
        Path rebuilt = dir.resolve("values.db");
        Files.deleteIfExists(rebuilt);
        String dumpText = petrelDump.out();
        ShellRunner.sqlite3(dir, dumpText, rebuilt.toString());
        assertEquals(dumpText, ShellRunner.sqlite3(dir, "", rebuilt.toString(), ".dump").out());
    }
}
