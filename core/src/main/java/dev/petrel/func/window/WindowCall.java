package dev.petrel.func.window;

import dev.petrel.func.FunctionDef;
import dev.petrel.record.Collation;

/**
 * One window function call of a {@link WindowPlan}: a built-in ({@link #kind} > 0) or an aggregate
 * ({@link #kind} 0, {@link #aggregate} set). Field numbers index the row body (the record after the sort keys).
 */
public final class WindowCall {
    /** A {@link WindowFunctions} kind, or 0 for an aggregate. */
    public final int kind;
    /** The aggregate overload when {@link #kind} is 0, else null. */
    public final FunctionDef aggregate;
    /** The collation of the first argument (min/max compare under it). */
    public final Collation collation;
    /** Body fields holding the call's arguments, in order. */
    public final int[] argFields;
    /** Body field holding the FILTER condition, or -1 without FILTER. */
    public final int filterField;
    /** Body field that receives the call's value. */
    public final int resultField;

    public WindowCall(int kind, FunctionDef aggregate, Collation collation, int[] argFields, int filterField,
                      int resultField) {
        this.kind = kind;
        this.aggregate = aggregate;
        this.collation = collation == null ? Collation.BINARY : collation;
        this.argFields = argFields;
        this.filterField = filterField;
        this.resultField = resultField;
    }

    @Override
    public String toString() {
        return (kind == 0 ? aggregate.name() : WindowFunctions.name(kind)) + "(" + argFields.length + ")";
    }
}
