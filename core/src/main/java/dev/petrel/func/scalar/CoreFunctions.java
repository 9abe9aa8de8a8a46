package dev.petrel.func.scalar;

import static dev.petrel.func.FunctionDef.DETERMINISTIC;
import static dev.petrel.func.FunctionDef.NEEDS_CONTEXT;

import dev.petrel.func.FunctionRegistry;
import dev.petrel.value.Patterns;
import dev.petrel.value.Values;

/**
 * Registers the core scalar functions of lang_corefunc.html in a {@link FunctionRegistry}.
 *
 * <p>{@code sqlite_version()} answers {@link #SQLITE_VERSION}, the SQLite release whose SQL semantics Petrel is
 * tested against (the sqlite-jdbc oracle embeds 3.53.4), so that applications checking the version see the
 * release whose behaviour they get. Registered elsewhere: the date/time functions ({@code dev.petrel.func.datetime})
 * and printf/format (through {@link FunctionRegistry#registerPrintf}). Left out, as in SQLite's default build:
 * soundex. load_extension exists and always fails, as in a build that does not allow loading extensions.
 */
public final class CoreFunctions {
    private CoreFunctions() {
    }

    /** The version string sqlite_version() returns. */
    public static final String SQLITE_VERSION = "3.53.4";

    /**
     * What sqlite_source_id() returns: SQLite answers with its check-in date and hash; Petrel, a clean-room engine,
     * has no such check-in, so it names itself in the same "date time id" shape.
     */
    public static final String SOURCE_ID = "2026-11-24 00:00:00 petrel-0.1.0 (SQLite " + SQLITE_VERSION + " dialect)";

