package dev.petrel.func.window;

import dev.petrel.api.PetrelException;
import dev.petrel.func.AggregateFunction;
import dev.petrel.func.FunctionContext;
import dev.petrel.value.Affinity;
import dev.petrel.value.Arithmetic;
import dev.petrel.value.Values;
import java.util.List;

/**
 * Computes every call of a {@link WindowPlan} for each row of one sorted partition and stores the values in the
 * rows' result fields.
 *
 * <p>Peers are rows with equal ORDER BY keys (every row of the partition when there is no ORDER BY). The frame of
 * row i is the index range [start(i), end(i)) minus the EXCLUDE set; both ends never move backwards as i grows,
 * which lets aggregates advance one state: step the rows that enter, inverse the rows that leave (when the
 * aggregate has an inverse; otherwise the state is rebuilt for each frame). Frames with an EXCLUDE set that
 * removes rows are evaluated from scratch. Built-in ranking and offset functions ignore the frame.
 */
final class PartitionEvaluator {
    private final WindowPlan plan;
    private final List<Object[]> keys;
    private final List<Object[]> bodies;
    private final FunctionContext[] contexts;
    private final int n;
    /** Per row: index of its peer group, first row of the group, one past its last row. */
    private final int[] group;
    private final int[] groupStart;
    private final int[] groupEnd;
    private int groupCount;
    /** Per row: the frame [frameStart, frameEnd) before EXCLUDE. */
    private final int[] frameStart;
    private final int[] frameEnd;

    PartitionEvaluator(WindowPlan plan, List<Object[]> keys, List<Object[]> bodies, FunctionContext[] contexts) {
        this.plan = plan;
        this.keys = keys;
        this.bodies = bodies;
        this.contexts = contexts;
        this.n = bodies.size();
        this.group = new int[n];
        this.groupStart = new int[n];
        this.groupEnd = new int[n];
        this.frameStart = new int[n];
        this.frameEnd = new int[n];
    }

    void run() {
        findPeers();
        boolean framed = false;
        for (WindowCall c : plan.calls) {
            framed |= c.kind == 0 || WindowFunctions.usesFrame(c.kind);
        }
        if (framed) {
            computeFrames();
        }
        for (int k = 0; k < plan.calls.length; k++) {
            WindowCall c = plan.calls[k];
            if (c.kind == 0) {
                aggregate(c, contexts[k]);
            } else {
                builtin(c);
            }
        }
    }

    // ---- peers and frames -------------------------------------------------------------------------------------

