package dev.petrel.func;

import java.util.Iterator;
import java.util.List;

/**
 * A table-valued function: a FROM-clause source written as a call, {@code generate_series(1, 10)} or
 * {@code json_each(doc)} (SQLite's eponymous virtual tables, sqlite.org/vtab.html#tabfunc2).
 *
 * <p>Contract: {@link #columns()} lists the result columns, the last {@link #hiddenCount()} of which are hidden
 * (left out of {@code *}) and stand for the arguments: argument i of the call constrains hidden column i. The
 * VM calls {@link #rows} each time the loop over the source starts (once per outer row when the arguments are
 * correlated) with as many values as the call gave; each returned row has {@code columns().size()} values, its
 * hidden columns included. Errors are thrown as {@link dev.petrel.api.PetrelException} with SQLite's message.
 */
public interface TableFunction {
    /** Lower-case name. */
    String name();

    /** Column names, visible ones first, then the hidden argument columns. */
    List<String> columns();

    /** How many trailing columns are hidden argument columns. */
    int hiddenCount();

    /** The rows for one call, produced as the cursor advances (a series may be long). */
    Iterator<Object[]> rows(FunctionContext ctx, Object[] args);
}
