package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.plan.Scope;
import dev.petrel.schema.ForeignKeyDef;
import dev.petrel.schema.Table;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * PRAGMA foreign_key_list(t) (id, seq, table, from, to, on_update, on_delete, match: one row per key column,
 * by id) and PRAGMA foreign_key_check[(t)] (table, rowid, parent, fkid: one row per child row and foreign key
 * whose parent row is missing; a missing parent table makes every row with a non-NULL key a violation).
 */
final class ForeignKeyPragmas {
    private ForeignKeyPragmas() {
    }

    static ResultInfo list(Compiler c, String tableName, ResultInfo info) {
        Table t = tableName == null ? null : c.schema.table(tableName);
        if (t == null) {
            return info;
        }
        for (ForeignKeyDef fk : byId(t)) {
            for (int i = 0; i < fk.childColumns.size(); i++) {
                row(c, (long) fk.id, (long) i, fk.parentTable, fk.childColumns.get(i),
                        fk.parentColumns.isEmpty() ? null : fk.parentColumns.get(i),
                        ForeignKeyDef.actionName(fk.onUpdate), ForeignKeyDef.actionName(fk.onDelete), "NONE");
            }
        }
        return info;
    }

    static ResultInfo check(Compiler c, String tableName, ResultInfo info) {
        List<Table> tables = new ArrayList<>();
        if (tableName != null) {
            Table t = c.schema.table(tableName);
            if (t == null) {
                throw PetrelException.error("no such table: " + tableName);
            }
            tables.add(t);
        } else {
            for (Table t : c.schema.tables()) {
                if (!t.isView() && t.rootPage != dev.petrel.schema.Schema.ROOT_PAGE) {
                    tables.add(t);
                }
            }
        }
        c.touchesDatabase = true;
        ProgramBuilder b = c.b;
        for (Table t : tables) {
            List<ForeignKeyGen.Resolved> fks = new ArrayList<>();
            for (ForeignKeyDef fk : byId(t)) {
                fks.add(ForeignKeyGen.resolve(c, fk, true));
            }
            if (fks.isEmpty()) {
                continue;
            }
            int cur = b.cursor();
            b.emit(Opcode.OpenRead, cur, t.rootPage, t.db, t.columns.size(), 0);
            int done = b.newLabel();
            b.emit(Opcode.Rewind, cur, done);
            int top = b.addr();
            for (ForeignKeyGen.Resolved r : fks) {
                int ok = b.newLabel();
                int key = b.regs(r.childCols.length);
                int[] regs = new int[r.childCols.length];
                for (int i = 0; i < regs.length; i++) {
                    regs[i] = key + i;
                    if (r.childCols[i] == t.rowidAlias) {
                        b.emit(Opcode.Rowid, cur, regs[i]);
                    } else {
                        b.emit(Opcode.Column, cur, r.childCols[i], regs[i]);
                    }
                    b.emit(Opcode.IsNull, regs[i], ok);
                }
                if (r.parent != null) {
                    ForeignKeyGen.lookupParent(c, r, regs, ok);
                }
                int out = b.regs(4);
                b.emit(Opcode.String8, 0, out, 0, t.name, 0);
                b.emit(Opcode.Rowid, cur, out + 1);
                b.emit(Opcode.String8, 0, out + 2, 0, r.fk.parentTable, 0);
                b.emit(Opcode.Integer, r.fk.id, out + 3);
                b.emit(Opcode.ResultRow, out, 4);
                b.resolve(ok);
            }
            b.emit(Opcode.Next, cur, top);
            b.resolve(done);
        }
        return info;
    }

    /** A table's foreign keys by id (the last declared first). */
    private static List<ForeignKeyDef> byId(Table t) {
        List<ForeignKeyDef> out = new ArrayList<>(t.foreignKeys);
        out.sort((x, y) -> Integer.compare(x.id, y.id));
        return out;
    }

    private static void row(Compiler c, Object... values) {
        int base = c.b.regs(values.length);
        ExprGen g = new ExprGen(c, new Scope(null));
        for (int i = 0; i < values.length; i++) {
            g.constant(values[i], base + i);
        }
        c.b.emit(Opcode.ResultRow, base, values.length);
    }
}
