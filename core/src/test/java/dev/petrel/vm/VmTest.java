package dev.petrel.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.btree.BTree;
import dev.petrel.pager.Pager;
import dev.petrel.vfs.MemoryVfs;
import dev.petrel.vfs.Vfs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The VM driven through hand-written programs: control flow, coroutines, comparisons, cursors and halts. */
class VmTest {
    /** A host over an in-memory database that counts changes. */
    static final class Host implements VmHost {
        @Override
        public String journalMode(String mode) {
            return "memory";
        }

        final Pager pager = Pager.open(new MemoryVfs(), "vm.db", 4096);
        final BTree bt = BTree.open(pager);
        long changes;
        long lastRowid;

        @Override
        public BTree btree() {
            return bt;
        }

        @Override
        public void beginTransaction(boolean write) {
            if (write && !pager.inWriteTransaction()) {
                pager.beginWrite();
                bt.initialize();
            }
        }

        @Override
        public int loadedSchemaCookie() {
            return 0;
        }

        @Override
        public int databaseSchemaCookie() {
            return 0;
        }

        @Override
        public void schemaChanged() {
        }

        @Override
        public int readCookie(int cookie) {
            return 0;
        }

        @Override
        public void writeCookie(int cookie, int value) {
        }

        @Override
        public int pageCount() {
            return pager.pageCount();
        }

        @Override
        public void setAutocommit(boolean autocommit, boolean rollback) {
        }

        @Override
        public void savepoint(int op, String name) {
        }

        @Override
        public void setLastInsertRowid(long rowid) {
            lastRowid = rowid;
        }

        @Override
        public void countChange() {
            changes++;
        }

        @Override
        public Vfs tempVfs() {
            return new MemoryVfs();
        }

        @Override
        public long lastInsertRowid() {
            return lastRowid;
        }

        @Override
        public long changes() {
            return changes;
        }

        @Override
        public long totalChanges() {
            return changes;
        }

        @Override
        public long nextRandomLong() {
            return 4;
        }

        @Override
        public long nowEpochMillis() {
            return 0;
        }
    }

    private static Program program(int regs, int cursors, Insn... insns) {
        return new Program(insns, regs, cursors, List.of(), List.of(), List.of(), false, 0);
    }

    private static Insn op(Opcode o, int p1, int p2, int p3) {
        return new Insn(o, p1, p2, p3, null, 0);
    }

    private static Insn op(Opcode o, int p1, int p2, int p3, Object p4, int p5) {
        return new Insn(o, p1, p2, p3, p4, p5);
    }

    private static List<Object> firstColumn(Vm vm) {
        List<Object> out = new ArrayList<>();
        while (vm.step()) {
            out.add(vm.column(0));
        }
        return out;
    }

    @Test
    void loopWithDecrJumpZeroYieldsRows() {
        // for (r1 = 3; ; ) { emit r1; if (--r1 == 0) break; }
        Program p = program(3, 0,
                op(Opcode.Init, 0, 1, 0),
                op(Opcode.Integer, 3, 1, 0),
                op(Opcode.ResultRow, 1, 1, 0),
                op(Opcode.DecrJumpZero, 1, 5, 0),
                op(Opcode.Goto, 0, 2, 0),
                op(Opcode.Halt, 0, 0, 0));
        assertEquals(List.of(3L, 2L, 1L), firstColumn(new Vm(p, new Host())));
    }

    @Test
    void coroutineYieldsValuesToItsCaller() {
        Program q = program(4, 0,
                op(Opcode.Init, 0, 1, 0),
                op(Opcode.InitCoroutine, 1, 7, 2),
                op(Opcode.Integer, 10, 2, 0),
                op(Opcode.Yield, 1, 0, 0),
                op(Opcode.Integer, 20, 2, 0),
                op(Opcode.Yield, 1, 0, 0),
                op(Opcode.EndCoroutine, 1, 0, 0),
                op(Opcode.Yield, 1, 10, 0),
                op(Opcode.ResultRow, 2, 1, 0),
                op(Opcode.Goto, 0, 7, 0),
                op(Opcode.Halt, 0, 0, 0));
        assertEquals(List.of(10L, 20L), firstColumn(new Vm(q, new Host())));
    }

