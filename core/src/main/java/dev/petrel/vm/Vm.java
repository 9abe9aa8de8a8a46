package dev.petrel.vm;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.btree.BtCursor;
import dev.petrel.func.AggregateFunction;
import dev.petrel.func.window.WindowBuffer;
import dev.petrel.func.window.WindowPlan;
import dev.petrel.func.FunctionContext;
import dev.petrel.func.SubtypedValue;
import dev.petrel.func.TableFunction;
import dev.petrel.record.Collation;
import dev.petrel.record.Record;
import dev.petrel.record.RecordEncoder;
import dev.petrel.record.TextEncoding;
import dev.petrel.record.ValueOrder;
import dev.petrel.value.Affinity;
import dev.petrel.value.Arithmetic;
import dev.petrel.value.Values;

/**
 * Runs one {@link Program}: the fetch-execute loop over registers and cursors, with one {@code switch} over
 * {@link Opcode} in {@link #exec}.
 *
 * <p>Contract with the statement: {@link #step} runs from the current address to the next {@code ResultRow}
 * (returns true; the row is {@link #row}) or to {@code Halt} (returns false). An exception thrown while running
 * leaves the VM halted with its cursors closed; the statement decides whether to roll back. {@link #reset} makes
 * the program runnable again from address 0 with fresh registers. Not thread-safe.
 *
 * <p>Invariants: (1) {@code mem[0]} is unused (register 0 means "none" in operands); (2) a halted VM holds no
 * b-tree cursors; (3) {@code pc} always addresses the next instruction to execute.
 */
public final class Vm {
    /** Insert/Delete P5 flag: count the row in changes(). */
    public static final int OPFLAG_NCHANGE = 0x01;
    /** Insert P5 flag: the row's rowid becomes last_insert_rowid(). */
    public static final int OPFLAG_LASTROWID = 0x20;
    /** IdxInsert P5 flag: the key probably sorts after every entry (a sorted load); skip the seek if it does. */
    public static final int OPFLAG_APPEND = 0x08;
    /** OpenRead/OpenWrite P5 flag: P2 names a register holding the root page. */
    public static final int OPFLAG_P2ISREG = 0x02;
    /** Halt P5 values: the kind of constraint that failed. */
    public static final int CONSTRAINT_NOTNULL = 1;
    public static final int CONSTRAINT_UNIQUE = 2;
    public static final int CONSTRAINT_CHECK = 3;
    public static final int CONSTRAINT_PRIMARYKEY = 5;

    /** The statement's program; {@link #program} is the running frame's (a trigger sub-program's, in a frame). */
    private final Program statementProgram;
    private Program program;
    private final VmHost host;
    private Object[] mem;
    private VdbeCursor[] cursors;
    private boolean[] onceDone;
    private Object[] params;
    private int pc;
    private int compareResult;
    private boolean halted;
    private int rowStart;
    private int rowCount;
    private int haltAction;
    /** The caller of the running trigger sub-program (null while the statement's own program runs). */
    private Frame frame;
    /** How many trigger frames are running. */
    private int depth;
    /** The trigger the running frame executes (null for the statement's own program). */
    private TriggerProgram trigger;
    /** Rows changed by the running trigger body statement (for ResetCount). */
    private long frameChanges;
    /** Immediate foreign key violations of the statement. */
    private long foreignKeyViolations;

    /**
     * What a Program opcode saves of its caller: the caller's program, registers, cursors and Once flags, the
     * address of the Program instruction, and last_insert_rowid() to restore when the sub-program ends.
     */
    private static final class Frame {
        final Frame caller;
        final Program program;
        final Object[] mem;
        final VdbeCursor[] cursors;
        final boolean[] onceDone;
        final int pc;
        final TriggerProgram trigger;
        final long lastInsertRowid;
        /** changes() and the caller frame's own row count when the sub-program was entered. */
        final long changes;
        final long frameChanges;

        Frame(Frame caller, Program program, Object[] mem, VdbeCursor[] cursors, boolean[] onceDone, int pc,
              TriggerProgram trigger, long lastInsertRowid, long changes, long frameChanges) {
            this.caller = caller;
            this.program = program;
            this.mem = mem;
            this.cursors = cursors;
            this.onceDone = onceDone;
            this.pc = pc;
            this.trigger = trigger;
            this.lastInsertRowid = lastInsertRowid;
            this.changes = changes;
            this.frameChanges = frameChanges;
        }
    }

