package dev.petrel.sql.parser;

import dev.petrel.api.PetrelException;
import dev.petrel.sql.ast.Stmt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every SQL text of the shared sqllogictest corpus that applies to SQLite must parse (unless real SQLite rejects it
 * with the same syntax error) and must round-trip through {@link SqlPrinter}.
 */
class SqlLogicTestParseTest {

    @Test
    void wholeCorpusParsesAndRoundTrips() throws Exception {
        Path shared = SqlLogicTestCorpus.sharedDir();
        Assumptions.assumeTrue(shared != null, "shared sqllogictest corpus not found");
        long t0 = System.nanoTime();
        Set<String> seen = new HashSet<>();
        int scale = Integer.getInteger("petrel.test.scale", 1);
        // Parsing covers every text; the slower print/reparse/compare covers a deterministic sample at scale 1.
        int roundTripEvery = Math.max(1, 16 / Math.max(1, scale));
        int distinct = 0;
        long parseNanos = 0;
        long rtNanos = 0;
        int records = 0;
        int statements = 0;
        int printed = 0;
        List<String> rejected = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path f : SqlLogicTestCorpus.files(shared)) {
            for (SqlLogicTestCorpus.Entry e : SqlLogicTestCorpus.read(f)) {
                records++;
                if (!seen.add(e.sql())) {
                    continue;
                }
                List<Stmt> stmts;
                long p0 = System.nanoTime();
                try {
                    stmts = Parser.parseAll(e.sql());
                    parseNanos += System.nanoTime() - p0;
                    statements += stmts.size();
                } catch (PetrelException ex) {
                    rejected.add(e.sql() + "\u0000" + ex.getMessage() + "\u0000" + e.file() + ":" + e.line());
                    continue;
                }
                long r0 = System.nanoTime();
                if (++distinct % roundTripEvery != 0 && !e.file().startsWith("slt_lang")
                        && !e.file().startsWith("in")) {
                    continue;
                }
                for (Stmt s : stmts) {
                    String text = SqlPrinter.print(s);
                    try {
                        Stmt again = Parser.parseOne(text);
                        String d = AstEquality.diff(s, again);
                        if (d != null) {
                            failures.add(e.file() + ":" + e.line() + " round-trip differs at " + d + "\n  " + text);
                        } else if (!SqlPrinter.print(again).equals(text)) {
                            failures.add(e.file() + ":" + e.line() + " printing not stable\n  " + text);
                        }
                        printed++;
                    } catch (PetrelException ex) {
                        failures.add(e.file() + ":" + e.line() + " printed SQL does not parse: " + ex.getMessage()
                                + "\n  " + text);
                    }
                }
                rtNanos += System.nanoTime() - r0;
            }
        }
        // Texts Petrel rejects must be rejected by SQLite with the same message.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String r : rejected) {
                String[] parts = r.split("\u0000");
                String sqliteMsg = null;
                try {
                    c.prepareStatement(parts[0]).close();
                } catch (SQLException ex) {
                    sqliteMsg = SqliteOracle.message(ex);
                }
                if (!parts[1].equals(sqliteMsg)) {
                    failures.add(parts[2] + " Petrel rejects (" + parts[1] + ") but SQLite says " + sqliteMsg
                            + "\n  " + parts[0]);
                }
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("parse " + parseNanos / 1_000_000 + " ms, print+reparse+compare " + rtNanos / 1_000_000
                + " ms");
        System.out.println("sqllogictest corpus: " + records + " records, " + seen.size() + " distinct texts, "
                + statements + " statements parsed, " + printed + " round-tripped, " + rejected.size()
                + " rejected (checked against SQLite), " + failures.size() + " failures, " + ms + " ms");
        assertTrue(statements > 1000, "corpus looks empty");
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())));
    }
}
