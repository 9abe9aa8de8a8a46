package dev.petrel.vm;

/**
 * A trigger (or foreign key action) compiled into a sub-program, run by the {@link Opcode#Program} opcode.
 *
 * <p>The holder exists before its program: a trigger body that fires its own trigger refers to the holder being
 * compiled, so {@link #program} is set once compilation of the body finishes. Identity (not equality) tells the
 * VM whether the same trigger is already running in an enclosing frame.
 */
public final class TriggerProgram {
    /** The trigger's name, as EXPLAIN shows it. */
    public final String name;
    /** The compiled body; null only while the body is being compiled. */
    public Program program;

    public TriggerProgram(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
