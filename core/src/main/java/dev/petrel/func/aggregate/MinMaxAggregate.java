package dev.petrel.func.aggregate;

import dev.petrel.func.AggregateFunction;
import dev.petrel.func.FunctionContext;
import dev.petrel.record.ValueOrder;

/**
 * Aggregate min(X) / max(X): the least / greatest non-NULL value in {@link ValueOrder} under the call's
 * collation, the first one seen on ties; NULL when there is none. No inverse: the VM recomputes window frames.
 */
final class MinMaxAggregate implements AggregateFunction {
    private final boolean max;
    private Object best;

    MinMaxAggregate(boolean max) {
        this.max = max;
    }

    @Override
    public void step(FunctionContext ctx, Object[] args) {
        Object v = args[0];
        if (v == null) {
            return;
        }
        if (best == null) {
            best = v;
            return;
        }
        int c = ValueOrder.compare(best, v, ctx.collation());
        if (max ? c < 0 : c > 0) {
            best = v;
        }
    }

    @Override
    public Object value(FunctionContext ctx) {
        return best;
    }
}
