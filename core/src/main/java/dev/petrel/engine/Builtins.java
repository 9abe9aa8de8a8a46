package dev.petrel.engine;

import dev.petrel.func.FunctionContext;
import dev.petrel.func.FunctionDef;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.func.datetime.DateTimeFunctions;
import dev.petrel.func.printf.Printf;

/**
 * The function registry a database starts with: the core, math and aggregate functions of {@code func}, plus the
 * date/time functions and printf/format, which their packages provide as plain static methods.
 */
final class Builtins {
    private Builtins() {
    }

    private interface DateFn {
        Object apply(Object[] args, long nowJdMillis);
    }

    static FunctionRegistry registry() {
        FunctionRegistry r = FunctionRegistry.builtins();
        int flags = FunctionDef.SLOW_CHANGE | FunctionDef.NEEDS_CONTEXT;
        date(r, "date", flags, DateTimeFunctions::date);
        date(r, "time", flags, DateTimeFunctions::time);
        date(r, "datetime", flags, DateTimeFunctions::datetime);
        date(r, "julianday", flags, DateTimeFunctions::julianday);
        date(r, "unixepoch", flags, DateTimeFunctions::unixepoch);
        date(r, "strftime", flags, DateTimeFunctions::strftime);
        r.registerScalar("timediff", 2, flags, (FunctionContext ctx, Object[] args) -> DateTimeFunctions.timediff(args,
                DateTimeFunctions.jdMillisFromUnixMillis(ctx.nowEpochMillis())));
        r.registerPrintf((ctx, args) -> Printf.format(args));
        return r;
    }

    private static void date(FunctionRegistry r, String name, int flags, DateFn fn) {
        r.registerVariadic(name, 0, flags,
                (FunctionContext ctx, Object[] args) -> fn.apply(args, DateTimeFunctions.jdMillisFromUnixMillis(
                        ctx.nowEpochMillis())));
    }
}
