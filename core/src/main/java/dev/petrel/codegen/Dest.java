package dev.petrel.codegen;

/**
 * Where a SELECT sends its rows: each call of {@link #row} emits the code that consumes one row held in registers
 * {@code reg .. reg+n-1} (a result row, an insert into an ephemeral table or index, a scalar subquery's value...).
 */
interface Dest {
    void row(int reg, int n, ResultInfo info);
}
