package dev.petrel.vm;

import dev.petrel.record.Record;
import dev.petrel.record.TextEncoding;

/**
 * A cursor over one record held in a register (OpenPseudo): the current row of a sorter, read field by field by
 * Column. The record is decoded again only when the register holds a different byte array.
 */
final class PseudoCursor extends VdbeCursor {
    private final Object[] mem;
    private final int reg;
    private byte[] seen;
    private Record rec;

    PseudoCursor(Object[] mem, int reg) {
        this.mem = mem;
        this.reg = reg;
    }

    @Override
    Object column(int i) {
        if (nullRow) {
            return null;
        }
        Object v = mem[reg];
        if (!(v instanceof byte[])) {
            return null;
        }
        if (v != seen) {
            seen = (byte[]) v;
            if (rec == null) {
                rec = new Record(seen, seen.length, TextEncoding.UTF8);
            } else {
                rec.reset(seen, seen.length, TextEncoding.UTF8);
            }
        }
        return rec.column(i);
    }

    @Override
    byte[] record() {
        return (byte[]) mem[reg];
    }
}
