package dev.petrel.func.window;

import dev.petrel.record.Collation;

/**
 * One window pass (P4 of the WindowAdd opcode): the functions that share one window definition, that window's
 * frame, and the layout of the rows the pass reads and writes.
 *
 * <p>Input record of a pass: {@code partitionKeys} partition fields, {@code orderKeys} ORDER BY fields, a
 * sequence number (the sort's tie-break, so equal keys keep their arrival order), then the body. The body holds
 * every value the later stages need, among them each call's arguments and a slot for each call's result. The
 * output record is the next pass's input ({@link #nextKeyFields} copied from the body to the front, then a new
 * sequence number and the body), or for the last pass the body alone.
 *
 * <p>Frame bounds use the {@code UNBOUNDED_PRECEDING}..{@code UNBOUNDED_FOLLOWING} codes; offsets are read from
 * body fields of the partition's first row. Without an explicit frame the code generator passes SQLite's
 * default, RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW.
 */
public final class WindowPlan {
    public static final int ROWS = 0;
    public static final int RANGE = 1;
    public static final int GROUPS = 2;

    public static final int UNBOUNDED_PRECEDING = 0;
    public static final int PRECEDING = 1;
    public static final int CURRENT_ROW = 2;
    public static final int FOLLOWING = 3;
    public static final int UNBOUNDED_FOLLOWING = 4;

    public static final int EXCLUDE_NO_OTHERS = 0;
    public static final int EXCLUDE_CURRENT_ROW = 1;
    public static final int EXCLUDE_GROUP = 2;
    public static final int EXCLUDE_TIES = 3;

    public final int partitionKeys;
    public final int orderKeys;
    /** Collations of the partition then the order keys. */
    public final Collation[] keyCollations;
    /** Per ORDER BY key: descending, and NULLs sorted last. */
    public final boolean[] orderDesc;
    public final boolean[] orderNullsLast;
    public final int unit;
    public final int startKind;
    public final int endKind;
    /** Body fields of the start and end offsets (PRECEDING/FOLLOWING bounds), else -1. */
    public final int startOffsetField;
    public final int endOffsetField;
    public final int exclude;
    public final WindowCall[] calls;
    /** Body fields to put in front of the output record for the next pass, or null for the last pass. */
    public final int[] nextKeyFields;

    public WindowPlan(int partitionKeys, int orderKeys, Collation[] keyCollations, boolean[] orderDesc,
                      boolean[] orderNullsLast, int unit, int startKind, int endKind, int startOffsetField,
                      int endOffsetField, int exclude, WindowCall[] calls, int[] nextKeyFields) {
        this.partitionKeys = partitionKeys;
        this.orderKeys = orderKeys;
        this.keyCollations = keyCollations;
        this.orderDesc = orderDesc;
        this.orderNullsLast = orderNullsLast;
        this.unit = unit;
        this.startKind = startKind;
        this.endKind = endKind;
        this.startOffsetField = startOffsetField;
        this.endOffsetField = endOffsetField;
        this.exclude = exclude;
        this.calls = calls;
        this.nextKeyFields = nextKeyFields;
    }

    /** Fields before the body in an input record: the keys and the sequence number. */
    int headerFields() {
        return partitionKeys + orderKeys + 1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("window(");
        for (int i = 0; i < calls.length; i++) {
            sb.append(i == 0 ? "" : ",").append(calls[i]);
        }
        return sb.append(")").toString();
    }
}
