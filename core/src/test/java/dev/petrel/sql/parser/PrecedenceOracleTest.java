package dev.petrel.sql.parser;

import dev.petrel.api.PetrelException;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SelectBody;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks that Petrel groups operators exactly as SQLite does: random operator soups (few parentheses) are parsed
 * by Petrel and re-emitted fully parenthesised from Petrel's tree; real SQLite must compute the same value for
 * both texts. The minimal-parentheses {@link SqlPrinter} output must also compute that value.
 */
class PrecedenceOracleTest {
    private static final String[] BINARY = {"+", "-", "*", "/", "%", "||", "&", "|", "<<", ">>", "<", "<=", ">",
        ">=", "=", "==", "!=", "<>", "IS", "IS NOT", "AND", "OR", "IS DISTINCT FROM", "IS NOT DISTINCT FROM",
        "LIKE", "NOT LIKE", "GLOB", "NOT GLOB", "->>"};

    /** SplitMix64: deterministic across platforms. */
    private static final class Rng {
        private long state;

        Rng(long seed) {
            state = seed;
        }

        int next(int bound) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (int) Math.floorMod(z, (long) bound);
        }
    }

    private static String gen(Rng r, int depth) {
        if (depth <= 0 || r.next(5) == 0) {
            switch (r.next(6)) {
                case 0:
                    return "NULL";
                case 1:
                    return "'" + r.next(3) + "'";
                case 2:
                    return "-" + r.next(4);
                default:
                    return String.valueOf(r.next(5));
            }
        }
        switch (r.next(13)) {
            case 12:
                return gen(r, depth - 1) + (r.next(2) == 0 ? " LIKE " : " NOT LIKE ") + gen(r, depth - 1)
                        + " ESCAPE '" + r.next(3) + "'";
            case 0:
                return "NOT " + gen(r, depth - 1);
            case 1:
                return (r.next(2) == 0 ? "- " : "~") + gen(r, depth - 1);
            case 2:
                return gen(r, depth - 1) + (r.next(2) == 0 ? " NOT BETWEEN " : " BETWEEN ") + gen(r, depth - 1)
                        + " AND " + gen(r, depth - 1);
            case 3:
                return gen(r, depth - 1) + (r.next(2) == 0 ? " NOT IN (" : " IN (") + gen(r, depth - 1) + ", "
                        + gen(r, depth - 1) + ")";
            case 4:
                return gen(r, depth - 1) + new String[] {" ISNULL", " NOTNULL", " NOT NULL", " IS NULL"}[r.next(4)];
            case 5:
                return "(" + gen(r, depth - 1) + ")";
            case 6:
                return gen(r, depth - 1) + " COLLATE NOCASE";
            case 7:
                return "CASE " + gen(r, depth - 1) + " WHEN " + gen(r, depth - 1) + " THEN " + gen(r, depth - 1)
                        + " ELSE " + gen(r, depth - 1) + " END";
            default:
                return gen(r, depth - 1) + " " + BINARY[r.next(BINARY.length)] + " " + gen(r, depth - 1);
        }
    }

    /** Every operator application in parentheses, from Petrel's tree. */
    static String full(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.text();
        }
        if (e instanceof Expr.Unary u) {
            String op = u.op() == Expr.UnaryOp.NOT ? "NOT " : u.op() == Expr.UnaryOp.NEG ? "- "
                    : u.op() == Expr.UnaryOp.POS ? "+ " : "~ ";
            return "(" + op + full(u.operand()) + ")";
        }
        if (e instanceof Expr.Binary b) {
            return "(" + full(b.left()) + " " + SqlPrinter.print(new Expr.Binary(0, b.op(), lit("1"), lit("2")))
                    .replace("1 ", "").replace(" 2", "") + " " + full(b.right()) + ")";
        }
        if (e instanceof Expr.Like l) {
            return "(" + full(l.left()) + (l.not() ? " NOT " : " ") + l.op() + " " + full(l.pattern())
                    + (l.escape() != null ? " ESCAPE " + full(l.escape()) : "") + ")";
        }
        if (e instanceof Expr.Between b) {
            return "(" + full(b.operand()) + (b.not() ? " NOT" : "") + " BETWEEN " + full(b.low()) + " AND "
                    + full(b.high()) + ")";
        }
        if (e instanceof Expr.InList in) {
            List<String> parts = new ArrayList<>();
            for (Expr x : in.list()) {
                parts.add(full(x));
            }
            return "(" + full(in.operand()) + (in.not() ? " NOT IN (" : " IN (") + String.join(", ", parts) + "))";
        }
        if (e instanceof Expr.NullTest n) {
            return "(" + full(n.operand()) + (n.notNull() ? " NOTNULL)" : " ISNULL)");
        }
        if (e instanceof Expr.Collate c) {
            return "(" + full(c.operand()) + " COLLATE " + c.collation() + ")";
        }
        if (e instanceof Expr.Case c) {
            return "(CASE " + full(c.base()) + " WHEN " + full(c.whens().get(0).when()) + " THEN "
                    + full(c.whens().get(0).then()) + " ELSE " + full(c.elseExpr()) + " END)";
        }
        throw new IllegalArgumentException(e.toString());
    }

    private static Expr lit(String text) {
        return new Expr.Literal(0, Expr.LiteralKind.INTEGER, Long.parseLong(text), text);
    }

    private static String eval(Statement st, String expr) {
        try (ResultSet rs = st.executeQuery("SELECT quote(" + expr + ")")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "error: " + SqliteOracle.message(e);
        }
    }

    @Test
    void randomExpressionsGroupLikeSqlite() throws SQLException {
        int scale = Integer.getInteger("petrel.test.scale", 1);
        long seed = Long.getLong("petrel.test.seed", 20261124L);
        Rng r = new Rng(seed);
        int count = 1500 * Math.max(1, scale);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement st = c.createStatement()) {
            for (int i = 0; i < count && failures.size() < 10; i++) {
                String text = gen(r, 2 + r.next(4));
                Expr e;
                try {
                    Select s = (Select) Parser.parseOne("SELECT " + text);
                    e = ((ResultColumn.Item) ((SelectBody.Core) s.body()).columns().get(0)).expr();
                } catch (PetrelException ex) {
                    String sqlite = eval(st, text);
                    if (!sqlite.startsWith("error: ")) {
                        failures.add("Petrel rejects " + text + ": " + ex.getMessage() + " / SQLite: " + sqlite);
                    }
                    continue;
                }
                String expected = eval(st, text);
                String grouped = eval(st, full(e));
                String printed = eval(st, SqlPrinter.print(e));
                compared++;
                if (!expected.equals(grouped) || !expected.equals(printed)) {
                    failures.add(text + "\n    sqlite " + expected + "\n    petrel grouping " + full(e) + " = "
                            + grouped + "\n    printed " + SqlPrinter.print(e) + " = " + printed);
                }
            }
        }
        System.out.println("precedence oracle: " + compared + " random expressions compared with SQLite (seed "
                + seed + "), " + failures.size() + " failures");
        assertEquals("", String.join("\n", failures), "seed " + seed);
        assertTrue(compared > 100);
    }
}
