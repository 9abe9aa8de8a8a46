package dev.petrel.func.window;

import dev.petrel.func.AggregateFunction;
import dev.petrel.func.FunctionContext;
import dev.petrel.record.Collation;
import dev.petrel.record.ValueOrder;
import java.util.TreeMap;

/**
 * min(X) / max(X) over a frame whose start moves: the non-NULL values of the frame in a sorted map, so a row
 * can be removed (frames only drop their oldest rows, so the k-th inverse removes the k-th value stepped).
 * The result is the least / greatest value under the collation and, among values equal under it, the one added
 * last (SQLite answers from an ordered index of the frame's values, where the newest equal entry wins; the
 * plain aggregate, used when the frame start never moves, keeps the first instead).
 */
final class SlidingMinMax implements AggregateFunction {
    private final boolean max;
    /** Keys: {value, arrival number}; values unused. */
    private final TreeMap<Object[], Boolean> values;
    private long stepped;
    private long removed;

    SlidingMinMax(boolean max, Collation collation) {
        this.max = max;
        this.values = new TreeMap<>((a, b) -> {
            int c = ValueOrder.compare(a[0], b[0], collation);
            if (c != 0) {
                return c;
            }
            int s = Long.compare((Long) a[1], (Long) b[1]);
            return max ? s : -s;
        });
    }

    @Override
    public void step(FunctionContext ctx, Object[] args) {
        if (args[0] != null) {
            values.put(new Object[] {args[0], stepped++}, Boolean.TRUE);
        }
    }

    @Override
    public void inverse(FunctionContext ctx, Object[] args) {
        if (args[0] != null) {
            values.remove(new Object[] {args[0], removed++});
        }
    }

    @Override
    public boolean supportsInverse() {
        return true;
    }

    @Override
    public Object value(FunctionContext ctx) {
        if (values.isEmpty()) {
            return null;
        }
        return (max ? values.lastKey() : values.firstKey())[0];
    }
}
