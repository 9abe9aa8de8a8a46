package dev.petrel.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.api.PetrelException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one differential check many times: generated arguments are bound into an SQL expression evaluated by
 * real SQLite and passed to Petrel's implementation; value and storage class must agree (errors by message).
 */
public final class Differential {
    private final SqliteOracle oracle;
    private final List<String> failures = new ArrayList<>();
    private int cases;

    public Differential(SqliteOracle oracle) {
        this.oracle = oracle;
    }

    /** Evaluates Petrel's side, turning a PetrelException into a Failure like the oracle's. */
    public static Object petrel(Supplier<Object> f) {
        try {
            return f.get();
        } catch (PetrelException e) {
            return new SqliteOracle.Failure(e.getMessage());
        }
    }

    /** Compares {@code sqlExpr} (with ? for each argument) against {@code impl} for {@code n} generated cases. */
    public Differential run(String sqlExpr, int n, Supplier<Object[]> args, Function<Object[], Object> impl) {
        for (int i = 0; i < n; i++) {
            Object[] a = args.get();
            check(sqlExpr, a, oracle.eval(sqlExpr, a), petrel(() -> impl.apply(a)));
        }
        return this;
    }

    /** Records one comparison. */
    public void check(String what, Object[] args, Object expected, Object actual) {
        cases++;
        if (!SqliteOracle.same(expected, actual) && failures.size() < 25) {
            StringBuilder sb = new StringBuilder(what).append(" args(");
            for (int i = 0; i < args.length; i++) {
                sb.append(i > 0 ? ", " : "").append(SqliteOracle.show(args[i]));
            }
            sb.append("): sqlite ").append(SqliteOracle.show(expected)).append(" petrel ")
                    .append(SqliteOracle.show(actual));
            failures.add(sb.toString());
        }
    }

    public int cases() {
        return cases;
    }

    /** Fails the test with the collected mismatches, naming the seed that reproduces them. */
    public void assertNoFailures(long seed) {
        assertTrue(cases > 0, "no cases ran");
        assertTrue(failures.isEmpty(), "seed " + seed + ", " + cases + " cases, mismatches:\n  "
                + String.join("\n  ", failures));
    }
}
