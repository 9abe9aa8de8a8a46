package dev.petrel.func.series;

import dev.petrel.api.PetrelException;
import dev.petrel.func.FunctionContext;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.func.TableFunction;
import dev.petrel.value.Values;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * generate_series(START [, STOP [, STEP]]) (sqlite.org/series.html): the integers START, START+STEP, ... up to
 * STOP, in column {@code value}, with the hidden argument columns start, stop and step.
 *
 * <p>As the sqlite3 shell's series extension: STOP defaults to 4294967295 and STEP to 1; STEP 0 counts as 1; a
 * negative STEP yields the same values as |STEP| in descending order; a NULL argument gives no rows; non-integer
 * arguments are converted as CAST AS INTEGER does; a missing START is an error. The sequence ends rather than
 * wrapping at the 64-bit limits.
 */
public final class GenerateSeries implements TableFunction {
    /** STOP when the call leaves it out. */
    private static final long DEFAULT_STOP = 0xffffffffL;
    private static final List<String> COLUMNS = List.of("value", "start", "stop", "step");

    public static void register(FunctionRegistry r) {
        r.registerTable(new GenerateSeries());
    }

    @Override
    public String name() {
        return "generate_series";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public int hiddenCount() {
        return 3;
    }

    /** a < b with both read as unsigned 64-bit (a difference of two ordered longs may exceed Long.MAX_VALUE). */
    private static boolean unsignedLess(long a, long b) {
        return (a ^ Long.MIN_VALUE) < (b ^ Long.MIN_VALUE);
    }

    /** Unsigned a / d for d > 0 (TeaVM-safe: no Long.divideUnsigned). */
    private static long unsignedDivide(long a, long d) {
        if (a >= 0) {
            return a / d;
        }
        long q = ((a >>> 1) / d) << 1;
        long r = a - q * d;
        return unsignedLess(r, d) ? q : q + 1;
    }

    @Override
    public Iterator<Object[]> rows(FunctionContext ctx, Object[] args) {
        if (args.length == 0) {
            throw PetrelException.error("first argument to \"generate_series()\" missing or unusable");
        }
        for (Object a : args) {
            if (a == null) {
                return Collections.emptyIterator();
            }
        }
        long start = Values.toLong(args[0]);
        long stop = args.length > 1 ? Values.toLong(args[1]) : DEFAULT_STOP;
        long step = args.length > 2 ? Values.toLong(args[2]) : 1;
        boolean descending = step < 0;
        long stride = step == 0 ? 1 : step == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(step);
        if (start > stop) {
            return Collections.emptyIterator();
        }
        long first = start;
        if (descending) {
            // The largest term of the ascending sequence that does not pass stop.
            first = start + unsignedDivide(stop - start, stride) * stride;
        }
        long begin = first;
        return new Iterator<>() {
            private long v = begin;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Object[] next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                Object[] row = {v, start, stop, step};
                if (descending) {
                    done = unsignedLess(v - start, stride);
                    v -= stride;
                } else {
                    done = unsignedLess(stop - v, stride);
                    v += stride;
                }
                return row;
            }
        };
    }
}
