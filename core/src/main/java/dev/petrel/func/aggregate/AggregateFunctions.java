package dev.petrel.func.aggregate;

import static dev.petrel.func.FunctionDef.DETERMINISTIC;

import dev.petrel.func.FunctionRegistry;

/** Registers the built-in aggregates (lang_aggfunc.html) in a {@link FunctionRegistry}. */
public final class AggregateFunctions {
    private AggregateFunctions() {
    }

    /** Adds count, sum, total, avg, min, max, group_concat and string_agg to {@code r}. */
    public static void registerAll(FunctionRegistry r) {
        final int det = DETERMINISTIC;
        r.registerAggregate("count", 0, det, () -> new CountAggregate(true));
        r.registerAggregate("count", 1, det, () -> new CountAggregate(false));
        r.registerAggregate("sum", 1, det, () -> new NumericSum(NumericSum.SUM));
        r.registerAggregate("total", 1, det, () -> new NumericSum(NumericSum.TOTAL));
        r.registerAggregate("avg", 1, det, () -> new NumericSum(NumericSum.AVG));
        r.registerAggregate("min", 1, det, () -> new MinMaxAggregate(false));
        r.registerAggregate("max", 1, det, () -> new MinMaxAggregate(true));
        r.registerAggregate("group_concat", 1, det, () -> new GroupConcatAggregate(false));
        r.registerAggregate("group_concat", 2, det, () -> new GroupConcatAggregate(true));
        r.registerAggregate("string_agg", 2, det, () -> new GroupConcatAggregate(true));
    }
}
