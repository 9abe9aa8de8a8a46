package dev.petrel.vm;

import dev.petrel.func.FunctionDef;
import dev.petrel.record.Collation;

/** P4 of Function, AggStep and AggFinal: the function overload and the collation the resolver chose for it. */
public final class FuncCall {
    public final FunctionDef def;
    public final Collation collation;
    public final int argc;
    /** Keep a {@link dev.petrel.func.SubtypedValue} result in the register: the consumer is a SUBTYPE_ARGS call. */
    public boolean keepSubtype;

    public FuncCall(FunctionDef def, Collation collation, int argc) {
        this.def = def;
        this.collation = collation == null ? Collation.BINARY : collation;
        this.argc = argc;
    }

    @Override
    public String toString() {
        return def.name() + "(" + argc + ")";
    }
}
