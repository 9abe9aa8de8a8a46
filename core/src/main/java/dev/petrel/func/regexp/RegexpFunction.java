package dev.petrel.func.regexp;

import dev.petrel.func.FunctionContext;
import dev.petrel.func.FunctionDef;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.func.ScalarFunction;
import dev.petrel.value.Patterns;
import dev.petrel.value.Values;

/**
 * {@code regexp(PATTERN, TEXT)}: 1 when PATTERN matches somewhere in TEXT, 0 when not, NULL when either is NULL;
 * {@code X REGEXP Y} is {@code regexp(Y, X)}. Both arguments are used as text, up to a first NUL character. Like the extension, a pattern is
 * compiled once and reused while the calls keep passing the same pattern (a constant pattern compiles once per
 * statement, and in practice once per connection): the last compiled pattern is kept, replaced as a whole, so
 * concurrent callers at worst compile twice.
 */
public final class RegexpFunction implements ScalarFunction {
    /** The last pattern compiled (pattern text and program together). */
    private volatile Compiled last;

    private record Compiled(String pattern, RegexProgram program) {
    }

    /** Registers {@code regexp} with 2 arguments. */
    public static void register(FunctionRegistry r) {
        r.registerScalar("regexp", 2, FunctionDef.DETERMINISTIC, new RegexpFunction());
    }

    @Override
    public Object call(FunctionContext ctx, Object[] args) {
        if (args[0] == null || args[1] == null) {
            return null;
        }
        // The extension reads both as C strings: text after a NUL character is not seen.
        String pattern = Patterns.cString(Values.toText(args[0]));
        Compiled c = last;
        if (c == null || !c.pattern.equals(pattern)) {
            c = new Compiled(pattern, RegexProgram.compile(pattern));
            last = c;
        }
        return c.program.find(Patterns.cString(Values.toText(args[1]))) ? 1L : 0L;
    }
}
