package dev.petrel.codegen;

import dev.petrel.func.FunctionRegistry;
import dev.petrel.func.window.WindowCall;
import dev.petrel.func.window.WindowPlan;
import dev.petrel.record.Collation;
import dev.petrel.schema.Column;
import dev.petrel.schema.Index;
import dev.petrel.schema.Table;
import dev.petrel.vm.FuncCall;
import dev.petrel.vm.Insn;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Program;
import dev.petrel.vm.TriggerProgram;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Binds the collation names of a compiled program to the compiling connection's collations.
 *
 * <p>Why a pass after code generation: the schema is shared by the connections of a database, but
 * application-defined collations belong to one connection, so a column's or index's {@code COLLATE X} (and a
 * {@code COLLATE X} in the statement) reaches the code generator as a {@link Collation.Unresolved} name. Every
 * place a program compares under a collation holds it in an operand (a comparison's P4, a {@link KeyOrder} of a
 * cursor, sorter or Compare, a {@link FuncCall} for min/max, a {@link WindowPlan}), so binding those operands
 * binds the statement, its trigger sub-programs included. As in SQLite, a name that is only written and never
 * compared under ({@code SELECT x COLLATE foo}) needs no definition; one that is compared under and is undefined
 * fails the prepare with {@code no such collation sequence: X} (SQLITE_ERROR_MISSING_COLLSEQ). Built-ins
 * (BINARY, NOCASE, RTRIM) are never unresolved.
 */
final class CollationBinder {
    private final FunctionRegistry registry;
    private final Map<Program, Boolean> done = new IdentityHashMap<>();

    private CollationBinder(FunctionRegistry registry) {
        this.registry = registry;
    }

    /** Binds every collation {@code program} and its trigger sub-programs compare under. */
    static void bind(Program program, FunctionRegistry registry) {
        new CollationBinder(registry).program(program);
    }

    /** CREATE TABLE / CREATE INDEX: every collation the new object names must exist on this connection. */
    static void requireDefined(Table table, FunctionRegistry registry) {
        CollationBinder binder = new CollationBinder(registry);
        for (Column col : table.columns) {
            binder.collation(col.collation);
        }
        for (Index idx : table.indexes) {
            requireDefined(idx, registry);
        }
    }

    /** CREATE INDEX: the index's collations must exist on this connection. */
    static void requireDefined(Index index, FunctionRegistry registry) {
        CollationBinder binder = new CollationBinder(registry);
        for (Collation coll : index.collations) {
            binder.collation(coll);
        }
    }

    /** ALTER TABLE ADD COLUMN: the collation {@code name} must exist on this connection. */
    static void requireDefined(String name, FunctionRegistry registry) {
        new CollationBinder(registry).collation(dev.petrel.schema.TableBuilder.collation(name));
    }

    private Collation collation(Collation c) {
        if (!(c instanceof Collation.Unresolved u)) {
            return c;
        }
        Collation bound = registry.findCollation(u.name());
        if (bound == null) {
            throw Collation.Unresolved.missing(u.name());
        }
        return bound;
    }

    private void program(Program p) {
        if (p == null || done.put(p, Boolean.TRUE) != null) {
            return;
        }
        for (Insn in : p.insns) {
            Object p4 = in.p4;
            if (p4 instanceof Collation c) {
                in.p4 = collation(c);
            } else if (p4 instanceof KeyOrder k) {
                in.p4 = k.withCollations(this::collation);
            } else if (p4 instanceof FuncCall f && f.collation instanceof Collation.Unresolved) {
                FuncCall bound = new FuncCall(f.def, collation(f.collation), f.argc);
                bound.keepSubtype = f.keepSubtype;
                in.p4 = bound;
            } else if (p4 instanceof WindowPlan w) {
                window(w);
            } else if (p4 instanceof TriggerProgram t) {
                program(t.program);
            }
        }
    }

    private void window(WindowPlan w) {
        for (int i = 0; i < w.keyCollations.length; i++) {
            if (w.keyCollations[i] != null) {
                w.keyCollations[i] = collation(w.keyCollations[i]);
            }
        }
        for (int i = 0; i < w.calls.length; i++) {
            WindowCall c = w.calls[i];
            if (c.collation instanceof Collation.Unresolved) {
                w.calls[i] = new WindowCall(c.kind, c.aggregate, collation(c.collation), c.argFields, c.filterField,
                        c.resultField);
            }
        }
    }
}
