package dev.petrel.sql.ast;

import java.util.List;

/**
 * A window definition body {@code ([base] [PARTITION BY ..] [ORDER BY ..] [frame])}; baseName and frame may be
 * null, lists are empty when absent.
 */
public record WindowSpec(int pos, String baseName, List<Expr> partitionBy, List<OrderingTerm> orderBy, Frame frame)
        implements Node {

    public enum FrameUnit { ROWS, RANGE, GROUPS }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    public enum Exclude { NONE, NO_OTHERS, CURRENT_ROW, GROUP, TIES }

    /** A frame bound; offset is set only for PRECEDING and FOLLOWING. */
    public record Bound(BoundKind kind, Expr offset) {}

    /** {@code unit start} (end null) or {@code unit BETWEEN start AND end}, plus EXCLUDE. */
    public record Frame(FrameUnit unit, Bound start, Bound end, Exclude exclude) {}

    /** A named window of the WINDOW clause: {@code name AS (spec)}. */
    public record Named(int pos, String name, WindowSpec spec) implements Node {}
}
