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

    /**
     * Records one comparison. A text result computed from a blob that is not valid UTF-8 is not compared: SQLite
     * keeps such bytes raw inside TEXT, while a Java string (Petrel's TEXT, and the oracle's reading of SQLite's)
     * holds U+FFFD for them, so the two sides are not comparable (a documented limitation).
     */
    public void check(String what, Object[] args, Object expected, Object actual) {
        if ((expected instanceof String || actual instanceof String) && hasInvalidUtf8(args)) {
            skipped++;
            return;
        }
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

    private int skipped;

    private static boolean hasInvalidUtf8(Object[] args) {
        for (Object a : args) {
            if (a instanceof byte[]) {
                try {
                    java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                            .decode(java.nio.ByteBuffer.wrap((byte[]) a));
                } catch (java.nio.charset.CharacterCodingException e) {
                    return true;
                }
            }
        }
        return false;
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