    @Test
    void comparisonsApplyAffinityAndNullRules() {
        // r1='10' (text), r2=9: with NUMERIC affinity 10 > 9; without, text > integer too; NULL jumps only with flag.
        Program p = program(6, 0,
                op(Opcode.Init, 0, 1, 0),
                op(Opcode.String8, 0, 1, 0, "10", 0),
                op(Opcode.Integer, 9, 2, 0),
                op(Opcode.Integer, 0, 3, 0),
                op(Opcode.Gt, 2, 6, 1, null, 'C' - 'A' + 1),
                op(Opcode.Goto, 0, 7, 0),
                op(Opcode.Integer, 1, 3, 0),
                op(Opcode.Null, 0, 4, 0),
                op(Opcode.Integer, 0, 5, 0),
                op(Opcode.Eq, 4, 11, 4, null, Opcode.NULLEQ),
                op(Opcode.Goto, 0, 12, 0),
                op(Opcode.Integer, 1, 5, 0),
                op(Opcode.ResultRow, 3, 3, 0),
                op(Opcode.Halt, 0, 0, 0));
        Vm vm = new Vm(p, new Host());
        assertTrue(vm.step());
        assertEquals(1L, vm.column(0));
        assertEquals(null, vm.column(1));
        assertEquals(1L, vm.column(2));
        assertFalse(vm.step());
    }

    @Test
    void tableCursorInsertSeekAndScan() {
        Host h = new Host();
        h.beginTransaction(true);
        int root = h.bt.createTree(true);
        Program p = program(8, 1,
                op(Opcode.Init, 0, 1, 0),
                op(Opcode.OpenWrite, 0, root, 0, 2, 0),
                op(Opcode.Integer, 7, 1, 0),
                op(Opcode.String8, 0, 2, 0, "seven", 0),
                op(Opcode.MakeRecord, 1, 2, 3),
                op(Opcode.NewRowid, 0, 4, 0),
                op(Opcode.Insert, 0, 3, 4, null, Vm.OPFLAG_NCHANGE | Vm.OPFLAG_LASTROWID),
                op(Opcode.SeekRowid, 0, 10, 4),
                op(Opcode.Column, 0, 1, 5),
                op(Opcode.ResultRow, 5, 1, 0),
                op(Opcode.Halt, 0, 0, 0));
        Vm vm = new Vm(p, h);
        assertTrue(vm.step());
        assertEquals("seven", vm.column(0));
        assertFalse(vm.step());
        assertEquals(1, h.changes);
        assertEquals(1, h.lastRowid);
    }

    @Test
    void haltWithConstraintCodeThrows() {
        Program p = program(2, 0,
                op(Opcode.Init, 0, 1, 0),
                op(Opcode.Null, 0, 1, 0),
                op(Opcode.HaltIfNull, ResultCode.CONSTRAINT_NOTNULL.code, 2, 1, "NOT NULL constraint failed: t.a", 1),
                op(Opcode.Halt, 0, 0, 0));
        Vm vm = new Vm(p, new Host());
        PetrelException e = assertThrows(PetrelException.class, vm::step);
        assertEquals(ResultCode.CONSTRAINT_NOTNULL, e.code());
        assertEquals("NOT NULL constraint failed: t.a", e.getMessage());
        assertEquals(2, vm.haltAction());
        assertTrue(vm.isHalted());
    }

    @Test
    void mustBeIntRejectsText() {
        Program p = program(2, 0,
                op(Opcode.Init, 0, 1, 0),
                op(Opcode.String8, 0, 1, 0, "x", 0),
                op(Opcode.MustBeInt, 1, 0, 0),
                op(Opcode.Halt, 0, 0, 0));
        PetrelException e = assertThrows(PetrelException.class, () -> new Vm(p, new Host()).step());
        assertEquals(ResultCode.MISMATCH, e.code());
    }
}
