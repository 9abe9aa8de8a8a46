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
 * Golden comparisons on tables, schema and functions: each case runs once in {@code sqlite3}
 * and once in Petrel's shell on a fresh database file at the same path, and all output must match.
 *
 * <p>REAL values here are ones whose text is the same in SQLite 3.40 (the shell binary, "%!.15g") and 3.53 (Petrel's
 * engine, shortest round-trip, up to 17 digits); {@link RealTextTest} checks the others against SQLite 3.53.
 */
class ShellTablesGoldenTest {
    static final String SETUP = "create table t(a integer primary key, b text, c real, d blob, e);\n"
            + "insert into t values(1, 'x''y', 2.5, x'0102', null), (2, null, 1e100, null, 'l1\nl2'),"
            + " (3, 'é', 0.1, x'', -0.0), (4, '', 1e20, x'41', 9223372036854775807);\n"
            + "create index ti on t(b);\n"
            + "create view v as select a, b from t;\n"
            + "create table \"odd name\"(x, \"y z\");\n"
            + "insert into \"odd name\" values(0.25, 'tab\there');\n"
            + "create table s(id integer primary key autoincrement, v unique);\n"
            + "insert into s(v) values('one'), ('two');\n"
            + "create trigger tr after insert on s begin update s set v = upper(v) where id = new.id; end;\n";

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(ShellRunner.sqlite3Available(), "sqlite3 binary not installed");
    }

    /** Runs sqlite3 then Petrel on the database file {@code db}, recreated empty before each run. */
    static void assertSame(String name, String stdin, String... extraArgs) throws Exception {
        Path db = dir.resolve(name + ".db");
        String[] args = new String[extraArgs.length + 1];
        args[0] = db.toString();
        System.arraycopy(extraArgs, 0, args, 1, extraArgs.length);
        Files.deleteIfExists(db);
        ShellRunner.Result expected = ShellRunner.sqlite3(dir, stdin, args);
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve(name + ".db-journal"));
        ShellRunner.Result actual = ShellRunner.petrel(stdin, args);
        String context = "stdin=" + stdin + "\nexpected " + expected + "\nactual " + actual;
        assertEquals(expected.out(), actual.out(), context);
        assertEquals(expected.stderr(), actual.stderr(), context);
        assertEquals(expected.exitCode(), actual.exitCode(), context);
    }

    static Stream<String> modes() {
        return Stream.of("list", "csv", "quote", "json", "line", "tabs", "insert", "html", "ascii", "column", "box",
                "table", "markdown");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void tableRowsInEveryMode(String mode) throws Exception {
        String query = "select * from t order by a;\nselect * from \"odd name\";\nselect * from v;\n"
                + "select 1e20, 0.5 + 0.25, 123456789.125, -1e-7, 1e308 * 10, 2.0, 1e100, 3.25e-10, 1e14;\n"
                + "select * from t where 0;\n";
        assertSame("modes_" + mode, SETUP + ".mode " + mode + "\n" + query + ".headers on\n" + query);
    }

    /** .databases, .tables, .indexes and .schema with a temp database and an attached one. */
    @Test
    void catalogCommandsWithTempAndAttachedDatabases() throws Exception {
        assertSame("attached", ".databases\ncreate table t(a);\ncreate temp table tt(c);\n"
                + "attach ':memory:' as aux;\ncreate table aux.u(b);\ncreate view aux.vv as select * from u;\n"
                + "create index aux.ui on u(b);\ncreate temp view tv as select c from tt;\n"
                + "create table aux.\"odd\"(x);\n.databases\n.tables\n.tables u%\n.indexes\n.schema\n.schema u\n"
                + "detach aux;\n.databases\n.tables\n");
    }

    @Test
    void catalogCommands() throws Exception {
        assertSame("catalog", SETUP + ".tables\n.tables t%\n.schema\n.schema t\n.indexes\n.indexes t\n"
                + ".schema nosuch\n");
    }

    @Test
    void dump() throws Exception {
        assertSame("dump", SETUP + ".dump\n.dump t\n");
    }

    @Test
    void dumpOfPetrelLoadsIntoSqlite3() throws Exception {
        Path db = dir.resolve("fromPetrel.db");
        Files.deleteIfExists(db);
        ShellRunner.Result dump = ShellRunner.petrel(SETUP + ".dump\n", db.toString());
        assertEquals("", dump.stderr());
        Path copy = dir.resolve("loaded.db");
        Files.deleteIfExists(copy);
        ShellRunner.Result load = ShellRunner.sqlite3(dir, dump.out(), copy.toString());
        assertEquals("", load.stderr());
        ShellRunner.Result again = ShellRunner.sqlite3(dir, ".dump\n", copy.toString());
        assertEquals(dump.out(), again.out());
        ShellRunner.Result theirs = ShellRunner.sqlite3(dir, ".dump\n", db.toString());
        assertEquals(dump.out(), theirs.out(), "sqlite3 reading Petrel's file dumps the same");
    }

    @Test
    void importCsv() throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.write(csv, "a,b c\n1,\"x,\"\"y\"\"\"\n2\n3,4,5\n\"multi\nline\",6\n".getBytes(StandardCharsets.UTF_8));
        Path txt = dir.resolve("in.txt");
        Files.write(txt, "1|2\n3|4\n".getBytes(StandardCharsets.UTF_8));
        assertSame("import", ".import --csv " + csv + " t\n.schema\n.mode quote\nselect * from t;\n"
                + "create table u(a, b);\n.mode list\n.import " + txt + " u\nselect * from u;\n"
                + ".import nosuch.txt u\n");
    }

    @Test
    void changesEchoAndErrors() throws Exception {
        assertSame("changes", SETUP + ".changes on\ninsert into \"odd name\" values(1, 2), (3, 4);\n"
                + "update t set b = b;\ndelete from \"odd name\";\nselect 1;\n.changes off\n"
                + "insert into s(v) values('one');\ninsert into t values(1, 1, 1, 1, 1);\n"
                + "select abs(-9223372036854775808);\nselect nosuchcol from t;\nselect * from nosuch;\n");
    }

    @Test
    void readAndOutputFiles() throws Exception {
        Path script = dir.resolve("script.sql");
        Files.write(script, "select 'from script';\nselec;\nselect 2;\n".getBytes(StandardCharsets.UTF_8));
        Path outFile = dir.resolve("out.txt");
        Files.deleteIfExists(outFile);
        assertSame("read", ".read " + script + "\n.output " + outFile + "\nselect 'to file';\n.output\n"
                + "select 'back';\n.read nosuch.sql\n");
        assertEquals("to file\n", Files.readString(outFile));
    }

    @Test
    void readonlyRefusesWrites() throws Exception {
        Path db = dir.resolve("ro.db");
        Files.deleteIfExists(db);
        ShellRunner.sqlite3(dir, "create table t(x);\ninsert into t values(1);\n", db.toString());
        String script = "select * from t;\ninsert into t values(2);\nselect count(*) from t;\n";
        ShellRunner.Result expected = ShellRunner.sqlite3(dir, script, "-readonly", db.toString());
        ShellRunner.Result actual = ShellRunner.petrel(script, "-readonly", db.toString());
        assertEquals(expected.toString(), actual.toString());
    }
}
