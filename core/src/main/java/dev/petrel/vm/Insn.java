package dev.petrel.vm;

/**
 * One VM instruction: an {@link Opcode} and its operands P1..P5, plus an optional comment EXPLAIN shows when the
 * opcode has no synopsis. P4 holds whatever the opcode needs beyond integers (a value, a KeyInfo, a function, an
 * affinity string, a message). Built by the code generator; immutable once its {@link Program} is built.
 */
public final class Insn {
    public Opcode op;
    public int p1;
    public int p2;
    public int p3;
    public Object p4;
    public int p5;
    public String comment;
    /** The boxed P1 of an Integer instruction, made on first execution (saves a Long per run of a loop). */
    Object boxedP1;

    public Insn(Opcode op, int p1, int p2, int p3, Object p4, int p5) {
        this.op = op;
        this.p1 = p1;
        this.p2 = p2;
        this.p3 = p3;
        this.p4 = p4;
        this.p5 = p5;
    }

    @Override
    public String toString() {
        return op + " " + p1 + " " + p2 + " " + p3 + " " + (p4 == null ? "" : Explain.p4Text(p4)) + " " + p5;
    }
}
