/**
 * The generate_series() table-valued function ({@link dev.petrel.func.series.GenerateSeries}), registered with
 * the built-ins through {@link dev.petrel.func.FunctionRegistry#registerTable}.
 */
package dev.petrel.func.series;
