package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.schema.ForeignKeyDef;
import dev.petrel.schema.Table;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * PRAGMA foreign_key_check[(t)] (table, rowid, parent, fkid: one row per child row and foreign key
 * whose parent row is missing; a missing parent table makes every row with a non-NULL key a violation).
 */
final class ForeignKeyPragmas {
    private ForeignKeyPragmas() {
    }

    /** Emits foreign_key_check's rows for {@code tableName} (every table when null) through {@code emitRow}. */
    static void check(Compiler c, String tableName, java.util.function.BiConsumer<Integer, Integer> emitRow) {
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
                emitRow.accept(out, 4);
                b.resolve(ok);
            }
            b.emit(Opcode.Next, cur, top);
            b.resolve(done);
        }
    }

    /** A table's foreign keys by id (the last declared first). */
    private static List<ForeignKeyDef> byId(Table t) {
        List<ForeignKeyDef> out = new ArrayList<>(t.foreignKeys);
        out.sort((x, y) -> Integer.compare(x.id, y.id));
        return out;
    }
}