    public Vm(Program program, VmHost host) {
        this.statementProgram = program;
        this.program = program;
        this.host = host;
        this.tickPeriod = host.progressPeriod();
        this.ticks = tickPeriod;
        reset();
    }

    /** Instructions between calls of {@link VmHost#progressCheck} (0: never), and how many remain until the next. */
    private final int tickPeriod;
    private int ticks;

    /** Asks the host whether to go on; an interrupt stops the statement (a writing one rolls its transaction back). */
    private void progressTick() {
        ticks = tickPeriod;
        if (host.progressCheck()) {
            haltAction = statementProgram.readOnly ? 0 : 1;
            throw new PetrelException(ResultCode.INTERRUPT, "interrupted");
        }
    }

    /** Sets the bound parameter values (index 0 is parameter 1). */
    public void bind(Object[] params) {
        this.params = params;
    }

    /** Makes the program runnable again from the start. */
    public void reset() {
        closeCursors();
        program = statementProgram;
        frame = null;
        depth = 0;
        trigger = null;
        foreignKeyViolations = 0;
        mem = new Object[program.registerCount + 1];
        cursors = new VdbeCursor[program.cursorCount];
        onceDone = new boolean[program.insns.length];
        pc = 0;
        halted = false;
    }

    public boolean isHalted() {
        return halted;
    }

    /** The conflict action (Halt P2: 1 ROLLBACK, 2 ABORT, 3 FAIL) of the constraint error that stopped the VM. */
    public int haltAction() {
        return haltAction;
    }

    /** The value of result column {@code i} of the current row. */
    public Object column(int i) {
        return mem[rowStart + i];
    }

    public int rowWidth() {
        return rowCount;
    }

    private void closeCursors() {
        closeAll(cursors);
        for (Frame f = frame; f != null; f = f.caller) {
            closeAll(f.cursors);
        }
    }

    private static void closeAll(VdbeCursor[] cursors) {
        if (cursors == null) {
            return;
        }
        for (int i = 0; i < cursors.length; i++) {
            if (cursors[i] != null) {
                cursors[i].close();
                cursors[i] = null;
            }
        }
    }

    /** Runs to the next result row (true) or to the end (false). */
    public boolean step() {
        if (halted) {
            return false;
        }
        try {
            boolean row = exec();
            if (!row) {
                halted = true;
                closeCursors();
            }
            return row;
        } catch (RuntimeException e) {
            halted = true;
            closeCursors();
            throw e;
        }
    }

    private static long intOf(Object v) {
        return v instanceof Long ? (Long) v : Values.toLong(v);
    }

    /** The P5 affinity bits of TEXT ('B' - 'A' + 1, see {@link #affinityOf}). */
    private static final int AFF_TEXT_CODE = 'B' - 'A' + 1;

    private static Affinity affinityOf(int p5) {
        int a = p5 & Opcode.AFF_MASK;
        return a == 0 ? null : Affinity.fromCode((char) ('A' + a - 1));
    }

    private static final Object[] NO_VALUES = new Object[0];

    private Object[] regs(int start, int n) {
        if (n == 0) {
            return NO_VALUES;
        }
        Object[] out = new Object[n];
        System.arraycopy(mem, start, out, 0, n);
        return out;
    }

