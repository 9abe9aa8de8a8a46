package dev.petrel.func.aggregate;

import dev.petrel.func.AggregateFunction;
import dev.petrel.func.FunctionContext;
import dev.petrel.value.Values;
import java.util.ArrayDeque;

/**
 * group_concat(X[, SEP]) and string_agg(X, SEP): the texts of the non-NULL X joined, each but the first
 * preceded by the separator given on its own row (default ","; a NULL separator counts as empty). NULL when no
 * X was added. The inverse removes the oldest value (window frames only ever drop from the front).
 */
final class GroupConcatAggregate implements AggregateFunction {
    private final boolean hasSeparator;
    /** Alternating (separator, value) of each non-NULL row, oldest first. */
    private final ArrayDeque<String[]> parts = new ArrayDeque<>();

    GroupConcatAggregate(boolean hasSeparator) {
        this.hasSeparator = hasSeparator;
    }

    @Override
    public void step(FunctionContext ctx, Object[] args) {
        if (args[0] == null) {
            return;
        }
        String sep = ",";
        if (hasSeparator) {
            sep = args[1] == null ? "" : Values.toText(args[1]);
        }
        parts.addLast(new String[] {sep, Values.toText(args[0])});
    }

    @Override
    public void inverse(FunctionContext ctx, Object[] args) {
        if (args[0] != null && !parts.isEmpty()) {
            parts.removeFirst();
        }
    }

    @Override
    public boolean supportsInverse() {
        return true;
    }

    @Override
    public Object value(FunctionContext ctx) {
        if (parts.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (String[] p : parts) {
            if (!first) {
                sb.append(p[0]);
            }
            sb.append(p[1]);
            first = false;
        }
        return sb.toString();
    }
}
