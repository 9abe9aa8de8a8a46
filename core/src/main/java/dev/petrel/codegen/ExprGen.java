package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.func.FunctionDef;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.plan.Scope;
import dev.petrel.plan.Source;
import dev.petrel.record.Collation;
import dev.petrel.schema.TableBuilder;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.value.Affinity;
import dev.petrel.value.Comparison;
import dev.petrel.vm.FuncCall;
import dev.petrel.vm.KeyOrder;
import dev.petrel.vm.Opcode;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Generates code for expressions: into a register ({@link #exprTo}) or as a conditional jump ({@link #ifFalse},
 * {@link #ifTrue}), following SQLite's rules for affinity, collation and NULL in comparisons (datatype3.html
 * sections 4 and 7) and three-valued logic.
 *
 * <p>Contract: an ExprGen is bound to one {@link Scope}; column references are resolved against it while code is
 * generated, so unknown names fail at prepare time with SQLite's messages. In the output phase of an aggregate
 * query, {@link #aggRegs} maps each aggregate call (by node identity) to the register holding its result.
 */
public class ExprGen {
    final Compiler c;
    final ProgramBuilder b;
    final Scope scope;
    /** Result columns whose aliases WHERE/GROUP BY/HAVING/ORDER BY may name, or null. */
    List<ResultColumn> aliases;
    /** Aggregate results of the output phase, or null when aggregates are not allowed here. */
    IdentityHashMap<Expr, Integer> aggRegs;
    /** Set by {@link #argTo} for the call being compiled: its subtype result is consumed by a function. */
    private boolean wantSubtype;
    /** Where an aggregate call is an error, the clause named in "misuse of aggregate" (null: allowed). */
    boolean aggregatesForbidden;

    ExprGen(Compiler c, Scope scope) {
        this.c = c;
        this.b = c.b;
        this.scope = scope;
    }

    ExprGen withScope(Scope s) {
        ExprGen g = new ExprGen(c, s);
        return g;
    }

    /** Evaluates {@code e} into a new register. */
    int expr(Expr e) {
        int r = b.reg();
        exprTo(e, r);
        return r;
    }

    // ---- typing -------------------------------------------------------------------------------------------------

    /** The affinity of an expression: a column's, a CAST's type, else none (BLOB). */
    Affinity affinity(Expr e) {
        if (e instanceof Expr.Collate co) {
            return affinity(co.operand());
        }
        if (e instanceof Expr.Cast ca) {
            return Affinity.fromDeclaredType(ca.type().name());
        }
        if (e instanceof Expr.ColumnRef ref) {
            Expr alias = aliasFor(ref);
            Scope.Resolved r = scope.resolve(ref);
            if (r == null) {
                return alias != null ? affinity(alias) : Affinity.NONE;
            }
            return r.column() < 0 ? Affinity.INTEGER : r.source().affinities.get(r.column());
        }
        if (e instanceof Expr.Subquery sq) {
            return c.select.firstColumnAffinity(sq.select(), scope);
        }
        return Affinity.NONE;
    }

    /** The explicit or column collation of an expression, or null. */
    Collation collation(Expr e) {
        if (e instanceof Expr.Collate co) {
            return TableBuilder.collation(co.collation());
        }
        if (e instanceof Expr.ColumnRef ref) {
            Scope.Resolved r = scope.resolve(ref);
            if (r == null) {
                Expr alias = aliasFor(ref);
                return alias != null ? collation(alias) : null;
            }
            return r.column() < 0 ? null : r.source().collations.get(r.column());
        }
        if (e instanceof Expr.Binary bin && !isComparison(bin.op())) {
            Collation l = explicitCollation(bin.left());
            return l != null ? l : explicitCollation(bin.right());
        }
        if (e instanceof Expr.Cast ca) {
            return collation(ca.operand());
        }
        return null;
    }

    private Collation explicitCollation(Expr e) {
        if (e instanceof Expr.Collate co) {
            return TableBuilder.collation(co.collation());
        }
        if (e instanceof Expr.Binary bin && !isComparison(bin.op())) {
            Collation l = explicitCollation(bin.left());
            return l != null ? l : explicitCollation(bin.right());
        }
        return null;
    }

    /** The collation of a comparison: explicit on the left, explicit on the right, then column collations. */
    Collation comparisonCollation(Expr l, Expr r) {
        Collation x = explicitCollation(l);
        if (x == null) {
            x = explicitCollation(r);
        }
        if (x == null) {
            x = collation(l);
        }
        if (x == null) {
            x = collation(r);
        }
        return x == null ? Collation.BINARY : x;
    }

    static int affinityP5(Affinity a) {
        return a == null ? 0 : (a.code() - 'A' + 1);
    }

    static boolean isComparison(Expr.BinaryOp op) {
        switch (op) {
            case EQ:
            case NE:
            case LT:
            case LE:
            case GT:
            case GE:
            case IS:
            case IS_NOT:
                return true;
            default:
                return false;
        }
    }

    // ---- values -------------------------------------------------------------------------------------------------

    void exprTo(Expr e, int target) {
        if (e instanceof Expr.Literal lit) {
            literal(lit, target);
        } else if (e instanceof Expr.Param p) {
            c.noteParam(p);
            b.emit(Opcode.Variable, p.index(), target);
        } else if (e instanceof Expr.ColumnRef ref) {
            columnRef(ref, target);
        } else if (e instanceof Expr.Unary u) {
            unary(u, target);
        } else if (e instanceof Expr.Binary bin) {
            binary(bin, target);
        } else if (e instanceof Expr.Collate co) {
            exprTo(co.operand(), target);
        } else if (e instanceof Expr.Cast ca) {
            exprTo(ca.operand(), target);
            b.emit(Opcode.Cast, target, Affinity.fromDeclaredType(ca.type().name()).code());
        } else if (e instanceof Expr.FunctionCall f) {
            function(f, target);
        } else if (e instanceof Expr.Like l) {
            like(l, target);
        } else if (e instanceof Expr.NullTest nt) {
            int r = expr(nt.operand());
            int done = b.newLabel();
            b.emit(Opcode.Integer, 1, target);
            b.emit(nt.notNull() ? Opcode.NotNull : Opcode.IsNull, r, done);
            b.emit(Opcode.Integer, 0, target);
            b.resolve(done);
        } else if (e instanceof Expr.Case cs) {
            caseExpr(cs, target);
        } else if (e instanceof Expr.Between bt) {
            between(bt, target);
        } else if (e instanceof Expr.InList in) {
            InGen.inList(this, in, target);
        } else if (e instanceof Expr.InSelect in) {
            InGen.inSelect(this, in, target);
        } else if (e instanceof Expr.Exists ex) {
            c.select.exists(ex.select(), scope, target);
        } else if (e instanceof Expr.Subquery sq) {
            c.select.scalar(sq.select(), scope, target);
        } else if (e instanceof Expr.RowValue) {
            throw PetrelException.error("row value misused");
        } else if (e instanceof Expr.Raise r) {
            TriggerGen.raise(this, c, r, target);
        } else if (e instanceof Expr.InTable it) {
            if (it.args() != null) {
                throw PetrelException.error("no such table: " + it.table());
            }
            dev.petrel.sql.ast.Select sub = new dev.petrel.sql.ast.Select(it.pos(), null,
                    new dev.petrel.sql.ast.SelectBody.Core(it.pos(), false,
                            List.of(new ResultColumn.Star(it.pos(), null)),
                            new dev.petrel.sql.ast.TableSource.Table(it.pos(), it.schema(), it.table(), null, null,
                                    false), null, List.of(), null, List.of()), List.of(), null);
            InGen.inSelect(this, new Expr.InSelect(it.pos(), it.not(), it.operand(), sub), target);
        } else {
            throw PetrelException.error("unsupported expression");
        }
    }

    private void literal(Expr.Literal lit, int target) {
        switch (lit.kind()) {
            case INTEGER:
            case TRUE:
            case FALSE:
            case REAL:
            case STRING:
            case BLOB:
                constant(lit.value(), target);
                break;
            case NULL:
                b.emit(Opcode.Null, 0, target);
                break;
            default: {
                String fn = lit.kind() == Expr.LiteralKind.CURRENT_TIME ? "time"
                        : lit.kind() == Expr.LiteralKind.CURRENT_DATE ? "date" : "datetime";
                FunctionDef def = c.functions.find(fn, 0);
                if (def == null) {
                    throw PetrelException.error(FunctionRegistry.noSuchFunctionMessage(fn));
                }
                b.emit(Opcode.Function, 0, target, target, new FuncCall(def, null, 0), 0);
            }
        }
    }

    void constant(Object v, int target) {
        if (v == null) {
            b.emit(Opcode.Null, 0, target);
        } else if (v instanceof Long l) {
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                b.emit(Opcode.Integer, (int) (long) l, target);
            } else {
                b.emit(Opcode.Int64, 0, target, 0, l, 0);
            }
        } else if (v instanceof Double) {
            b.emit(Opcode.Real, 0, target, 0, v, 0);
        } else if (v instanceof String) {
            b.emit(Opcode.String8, 0, target, 0, v, 0);
        } else {
            b.emit(Opcode.Blob, ((byte[]) v).length, target, 0, v, 0);
        }
    }

    /** The alias expression a bare name refers to, or null. */
    Expr aliasFor(Expr.ColumnRef ref) {
        if (aliases == null || ref.table() != null) {
            return null;
        }
        for (ResultColumn rc : aliases) {
            if (rc instanceof ResultColumn.Item it && it.alias() != null && it.alias().equalsIgnoreCase(ref.column())) {
                return it.expr();
            }
        }
        return null;
    }

    private void columnRef(Expr.ColumnRef ref, int target) {
        Scope.Resolved r = scope.resolve(ref);
        if (r == null) {
            Expr alias = aliasFor(ref);
            if (alias != null) {
                List<ResultColumn> saved = aliases;
                aliases = null;
                try {
                    exprTo(alias, target);
                } finally {
                    aliases = saved;
                }
                return;
            }
            if (ref.doubleQuoted() && ref.table() == null) {
                constant(ref.column(), target);
                return;
            }
            throw Scope.noSuchColumn(ref);
        }
        Expr merged = scope.usingValue(ref, r);
        if (merged != null) {
            exprTo(merged, target);
            return;
        }
        readColumn(r.source(), r.column(), target);
    }

    /** Reads column {@code col} (-1: rowid) of {@code s}'s current row into {@code target}. */
    void readColumn(Source s, int col, int target) {
        if (s.overrideCursor >= 0) {
            b.emit(Opcode.Column, s.overrideCursor, s.overrideBase + (col < 0 ? s.columnCount() : col), target);
            return;
        }
        if (s.derived) {
            if (col < 0) {
                b.emit(Opcode.Rowid, s.cursor, target);
            } else {
                b.emit(Opcode.Column, s.cursor, col, target);
            }
            return;
        }
        if (col < 0 || col == s.rowidAlias()) {
            b.emit(s.coveringIndex != null ? Opcode.IdxRowid : Opcode.Rowid,
                    s.coveringIndex != null ? s.indexCursor : s.cursor, target);
            return;
        }
        if (s.coveringIndex != null) {
            int at = s.coveringIndex.positionInEntry(col);
            if (at >= 0) {
                b.emit(Opcode.Column, s.indexCursor, at, target);
                return;
            }
        }
        dev.petrel.schema.Column column = s.table.columns.get(col);
        if (column.isVirtual()) {
            GeneratedColumns.read(this, s, col, target);
            return;
        }
        Object dflt = column.defaultValue == null ? null : c.constantValue(column.defaultValue);
        b.emit(Opcode.Column, s.cursor, s.table.recordIndex(col), target, dflt, 0);
        if (column.affinity == Affinity.REAL) {
            b.emit(Opcode.RealAffinity, target);
        }
    }

    private void unary(Expr.Unary u, int target) {
        switch (u.op()) {
            case NEG: {
                if (u.operand() instanceof Expr.Literal lit && (lit.kind() == Expr.LiteralKind.INTEGER
                        || lit.kind() == Expr.LiteralKind.REAL)) {
                    constant(negateLiteral(lit), target);
                    return;
                }
                int r = expr(u.operand());
                int zero = b.reg();
                b.emit(Opcode.Integer, 0, zero);
                b.emit(Opcode.Subtract, r, zero, target);
                return;
            }
            case POS:
                exprTo(u.operand(), target);
                return;
            case BITNOT: {
                int r = expr(u.operand());
                b.emit(Opcode.BitNot, r, target);
                return;
            }
            default: {
                int r = expr(u.operand());
                b.emit(Opcode.Not, r, target);
            }
        }
    }

    static Object negateLiteral(Expr.Literal lit) {
        Object v = lit.value();
        if (v instanceof Long l) {
            return l == Long.MIN_VALUE ? (Object) (-(double) l) : (Object) (-l);
        }
        double d = (Double) v;
        if (lit.kind() == Expr.LiteralKind.INTEGER && d == 9.223372036854775808E18
                && lit.text().replace("_", "").equals("9223372036854775808")) {
            return Long.MIN_VALUE;
        }
        return -d;
    }

    private void binary(Expr.Binary bin, int target) {
        Expr.BinaryOp op = bin.op();
        if (isComparison(op)) {
            comparisonValue(bin, target);
            return;
        }
        if (op == Expr.BinaryOp.PTR || op == Expr.BinaryOp.PTR2) {
            call(op == Expr.BinaryOp.PTR ? "->" : "->>", List.of(bin.left(), bin.right()), target);
            return;
        }
        int l = expr(bin.left());
        int r = expr(bin.right());
        Opcode o;
        switch (op) {
            case AND:
                b.emit(Opcode.And, l, r, target);
                return;
            case OR:
                b.emit(Opcode.Or, l, r, target);
                return;
            case ADD:
                o = Opcode.Add;
                break;
            case SUB:
                o = Opcode.Subtract;
                break;
            case MUL:
                o = Opcode.Multiply;
                break;
            case DIV:
                o = Opcode.Divide;
                break;
            case MOD:
                o = Opcode.Remainder;
                break;
            case CONCAT:
                o = Opcode.Concat;
                break;
            case BITAND:
                o = Opcode.BitAnd;
                break;
            case BITOR:
                o = Opcode.BitOr;
                break;
            case LSHIFT:
                o = Opcode.ShiftLeft;
                break;
            default:
                o = Opcode.ShiftRight;
                break;
        }
        b.emit(o, r, l, target);
    }

    static Opcode cmpOpcode(Expr.BinaryOp op) {
        switch (op) {
            case EQ:
            case IS:
                return Opcode.Eq;
            case NE:
            case IS_NOT:
                return Opcode.Ne;
            case LT:
                return Opcode.Lt;
            case LE:
                return Opcode.Le;
            case GT:
                return Opcode.Gt;
            default:
                return Opcode.Ge;
        }
    }

    static Opcode negate(Opcode op) {
        switch (op) {
            case Eq:
                return Opcode.Ne;
            case Ne:
                return Opcode.Eq;
            case Lt:
                return Opcode.Ge;
            case Le:
                return Opcode.Gt;
            case Gt:
                return Opcode.Le;
            default:
                return Opcode.Lt;
        }
    }

    /** Emits a comparison jump of {@code left op right}: operands evaluated, P5 affinity and flags set. */
    void compareJump(Expr left, Opcode op, Expr right, int dest, int flags) {
        int l = expr(left);
        int r = expr(right);
        compareRegs(left, l, op, right, r, dest, flags);
    }

    void compareRegs(Expr left, int l, Opcode op, Expr right, int r, int dest, int flags) {
        Affinity aff = Comparison.comparisonAffinity(affinity(left), affinity(right));
        if (aff == Affinity.BLOB || aff == Affinity.NONE) {
            aff = null;
        }
        b.emit(op, r, dest, l, comparisonCollation(left, right), affinityP5(aff) | flags);
    }

    private void comparisonValue(Expr.Binary bin, int target) {
        int l = expr(bin.left());
        int r = expr(bin.right());
        int done = b.newLabel();
        boolean is = bin.op() == Expr.BinaryOp.IS || bin.op() == Expr.BinaryOp.IS_NOT;
        b.emit(Opcode.Integer, 1, target);
        compareRegs(bin.left(), l, cmpOpcode(bin.op()), bin.right(), r, done, is ? Opcode.NULLEQ : 0);
        if (is) {
            b.emit(Opcode.Integer, 0, target);
        } else {
            b.emit(Opcode.ZeroOrNull, l, target, r);
        }
        b.resolve(done);
    }

    private void like(Expr.Like l, int target) {
        String fn = l.op().name().toLowerCase(java.util.Locale.ROOT);
        int argc = l.escape() == null ? 2 : 3;
        FunctionDef def = c.functions.find(fn, argc);
        if (def == null) {
            throw PetrelException.error(FunctionRegistry.noSuchFunctionMessage(fn));
        }
        int base = b.regs(argc);
        exprTo(l.pattern(), base);
        exprTo(l.left(), base + 1);
        if (argc == 3) {
            exprTo(l.escape(), base + 2);
        }
        b.emit(Opcode.Function, 0, base, target, new FuncCall(def, null, argc), argc);
        if (l.not()) {
            b.emit(Opcode.Not, target, target);
        }
    }

    private void caseExpr(Expr.Case cs, int target) {
        int end = b.newLabel();
        int base = cs.base() == null ? 0 : expr(cs.base());
        for (Expr.WhenThen wt : cs.whens()) {
            int next = b.newLabel();
            if (cs.base() == null) {
                ifFalse(wt.when(), next, true);
            } else {
                int w = expr(wt.when());
                compareRegs(cs.base(), base, Opcode.Ne, wt.when(), w, next, Opcode.JUMPIFNULL);
            }
            exprTo(wt.then(), target);
            b.emit(Opcode.Goto, 0, end);
            b.resolve(next);
        }
        if (cs.elseExpr() != null) {
            exprTo(cs.elseExpr(), target);
        } else {
            b.emit(Opcode.Null, 0, target);
        }
        b.resolve(end);
    }

    private void between(Expr.Between bt, int target) {
        int x = expr(bt.operand());
        int lo = expr(bt.low());
        int hi = expr(bt.high());
        int c1 = b.reg();
        int c2 = b.reg();
        cmpValueRegs(bt.operand(), x, Opcode.Ge, bt.low(), lo, c1);
        cmpValueRegs(bt.operand(), x, Opcode.Le, bt.high(), hi, c2);
        b.emit(Opcode.And, c1, c2, target);
        if (bt.not()) {
            b.emit(Opcode.Not, target, target);
        }
    }

    void cmpValueRegs(Expr left, int l, Opcode op, Expr right, int r, int target) {
        int done = b.newLabel();
        b.emit(Opcode.Integer, 1, target);
        compareRegs(left, l, op, right, r, done, 0);
        b.emit(Opcode.ZeroOrNull, l, target, r);
        b.resolve(done);
    }

    /**
     * Evaluates a function argument into {@code reg}; when {@code consumer} accepts subtypes and the argument is
     * itself a call, the call's {@link dev.petrel.func.SubtypedValue} result is kept (SQLite's JSON subtype).
     */
    void argTo(FunctionDef consumer, Expr a, int reg) {
        wantSubtype = consumer.acceptsSubtypes() && (a instanceof Expr.FunctionCall
                || a instanceof Expr.Binary bin && (bin.op() == Expr.BinaryOp.PTR || bin.op() == Expr.BinaryOp.PTR2));
        exprTo(a, reg);
        wantSubtype = false;
    }

    private void function(Expr.FunctionCall f, int target) {
        boolean keep = wantSubtype;
        wantSubtype = false;
        if (aggRegs != null && aggRegs.containsKey(f)) {
            b.emit(Opcode.SCopy, aggRegs.get(f), target);
            FunctionDef agg = c.functions.find(f.name(), f.star() ? 0 : f.args().size());
            if (!keep && agg != null && agg.returnsSubtype()) {
                b.emit(Opcode.Function, 0, target, target, new FuncCall(FunctionDef.STRIP_SUBTYPE, null, 1), 1);
            }
            return;
        }
        int argc = f.star() ? 0 : f.args().size();
        FunctionDef def = c.functions.find(f.name(), argc);
        if (f.over() != null || (def == null && dev.petrel.func.window.WindowFunctions.kind(f.name()) > 0)) {
            throw PetrelException.error("misuse of window function " + f.name() + "()").withErrorOffset(f.pos());
        }
        if (def == null) {
            if (c.functions.exists(f.name())) {
                throw PetrelException.error(FunctionRegistry.wrongArgumentCountMessage(f.name()));
            }
            throw PetrelException.error(FunctionRegistry.noSuchFunctionMessage(f.name()));
        }
        if (def.isAggregate()) {
            throw PetrelException.error("misuse of aggregate: " + f.name() + "()");
        }
        if (f.star()) {
            throw PetrelException.error(FunctionRegistry.wrongArgumentCountMessage(f.name()));
        }
        if (f.distinct()) {
            throw PetrelException.error("DISTINCT aggregates must have exactly one argument");
        }
        if (def.name().equals("likelihood") && !isProbabilityLiteral(f.args().get(1))) {
            throw PetrelException.error("second argument to likelihood() must be a constant between 0.0 and 1.0");
        }
        emitCall(def, f.args(), target, keep);
    }

    /** Whether {@code e} is what SQLite accepts as likelihood()'s probability: a real literal in [0.0, 1.0]. */
    private static boolean isProbabilityLiteral(Expr e) {
        return e instanceof Expr.Literal lit && lit.value() instanceof Double d && d >= 0.0 && d <= 1.0
                && 1 / d > 0;
    }

    /** A call of the scalar {@code name} (an operator spelled as a function, e.g. {@code ->}). */
    private void call(String name, List<Expr> args, int target) {
        boolean keep = wantSubtype;
        wantSubtype = false;
        FunctionDef def = c.functions.find(name, args.size());
        if (def == null) {
            throw PetrelException.error(FunctionRegistry.noSuchFunctionMessage(name));
        }
        emitCall(def, args, target, keep);
    }

    private void emitCall(FunctionDef def, List<Expr> args, int target, boolean keepSubtype) {
        int argc = args.size();
        int base = b.regs(Math.max(argc, 1));
        Collation coll = null;
        for (int i = 0; i < argc; i++) {
            Expr a = args.get(i);
            argTo(def, a, base + i);
            if (coll == null) {
                coll = explicitCollation(a);
            }
        }
        for (int i = 0; coll == null && i < argc; i++) {
            coll = collation(args.get(i));
        }
        FuncCall call = new FuncCall(def, coll, argc);
        call.keepSubtype = keepSubtype;
        b.emit(Opcode.Function, 0, base, target, call, argc);
    }

    // ---- conditions ---------------------------------------------------------------------------------------------

    /** Jumps to {@code dest} if {@code e} is false, or NULL when {@code jumpIfNull}. */
    void ifFalse(Expr e, int dest, boolean jumpIfNull) {
        if (e instanceof Expr.Binary bin) {
            switch (bin.op()) {
                case AND:
                    ifFalse(bin.left(), dest, jumpIfNull);
                    ifFalse(bin.right(), dest, jumpIfNull);
                    return;
                case OR: {
                    int d2 = b.newLabel();
                    ifTrue(bin.left(), d2, !jumpIfNull);
                    ifFalse(bin.right(), dest, jumpIfNull);
                    b.resolve(d2);
                    return;
                }
                default:
                    if (isComparison(bin.op())) {
                        boolean is = bin.op() == Expr.BinaryOp.IS || bin.op() == Expr.BinaryOp.IS_NOT;
                        compareJump(bin.left(), negate(cmpOpcode(bin.op())), bin.right(), dest,
                                is ? Opcode.NULLEQ : (jumpIfNull ? Opcode.JUMPIFNULL : 0));
                        return;
                    }
            }
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            ifTrue(u.operand(), dest, jumpIfNull);
            return;
        } else if (e instanceof Expr.NullTest nt) {
            int r = expr(nt.operand());
            b.emit(nt.notNull() ? Opcode.IsNull : Opcode.NotNull, r, dest);
            return;
        }
        int r = expr(e);
        b.emit(Opcode.IfNot, r, dest, jumpIfNull ? 1 : 0);
    }

    /** Jumps to {@code dest} if {@code e} is true, or NULL when {@code jumpIfNull}. */
    void ifTrue(Expr e, int dest, boolean jumpIfNull) {
        if (e instanceof Expr.Binary bin) {
            switch (bin.op()) {
                case AND: {
                    int d2 = b.newLabel();
                    ifFalse(bin.left(), d2, !jumpIfNull);
                    ifTrue(bin.right(), dest, jumpIfNull);
                    b.resolve(d2);
                    return;
                }
                case OR:
                    ifTrue(bin.left(), dest, jumpIfNull);
                    ifTrue(bin.right(), dest, jumpIfNull);
                    return;
                default:
                    if (isComparison(bin.op())) {
                        boolean is = bin.op() == Expr.BinaryOp.IS || bin.op() == Expr.BinaryOp.IS_NOT;
                        compareJump(bin.left(), cmpOpcode(bin.op()), bin.right(), dest,
                                is ? Opcode.NULLEQ : (jumpIfNull ? Opcode.JUMPIFNULL : 0));
                        return;
                    }
            }
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            ifFalse(u.operand(), dest, jumpIfNull);
            return;
        } else if (e instanceof Expr.NullTest nt) {
            int r = expr(nt.operand());
            b.emit(nt.notNull() ? Opcode.NotNull : Opcode.IsNull, r, dest);
            return;
        }
        int r = expr(e);
        b.emit(Opcode.If, r, dest, jumpIfNull ? 1 : 0);
    }

    /** A KeyOrder for comparing the given expressions (their collations, ascending). */
    KeyOrder keyOrder(List<Expr> exprs) {
        Collation[] colls = new Collation[exprs.size()];
        for (int i = 0; i < colls.length; i++) {
            colls[i] = collation(exprs.get(i));
        }
        return KeyOrder.of(colls, new boolean[colls.length]);
    }
}
