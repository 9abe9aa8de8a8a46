package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.func.FunctionDef;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.func.window.WindowCall;
import dev.petrel.func.window.WindowFunctions;
import dev.petrel.func.window.WindowPlan;
import dev.petrel.record.Collation;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.NullsOrder;
import dev.petrel.sql.ast.OrderingTerm;
import dev.petrel.sql.ast.SelectBody;
import dev.petrel.sql.ast.SortOrder;
import dev.petrel.sql.ast.WindowSpec;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Code for the window functions of one select core (windowfunctions.html), as SQLite evaluates them: after
 * WHERE, GROUP BY and HAVING, before DISTINCT, ORDER BY and LIMIT.
 *
 * <p>Each qualifying row (or group) becomes one record: a <em>body</em> with everything later stages read
 * (the sources' columns, the aggregate results, every window's keys and frame offsets, every call's arguments
 * and FILTER value, and a NULL slot per call for its result). Calls are grouped into <em>passes</em>, one per
 * distinct window definition. Each pass sorts the records by its partition and order keys plus a sequence number
 * (so ties keep their arrival order) and feeds them to a {@code WindowBuffer}, which evaluates one partition at a
 * time and hands the rows on, with the pass's results filled in, to the next pass's sorter. The last pass's rows
 * are read through a pseudo cursor: the sources and aggregate registers are pointed at the body and each call
 * reads its result slot, then the core's ordinary output code runs.
 *
 * <p>Pass order follows SQLite (a window of a later call is computed in an inner subquery): the window of the
 * first call is computed last, so without ORDER BY rows come out in that window's order.
 */
final class WindowGen {
    /** What the select core offers the window stage. */
    interface Host {
        /** Width of a full row of every source (see {@code emitFullRow}). */
        int rowWidth();

        void emitFullRow(int base);

        void overrideSources(int cursor, int firstOffset);

        void clearOverrides();

        /** Registers holding aggregate results during output, by call. */
        IdentityHashMap<Expr, Integer> accRegs();

        /** An ExprGen for the output phase (aliases set). */
        ExprGen outputGen();

        /** The core's row output: DISTINCT, ORDER BY and LIMIT, then the destination. */
        void emitResultRow(ExprGen eg);
    }

    /** A window definition after WINDOW-clause names are resolved. */
    private record Resolved(List<Expr> partitionBy, List<OrderingTerm> orderBy, WindowSpec.Frame frame) {}

    /** One call: its node, its resolved window, its pass. */
    private static final class Call {
        final Expr.FunctionCall f;
        final int kind;
        final FunctionDef def;
        final Resolved window;
        Pass pass;
        int[] argFields;
        int filterField = -1;
        int resultField;

        Call(Expr.FunctionCall f, int kind, FunctionDef def, Resolved window) {
            this.f = f;
            this.kind = kind;
            this.def = def;
            this.window = window;
        }
    }

    /** Calls sharing one window definition. */
    private static final class Pass {
        final Resolved window;
        final List<Call> calls = new ArrayList<>();
        int keyField;
        int startOffsetField = -1;
        int endOffsetField = -1;
        int sorter;
        int buffer;
        int ended;

        Pass(Resolved window) {
            this.window = window;
        }

        int keyCount() {
            return window.partitionBy.size() + window.orderBy.size();
        }
    }

    private final Compiler c;
    private final ProgramBuilder b;
    private final Host host;
    private final ExprGen g;
    private final List<Call> calls = new ArrayList<>();
    private final List<Pass> passes = new ArrayList<>();
    private final List<Integer> aggRegs = new ArrayList<>();
    private final List<Expr> aggCalls = new ArrayList<>();
    private int width;
    private int bodyWidth;

    private WindowGen(Compiler c, Host host, ExprGen g) {
        this.c = c;
        this.b = c.b;
        this.host = host;
        this.g = g;
    }

