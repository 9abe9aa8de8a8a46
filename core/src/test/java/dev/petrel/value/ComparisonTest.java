package dev.petrel.value;

import dev.petrel.record.Collation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comparisons with affinity and collation, IS, BETWEEN and IN, against SQLite: operands are table columns of
 * each affinity (holding values stored through that affinity), bound parameters (no affinity) and CAST
 * expressions (the affinity of their type).
 */
class ComparisonTest {
    private static SqliteOracle oracle;

    @BeforeAll
    static void open() {
        oracle = new SqliteOracle();
        oracle.exec("CREATE TABLE c(n NUMERIC, i INTEGER, r REAL, t TEXT, b BLOB,"
                + " n2 NUMERIC, i2 INTEGER, r2 REAL, t2 TEXT, b2 BLOB)");
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    private static final String[] COLUMNS = {"n", "i", "r", "t", "b"};
    private static final Affinity[] AFFINITIES = {Affinity.NUMERIC, Affinity.INTEGER, Affinity.REAL, Affinity.TEXT,
        Affinity.BLOB};
    private static final String[] OPS = {"=", "<>", "<", "<=", ">", ">="};
    private static final int[] OP_CODES = {Comparison.EQ, Comparison.NE, Comparison.LT, Comparison.LE,
        Comparison.GT, Comparison.GE};

    /** One comparison expression and how Petrel evaluates it from (x, y). */
    private interface Eval {
        Object apply(Object x, Object y);
    }

    @Test
    void comparisonsMatchSqlite() {
        long seed = 0xC0A7L;
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        List<String> exprs = new ArrayList<>();
        List<Eval> evals = new ArrayList<>();
        for (int l = 0; l < COLUMNS.length; l++) {
            final Affinity la = AFFINITIES[l];
            // Right operand: the parameter y (no affinity), or column <r>2 holding y.
            for (int r = -1; r < COLUMNS.length; r++) {
                final Affinity ra = r < 0 ? Affinity.NONE : AFFINITIES[r];
                String right = r < 0 ? "?1" : COLUMNS[r] + "2";
                for (int o = 0; o < OPS.length; o++) {
                    final int op = OP_CODES[o];
                    exprs.add(COLUMNS[l] + " " + OPS[o] + " " + right);
                    evals.add((x, y) -> Comparison.compare(op, la.apply(x), la, ra.apply(y), ra, Collation.BINARY));
                }
                exprs.add(COLUMNS[l] + " IS " + right);
                evals.add((x, y) -> Values.bool(Comparison.is(la.apply(x), la, ra.apply(y), ra, Collation.BINARY)));
            }
        }
        // Expression affinity of CAST, and collations.
        exprs.add("CAST(?1 AS TEXT) = n");
        evals.add((x, y) -> Comparison.compare(Comparison.EQ, Values.cast(y, Affinity.TEXT), Affinity.TEXT,
                Affinity.NUMERIC.apply(x), Affinity.NUMERIC, Collation.BINARY));
        exprs.add("CAST(?1 AS INTEGER) < t");
        evals.add((x, y) -> Comparison.compare(Comparison.LT, Values.cast(y, Affinity.INTEGER), Affinity.INTEGER,
                Affinity.TEXT.apply(x), Affinity.TEXT, Collation.BINARY));
        exprs.add("t = ?1 COLLATE NOCASE");
        evals.add((x, y) -> Comparison.compare(Comparison.EQ, Affinity.TEXT.apply(x), Affinity.TEXT, y,
                Affinity.NONE, Collation.NOCASE));
        exprs.add("b < ?1 COLLATE RTRIM");
        evals.add((x, y) -> Comparison.compare(Comparison.LT, x, Affinity.BLOB, y, Affinity.NONE, Collation.RTRIM));
        exprs.add("?1 BETWEEN n AND t2");
        evals.add((x, y) -> Comparison.between(y, Affinity.NONE, Affinity.NUMERIC.apply(x), Affinity.NUMERIC,
                Affinity.TEXT.apply(y), Affinity.TEXT, Collation.BINARY));
        exprs.add("n IN (?1, t, 12, NULL)");
        evals.add((x, y) -> Comparison.in(Affinity.NUMERIC.apply(x), Affinity.NUMERIC,
                new Object[] {y, Affinity.TEXT.apply(x), 12L, null}, Collation.BINARY));
        exprs.add("?1 IN (t, r2, 1)");
        evals.add((x, y) -> Comparison.in(y, Affinity.NONE,
                new Object[] {Affinity.TEXT.apply(x), Affinity.REAL.apply(y), 1L}, Collation.BINARY));

        StringBuilder sel = new StringBuilder("SELECT ");
        for (int k = 0; k < exprs.size(); k++) {
            sel.append(k > 0 ? ", " : "").append("typeof(").append(exprs.get(k)).append("), ").append(exprs.get(k));
        }
        String select = sel.append(" FROM c").toString();
        int n = 250 * ValueGen.scale();
        for (int c = 0; c < n; c++) {
            Object x = gen.any();
            Object y = c % 3 == 0 ? x : (c % 3 == 1 ? Values.cast(x, Affinity.TEXT) : gen.any());
            oracle.exec("DELETE FROM c");
            oracle.update("INSERT INTO c VALUES(?1, ?1, ?1, ?1, ?1, ?2, ?2, ?2, ?2, ?2)", x, y);
            Object[] got = oracle.row(select, y);
            for (int k = 0; k < exprs.size(); k++) {
                diff.check(exprs.get(k), new Object[] {x, y}, got[k], evals.get(k).apply(x, y));
            }
        }
        diff.assertNoFailures(seed);
    }
}