    private void findPeers() {
        int g = -1;
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || !peers(i - 1, i)) {
                g++;
                start = i;
            }
            group[i] = g;
            groupStart[i] = start;
        }
        groupCount = g + 1;
        int end = n;
        for (int i = n - 1; i >= 0; i--) {
            if (i < n - 1 && group[i] != group[i + 1]) {
                end = i + 1;
            }
            groupEnd[i] = end;
        }
    }

    private boolean peers(int a, int b) {
        Object[] x = keys.get(a);
        Object[] y = keys.get(b);
        for (int i = plan.partitionKeys; i < x.length; i++) {
            if (dev.petrel.record.ValueOrder.compare(x[i], y[i], plan.keyCollations[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** First row of peer group {@code g} (clamped: before the first group 0, after the last n). */
    private int startOfGroup(long g) {
        if (g < 0) {
            return 0;
        }
        return g >= groupCount ? n : groupFirstRow((int) g);
    }

    private int endOfGroup(long g) {
        if (g < 0) {
            return 0;
        }
        return g >= groupCount ? n : groupEnd[groupFirstRow((int) g)];
    }

    private int[] groupFirst;

    private int groupFirstRow(int g) {
        if (groupFirst == null) {
            groupFirst = new int[groupCount];
            for (int i = n - 1; i >= 0; i--) {
                groupFirst[group[i]] = i;
            }
        }
        return groupFirst[g];
    }

    private void computeFrames() {
        Object startOff = offset(plan.startKind, plan.startOffsetField, "starting");
        Object endOff = offset(plan.endKind, plan.endOffsetField, "ending");
        for (int i = 0; i < n; i++) {
            frameStart[i] = bound(i, plan.startKind, startOff, false);
            frameEnd[i] = bound(i, plan.endKind, endOff, true);
            if (frameEnd[i] < frameStart[i]) {
                frameEnd[i] = frameStart[i];
            }
        }
    }

    /** The validated offset of a PRECEDING/FOLLOWING bound (a Long for ROWS/GROUPS, a number for RANGE). */
    private Object offset(int kind, int field, String which) {
        if (kind != WindowPlan.PRECEDING && kind != WindowPlan.FOLLOWING) {
            return null;
        }
        Object v = Affinity.NUMERIC.apply(bodies.get(0)[field]);
        if (plan.unit == WindowPlan.RANGE) {
            if ((v instanceof Long l && l >= 0) || (v instanceof Double d && d >= 0)) {
                return v;
            }
            throw PetrelException.error("frame " + which + " offset must be a non-negative number");
        }
        Long l = exactInteger(v);
        if (l != null && l >= 0) {
            return l;
        }
        throw PetrelException.error("frame " + which + " offset must be a non-negative integer");
    }

    /** Row index of a frame bound for row i: the first frame row (start) or one past the last (end). */
    private int bound(int i, int kind, Object off, boolean isEnd) {
        switch (kind) {
            case WindowPlan.UNBOUNDED_PRECEDING:
                return 0;
            case WindowPlan.UNBOUNDED_FOLLOWING:
                return n;
            case WindowPlan.CURRENT_ROW:
                if (plan.unit == WindowPlan.ROWS) {
                    return isEnd ? i + 1 : i;
                }
                return isEnd ? groupEnd[i] : groupStart[i];
            default:
                break;
        }
        boolean preceding = kind == WindowPlan.PRECEDING;
        if (plan.unit == WindowPlan.ROWS) {
            long d = (Long) off;
            long row = preceding ? i - Math.min(d, (long) n + 1) : i + Math.min(d, (long) n + 1);
            long r = isEnd ? row + 1 : row;
            return (int) Math.max(0, Math.min(n, r));
        }
        if (plan.unit == WindowPlan.GROUPS) {
            long d = Math.min((Long) off, (long) n + 1);
            long g = preceding ? group[i] - d : group[i] + d;
            return isEnd ? endOfGroup(g) : startOfGroup(g);
        }
        return rangeBound(i, preceding, off, isEnd);
    }

    /**
     * RANGE with an offset: the target key is the current key moved by the offset in sort order; the bound is
     * the first row at or after it (start) or after it (end). A non-numeric current key (NULL, text, blob) has
     * its peers as the frame.
     */
    private int rangeBound(int i, boolean preceding, Object off, boolean isEnd) {
        int col = plan.partitionKeys;
        Object cur = keys.get(i)[col];
        if (!(cur instanceof Long) && !(cur instanceof Double)) {
            return isEnd ? groupEnd[i] : groupStart[i];
        }
        boolean desc = plan.orderDesc[0];
        boolean subtract = preceding != desc;
        Object target = subtract ? Arithmetic.subtract(cur, off) : Arithmetic.add(cur, off);
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = sortCompare(keys.get(mid)[col], target);
            if (isEnd ? c <= 0 : c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Compares two ORDER BY key values in the window's sort order (direction and NULL placement). */
    private int sortCompare(Object a, Object b) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            int r = a == null ? -1 : 1;
            return plan.orderNullsLast[0] ? -r : r;
        }
        int r = dev.petrel.record.ValueOrder.compare(a, b, plan.keyCollations[plan.partitionKeys]);
        return plan.orderDesc[0] ? -r : r;
    }

    /**
     * The frame of row i after EXCLUDE as up to three disjoint ascending segments {@code [s0,e0), [s1,e1) ..};
     * returns the segment count.
     */
    private int segments(int i, int[] seg) {
        int fs = frameStart[i];
        int fe = frameEnd[i];
        int xs;
        int xe;
        int keep = -1;
        switch (plan.exclude) {
            case WindowPlan.EXCLUDE_CURRENT_ROW:
                xs = i;
                xe = i + 1;
                break;
            case WindowPlan.EXCLUDE_GROUP:
                xs = groupStart[i];
                xe = groupEnd[i];
                break;
            case WindowPlan.EXCLUDE_TIES:
                xs = groupStart[i];
                xe = groupEnd[i];
                keep = i;
                break;
            default:
                seg[0] = fs;
                seg[1] = fe;
                return 1;
        }
        int k = 0;
        k = addSegment(seg, k, fs, Math.min(fe, xs));
        if (keep >= 0 && keep >= fs && keep < fe) {
            k = addSegment(seg, k, keep, keep + 1);
        }
        k = addSegment(seg, k, Math.max(fs, xe), fe);
        return k;
    }

    private static int addSegment(int[] seg, int k, int s, int e) {
        if (s < e) {
            seg[2 * k] = s;
            seg[2 * k + 1] = e;
            return k + 1;
        }
        return k;
    }

    /** Whether EXCLUDE can remove rows from the frame of some row. */
    private boolean excludes() {
        return plan.exclude != WindowPlan.EXCLUDE_NO_OTHERS;
    }

    // ---- aggregates ---------------------------------------------------------------------------------------------

    private void aggregate(WindowCall c, FunctionContext ctx) {
        AggregateFunction state = null;
        int cs = 0;
        int ce = 0;
        Object value = null;
        boolean stale = true;
        int[] seg = new int[6];
        for (int i = 0; i < n; i++) {
            int fs = frameStart[i];
            int fe = frameEnd[i];
            if (excludes()) {
                int k = segments(i, seg);
                AggregateFunction fresh = newState(c);
                for (int s = 0; s < k; s++) {
                    for (int j = seg[2 * s]; j < seg[2 * s + 1]; j++) {
                        step(c, ctx, fresh, j, false);
                    }
                }
                // A state made for one frame ends with finish, as SQLite's full scan of an EXCLUDE frame calls
                // xFinal (an application window function can tell the two apart).
                bodies.get(i)[c.resultField] = fresh.finish(ctx);
                continue;
            }
            if (state == null || fs < cs || fe < ce || (fs > cs && !state.supportsInverse())) {
                state = newState(c);
                // As SQLite's frame cursors, an invertible state starts at the partition's first row: rows
                // before the frame start are stepped and then removed (which decides sum()'s overflow error).
                cs = state.supportsInverse() ? 0 : fs;
                ce = cs;
                stale = true;
            }
            for (int j = ce; j < fe; j++) {
                step(c, ctx, state, j, false);
                stale = true;
            }
            for (int j = cs; j < fs; j++) {
                step(c, ctx, state, j, true);
                stale = true;
            }
            cs = fs;
            ce = fe;
            if (stale) {
                value = state.value(ctx);
                stale = false;
            }
            bodies.get(i)[c.resultField] = value;
        }
    }

    /** A fresh state: min() and max() over frames whose start moves get an inverse ({@link SlidingMinMax}). */
    private AggregateFunction newState(WindowCall c) {
        String name = c.aggregate.name();
        if (plan.startKind != WindowPlan.UNBOUNDED_PRECEDING && c.argFields.length == 1
                && (name.equals("min") || name.equals("max"))) {
            return new SlidingMinMax(name.equals("max"), c.collation);
        }
        return c.aggregate.aggregate().create();
    }

    private void step(WindowCall c, FunctionContext ctx, AggregateFunction state, int row, boolean inverse) {
        Object[] body = bodies.get(row);
        if (c.filterField >= 0 && !Values.isTrue(body[c.filterField])) {
            return;
        }
        Object[] args = new Object[c.argFields.length];
        for (int a = 0; a < args.length; a++) {
            args[a] = body[c.argFields[a]];
        }
        if (inverse) {
            state.inverse(ctx, args);
        } else {
            state.step(ctx, args);
        }
    }

    // ---- built-in window functions ------------------------------------------------------------------------------

    private Object arg(int row, WindowCall c, int a) {
        return bodies.get(row)[c.argFields[a]];
    }

    private void builtin(WindowCall c) {
        long ntileBuckets = 0;
        if (c.kind == WindowFunctions.NTILE && n > 0) {
            ntileBuckets = Values.toLong(arg(0, c, 0));
            if (ntileBuckets <= 0) {
                throw PetrelException.error("argument of ntile must be a positive integer");
            }
        }
        int[] seg = new int[6];
        for (int i = 0; i < n; i++) {
            Object v;
            switch (c.kind) {
                case WindowFunctions.ROW_NUMBER:
                    v = (long) i + 1;
                    break;
                case WindowFunctions.RANK:
                    v = (long) groupStart[i] + 1;
                    break;
                case WindowFunctions.DENSE_RANK:
                    v = (long) group[i] + 1;
                    break;
                case WindowFunctions.PERCENT_RANK:
                    v = n > 1 ? (double) groupStart[i] / (n - 1) : 0.0;
                    break;
                case WindowFunctions.CUME_DIST:
                    v = (double) groupEnd[i] / n;
                    break;
                case WindowFunctions.NTILE:
                    v = ntile(i, ntileBuckets);
                    break;
                case WindowFunctions.LAG:
                case WindowFunctions.LEAD:
                    v = offsetRow(c, i, c.kind == WindowFunctions.LAG);
                    break;
                default:
                    v = frameValue(c, i, seg);
                    break;
            }
            bodies.get(i)[c.resultField] = v;
        }
    }

    /** SQLite's ntile: buckets as equal as possible, the larger ones first. */
    private long ntile(int i, long buckets) {
        long size = n / buckets;
        if (size == 0) {
            return i + 1;
        }
        long large = n - buckets * size;
        long small = large * (size + 1);
        if (i < small) {
            return 1 + i / (size + 1);
        }
        return 1 + large + (i - small) / size;
    }

    /** lag/lead: the argument at the row {@code offset} before/after (default 1), else the default (or NULL). */
    private Object offsetRow(WindowCall c, int i, boolean lag) {
        Object off = c.argFields.length > 1 ? arg(i, c, 1) : (Object) 1L;
        Object dflt = c.argFields.length > 2 ? arg(i, c, 2) : null;
        Object target = lag ? Arithmetic.subtract((long) i, off) : Arithmetic.add((long) i, off);
        Long row = exactInteger(target);
        return row != null && row >= 0 && row < n ? arg((int) (long) row, c, 0) : dflt;
    }

    /** first_value, last_value, nth_value: a row of the frame after EXCLUDE, or NULL. */
    private Object frameValue(WindowCall c, int i, int[] seg) {
        int k = segments(i, seg);
        int size = 0;
        for (int s = 0; s < k; s++) {
            size += seg[2 * s + 1] - seg[2 * s];
        }
        long want;
        if (c.kind == WindowFunctions.FIRST_VALUE) {
            want = 1;
        } else if (c.kind == WindowFunctions.LAST_VALUE) {
            want = size;
        } else {
            if (size == 0) {
                return null;
            }
            want = positiveInteger(arg(i, c, 1), "second argument to nth_value must be a positive integer");
        }
        if (want < 1 || want > size) {
            return null;
        }
        long left = want;
        for (int s = 0; s < k; s++) {
            int len = seg[2 * s + 1] - seg[2 * s];
            if (left <= len) {
                return arg(seg[2 * s] + (int) left - 1, c, 0);
            }
            left -= len;
        }
        return null;
    }

    /** A positive integer argument (numeric text and integral reals accepted), else {@code message}. */
    private static long positiveInteger(Object v, String message) {
        Long l = exactInteger(v);
        if (l == null || l <= 0) {
            throw PetrelException.error(message);
        }
        return l;
    }

    /** The value as an integer after numeric affinity when it is one exactly (3, 3.0, '3'), else null. */
    private static Long exactInteger(Object v) {
        Object x = Affinity.NUMERIC.apply(v);
        if (x instanceof Long l) {
            return l;
        }
        if (x instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.2e18) {
            return (long) (double) d;
        }
        return null;
    }
}
