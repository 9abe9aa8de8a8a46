package dev.petrel.func;

import dev.petrel.func.aggregate.AggregateFunctions;
import dev.petrel.func.json.JsonFunctions;
import dev.petrel.func.math.MathFunctions;
import dev.petrel.func.scalar.CoreFunctions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of SQL functions a connection knows: (lower-case name, argument count) to {@link FunctionDef}.
 *
 * <p>Contract with the resolver: {@link #find} picks the overload for a call; when it returns null,
 * {@link #exists} tells "no such function: X" ({@link #noSuchFunctionMessage}) from "wrong number of arguments
 * to function X()" ({@link #wrongArgumentCountMessage}). An overload with an exact count wins over one
 * registered with {@link #ANY_ARGS}, so {@code max(x)} (aggregate, one argument) and {@code max(x, y, ...)}
 * (scalar, two or more) coexist as in SQLite. A registry is not thread-safe; build it once per connection
 * (or share a fully built one read-only).
 *
 * <p>Registration of the functions written elsewhere: the date/time functions register themselves through
 * {@link #registerScalar}; printf()/format() come in through {@link #registerPrintf}, the hook left for the
 * {@code dev.petrel.func.printf} package (until it is called, those names are unknown functions).
 */
public final class FunctionRegistry {
    /** Argument count meaning "any number" (at least the overload's minimum). */
    public static final int ANY_ARGS = -1;

    private final Map<String, List<FunctionDef>> byName = new HashMap<>();
    /** Consulted when this registry has no overload of a name (a connection's functions over the built-ins). */
    private final FunctionRegistry parent;
    private final Map<String, TableFunction> tableFunctions = new HashMap<>();
    /** Application-defined collations by lower-case name (SQLite keeps them beside the functions, per connection). */
    private final Map<String, dev.petrel.record.Collation> collations = new java.util.LinkedHashMap<>();

    /** An empty registry. */
    public FunctionRegistry() {
        this(null);
    }

    /**
     * An empty registry layered over {@code parent}: functions registered here (a connection's
     * application-defined functions) hide the parent's overloads with the same name and argument count, as
     * {@code sqlite3_create_function} replaces a built-in; every other lookup falls through to the parent.
     */
    public FunctionRegistry(FunctionRegistry parent) {
        this.parent = parent;
    }

    /** A registry holding every built-in function of this package tree (core scalar, math, aggregate). */
    public static FunctionRegistry builtins() {
        FunctionRegistry r = new FunctionRegistry();
        CoreFunctions.registerAll(r);
        MathFunctions.registerAll(r);
        AggregateFunctions.registerAll(r);
        JsonFunctions.registerAll(r);
        dev.petrel.func.series.GenerateSeries.register(r);
        dev.petrel.func.regexp.RegexpFunction.register(r);
        return r;
    }

    /** Registers (or replaces) a scalar overload with an exact argument count, or ANY_ARGS with minimum 0. */
    public void registerScalar(String name, int nArg, int flags, ScalarFunction f) {
        add(new FunctionDef(lower(name), nArg, 0, flags, f, null));
    }

    /** Registers (or replaces) a variadic scalar overload accepting at least {@code minArgs} arguments. */
    public void registerVariadic(String name, int minArgs, int flags, ScalarFunction f) {
        add(new FunctionDef(lower(name), ANY_ARGS, minArgs, flags, f, null));
    }

    /** Registers (or replaces) an aggregate overload. */
    public void registerAggregate(String name, int nArg, int flags, AggregateFactory f) {
        add(new FunctionDef(lower(name), nArg, 0, flags, null, f));
    }

    /**
     * The printf hook: registers {@code printf(FORMAT, ...)} and its alias {@code format(FORMAT, ...)} (any
     * number of arguments, including none, which SQLite answers with NULL) with the implementation from
     * {@code dev.petrel.func.printf}.
     */
    public void registerPrintf(ScalarFunction printf) {
        registerVariadic("printf", 0, FunctionDef.DETERMINISTIC, printf);
        registerVariadic("format", 0, FunctionDef.DETERMINISTIC, printf);
    }

    /**
     * Registers an application-defined overload: exactly one of {@code scalar} and {@code aggregate} is non-null;
     * {@code nArg} -1 means any number of arguments. Only {@link FunctionDef#DETERMINISTIC} and
     * {@link FunctionDef#NO_WINDOW} are taken from {@code flags}: application functions read no connection state
     * through the context.
     */
    public void registerUser(String name, int nArg, int flags, ScalarFunction scalar, AggregateFactory aggregate) {
        int f = flags & (FunctionDef.DETERMINISTIC | FunctionDef.NO_WINDOW);
        int n = nArg < 0 ? ANY_ARGS : nArg;
        add(new FunctionDef(lower(name), n, 0, f, scalar, aggregate));
    }

    private void add(FunctionDef def) {
        List<FunctionDef> list = byName.computeIfAbsent(def.name(), k -> new ArrayList<>(2));
        for (int i = 0; i < list.size(); i++) {
            FunctionDef old = list.get(i);
            if (old.nArg() == def.nArg()) {
                list.set(i, def);
                return;
            }
        }
        list.add(def);
    }

    /** The overload for a call of {@code name} with {@code argc} arguments, or null. */
    public FunctionDef find(String name, int argc) {
        List<FunctionDef> list = byName.get(lower(name));
        if (list == null) {
            return parent == null ? null : parent.find(name, argc);
        }
        FunctionDef variadic = null;
        for (FunctionDef d : list) {
            if (d.nArg() == argc) {
                return d;
            }
            if (d.nArg() == ANY_ARGS && d.accepts(argc)) {
                variadic = d;
            }
        }
        if (parent != null) {
            // An exact overload of the parent beats a variadic one registered here only when this registry has
            // nothing for the count: SQLite's rule is "best match", and an exact count matches better.
            FunctionDef inherited = parent.find(name, argc);
            if (inherited != null && (variadic == null || inherited.nArg() == argc)) {
                return inherited;
            }
        }
        return variadic;
    }

    /**
     * Registers (or replaces) an application-defined collation under {@code name}
     * ({@code sqlite3_create_collation}); a null {@code collation} removes it. The built-ins BINARY, NOCASE and
     * RTRIM cannot be replaced: {@link #findCollation} answers them first, as SQLite resolves them.
     */
    public void registerCollation(String name, dev.petrel.record.Collation collation) {
        if (collation == null) {
            collations.remove(lower(name));
        } else {
            collations.put(lower(name), collation);
        }
    }

    /**
     * The application-defined collations' names as registered, newest first: the order PRAGMA collation_list gives
     * them (SQLite's small hash lists prepend), ahead of the built-ins. Replacing one keeps its place.
     */
    public List<String> collationNames() {
        List<String> names = new ArrayList<>();
        for (dev.petrel.record.Collation c : collations.values()) {
            names.add(0, c.name());
        }
        return names;
    }

    /** The collation {@code name} (case-insensitive): a built-in, else an application-defined one, else null. */
    public dev.petrel.record.Collation findCollation(String name) {
        dev.petrel.record.Collation c = dev.petrel.record.Collation.builtin(name);
        if (c == null) {
            c = collations.get(lower(name));
        }
        return c != null || parent == null ? c : parent.findCollation(name);
    }

    /** Registers (or replaces) a table-valued function. */
    public void registerTable(TableFunction f) {
        tableFunctions.put(lower(f.name()), f);
    }

    /** The table-valued function {@code name}, or null. */
    public TableFunction findTable(String name) {
        TableFunction f = tableFunctions.get(lower(name));
        return f != null || parent == null ? f : parent.findTable(name);
    }

    /**
     * Every overload a call could reach, for PRAGMA function_list: this registry's own first, then those of the
     * parents that an own overload (same name and argument count) does not hide.
     */
    public List<FunctionDef> overloads() {
        List<FunctionDef> out = new ArrayList<>();
        for (List<FunctionDef> list : byName.values()) {
            out.addAll(list);
        }
        if (parent != null) {
            for (FunctionDef inherited : parent.overloads()) {
                List<FunctionDef> own = byName.get(inherited.name());
                boolean hidden = false;
                for (int i = 0; own != null && i < own.size(); i++) {
                    hidden |= own.get(i).nArg() == inherited.nArg();
                }
                if (!hidden) {
                    out.add(inherited);
                }
            }
        }
        return out;
    }

    /** Whether {@code def} is a built-in: registered in the registry at the bottom of the layers (no parent). */
    public boolean isBuiltin(FunctionDef def) {
        if (parent != null) {
            return parent.isBuiltin(def);
        }
        List<FunctionDef> list = byName.get(def.name());
        return list != null && list.contains(def);
    }

    /** Whether any overload of {@code name} exists. */
    public boolean exists(String name) {
        return byName.containsKey(lower(name)) || (parent != null && parent.exists(name));
    }

    /** SQLite's message for a known function called with a bad argument count. */
    public static String wrongArgumentCountMessage(String name) {
        return "wrong number of arguments to function " + name + "()";
    }

    /** SQLite's message for an unknown function. */
    public static String noSuchFunctionMessage(String name) {
        return "no such function: " + name;
    }

    /** SQLite's message for an aggregate used where none is allowed, e.g. in WHERE. */
    public static String misuseOfAggregateMessage(String name) {
        return "misuse of aggregate function " + name + "()";
    }

    private static String lower(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, (char) (c + 32));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
