package dev.petrel.func.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.func.BasicFunctionContext;
import dev.petrel.func.FunctionDef;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.value.Differential;
import dev.petrel.value.SqliteOracle;
import dev.petrel.value.ValueGen;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every deterministic core scalar function against SQLite on generated arguments. */
class CoreFunctionsTest {
    private static SqliteOracle oracle;
    private static final FunctionRegistry REGISTRY = FunctionRegistry.builtins();
    private static final BasicFunctionContext CTX = new BasicFunctionContext(42, 0);

    @BeforeAll
    static void open() {
        oracle = new SqliteOracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    /** Calls the registered scalar {@code name} the way the VM will. */
    static Object call(String name, Object... args) {
        FunctionDef def = REGISTRY.find(name, args.length);
        if (def == null) {
            throw new AssertionError("no overload " + name + "/" + args.length);
        }
        return def.scalar().call(CTX, args);
    }

    private static String sql(String name, int argc) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < argc; i++) {
            sb.append(i > 0 ? ", ?" : "?");
        }
        return sb.append(')').toString();
    }

    /** Runs {@code name} with argument tuples from {@code args} (all of one arity per call of this method). */
    private static void check(Differential diff, String name, int n, Supplier<Object[]> args) {
        for (int i = 0; i < n; i++) {
            Object[] a = args.get();
            diff.check(sql(name, a.length), a, oracle.eval(sql(name, a.length), a),
                    Differential.petrel(() -> call(name, a)));
        }
    }

    @Test
    void oneArgumentFunctionsMatchSqlite() {
        long seed = 0xF1L;
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        int n = 500 * ValueGen.scale();
        String[] names = {"abs", "hex", "length", "octet_length", "lower", "upper", "ltrim", "rtrim", "trim",
            "quote", "round", "sign", "typeof", "unhex", "unicode", "likely", "unlikely", "char",
            "concat"};
        for (String f : names) {
            check(diff, f, n, () -> new Object[] {gen.any()});
        }
        check(diff, "zeroblob", n, () -> new Object[] {(long) gen.random().nextInt(40) - 5});
        check(diff, "unhex", n, () -> new Object[] {hexish(gen.random())});
        check(diff, "abs", n, () -> new Object[] {gen.anyNumber()});
        diff.assertNoFailures(seed);
    }

    private static String hexish(SplittableRandom rnd) {
        String alpha = "0123456789abcdefABCDEF  -g";
        StringBuilder sb = new StringBuilder();
        int len = rnd.nextInt(9);
        for (int i = 0; i < len; i++) {
            sb.append(alpha.charAt(rnd.nextInt(rnd.nextInt(8) == 0 ? alpha.length() : 22)));
        }
        return sb.toString();
    }

    @Test
    void multiArgumentFunctionsMatchSqlite() {
        long seed = 0xF2L;
        ValueGen gen = new ValueGen(seed);
        SplittableRandom rnd = gen.random();
        Differential diff = new Differential(oracle);
        int n = 500 * ValueGen.scale();
        for (String f : new String[] {"coalesce", "ifnull", "nullif", "max", "min", "iif", "if", "concat",
            "concat_ws", "instr", "like", "glob"}) {
            check(diff, f, n, () -> new Object[] {gen.any(), gen.any()});
        }
        for (String f : new String[] {"coalesce", "max", "min", "iif", "concat", "concat_ws", "char"}) {
            check(diff, f, n, () -> new Object[] {gen.any(), gen.any(), gen.any()});
            check(diff, f, n / 2, () -> new Object[] {gen.any(), gen.any(), gen.any(), gen.any(), gen.any()});
        }
        check(diff, "char", n, () -> new Object[] {(long) rnd.nextInt(0x11000) - 10, null,
            rnd.nextBoolean() ? (Object) 65L : (Object) 1.5e6});
        check(diff, "max", n, () -> new Object[] {gen.anyNumber(), gen.anyNumber()});
        check(diff, "min", n, () -> new Object[] {gen.anyNumber(), (double) gen.anyLong()});
        String alpha = "aAb€😀 ";
        for (String f : new String[] {"ltrim", "rtrim", "trim", "instr"}) {
            check(diff, f, n, () -> new Object[] {word(rnd, alpha, 6), word(rnd, alpha, 2)});
            check(diff, f, n / 4, () -> new Object[] {gen.any(), gen.any()});
        }
        check(diff, "instr", n, () -> new Object[] {gen.anyBlob(), gen.anyBlob()});
        check(diff, "replace", n, () -> new Object[] {word(rnd, alpha, 7), word(rnd, alpha, 2), word(rnd, alpha, 3)});
        check(diff, "replace", n, () -> new Object[] {gen.any(), gen.any(), gen.any()});
        check(diff, "round", n, () -> new Object[] {gen.any(), (long) rnd.nextInt(40) - 5});
        check(diff, "round", n, () -> new Object[] {gen.anyDouble(), (long) rnd.nextInt(20)});
        check(diff, "round", n, () -> new Object[] {(rnd.nextInt(2000000) - 1000000) / 1000.0 + 0.0005,
            (long) rnd.nextInt(4)});
        check(diff, "round", n / 2, () -> new Object[] {gen.any(), gen.any()});
        for (String f : new String[] {"substr", "substring"}) {
            check(diff, f, n, () -> new Object[] {rnd.nextBoolean() ? word(rnd, alpha, 6) : gen.any(),
                (long) rnd.nextInt(16) - 8});
            check(diff, f, n, () -> new Object[] {rnd.nextBoolean() ? word(rnd, alpha, 6) : gen.anyBlob(),
                (long) rnd.nextInt(16) - 8, (long) rnd.nextInt(16) - 8});
            check(diff, f, n / 4, () -> new Object[] {gen.any(), gen.any(), gen.any()});
        }
        check(diff, "substr", n / 4, () -> new Object[] {"hello", gen.anyLong(), gen.anyLong()});
        check(diff, "unhex", n, () -> new Object[] {hexish(rnd), word(rnd, " -g", 2)});
        check(diff, "like", n, () -> new Object[] {word(rnd, "a%_\\", 3), word(rnd, "a%_\\", 3), "\\"});
        // likelihood's second argument must be a literal constant in [0, 1].
        for (int i = 0; i < n / 4; i++) {
            Object[] a = {gen.any()};
            diff.check("likelihood(?, 0.25)", a, oracle.eval("likelihood(?, 0.25)", a), call("likelihood", a[0], 0.25));
        }
        diff.assertNoFailures(seed);
    }

    private static String word(SplittableRandom rnd, String alphabet, int max) {
        int len = rnd.nextInt(max + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return sb.toString();
    }

    @Test
    void errorsAndConstants() {
        Differential diff = new Differential(oracle);
        Object[] none = {};
        diff.check("abs(min)", none, oracle.eval("abs(-9223372036854775807 - 1)"),
                Differential.petrel(() -> call("abs", Long.MIN_VALUE)));
        diff.check("sqlite_version()", none, oracle.eval("sqlite_version()"), call("sqlite_version"));
        diff.check("zeroblob too big", none, oracle.eval("zeroblob(2000000000)"),
                Differential.petrel(() -> call("zeroblob", 2000000000L)));
        diff.check("typeof(random())", none, oracle.eval("typeof(random())"), call("typeof", call("random")));
        diff.assertNoFailures(0);
        assertEquals(7, ((byte[]) call("randomblob", 7L)).length);
        assertEquals(1, ((byte[]) call("randomblob", -3L)).length);
        assertNotEquals(call("random"), call("random"));
        CTX.setLastInsertRowid(77);
        CTX.setChanges(3, 10);
        assertEquals(77L, call("last_insert_rowid"));
        assertEquals(3L, call("changes"));
        assertEquals(10L, call("total_changes"));
        for (int i = 0; i < 1000; i++) {
            assertTrue((Long) call("random") != Long.MIN_VALUE);
        }
    }
}