    /**
     * The window stage of a core whose result columns are {@code exprs} and whose ORDER BY is {@code orderBy},
     * or null when neither holds a window function. Resolves named windows and checks each call.
     */
    static WindowGen collect(Compiler c, Host host, ExprGen g, SelectBody.Core core, List<Expr> exprs,
                             List<OrderingTerm> orderBy) {
        List<Expr.FunctionCall> found = new ArrayList<>();
        for (Expr e : exprs) {
            find(e, found);
        }
        for (OrderingTerm t : orderBy) {
            find(t.expr(), found);
        }
        if (found.isEmpty()) {
            return null;
        }
        WindowGen w = new WindowGen(c, host, g);
        Map<String, Resolved> named = w.namedWindows(core.windows());
        Map<String, Pass> byKey = new HashMap<>();
        for (Expr.FunctionCall f : found) {
            Call call = w.check(f, named);
            Resolved window = normalizedFrame(call);
            String key = canonical(window);
            Pass p = byKey.get(key);
            if (p == null) {
                p = new Pass(window);
                byKey.put(key, p);
                w.passes.add(0, p);
            }
            call.pass = p;
            p.calls.add(call);
            w.calls.add(call);
        }
        return w;
    }

    private static void find(Expr e, List<Expr.FunctionCall> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.FunctionCall f && f.over() != null) {
            out.add(f);
            return;
        }
        for (Expr ch : Exprs.children(e)) {
            find(ch, out);
        }
    }

    /** A pass key: equal for windows SQLite evaluates together (same partition, order and frame). */
    private static String canonical(Resolved r) {
        WindowSpec.Frame f = r.frame;
        String frame = f == null ? "RANGE UNBOUNDED_PRECEDING null CURRENT_ROW null NONE"
                : f.unit() + " " + f.start().kind() + " " + f.start().offset() + " "
                + (f.end() == null ? "CURRENT_ROW null" : f.end().kind() + " " + f.end().offset()) + " "
                + (f.exclude() == WindowSpec.Exclude.NO_OTHERS ? WindowSpec.Exclude.NONE : f.exclude());
        return (r.partitionBy + " " + r.orderBy + " " + frame).replaceAll("pos=\\d+", "");
    }

    /**
     * The call's window with the frame SQLite substitutes for ranking and offset functions (they ignore the
     * frame, and calls with equal substituted windows share a pass, which decides how ties are numbered).
     */
    private static Resolved normalizedFrame(Call call) {
        WindowSpec.BoundKind up = WindowSpec.BoundKind.UNBOUNDED_PRECEDING;
        WindowSpec.BoundKind cur = WindowSpec.BoundKind.CURRENT_ROW;
        WindowSpec.BoundKind uf = WindowSpec.BoundKind.UNBOUNDED_FOLLOWING;
        WindowSpec.Frame f = switch (call.kind) {
            case WindowFunctions.ROW_NUMBER, WindowFunctions.LAG -> frame(WindowSpec.FrameUnit.ROWS, up, cur);
            case WindowFunctions.RANK, WindowFunctions.DENSE_RANK -> frame(WindowSpec.FrameUnit.RANGE, up, cur);
            case WindowFunctions.PERCENT_RANK -> frame(WindowSpec.FrameUnit.GROUPS, cur, uf);
            case WindowFunctions.CUME_DIST -> frame(WindowSpec.FrameUnit.GROUPS, WindowSpec.BoundKind.FOLLOWING, uf);
            case WindowFunctions.NTILE -> frame(WindowSpec.FrameUnit.ROWS, cur, uf);
            case WindowFunctions.LEAD -> frame(WindowSpec.FrameUnit.ROWS, up, uf);
            default -> null;
        };
        return f == null ? call.window : new Resolved(call.window.partitionBy, call.window.orderBy, f);
    }

    private static WindowSpec.Frame frame(WindowSpec.FrameUnit unit, WindowSpec.BoundKind start,
                                          WindowSpec.BoundKind end) {
        return new WindowSpec.Frame(unit, new WindowSpec.Bound(start, null), new WindowSpec.Bound(end, null),
                WindowSpec.Exclude.NONE);
    }

    // ---- resolution and checks ---------------------------------------------------------------------------------

    private Map<String, Resolved> namedWindows(List<WindowSpec.Named> defs) {
        Map<String, Resolved> named = new HashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            WindowSpec spec = defs.get(i).spec();
            if (i == 0 && spec.baseName() != null) {
                // SQLite chains each definition to the ones before it; the first one's base is never looked up.
                spec = new WindowSpec(spec.pos(), null, spec.partitionBy(), spec.orderBy(), spec.frame());
            }
            named.put(defs.get(i).name().toLowerCase(Locale.ROOT), resolve(spec, named));
        }
        return named;
    }

    private static Resolved lookup(String name, Map<String, Resolved> named) {
        Resolved r = named.get(name.toLowerCase(Locale.ROOT));
        if (r == null) {
            throw PetrelException.error("no such window: " + name);
        }
        return r;
    }

    private Resolved resolve(WindowSpec spec, Map<String, Resolved> named) {
        Resolved r;
        if (spec.baseName() == null) {
            r = new Resolved(spec.partitionBy(), spec.orderBy(), spec.frame());
        } else {
            Resolved base = lookup(spec.baseName(), named);
            if (!spec.partitionBy().isEmpty()) {
                throw PetrelException.error("cannot override PARTITION clause of window: " + spec.baseName());
            }
            if (!base.orderBy.isEmpty() && !spec.orderBy().isEmpty()) {
                throw PetrelException.error("cannot override ORDER BY clause of window: " + spec.baseName());
            }
            if (base.frame != null) {
                throw PetrelException.error("cannot override frame specification of window: " + spec.baseName());
            }
            r = new Resolved(base.partitionBy, spec.orderBy().isEmpty() ? base.orderBy : spec.orderBy(),
                    spec.frame());
        }
        checkFrame(r);
        return r;
    }

    private static void checkFrame(Resolved r) {
        WindowSpec.Frame f = r.frame;
        if (f == null) {
            return;
        }
        WindowSpec.BoundKind s = f.start().kind();
        WindowSpec.BoundKind e = f.end() == null ? WindowSpec.BoundKind.CURRENT_ROW : f.end().kind();
        if ((s == WindowSpec.BoundKind.CURRENT_ROW && e == WindowSpec.BoundKind.PRECEDING)
                || (s == WindowSpec.BoundKind.FOLLOWING
                && (e == WindowSpec.BoundKind.PRECEDING || e == WindowSpec.BoundKind.CURRENT_ROW))) {
            throw PetrelException.error("unsupported frame specification");
        }
        boolean offset = f.start().offset() != null || (f.end() != null && f.end().offset() != null);
        if (f.unit() == WindowSpec.FrameUnit.RANGE && offset && r.orderBy.size() != 1) {
            throw PetrelException.error("RANGE with offset PRECEDING/FOLLOWING requires one ORDER BY expression");
        }
    }

    private Call check(Expr.FunctionCall f, Map<String, Resolved> named) {
        Expr.Over over = f.over();
        Resolved window = over.spec() != null ? resolve(over.spec(), named) : lookup(over.windowName(), named);
        int argc = f.star() ? 0 : f.args().size();
        int kind = WindowFunctions.kind(f.name());
        FunctionDef def = null;
        String bad = null;
        if (kind > 0) {
            if (!WindowFunctions.accepts(kind, argc) || f.star()) {
                bad = FunctionRegistry.wrongArgumentCountMessage(f.name());
            }
        } else {
            def = c.functions.find(f.name(), argc);
            if (def == null) {
                bad = c.functions.exists(f.name()) ? FunctionRegistry.wrongArgumentCountMessage(f.name())
                        : FunctionRegistry.noSuchFunctionMessage(f.name());
            } else if (!def.isWindowCapable()) {
                bad = f.name() + "() may not be used as a window function";
            }
        }
        if (bad != null) {
            throw PetrelException.error(bad).withErrorOffset(f.pos());
        }
        if (f.distinct()) {
            throw PetrelException.error("DISTINCT is not supported for window functions");
        }
        if (!f.orderBy().isEmpty()) {
            throw PetrelException.error("ORDER BY may not be used with non-aggregate " + f.name() + "()");
        }
        if (f.filter() != null && kind > 0) {
            throw PetrelException.error("FILTER clause may only be used with aggregate window functions");
        }
        return new Call(f, kind, def, window);
    }

    // ---- expressions the core must know about -------------------------------------------------------------------

    /** Expressions of window definitions and FILTER clauses (for column marking and aggregate collection). */
    List<Expr> specExprs() {
        List<Expr> out = new ArrayList<>();
        for (Call call : calls) {
            out.addAll(call.window.partitionBy);
            for (OrderingTerm t : call.window.orderBy) {
                out.add(t.expr());
            }
            if (call.f.filter() != null) {
                out.add(call.f.filter());
            }
        }
        return out;
    }

    // ---- code ------------------------------------------------------------------------------------------------

    /** Opens every pass's sorter and buffer; emitted before the core's loops. */
    void open() {
        for (Pass p : passes) {
            p.sorter = b.cursor();
            b.emit(Opcode.SorterOpen, p.sorter, p.keyCount() + 1, 0, sortOrder(p), 0);
            p.buffer = b.reg();
            b.emit(Opcode.Null, 0, p.buffer);
            p.ended = b.reg();
            b.emit(Opcode.Integer, 0, p.ended);
        }
    }

    /** Lays out the body (the aggregate registers exist only once the core has set up its accumulators). */
    private void layout() {
        width = host.rowWidth();
        for (Map.Entry<Expr, Integer> e : host.accRegs().entrySet()) {
            aggCalls.add(e.getKey());
            aggRegs.add(e.getValue());
        }
        int next = width + aggCalls.size();
        for (Pass p : passes) {
            p.keyField = next;
            next += p.keyCount();
            WindowSpec.Frame f = p.window.frame;
            if (f != null && f.start().offset() != null) {
                p.startOffsetField = next++;
            }
            if (f != null && f.end() != null && f.end().offset() != null) {
                p.endOffsetField = next++;
            }
        }
        for (Call call : calls) {
            int argc = call.f.star() ? 0 : call.f.args().size();
            call.argFields = new int[argc];
            for (int i = 0; i < argc; i++) {
                call.argFields[i] = next++;
            }
            if (call.f.filter() != null) {
                call.filterField = next++;
            }
        }
        for (Call call : calls) {
            call.resultField = next++;
        }
        bodyWidth = next;
    }

    private KeyOrder sortOrder(Pass p) {
        int n = p.keyCount() + 1;
        Collation[] colls = new Collation[n];
        boolean[] desc = new boolean[n];
        boolean[] nullsLast = new boolean[n];
        int k = 0;
        for (Expr e : p.window.partitionBy) {
            colls[k++] = collation(e);
        }
        for (OrderingTerm t : p.window.orderBy) {
            desc[k] = t.order() == SortOrder.DESC;
            nullsLast[k] = t.nulls() == NullsOrder.NONE ? desc[k] : t.nulls() == NullsOrder.LAST;
            colls[k++] = collation(t.expr());
        }
        colls[k] = Collation.BINARY;
        return new KeyOrder(colls, desc, nullsLast);
    }

    private Collation collation(Expr e) {
        Collation coll = g.collation(e);
        return coll == null ? Collation.BINARY : coll;
    }

    /** Sends the current row (in the context of {@code eg}) to the first pass; replaces the core's row output. */
    void insert(ExprGen eg) {
        if (bodyWidth == 0) {
            layout();
        }
        Pass first = passes.get(0);
        int nk = first.keyCount();
        int base = b.regs(nk + 1 + bodyWidth);
        int body = base + nk + 1;
        host.emitFullRow(body);
        for (int i = 0; i < aggRegs.size(); i++) {
            b.emit(Opcode.SCopy, aggRegs.get(i), body + width + i);
        }
        for (Pass p : passes) {
            int k = body + p.keyField;
            for (Expr e : p.window.partitionBy) {
                eg.exprTo(e, k++);
            }
            for (OrderingTerm t : p.window.orderBy) {
                eg.exprTo(t.expr(), k++);
            }
            if (p.startOffsetField >= 0) {
                offsetTo(eg, p.window.frame.start().offset(), body + p.startOffsetField);
            }
            if (p.endOffsetField >= 0) {
                offsetTo(eg, p.window.frame.end().offset(), body + p.endOffsetField);
            }
        }
        for (Call call : calls) {
            for (int i = 0; i < call.argFields.length; i++) {
                eg.exprTo(call.f.args().get(i), body + call.argFields[i]);
            }
            if (call.filterField >= 0) {
                eg.exprTo(call.f.filter(), body + call.filterField);
            }
            b.emit(Opcode.Null, 0, body + call.resultField);
        }
        if (nk > 0) {
            b.emit(Opcode.Copy, body + first.keyField, base, nk - 1);
        }
        b.emit(Opcode.Sequence, first.sorter, base + nk);
        int rec = b.reg();
        b.emit(Opcode.MakeRecord, base, nk + 1 + bodyWidth, rec);
        b.emit(Opcode.SorterInsert, first.sorter, rec);
    }

    /** A frame offset: SQLite replaces a non-constant offset by NULL, which then fails the offset check. */
    private void offsetTo(ExprGen eg, Expr e, int target) {
        List<Expr.ColumnRef> refs = new ArrayList<>();
        Exprs.columnRefs(e, refs);
        if (!refs.isEmpty() || Exprs.hasSubquery(e)) {
            b.emit(Opcode.Null, 0, target);
        } else {
            eg.exprTo(e, target);
        }
    }

    /** Runs the passes after the core's loops and emits the result rows. */
    void finish() {
        int data = b.reg();
        int out = b.reg();
        int cursor = b.cursor();
        b.emit(Opcode.OpenPseudo, cursor, out, bodyWidth);
        for (int i = 0; i < passes.size(); i++) {
            Pass p = passes.get(i);
            Pass next = i + 1 < passes.size() ? passes.get(i + 1) : null;
            WindowPlan plan = plan(p, next);
            b.plan("USE TEMP B-TREE FOR ORDER BY");
            int done = b.newLabel();
            int emit = b.newLabel();
            int after = b.newLabel();
            b.emit(Opcode.SorterSort, p.sorter, done);
            int top = b.addr();
            b.emit(Opcode.SorterData, p.sorter, data);
            b.emit(Opcode.WindowAdd, p.buffer, emit, data, plan, 0);
            int nextRow = b.addr();
            b.emit(Opcode.SorterNext, p.sorter, top);
            b.emit(Opcode.Integer, 1, p.ended);
            b.emit(Opcode.WindowAdd, p.buffer, emit, 0, plan, 0);
            b.emit(Opcode.Goto, 0, done);
            b.resolve(emit);
            int emitTop = b.addr();
            b.emit(Opcode.WindowNext, p.buffer, after, out);
            if (next != null) {
                b.emit(Opcode.SorterInsert, next.sorter, out);
            } else {
                output(cursor);
            }
            b.emit(Opcode.Goto, 0, emitTop);
            b.resolve(after);
            b.emit(Opcode.If, p.ended, done, 0);
            b.emit(Opcode.Goto, 0, nextRow);
            b.resolve(done);
        }
    }

    private WindowPlan plan(Pass p, Pass next) {
        Resolved w = p.window;
        int np = w.partitionBy.size();
        int no = w.orderBy.size();
        KeyOrder order = sortOrder(p);
        Collation[] colls = new Collation[np + no];
        for (int i = 0; i < colls.length; i++) {
            colls[i] = order.collation(i);
        }
        boolean[] desc = new boolean[no];
        boolean[] nullsLast = new boolean[no];
        for (int i = 0; i < no; i++) {
            OrderingTerm t = w.orderBy.get(i);
            desc[i] = t.order() == SortOrder.DESC;
            nullsLast[i] = t.nulls() == NullsOrder.NONE ? desc[i] : t.nulls() == NullsOrder.LAST;
        }
        int unit = WindowPlan.RANGE;
        int start = WindowPlan.UNBOUNDED_PRECEDING;
        int end = WindowPlan.CURRENT_ROW;
        int exclude = WindowPlan.EXCLUDE_NO_OTHERS;
        WindowSpec.Frame f = w.frame;
        if (f != null) {
            unit = f.unit() == WindowSpec.FrameUnit.ROWS ? WindowPlan.ROWS
                    : f.unit() == WindowSpec.FrameUnit.GROUPS ? WindowPlan.GROUPS : WindowPlan.RANGE;
            start = boundKind(f.start().kind());
            end = f.end() == null ? WindowPlan.CURRENT_ROW : boundKind(f.end().kind());
            exclude = switch (f.exclude()) {
                case CURRENT_ROW -> WindowPlan.EXCLUDE_CURRENT_ROW;
                case GROUP -> WindowPlan.EXCLUDE_GROUP;
                case TIES -> WindowPlan.EXCLUDE_TIES;
                default -> WindowPlan.EXCLUDE_NO_OTHERS;
            };
        }
        WindowCall[] wc = new WindowCall[p.calls.size()];
        for (int i = 0; i < wc.length; i++) {
            Call call = p.calls.get(i);
            Collation coll = call.argFields.length > 0 ? g.collation(call.f.args().get(0)) : null;
            wc[i] = new WindowCall(call.kind, call.def, coll, call.argFields, call.filterField, call.resultField);
        }
        int[] nextKeys = null;
        if (next != null) {
            nextKeys = new int[next.keyCount()];
            for (int i = 0; i < nextKeys.length; i++) {
                nextKeys[i] = next.keyField + i;
            }
        }
        return new WindowPlan(np, no, colls, desc, nullsLast, unit, start, end, p.startOffsetField,
                p.endOffsetField, exclude, wc, nextKeys);
    }

    private static int boundKind(WindowSpec.BoundKind k) {
        return switch (k) {
            case UNBOUNDED_PRECEDING -> WindowPlan.UNBOUNDED_PRECEDING;
            case PRECEDING -> WindowPlan.PRECEDING;
            case CURRENT_ROW -> WindowPlan.CURRENT_ROW;
            case FOLLOWING -> WindowPlan.FOLLOWING;
            default -> WindowPlan.UNBOUNDED_FOLLOWING;
        };
    }

    /** Points the core at the body record under pseudo cursor {@code cursor} and runs its row output. */
    private void output(int cursor) {
        host.overrideSources(cursor, 0);
        IdentityHashMap<Expr, Integer> regs = new IdentityHashMap<>(host.accRegs());
        for (int i = 0; i < aggRegs.size(); i++) {
            b.emit(Opcode.Column, cursor, width + i, aggRegs.get(i));
        }
        for (Call call : calls) {
            int r = b.reg();
            b.emit(Opcode.Column, cursor, call.resultField, r);
            regs.put(call.f, r);
        }
        ExprGen og = host.outputGen();
        og.aggRegs = regs;
        host.emitResultRow(og);
        host.clearOverrides();
    }
}
