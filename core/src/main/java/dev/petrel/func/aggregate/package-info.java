/**
 * The aggregate functions of sqlite.org/lang_aggfunc.html: count, sum, total, avg, min, max, group_concat and
 * string_agg. Each is an {@link dev.petrel.func.AggregateFunction} state made per group by a factory
 * registered in {@link dev.petrel.func.aggregate.AggregateFunctions}; DISTINCT is applied by the VM before
 * {@code step}, never here.
 */
package dev.petrel.func.aggregate;
