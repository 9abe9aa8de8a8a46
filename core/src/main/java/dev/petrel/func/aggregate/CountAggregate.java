package dev.petrel.func.aggregate;

import dev.petrel.func.AggregateFunction;
import dev.petrel.func.FunctionContext;

/** count(*) (every row) and count(X) (rows where X is not NULL); 0 for no rows, never NULL. */
final class CountAggregate implements AggregateFunction {
    private final boolean star;
    private long count;

    CountAggregate(boolean star) {
        this.star = star;
    }

    @Override
    public void step(FunctionContext ctx, Object[] args) {
        if (star || args[0] != null) {
            count++;
        }
    }

    @Override
    public void inverse(FunctionContext ctx, Object[] args) {
        if (star || args[0] != null) {
            count--;
        }
    }

    @Override
    public boolean supportsInverse() {
        return true;
    }

    @Override
    public Object value(FunctionContext ctx) {
        return count;
    }
}
