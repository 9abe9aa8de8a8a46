package dev.petrel.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.value.SqliteOracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Name and argument-count resolution, checked against which calls SQLite accepts. */
class FunctionRegistryTest {
    private static final String[] NAMES = {"abs", "changes", "char", "coalesce", "concat", "concat_ws", "glob",
        "hex", "ifnull", "iif", "if", "instr", "last_insert_rowid", "length", "octet_length", "like", "likelihood",
        "likely", "lower", "ltrim", "max", "min", "nullif", "quote", "random", "randomblob", "replace", "round",
        "rtrim", "sign", "sqlite_version", "substr", "substring", "total_changes", "trim", "typeof", "unhex",
        "unicode", "unlikely", "upper", "zeroblob", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh",
        "ceil", "ceiling", "cos", "cosh", "degrees", "exp", "floor", "ln", "log", "log10", "log2", "mod", "pi",
        "pow", "power", "radians", "sin", "sinh", "sqrt", "tan", "tanh", "trunc", "count", "sum", "total", "avg",
        "group_concat", "string_agg"};

    /** For argument counts 0..5, Petrel knows an overload exactly when SQLite accepts the call. */
    @Test
    void argumentCountsMatchSqlite() {
        FunctionRegistry r = FunctionRegistry.builtins();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String name : NAMES) {
                for (int argc = 0; argc <= 5; argc++) {
                    StringBuilder call = new StringBuilder(name).append('(');
                    for (int i = 0; i < argc; i++) {
                        call.append(i > 0 ? ", 0.5" : "0.5");
                    }
                    call.append(')');
                    Object v = oracle.eval(call.toString());
                    boolean sqliteAccepts = !(v instanceof SqliteOracle.Failure)
                            || !(((SqliteOracle.Failure) v).message.startsWith("wrong number of arguments"));
                    boolean petrelAccepts = r.find(name, argc) != null;
                    cases++;
                    if (sqliteAccepts != petrelAccepts) {
                        failures.add(call + ": sqlite " + v + ", petrel " + (petrelAccepts ? "accepts" : "rejects"));
                    }
                    if (!sqliteAccepts) {
                        assertEquals(((SqliteOracle.Failure) v).message,
                                FunctionRegistry.wrongArgumentCountMessage(name));
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), cases + " cases: " + failures);
    }

    @Test
    void lookupRules() {
        FunctionRegistry r = FunctionRegistry.builtins();
        assertTrue(r.find("MAX", 1).isAggregate());
        assertFalse(r.find("max", 3).isAggregate());
        assertNull(r.find("max", 0));
        assertTrue(r.exists("Upper"));
        assertFalse(r.exists("nosuch"));
        assertEquals("no such function: nosuch", FunctionRegistry.noSuchFunctionMessage("nosuch"));
        assertTrue(r.find("abs", 1).isDeterministic());
        assertFalse(r.find("random", 0).isDeterministic());
        assertEquals(FunctionDef.NEEDS_CONTEXT, r.find("changes", 0).flags() & FunctionDef.NEEDS_CONTEXT);
        // printf/format stay unknown until the printf package plugs in through the hook.
        assertNull(r.find("printf", 1));
        r.registerPrintf((ctx, args) -> "stub");
        assertNotNull(r.find("printf", 0));
        assertEquals("stub", r.find("format", 3).scalar().call(null, new Object[3]));
        // Re-registering replaces the overload with the same count.
        r.registerScalar("abs", 1, 0, (ctx, args) -> 42L);
        assertEquals(42L, r.find("abs", 1).scalar().call(null, new Object[1]));
    }
}
