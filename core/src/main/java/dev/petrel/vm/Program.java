package dev.petrel.vm;

import java.util.List;

/**
 * A compiled statement: the instructions and what the VM must allocate to run them (registers, cursors), plus the
 * facts the statement API reports (result column names and declared types, parameter names, read-only-ness).
 *
 * <p>Invariants: (1) every jump operand is an address in {@code [0, insns.length)}; (2) registers are numbered
 * {@code 1..registerCount} and cursors {@code 0..cursorCount-1}; (3) the program starts at address 0, which is an
 * {@code Init}. A program is immutable and may be run by several {@link Vm}s one after another.
 */
public final class Program {
    public final Insn[] insns;
    public final int registerCount;
    public final int cursorCount;
    public final List<String> columnNames;
    public final List<String> columnDeclTypes;
    public final List<String> parameterNames;
    public final boolean readOnly;
    /** 0 for an ordinary statement, 1 for EXPLAIN, 2 for EXPLAIN QUERY PLAN. */
    public final int explain;
    /** For EXPLAIN QUERY PLAN: the rows (id, parent, notused, detail) the statement returns. */
    public Object[][] queryPlan;
    /** The connection settings (Compiler.FLAG_*) the program was compiled under; a change recompiles it. */
    public int compileFlags;

    public Program(Insn[] insns, int registerCount, int cursorCount, List<String> columnNames,
                   List<String> columnDeclTypes, List<String> parameterNames, boolean readOnly, int explain) {
        this.insns = insns;
        this.registerCount = registerCount;
        this.cursorCount = cursorCount;
        this.columnNames = columnNames;
        this.columnDeclTypes = columnDeclTypes;
        this.parameterNames = parameterNames;
        this.readOnly = readOnly;
        this.explain = explain;
    }
}
