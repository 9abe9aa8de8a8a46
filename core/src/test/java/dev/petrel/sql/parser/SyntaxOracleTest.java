package dev.petrel.sql.parser;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.sql.ast.Stmt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares Petrel's parser with real SQLite (sqlite-jdbc's prepare) on two lists of statements: malformed.sql
 * (every line is a syntax error in SQLite: Petrel must reject it with the same message) and accepted.sql (SQLite
 * accepts the syntax: Petrel must parse it and round-trip it through {@link SqlPrinter}).
 */
class SyntaxOracleTest {
    private static Connection sqlite;

    @BeforeAll
    static void open() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        // Some statements (CREATE TRIGGER) look their table up while parsing: give them tables to find.
        try (java.sql.Statement st = sqlite.createStatement()) {
            st.execute("CREATE TABLE tt(a, b, c, d, e)");
            st.execute("CREATE VIEW vv AS SELECT 1 AS a, 2 AS b");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        sqlite.close();
    }

    static List<String> lines(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = SyntaxOracleTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank() && !l.startsWith("-- ")) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    /** The message of a parse-stage error SQLite reports for {@code sql}, or null if it gets past parsing. */
    static String sqliteSyntaxError(String sql) {
        try {
            sqlite.prepareStatement(sql).close();
            return null;
        } catch (SQLException e) {
            String m = SqliteOracle.message(e);
            return isParseStageMessage(m) ? m : null;
        }
    }

    static boolean isParseStageMessage(String m) {
        return m.endsWith(": syntax error") || m.equals("incomplete input") || m.startsWith("unrecognized token: ")
                || m.startsWith("unknown join type") || m.startsWith("variable number must be between")
                || m.startsWith("hex literal too big") || m.startsWith("all VALUES must have")
                || m.startsWith("a JOIN clause is required") || m.startsWith("unknown table option")
                || m.startsWith("qualified table names are not allowed") || m.contains("clause is not allowed on")
                || m.startsWith("error in generated column") || m.startsWith("Expression tree is too large")
                || isCreateTableCheck(m) || m.contains("clause should come after")
                || m.equals("too many SQL variables") || m.equals("cannot use RETURNING in a trigger")
                || m.equals("trigger cannot use variables");
    }

    /** Messages of {@link CreateTableCheck}, which SQLite also reports while parsing CREATE TABLE. */
    static boolean isCreateTableCheck(String m) {
        return m.startsWith("duplicate column name: ") || m.endsWith("has more than one primary key")
                || m.startsWith("AUTOINCREMENT ") || m.startsWith("PRIMARY KEY missing on table")
                || m.startsWith("generated columns cannot be part of") || m.startsWith("cannot use DEFAULT on a")
                || m.startsWith("must have at least one non-generated") || m.startsWith("missing datatype for")
                || m.startsWith("unknown datatype for") || m.contains(" columns assigned ");
    }

    static String petrelError(String sql) {
        try {
            Parser.parseAll(sql);
            return null;
        } catch (PetrelException e) {
            assertEquals(ResultCode.ERROR, e.code(), sql);
            int off = SqlSyntaxError.offsetOf(e);
            assertTrue(off >= 0 && off <= sql.length(), "offset " + off + " for " + sql);
            return e.getMessage();
        }
    }

    @Test
    void malformedStatementsFailLikeSqlite() throws IOException {
        List<String> mismatches = new ArrayList<>();
        List<String> lines = lines("malformed.sql");
        for (String sql : lines) {
            String expected = sqliteSyntaxError(sql);
            String actual = petrelError(sql);
            if (expected == null || !expected.equals(actual)) {
                mismatches.add(sql + "\n    sqlite: " + expected + "\n    petrel: " + actual);
            }
        }
        System.out.println("malformed: " + lines.size() + " statements, " + mismatches.size() + " mismatches");
        assertEquals("", String.join("\n", mismatches));
        assertTrue(lines.size() >= 100);
    }

    /** Every keyword (and a few words SQLite treats specially) in every position a name can take. */
    @Test
    void keywordsAsNamesAgreeWithSqlite() {
        List<String> words = new ArrayList<>();
        for (dev.petrel.sql.lexer.Keyword k : dev.petrel.sql.lexer.Keyword.values()) {
            words.add(k.name().toLowerCase(java.util.Locale.ROOT));
        }
        words.addAll(List.of("true", "false", "concurrent", "rowid", "stored", "strict"));
        String[] templates = {
            "CREATE TABLE %s(x)", "CREATE TABLE t(%s INT)", "CREATE TABLE t(x %s)", "SELECT %s FROM t",
            "SELECT x AS %s FROM t", "SELECT x %s FROM t", "SELECT * FROM t %s", "SELECT * FROM t AS %s",
            "SELECT %s(x) FROM t", "SELECT t.%s FROM t", "SELECT %s.x FROM t", "INSERT INTO t(%s) VALUES (1)",
            "UPDATE t SET %s = 1", "CREATE INDEX %s ON t(x)", "PRAGMA %s", "SELECT x FROM t ORDER BY %s",
            "SELECT * FROM t WHERE %s = 1", "SELECT * FROM t WHERE x = %s", "WITH %s AS (SELECT 1) SELECT 2",
            "SELECT x COLLATE %s FROM t", "SELECT count(*) OVER %s FROM t", "DROP TABLE %s", "SAVEPOINT %s",
            "SELECT * FROM t JOIN u USING (%s)", "SELECT CAST(x AS %s) FROM t", "PRAGMA x = %s",
        };
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        for (String w : words) {
            for (String tpl : templates) {
                String sql = String.format(tpl, w);
                n++;
                String expected = sqliteSyntaxError(sql);
                String actual = petrelError(sql);
                if (!(expected == null ? actual == null : expected.equals(actual))) {
                    mismatches.add(sql + "\n    sqlite: " + expected + "\n    petrel: " + actual);
                }
            }
        }
        System.out.println("keywords as names: " + n + " statements, " + mismatches.size() + " mismatches");
        assertEquals("", String.join("\n", mismatches));
    }

    @Test
    void acceptedStatementsParseAndRoundTrip() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> lines = lines("accepted.sql");
        for (String sql : lines) {
            String sqliteErr = sqliteSyntaxError(sql);
            if (sqliteErr != null) {
                problems.add(sql + "\n    sqlite rejects it: " + sqliteErr);
                continue;
            }
            String err = petrelError(sql);
            if (err != null) {
                problems.add(sql + "\n    petrel rejects it: " + err);
                continue;
            }
            for (Stmt s : Parser.parseAll(sql)) {
                String printed = SqlPrinter.print(s);
                String d;
                try {
                    d = AstEquality.diff(s, Parser.parseOne(printed));
                } catch (PetrelException e) {
                    d = "reparse failed: " + e.getMessage();
                }
                if (d != null) {
                    problems.add(sql + "\n    printed: " + printed + "\n    " + d);
                } else if (sqliteSyntaxError(printed) != null) {
                    problems.add(sql + "\n    printed form rejected by sqlite: " + printed);
                }
            }
        }
        System.out.println("accepted: " + lines.size() + " statements, " + problems.size() + " problems");
        assertEquals("", String.join("\n", problems));
    }
}