    /** Adds every core scalar function to {@code r}. */
    public static void registerAll(FunctionRegistry r) {
        final int det = DETERMINISTIC;
        final int ctx = NEEDS_CONTEXT;
        r.registerScalar("abs", 1, det, (c, a) -> NumberFunctions.abs(c, a[0]));
        r.registerScalar("changes", 0, ctx, (c, a) -> c.changes());
        r.registerScalar("total_changes", 0, ctx, (c, a) -> c.totalChanges());
        r.registerScalar("last_insert_rowid", 0, ctx, (c, a) -> c.lastInsertRowid());
        r.registerVariadic("char", 0, det, (c, a) -> TextFunctions.chars(a));
        r.registerVariadic("coalesce", 2, det, (c, a) -> NumberFunctions.coalesce(a));
        r.registerScalar("ifnull", 2, det, (c, a) -> NumberFunctions.coalesce(a));
        r.registerVariadic("concat", 1, det, (c, a) -> TextFunctions.concat(a));
        r.registerVariadic("concat_ws", 2, det, (c, a) -> TextFunctions.concatWs(a));
        r.registerScalar("glob", 2, det, (c, a) -> Patterns.globValue(a[0], a[1]));
        r.registerScalar("like", 2, det,
                (c, a) -> Patterns.likeValue(a[0], a[1], null, false, c.caseSensitiveLike()));
        r.registerScalar("like", 3, det,
                (c, a) -> Patterns.likeValue(a[0], a[1], a[2], true, c.caseSensitiveLike()));
        r.registerScalar("hex", 1, det, (c, a) -> TextFunctions.hex(a[0]));
        r.registerVariadic("iif", 2, det, (c, a) -> NumberFunctions.iif(a));
        r.registerVariadic("if", 2, det, (c, a) -> NumberFunctions.iif(a));
        r.registerScalar("instr", 2, det, (c, a) -> TextFunctions.instr(a[0], a[1]));
        r.registerScalar("length", 1, det, (c, a) -> TextFunctions.length(a[0]));
        r.registerScalar("octet_length", 1, det, (c, a) -> TextFunctions.octetLength(a[0]));
        r.registerScalar("lower", 1, det, (c, a) -> TextFunctions.changeCase(a[0], false));
        r.registerScalar("upper", 1, det, (c, a) -> TextFunctions.changeCase(a[0], true));
        r.registerScalar("ltrim", 1, det, (c, a) -> TextFunctions.trim(a[0], null, false, true, false));
        r.registerScalar("ltrim", 2, det, (c, a) -> TextFunctions.trim(a[0], a[1], true, true, false));
        r.registerScalar("rtrim", 1, det, (c, a) -> TextFunctions.trim(a[0], null, false, false, true));
        r.registerScalar("rtrim", 2, det, (c, a) -> TextFunctions.trim(a[0], a[1], true, false, true));
        r.registerScalar("trim", 1, det, (c, a) -> TextFunctions.trim(a[0], null, false, true, true));
        r.registerScalar("trim", 2, det, (c, a) -> TextFunctions.trim(a[0], a[1], true, true, true));
        r.registerVariadic("max", 2, det, (c, a) -> NumberFunctions.maxMin(a, true, c.collation()));
        r.registerVariadic("min", 2, det, (c, a) -> NumberFunctions.maxMin(a, false, c.collation()));
        r.registerScalar("nullif", 2, det, (c, a) -> NumberFunctions.nullif(a[0], a[1], c.collation()));
        r.registerScalar("quote", 1, det, (c, a) -> TextFunctions.quote(a[0]));
        r.registerScalar("random", 0, ctx, (c, a) -> NumberFunctions.random(c));
        r.registerScalar("randomblob", 1, ctx, (c, a) -> NumberFunctions.randomblob(c, a[0]));
        r.registerScalar("replace", 3, det, (c, a) -> TextFunctions.replace(a[0], a[1], a[2]));
        r.registerScalar("round", 1, det, (c, a) -> NumberFunctions.round(a[0], null, false));
        r.registerScalar("round", 2, det, (c, a) -> NumberFunctions.round(a[0], a[1], true));
        r.registerScalar("sign", 1, det, (c, a) -> NumberFunctions.sign(a[0]));
        // soundex() is left out, as in SQLite's default build (it needs SQLITE_SOUNDEX); extensions cannot load.
        r.registerScalar("load_extension", 1, 0, (c, a) -> loadExtension());
        r.registerScalar("load_extension", 2, 0, (c, a) -> loadExtension());
        r.registerScalar("sqlite_compileoption_used", 1, 0, (c, a) -> CompileOptions.used(a[0]));
        r.registerScalar("sqlite_compileoption_get", 1, 0, (c, a) -> CompileOptions.get(a[0]));
        // As SQLite, the build's properties are not marked deterministic.
        r.registerScalar("sqlite_version", 0, 0, (c, a) -> SQLITE_VERSION);
        r.registerScalar("sqlite_source_id", 0, 0, (c, a) -> SOURCE_ID);
        r.registerScalar("substr", 2, det, (c, a) -> TextFunctions.substr(a[0], a[1], null, false));
        r.registerScalar("substr", 3, det, (c, a) -> TextFunctions.substr(a[0], a[1], a[2], true));
        r.registerScalar("substring", 2, det, (c, a) -> TextFunctions.substr(a[0], a[1], null, false));
        r.registerScalar("substring", 3, det, (c, a) -> TextFunctions.substr(a[0], a[1], a[2], true));
        r.registerScalar("typeof", 1, det, (c, a) -> Values.typeName(a[0]));
        r.registerScalar("unhex", 1, det, (c, a) -> TextFunctions.unhex(a[0], null, false));
        r.registerScalar("unhex", 2, det, (c, a) -> TextFunctions.unhex(a[0], a[1], true));
        r.registerScalar("unicode", 1, det, (c, a) -> TextFunctions.unicode(a[0]));
        r.registerScalar("unistr", 1, det, (c, a) -> UnicodeEscapes.unistr(a[0]));
        r.registerScalar("unistr_quote", 1, det, (c, a) -> UnicodeEscapes.unistrQuote(a[0]));
        r.registerScalar("zeroblob", 1, det, (c, a) -> NumberFunctions.zeroblob(a[0]));
        // Planner hints: the value is the first argument.
        r.registerScalar("likely", 1, det, (c, a) -> a[0]);
        r.registerScalar("unlikely", 1, det, (c, a) -> a[0]);
        r.registerScalar("likelihood", 2, det, (c, a) -> a[0]);
    }

    /** load_extension(): Petrel cannot load native extensions; SQLite answers so when loading is not enabled. */
    private static Object loadExtension() {
        throw dev.petrel.api.PetrelException.error("not authorized");
    }
}