    private static Object[] unwrapped(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            args[i] = SubtypedValue.strip(args[i]);
        }
        return args;
    }

    private boolean exec() {
        Insn[] code = program.insns;
        for (;;) {
            if (--ticks == 0) {
                progressTick();
            }
            Insn in = code[pc];
            int next = pc + 1;
            switch (in.op) {
                case Init:
                case Goto:
                    next = in.p2;
                    break;
                case Gosub:
                    mem[in.p1] = (long) pc;
                    next = in.p2;
                    break;
                case Return:
                    next = (int) intOf(mem[in.p1]) + 1;
                    break;
                case InitCoroutine:
                    mem[in.p1] = (long) (in.p3 - 1);
                    if (in.p2 != 0) {
                        next = in.p2;
                    }
                    break;
                case EndCoroutine: {
                    Insn caller = code[(int) intOf(mem[in.p1])];
                    mem[in.p1] = (long) pc;
                    next = caller.p2;
                    break;
                }
                case Yield: {
                    int dest = (int) intOf(mem[in.p1]);
                    mem[in.p1] = (long) pc;
                    next = dest + 1;
                    break;
                }
                case Halt:
                    if (in.p1 != 0) {
                        haltAction = in.p2;
                        throw ControlOps.haltError(in.p1, (String) in.p4);
                    }
                    if (frame != null) {
                        next = returnFromFrame(false);
                        code = program.insns;
                        break;
                    }
                    checkForeignKeysAtEnd();
                    pc = code.length - 1;
                    return false;
                case HaltIfNull:
                    if (mem[in.p3] == null) {
                        haltAction = in.p2;
                        throw ControlOps.haltError(in.p1, (String) in.p4);
                    }
                    break;
                case Once:
                    if (onceDone[pc]) {
                        next = in.p2;
                    } else {
                        onceDone[pc] = true;
                    }
                    break;
                case If:
                case IfNot: {
                    Boolean t = Values.truth(mem[in.p1]);
                    boolean jump = t == null ? in.p3 != 0 : (in.op == Opcode.If) == t;
                    if (jump) {
                        next = in.p2;
                    }
                    break;
                }
                case IsNull:
                    if (mem[in.p1] == null) {
                        next = in.p2;
                    }
                    break;
                case NotNull:
                    if (mem[in.p1] != null) {
                        next = in.p2;
                    }
                    break;
                case IfPos: {
                    long v = intOf(mem[in.p1]);
                    if (v > 0) {
                        mem[in.p1] = v - in.p3;
                        next = in.p2;
                    }
                    break;
                }
                case IfNotZero: {
                    long v = intOf(mem[in.p1]);
                    if (v != 0) {
                        if (v > 0) {
                            mem[in.p1] = v - 1;
                        }
                        next = in.p2;
                    }
                    break;
                }
                case DecrJumpZero: {
                    long v = intOf(mem[in.p1]) - 1;
                    mem[in.p1] = v;
                    if (v == 0) {
                        next = in.p2;
                    }
                    break;
                }
                case MustBeInt: {
                    Object v = ControlOps.toExactInteger(mem[in.p1]);
                    if (v == null) {
                        if (in.p2 == 0) {
                            throw new PetrelException(ResultCode.MISMATCH, "datatype mismatch");
                        }
                        next = in.p2;
                    } else {
                        mem[in.p1] = v;
                    }
                    break;
                }
                case OffsetLimit: {
                    long limit = intOf(mem[in.p1]);
                    long offset = intOf(mem[in.p3]);
                    mem[in.p2] = limit > 0 ? limit + Math.max(0, offset) : -1L;
                    break;
                }
                case Jump:
                    next = compareResult < 0 ? in.p1 : compareResult == 0 ? in.p2 : in.p3;
                    break;
                case Noop:
                    break;

                case Integer: {
                    Object v = in.boxedP1;
                    if (v == null) {
                        v = (long) in.p1;
                        in.boxedP1 = v;
                    }
                    mem[in.p2] = v;
                    break;
                }
                case Int64:
                case Real:
                case String8:
                case Blob:
                    mem[in.p2] = in.p4;
                    break;
                case Null:
                    for (int r = in.p2; r <= Math.max(in.p2, in.p3); r++) {
                        mem[r] = null;
                    }
                    break;
                case Variable:
                    mem[in.p2] = params != null && in.p1 - 1 < params.length ? params[in.p1 - 1] : null;
                    break;
                case Copy:
                    System.arraycopy(mem, in.p1, mem, in.p2, in.p3 + 1);
                    break;
                case SCopy:
                case IntCopy:
                    mem[in.p2] = mem[in.p1];
                    break;
                case Move:
                    for (int i = 0; i < in.p3; i++) {
                        mem[in.p2 + i] = mem[in.p1 + i];
                        mem[in.p1 + i] = null;
                    }
                    break;

                case Add:
                    mem[in.p3] = Arithmetic.add(mem[in.p1], mem[in.p2]);
                    break;
                case Subtract:
                    mem[in.p3] = Arithmetic.subtract(mem[in.p2], mem[in.p1]);
                    break;
                case Multiply:
                    mem[in.p3] = Arithmetic.multiply(mem[in.p1], mem[in.p2]);
                    break;
                case Divide:
                    mem[in.p3] = Arithmetic.divide(mem[in.p2], mem[in.p1]);
                    break;
                case Remainder:
                    mem[in.p3] = Arithmetic.remainder(mem[in.p2], mem[in.p1]);
                    break;
                case Concat:
                    mem[in.p3] = Arithmetic.concat(mem[in.p2], mem[in.p1]);
                    break;
                case BitAnd:
                    mem[in.p3] = Arithmetic.bitAnd(mem[in.p1], mem[in.p2]);
                    break;
                case BitOr:
                    mem[in.p3] = Arithmetic.bitOr(mem[in.p1], mem[in.p2]);
                    break;
                case ShiftLeft:
                    mem[in.p3] = Arithmetic.shiftLeft(mem[in.p2], mem[in.p1]);
                    break;
                case ShiftRight:
                    mem[in.p3] = Arithmetic.shiftRight(mem[in.p2], mem[in.p1]);
                    break;
                case BitNot:
                    mem[in.p2] = Arithmetic.bitNot(mem[in.p1]);
                    break;
                case AddImm:
                    mem[in.p1] = intOf(mem[in.p1]) + in.p2;
                    break;
                case Not:
                    mem[in.p2] = Values.bool(negate(Values.truth(mem[in.p1])));
                    break;
                case And:
                    mem[in.p3] = ControlOps.and(Values.truth(mem[in.p1]), Values.truth(mem[in.p2]));
                    break;
                case Or:
                    mem[in.p3] = ControlOps.or(Values.truth(mem[in.p1]), Values.truth(mem[in.p2]));
                    break;
                case IsTrue: {
                    Boolean t = Values.truth(mem[in.p1]);
                    boolean b = t == null ? in.p3 != 0 : t;
                    mem[in.p2] = Values.bool(b ^ (in.p4 != null && ((Number) in.p4).intValue() != 0));
                    break;
                }
                case ZeroOrNull:
                    mem[in.p2] = mem[in.p1] == null || mem[in.p3] == null ? null : (Object) 0L;
                    break;

                case Eq:
                case Ne:
                case Lt:
                case Le:
                case Gt:
                case Ge:
                    if (compare(in)) {
                        next = in.p2;
                    }
                    break;
                case Compare: {
                    KeyOrder order = (KeyOrder) in.p4;
                    int c = 0;
                    for (int i = 0; i < in.p3 && c == 0; i++) {
                        c = order.compareColumn(i, mem[in.p1 + i], mem[in.p2 + i]);
                    }
                    compareResult = c;
                    break;
                }

                case Affinity: {
                    String aff = (String) in.p4;
                    for (int i = 0; i < in.p2 && i < aff.length(); i++) {
                        mem[in.p1 + i] = dev.petrel.value.Affinity.fromCode(aff.charAt(i)).apply(mem[in.p1 + i]);
                    }
                    break;
                }
                case Cast:
                    mem[in.p1] = Values.cast(mem[in.p1], dev.petrel.value.Affinity.fromCode((char) in.p2));
                    break;
                case TypeCheck: {
                    PetrelException mismatch = ((StrictColumns) in.p4).mismatch(mem, in.p1);
                    if (mismatch != null) {
                        haltAction = 2;
                        throw mismatch;
                    }
                    break;
                }
                case RealAffinity:
                    if (mem[in.p1] instanceof Long) {
                        mem[in.p1] = (double) (Long) mem[in.p1];
                    }
                    break;

                case Transaction:
                    host.beginTransaction(in.p1, in.p2 != 0);
                    if (in.p5 != 0 && host.databaseSchemaCookie(in.p1) != in.p3) {
                        throw new PetrelException(ResultCode.SCHEMA, "database schema has changed");
                    }
                    break;
                case AutoCommit:
                    host.setAutocommit(in.p1 != 0, in.p2 != 0);
                    break;
                case Savepoint:
                    host.savepoint(in.p1, (String) in.p4);
                    break;
                case Attach:
                    host.attach(mem[in.p1], mem[in.p2]);
                    break;
                case Detach:
                    host.detach(mem[in.p1]);
                    break;
                case ReadCookie:
                    mem[in.p2] = (long) host.readCookie(in.p1, in.p3);
                    break;
                case SetCookie:
                    host.writeCookie(in.p1, in.p2, in.p3);
                    if (in.p2 == ControlOps.COOKIE_SCHEMA) {
                        host.schemaChanged();
                    }
                    break;
                case Pagecount:
                    mem[in.p2] = (long) host.pageCount(in.p1);
                    break;
                case JournalMode:
                    mem[in.p2] = host.journalMode(in.p1, (String) in.p4);
                    break;
                case Vacuum:
                    host.vacuum(in.p1, in.p2 == 0 ? null : mem[in.p2]);
                    break;
                case PragmaSetting: {
                    String[] setting = (String[]) in.p4;
                    Object reported = host.pragmaSetting(in.p1, setting[0], setting[1]);
                    if (reported instanceof Object[] row) {
                        System.arraycopy(row, 0, mem, in.p2, row.length);
                    } else {
                        mem[in.p2] = reported;
                    }
                    break;
                }
                case IntegrityCk: {
                    long left = (Long) mem[in.p3];
                    int max = (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
                    java.util.List<String> errs = host.pageCount(in.p1) == 0 ? java.util.List.of("ok")
                            : in.p4 == null ? host.btree(in.p1).integrityCheck(max)
                            : host.btree(in.p1).integrityCheck(max, (int[]) in.p4);
                    if (errs.equals(java.util.List.of("ok"))) {
                        mem[in.p2] = null;
                    } else {
                        mem[in.p2] = String.join("\n", errs);
                        mem[in.p3] = left - errs.size();
                    }
                    break;
                }
                case CreateBtree:
                    mem[in.p2] = (long) host.btree(in.p1).createTree(in.p3 == 1);
                    break;
                case Destroy:
                    host.btree(in.p3).dropTree(in.p1);
                    break;
                case Clear: {
                    long n = host.btree(in.p2).clearTree(in.p1);
                    for (long i = 0; in.p3 != 0 && i < n; i++) {
                        countChange();
                    }
                    break;
                }
                case ParseSchema:
                case DropTable:
                case DropIndex:
                    host.schemaChanged();
                    break;

                case OpenRead:
                case OpenWrite: {
                    int root = (in.p5 & OPFLAG_P2ISREG) != 0 ? (int) intOf(mem[in.p2]) : in.p2;
                    boolean write = in.op == Opcode.OpenWrite;
                    if (!write && root == 1 && host.pageCount(in.p3) == 0) {
                        // An empty file is an empty database: its schema table has no rows (no page 1 yet).
                        setCursor(in.p1, new EphemeralTable());
                        break;
                    }
                    setCursor(in.p1, in.p4 instanceof KeyOrder
                            ? new BtreeCursor(host.btree(in.p3).openIndex(root, ((KeyOrder) in.p4).toKeyInfo(),
                                    write), (KeyOrder) in.p4, false)
                            : new BtreeCursor(host.btree(in.p3).openTable(root, write), KeyOrder.BINARY, true));
                    break;
                }
                case OpenEphemeral:
                    setCursor(in.p1, in.p4 instanceof KeyOrder ? new EphemeralIndex((KeyOrder) in.p4)
                            : new EphemeralTable());
                    break;
                case VFilter: {
                    TableFunction tf = (TableFunction) in.p4;
                    FunctionCursor fc = new FunctionCursor(tf.rows(host, unwrapped(regs(in.p3, in.p5))));
                    setCursor(in.p1, fc);
                    if (!fc.first()) {
                        next = in.p2;
                    }
                    break;
                }
                case OpenPseudo:
                    setCursor(in.p1, new PseudoCursor(mem, in.p2));
                    break;
                case SorterOpen: {
                    KeyOrder order = (KeyOrder) in.p4;
                    setCursor(in.p1, new Sorter(order, order.size(), host.tempVfs(), host.sorterMemoryLimitBytes()));
                    break;
                }
                case Close:
                    setCursor(in.p1, null);
                    break;
                case NullRow:
                    cursors[in.p1].nullRow = true;
                    break;
                case Rewind:
                    if (!cursors[in.p1].first()) {
                        next = in.p2;
                    }
                    break;
                case Last:
                    if (!cursors[in.p1].last()) {
                        next = in.p2;
                    }
                    break;
                case Next:
                case SorterNext:
                    if (cursors[in.p1].next()) {
                        next = in.p2;
                    }
                    break;
                case Prev:
                    if (cursors[in.p1].prev()) {
                        next = in.p2;
                    }
                    break;
                case SeekRowid:
                case NotExists: {
                    Object k = ControlOps.toExactInteger(mem[in.p3]);
                    if (!(k instanceof Long) || !cursors[in.p1].seekRowid((Long) k)) {
                        next = in.p2;
                    }
                    break;
                }
                case SeekGE:
                case SeekGT:
                case SeekLE:
                case SeekLT:
                    if (!seek(in)) {
                        next = in.p2;
                    }
                    break;
                case IdxGE:
                case IdxGT:
                case IdxLE:
                case IdxLT: {
                    int c = cursors[in.p1].compareKey(mem, in.p3, (Integer) in.p4);
                    boolean jump = in.op == Opcode.IdxGE ? c >= 0 : in.op == Opcode.IdxGT ? c > 0
                            : in.op == Opcode.IdxLE ? c <= 0 : c < 0;
                    if (jump) {
                        next = in.p2;
                    }
                    break;
                }
                case Found:
                case NotFound:
                case NoConflict: {
                    Object[] key = probeKey(in);
                    boolean found;
                    if (in.op == Opcode.NoConflict && ControlOps.hasNull(key)) {
                        found = false;
                    } else {
                        VdbeCursor c = cursors[in.p1];
                        found = c.seek(key, BtCursor.GE) && c.compareKey(key) == 0;
                    }
                    if (found == (in.op == Opcode.Found)) {
                        next = in.p2;
                    }
                    break;
                }
                case Column: {
                    VdbeCursor c = cursors[in.p1];
                    Object v = c.column(in.p2);
                    if (v == null && in.p4 != null && !c.nullRow && c.fieldCount() <= in.p2) {
                        v = in.p4;
                    }
                    mem[in.p3] = v;
                    break;
                }
                case Rowid:
                case IdxRowid: {
                    VdbeCursor c = cursors[in.p1];
                    mem[in.p2] = c.nullRow ? null : (Object) c.rowid();
                    break;
                }
                case DeferredSeek: {
                    VdbeCursor t = cursors[in.p3];
                    if (!t.seekRowid(cursors[in.p1].rowid())) {
                        throw PetrelException.corrupt(0, "index entry without a table row");
                    }
                    break;
                }
                case Sequence:
                    mem[in.p2] = cursors[in.p1].sequence++;
                    break;
                case Count:
                    mem[in.p2] = cursors[in.p1].count();
                    break;
                case ResultRow:
                    rowStart = in.p1;
                    rowCount = in.p2;
                    pc = next;
                    return true;
                case MakeRecord: {
                    if (in.p4 != null) {
                        String aff = (String) in.p4;
                        for (int i = 0; i < in.p2 && i < aff.length(); i++) {
                            mem[in.p1 + i] = dev.petrel.value.Affinity.fromCode(aff.charAt(i))
                                    .apply(mem[in.p1 + i]);
                        }
                    }
                    mem[in.p3] = RecordEncoder.encode(regs(in.p1, in.p2), in.p2, TextEncoding.UTF8);
                    break;
                }
                case NewRowid: {
                    long max = cursors[in.p1].maxRowid();
                    if (in.p3 != 0 && mem[in.p3] instanceof Long) {
                        max = Math.max(max, (Long) mem[in.p3]);
                    }
                    if (max == Long.MAX_VALUE) {
                        throw new PetrelException(ResultCode.FULL, "database or disk is full");
                    }
                    mem[in.p2] = max + 1;
                    if (in.p3 != 0) {
                        mem[in.p3] = max + 1;
                    }
                    break;
                }
                case Insert: {
                    long rowid = intOf(mem[in.p3]);
                    cursors[in.p1].insert(rowid, (byte[]) mem[in.p2]);
                    if ((in.p5 & OPFLAG_NCHANGE) != 0) {
                        countChange();
                    }
                    if ((in.p5 & OPFLAG_LASTROWID) != 0) {
                        host.setLastInsertRowid(rowid);
                    }
                    break;
                }
                case IdxInsert:
                    cursors[in.p1].insertKey((byte[]) mem[in.p2], (in.p5 & OPFLAG_APPEND) != 0);
                    if ((in.p5 & OPFLAG_NCHANGE) != 0) {
                        host.countChange(); // a row of a WITHOUT ROWID table
                    }
                    break;
                case Delete:
                    cursors[in.p1].delete();
                    if ((in.p5 & OPFLAG_NCHANGE) != 0) {
                        countChange();
                    }
                    break;
                case IdxDelete: {
                    Object[] key = regs(in.p2, in.p3);
                    VdbeCursor c = cursors[in.p1];
                    if (c.seek(key, BtCursor.GE) && c.compareKey(key) == 0) {
                        c.delete();
                    }
                    break;
                }
                case RowData:
                    mem[in.p2] = cursors[in.p1].record();
                    break;

                case SorterInsert:
                    ((Sorter) cursors[in.p1]).add((byte[]) mem[in.p2]);
                    break;
                case SorterSort:
                    if (!((Sorter) cursors[in.p1]).sort()) {
                        next = in.p2;
                    }
                    break;
                case SorterData:
                    mem[in.p2] = cursors[in.p1].record();
                    break;
                case SorterCompare: {
                    VdbeCursor c = cursors[in.p1];
                    Record other = new Record((byte[]) mem[in.p3]);
                    int n = (Integer) in.p4;
                    for (int i = 0; i < n; i++) {
                        if (ValueOrder.compare(c.column(i), other.column(i), Collation.BINARY) != 0) {
                            next = in.p2;
                            break;
                        }
                    }
                    break;
                }
                case ResetSorter:
                    cursors[in.p1].clear();
                    break;

                case Function: {
                    FuncCall f = (FuncCall) in.p4;
                    Object r = f.def.scalar().call(context(f.collation), regs(in.p2, in.p5));
                    mem[in.p3] = f.keepSubtype ? r : SubtypedValue.strip(r);
                    break;
                }
                case AggStep: {
                    FuncCall f = (FuncCall) in.p4;
                    Object[] args = regs(in.p2, in.p5);
                    if (in.p1 != 0 && !ControlOps.firstSight(cursors[in.p1 - 1], args)) {
                        break;
                    }
                    AggregateFunction agg = (AggregateFunction) mem[in.p3];
                    if (agg == null) {
                        agg = f.def.aggregate().create();
                        mem[in.p3] = agg;
                    }
                    agg.step(context(f.collation), args);
                    break;
                }
                case AggFinal: {
                    FuncCall f = (FuncCall) in.p4;
                    AggregateFunction agg = (AggregateFunction) mem[in.p1];
                    if (agg == null) {
                        agg = f.def.aggregate().create();
                    }
                    mem[in.p1] = agg.finish(context(f.collation));
                    break;
                }
                case WindowAdd: {
                    WindowPlan plan = (WindowPlan) in.p4;
                    if (!(mem[in.p1] instanceof WindowBuffer)) {
                        mem[in.p1] = new WindowBuffer(plan);
                    }
                    WindowBuffer wb = (WindowBuffer) mem[in.p1];
                    FunctionContext[] ctxs = new FunctionContext[plan.calls.length];
                    for (int i = 0; i < ctxs.length; i++) {
                        ctxs[i] = context(plan.calls[i].collation);
                    }
                    if (in.p3 == 0 ? wb.finish(ctxs) : wb.add((byte[]) mem[in.p3], ctxs)) {
                        next = in.p2;
                    }
                    break;
                }
                case WindowNext: {
                    byte[] row = mem[in.p1] instanceof WindowBuffer wb ? wb.next() : null;
                    if (row == null) {
                        next = in.p2;
                    } else {
                        mem[in.p3] = row;
                    }
                    break;
                }
                case Program:
                    if (callTrigger(in)) {
                        code = program.insns;
                        next = 0;
                    }
                    break;
                case Raise:
                    if (in.p2 == 0) {
                        next = returnFromFrame(true);
                        code = program.insns;
                        break;
                    }
                    haltAction = in.p2;
                    throw new PetrelException(ResultCode.CONSTRAINT_TRIGGER,
                            mem[in.p1] == null ? "" : Values.toText(mem[in.p1]));
                case FkCounter:
                    if (in.p1 != 0 || host.deferForeignKeys()) {
                        host.addDeferredForeignKeyViolations(in.p2);
                    } else {
                        foreignKeyViolations += in.p2;
                    }
                    break;
                case ResetCount:
                    host.setChanges(frameChanges);
                    frameChanges = 0;
                    break;
                case ConnectionFlag:
                    mem[in.p2] = host.connectionFlag((String) in.p4, in.p3 - 1);
                    break;
                case FkIfZero:
                    if ((in.p1 != 0 || host.deferForeignKeys() ? host.deferredForeignKeyViolations()
                            : foreignKeyViolations) == 0) {
                        next = in.p2;
                    }
                    break;
                default:
                    throw new PetrelException(ResultCode.INTERNAL, "opcode not implemented: " + in.op);
            }
            pc = next;
        }
    }

    /** SQLite's limit on nested trigger frames (SQLITE_MAX_TRIGGER_DEPTH). */
    static final int MAX_TRIGGER_DEPTH = 1000;

    /** changes() counts the statement's own rows; total_changes() also those of its triggers. */
    private void countChange() {
        if (frame == null) {
            host.countChange();
        } else {
            host.countTriggerChange();
            frameChanges++;
        }
    }

    /**
     * Enters the trigger sub-program of a Program opcode at {@code pc} (true), unless P5 asks to skip a trigger
     * already running in an enclosing frame (false).
     */
    private boolean callTrigger(Insn in) {
        TriggerProgram tp = (TriggerProgram) in.p4;
        if (in.p5 != 0 && tp.name != null) {
            if (trigger != null && tp.name.equalsIgnoreCase(trigger.name)) {
                return false;
            }
            for (Frame f = frame; f != null; f = f.caller) {
                if (f.trigger != null && tp.name.equalsIgnoreCase(f.trigger.name)) {
                    return false;
                }
            }
        }
        if (depth >= MAX_TRIGGER_DEPTH) {
            throw PetrelException.error("too many levels of trigger recursion");
        }
        frame = new Frame(frame, program, mem, cursors, onceDone, pc, trigger, host.lastInsertRowid(), host.changes(),
                frameChanges);
        frameChanges = 0;
        depth++;
        Object[] args = mem;
        program = tp.program;
        mem = new Object[program.registerCount + 1];
        System.arraycopy(args, in.p1, mem, 1, in.p3);
        cursors = new VdbeCursor[program.cursorCount];
        onceDone = new boolean[program.insns.length];
        trigger = tp;
        return true;
    }

    /**
     * Leaves the running trigger sub-program (at its end, or by RAISE(IGNORE): {@code ignored}) and returns the
     * caller's next address: after its Program opcode, or that opcode's P2 after RAISE(IGNORE).
     */
    private int returnFromFrame(boolean ignored) {
        closeAll(cursors);
        Frame f = frame;
        frame = f.caller;
        depth--;
        program = f.program;
        mem = f.mem;
        cursors = f.cursors;
        onceDone = f.onceDone;
        trigger = f.trigger;
        host.setLastInsertRowid(f.lastInsertRowid);
        host.setChanges(f.changes);
        frameChanges = f.frameChanges;
        return ignored ? program.insns[f.pc].p2 : f.pc + 1;
    }

    /** A statement may not end with immediate foreign key violations, nor (autocommit) with deferred ones. */
    private void checkForeignKeysAtEnd() {
        if (foreignKeyViolations > 0 || host.deferredForeignKeyViolations() > 0 && host.autocommitForeignKeys()) {
            haltAction = 2;
            throw new PetrelException(ResultCode.CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed");
        }
    }

    private static Boolean negate(Boolean b) {
        return b == null ? null : !b;
    }

    private void setCursor(int i, VdbeCursor c) {
        if (cursors[i] != null) {
            cursors[i].close();
        }
        cursors[i] = c;
    }

    private Object[] probeKey(Insn in) {
        int n = in.p4 instanceof Integer ? (Integer) in.p4 : 0;
        if (n == 0) {
            return Record.decode((byte[]) mem[in.p3]);
        }
        return regs(in.p3, n);
    }

    private boolean compare(Insn in) {
        Object a = mem[in.p3];
        Object b = mem[in.p1];
        Opcode op = in.op;
        if (a == null || b == null) {
            if ((in.p5 & Opcode.NULLEQ) != 0) {
                boolean eq = a == null && b == null;
                return op == Opcode.Eq ? eq : op == Opcode.Ne ? !eq : false;
            }
            return (in.p5 & Opcode.JUMPIFNULL) != 0;
        }
        int c;
        if (a instanceof Long && b instanceof Long && (in.p5 & Opcode.AFF_MASK) != AFF_TEXT_CODE) {
            // Two integers: every affinity but TEXT leaves them as they are, and no collation applies.
            c = Long.compare((Long) a, (Long) b);
        } else {
            Affinity aff = affinityOf(in.p5);
            if (aff != null) {
                a = ControlOps.comparisonAffinity(aff, a);
                b = ControlOps.comparisonAffinity(aff, b);
            }
            Collation coll = in.p4 instanceof Collation ? (Collation) in.p4 : Collation.BINARY;
            c = ValueOrder.compare(a, b, coll);
        }
        switch (op) {
            case Eq:
                return c == 0;
            case Ne:
                return c != 0;
            case Lt:
                return c < 0;
            case Le:
                return c <= 0;
            case Gt:
                return c > 0;
            default:
                return c >= 0;
        }
    }

    private boolean seek(Insn in) {
        VdbeCursor c = cursors[in.p1];
        int op = in.op == Opcode.SeekGE ? BtCursor.GE : in.op == Opcode.SeekGT ? BtCursor.GT
                : in.op == Opcode.SeekLE ? BtCursor.LE : BtCursor.LT;
        int n = in.p4 instanceof Integer ? (Integer) in.p4 : 1;
        if (c instanceof BtreeCursor && ((BtreeCursor) c).isTable() || c instanceof EphemeralTable) {
            return ControlOps.seekRowid(c, mem[in.p3], op);
        }
        return c.seek(regs(in.p3, n), op);
    }

    private FunctionContext context(Collation collation) {
        if (collation == Collation.BINARY) {
            return host;
        }
        return new ControlOps.CollatedContext(host, collation);
    }
}
