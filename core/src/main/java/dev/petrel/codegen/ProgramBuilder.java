package dev.petrel.codegen;

import dev.petrel.vm.Insn;
import dev.petrel.vm.Opcode;
import dev.petrel.vm.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates instructions for one program: allocates registers and cursors, hands out labels for forward jumps
 * and resolves them when the program is built, and collects EXPLAIN QUERY PLAN lines.
 *
 * <p>Labels are negative numbers; a jump operand (P2 of a jumping opcode, P1..P3 of Jump) holding a label is
 * replaced by the label's address in {@link #build}. Invariant: every label used is resolved before build.
 */
public final class ProgramBuilder {
    private final List<Insn> code = new ArrayList<>();
    private final List<Integer> labelAddr = new ArrayList<>();
    private int nextReg = 1;
    private int nextCursor;
    /** EXPLAIN QUERY PLAN rows: id, parent, detail. */
    final List<Object[]> eqp = new ArrayList<>();
    private int eqpId;
    int eqpParent;

    public int addr() {
        return code.size();
    }

    public int emit(Opcode op, int p1, int p2, int p3, Object p4, int p5) {
        code.add(new Insn(op, p1, p2, p3, p4, p5));
        return code.size() - 1;
    }

    public int emit(Opcode op, int p1, int p2, int p3) {
        return emit(op, p1, p2, p3, null, 0);
    }

    public int emit(Opcode op, int p1, int p2) {
        return emit(op, p1, p2, 0, null, 0);
    }

    public int emit(Opcode op, int p1) {
        return emit(op, p1, 0, 0, null, 0);
    }

    /** The instructions emitted so far (a view: read it, do not change it). */
    List<Insn> code() {
        return java.util.Collections.unmodifiableList(code);
    }

    public Insn at(int addr) {
        return code.get(addr);
    }

    public int newLabel() {
        labelAddr.add(-1);
        return -labelAddr.size();
    }

    public void resolve(int label) {
        labelAddr.set(-label - 1, code.size());
    }

    public int reg() {
        return nextReg++;
    }

    public int regs(int n) {
        int r = nextReg;
        nextReg += n;
        return r;
    }

    public int cursor() {
        return nextCursor++;
    }

    /** Adds an EXPLAIN QUERY PLAN line under the current parent; returns its id. */
    public int plan(String detail) {
        int id = ++eqpId;
        if (eqpMuted == 0) {
            eqp.add(new Object[] {(long) id, (long) eqpParent, 0L, detail});
        }
        return id;
    }

    /** While positive, {@link #plan} adds no lines (code generated a second time for a plan already listed). */
    int eqpMuted;

    /** Replaces the text of plan line {@code id} (known only once its subtree is compiled, e.g. CORRELATED). */
    void replan(int id, String detail) {
        for (Object[] row : eqp) {
            if ((Long) row[0] == id) {
                row[3] = detail;
            }
        }
    }

    private int target(int v) {
        if (v >= 0) {
            return v;
        }
        int a = labelAddr.get(-v - 1);
        if (a < 0) {
            throw new IllegalStateException("unresolved label " + v);
        }
        return a;
    }

    public Program build(List<String> columns, List<String> declTypes, List<String> params, boolean readOnly,
                         int explain) {
        Insn[] insns = code.toArray(new Insn[0]);
        for (Insn in : insns) {
            if (in.op == Opcode.Jump) {
                in.p1 = target(in.p1);
                in.p2 = target(in.p2);
                in.p3 = target(in.p3);
            } else if (in.op.jumps()) {
                in.p2 = target(in.p2);
            }
        }
        return new Program(insns, nextReg, nextCursor, columns, declTypes, params, readOnly, explain);
    }
}
