package dev.petrel.vm;

import dev.petrel.record.Collation;
import dev.petrel.value.RealText;

/**
 * Renders a program as SQLite's {@code EXPLAIN} does: one row per instruction with columns addr, opcode, p1, p2,
 * p3, p4, p5, comment. P4 is shown in SQLite's notation (collations as {@code BINARY}, KeyInfos as {@code k(2,B,B)},
 * functions as {@code name(argc)}), and the comment is the opcode's synopsis with operands substituted.
 */
public final class Explain {
    /** The result column names of EXPLAIN. */
    public static final String[] COLUMNS = {"addr", "opcode", "p1", "p2", "p3", "p4", "p5", "comment"};

    private Explain() {
    }

    /** The EXPLAIN rows of {@code program}. */
    public static Object[][] rows(Program program) {
        Object[][] out = new Object[program.insns.length][];
        for (int i = 0; i < program.insns.length; i++) {
            Insn in = program.insns[i];
            out[i] = new Object[] {(long) i, in.op.name(), (long) in.p1, (long) in.p2, (long) in.p3,
                    in.p4 == null ? null : p4Text(in.p4), (long) in.p5, comment(in)};
        }
        return out;
    }

    static String p4Text(Object p4) {
        if (p4 instanceof Collation) {
            return ((Collation) p4).name();
        }
        if (p4 instanceof Double) {
            return RealText.render((Double) p4);
        }
        if (p4 instanceof byte[]) {
            StringBuilder sb = new StringBuilder();
            for (byte b : (byte[]) p4) {
                sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return sb.toString();
        }
        // An object may render as null (a foreign key action's sub-program has no trigger name).
        String text = String.valueOf(p4);
        return text == null ? "" : text;
    }

    private static String comment(Insn in) {
        String s = in.op.synopsis();
        if (s.isEmpty()) {
            return in.comment;
        }
        s = s.replace("P1", Integer.toString(in.p1)).replace("P2", Integer.toString(in.p2))
                .replace("P3", Integer.toString(in.p3)).replace("P4", in.p4 == null ? "" : p4Text(in.p4));
        return in.comment == null ? s : s + "; " + in.comment;
    }
}
