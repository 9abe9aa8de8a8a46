package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.schema.Index;
import dev.petrel.schema.Schema;
import dev.petrel.schema.Table;
import dev.petrel.schema.TableBuilder;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.value.Affinity;
import dev.petrel.vm.Opcode;
import dev.petrel.vm.Vm;
import java.util.ArrayList;
import java.util.List;

/**
 * Code for schema changes: CREATE/DROP TABLE, INDEX, VIEW and TRIGGER. Each writes sqlite_schema rows exactly
 * as SQLite does (type, name, tbl_name, rootpage, and the CREATE text normalised to start with "CREATE TABLE",
 * "CREATE INDEX"... followed by the text as written from the object name on), bumps the schema cookie and makes
 * the engine reload the schema. Automatic indexes of UNIQUE/PRIMARY KEY constraints get rows with a NULL sql.
 */
final class DdlGen {
    private final Compiler c;
    private final ProgramBuilder b;

    DdlGen(Compiler c) {
        this.c = c;
        this.b = c.b;
    }

    void ddl(Stmt stmt) {
        if (stmt instanceof Stmt.CreateTable ct) {
            createTable(ct);
        } else if (stmt instanceof Stmt.CreateIndex ci) {
            createIndex(ci);
        } else if (stmt instanceof Stmt.CreateView cv) {
            createView(cv);
        } else if (stmt instanceof Stmt.CreateTrigger tr) {
            createTrigger(tr);
        } else {
            drop((Stmt.Drop) stmt);
        }
    }

    /**
     * The database the statement changes (0 main, 1 temp, 2.. attached): every schema row, b-tree and cookie this
     * generator writes goes there. Each statement sets it before emitting.
     */
    int db;

    /** The number of the database {@code schema} names (null: main), or SQLite's "unknown database" error. */
    int checkSchemaName(String schema) {
        if (schema == null) {
            return 0;
        }
        int i = c.schema.dbIndex(schema);
        if (i < 0) {
            throw PetrelException.error("unknown database " + schema);
        }
        return i;
    }

    /**
     * Where a CREATE TABLE or VIEW goes: TEMP (or {@code temp.name}) to the temp database, {@code db.name} to that
     * database, an unqualified name to main; a TEMP object may only be qualified by {@code temp}.
     */
    private int createTarget(boolean temp, String schema) {
        if (temp && schema != null && !schema.equalsIgnoreCase("temp")) {
            throw PetrelException.error("temporary table name must be unqualified");
        }
        return temp ? Schema.TEMP_DB : checkSchemaName(schema);
    }

    /** The name of database {@code db} as SQLite writes it in messages ("main", "temp", the ATTACH name). */
    private String dbName(int db) {
        return c.schema.database(db).name();
    }

    private boolean exists(String name, boolean ifNotExists, String kind) {
        Schema s = c.schema.schema(db);
        Table t = c.schema.table(db, name);
        Index i = s.index(name);
        if (t == null && i == null && !s.hasTrigger(name)) {
            return false;
        }
        if (ifNotExists) {
            return true;
        }
        String what = t != null ? (t.isView() ? "view" : "table") : i != null ? "index" : "trigger";
        throw PetrelException.error(what + " " + name + " already exists");
    }

    private void reserved(String name) {
        if (name.toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")) {
            throw PetrelException.error("object name reserved for internal use: " + name);
        }
    }

    int openSchema() {
        int cur = b.cursor();
        b.emit(Opcode.OpenWrite, cur, Schema.ROOT_PAGE, db, 5, 0);
        return cur;
    }

    void schemaRow(int cur, String type, String name, String tbl, int rootReg, String sql) {
        int base = b.regs(5);
        b.emit(Opcode.String8, 0, base, 0, type, 0);
        b.emit(Opcode.String8, 0, base + 1, 0, name, 0);
        b.emit(Opcode.String8, 0, base + 2, 0, tbl, 0);
        if (rootReg == 0) {
            b.emit(Opcode.Integer, 0, base + 3);
        } else {
            b.emit(Opcode.SCopy, rootReg, base + 3);
        }
        if (sql == null) {
            b.emit(Opcode.Null, 0, base + 4);
        } else {
            b.emit(Opcode.String8, 0, base + 4, 0, sql, 0);
        }
        int rec = b.reg();
        int rowid = b.reg();
        b.emit(Opcode.MakeRecord, base, 5, rec);
        b.emit(Opcode.NewRowid, cur, rowid);
        b.emit(Opcode.Insert, cur, rec, rowid);
    }

    void finish() {
        b.emit(Opcode.SetCookie, db, 1, c.schema.cookie(db) + 1);
        b.emit(Opcode.ParseSchema, db);
    }

    private void createTable(Stmt.CreateTable ct) {
        db = createTarget(ct.temp(), ct.schema());
        if (exists(ct.name(), ct.ifNotExists(), "table")) {
            return;
        }
        reserved(ct.name());
        if (ct.asSelect() != null) {
            createTableAs(ct);
            return;
        }
        String sql = TableBuilder.storedSql("CREATE TABLE", ct.sourceText(), c.stmtEnd, ct.nameOffset());
        Table t = TableBuilder.table(ct, 0, sql);
        t.db = db;
        CollationBinder.requireDefined(t, c.functions);
        GeneratedColumns.validate(c, t);
        int tableRoot = b.reg();
        // A WITHOUT ROWID table is an index b-tree (flag 2) keyed by its PRIMARY KEY, which has no b-tree of its own.
        b.emit(Opcode.CreateBtree, db, tableRoot, t.withoutRowid ? 2 : 1);
        int schema = openSchema();
        schemaRow(schema, "table", t.name, t.name, tableRoot, sql);
        for (Index idx : t.indexes) {
            if (WithoutRowid.isTableKey(idx)) {
                continue;
            }
            int r = b.reg();
            b.emit(Opcode.CreateBtree, db, r, 2);
            schemaRow(schema, "index", idx.name, t.name, r, null);
        }
        if (t.autoincrement && c.schema.schema(db).table("sqlite_sequence") == null) {
            int r = b.reg();
            b.emit(Opcode.CreateBtree, db, r, 1);
            schemaRow(schema, "table", "sqlite_sequence", "sqlite_sequence", r,
                    "CREATE TABLE sqlite_sequence(name,seq)");
        }
        finish();
    }

    /** CREATE TABLE ... AS SELECT: columns named and typed from the result, then filled with its rows. */
    private void createTableAs(Stmt.CreateTable ct) {
        int tableRoot = b.reg();
        b.emit(Opcode.CreateBtree, db, tableRoot, 1);
        int eph = b.cursor();
        b.emit(Opcode.OpenEphemeral, eph, 0);
        int rec = b.reg();
        int rid = b.reg();
        c.touchesDatabase = true;
        ResultInfo info = c.select.run(ct.asSelect(), null, (reg, n, ri) -> {
            b.emit(Opcode.MakeRecord, reg, n, rec);
            b.emit(Opcode.NewRowid, eph, rid);
            b.emit(Opcode.Insert, eph, rec, rid);
        });
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quoteIfNeeded(ct.name())).append('(');
        for (int i = 0; i < info.size(); i++) {
            sql.append(i > 0 ? "," : "").append(quoteIfNeeded(info.names.get(i)));
            String type = typeName(info.affinities.get(i));
            if (!type.isEmpty()) {
                sql.append(' ').append(type);
            }
        }
        sql.append(')');
        int schema = openSchema();
        schemaRow(schema, "table", ct.name(), ct.name(), tableRoot, sql.toString());
        int cur = b.cursor();
        b.emit(Opcode.OpenWrite, cur, tableRoot, db, info.size(), Vm.OPFLAG_P2ISREG);
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, eph, brk);
        int top = b.addr();
        int data = b.reg();
        int newRowid = b.reg();
        b.emit(Opcode.RowData, eph, data);
        b.emit(Opcode.NewRowid, cur, newRowid);
        b.emit(Opcode.Insert, cur, data, newRowid);
        b.emit(Opcode.Next, eph, top);
        b.resolve(brk);
        finish();
    }

    private static String typeName(Affinity a) {
        switch (a) {
            case TEXT:
                return "TEXT";
            case NUMERIC:
                return "NUM";
            case INTEGER:
                return "INT";
            case REAL:
                return "REAL";
            default:
                return "";
        }
    }

    private static String quoteIfNeeded(String name) {
        boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0));
        for (int i = 0; i < name.length() && plain; i++) {
            char ch = name.charAt(i);
            plain = Character.isLetterOrDigit(ch) || ch == '_';
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private void createIndex(Stmt.CreateIndex ci) {
        // As SQLite: a qualified index goes to its database and indexes a table there; an unqualified one goes to
        // temp when the table found by search is a temp table, else to main.
        Table t;
        if (ci.schema() != null) {
            db = checkSchemaName(ci.schema());
            t = c.schema.table(db, ci.table());
        } else {
            t = c.schema.table(ci.table());
            db = t != null && t.db == Schema.TEMP_DB ? Schema.TEMP_DB : 0;
            t = c.schema.table(db, ci.table());
        }
        if (exists(ci.name(), ci.ifNotExists(), "index")) {
            return;
        }
        reserved(ci.name());
        if (t == null) {
            throw PetrelException.error("no such table: " + dbName(db) + "." + ci.table());
        }
        if (t.isView()) {
            throw PetrelException.error("views may not be indexed");
        }
        if (t.rootPage == Schema.ROOT_PAGE) {
            throw PetrelException.error("table " + t.name + " may not be indexed");
        }
        // SQLite stores a CREATE INDEX up to the statement's end: trailing spaces and comments before the ';' (or
        // the end of the text) stay, unlike CREATE TABLE/VIEW/TRIGGER, which end at their last token.
        int indexEnd = textEnd(c.sql, c.stmtEnd);
        String sql = TableBuilder.storedSql(ci.unique() ? "CREATE UNIQUE INDEX" : "CREATE INDEX",
                c.sql.substring(indexEnd - ci.sourceText().length() - (indexEnd - c.stmtEnd), indexEnd), indexEnd,
                ci.nameOffset());
        Index idx = TableBuilder.index(ci, t, 0, sql);
        CollationBinder.requireDefined(idx, c.functions);
        IndexBuild.validate(c, idx);
        int root = b.reg();
        b.emit(Opcode.CreateBtree, db, root, 2);
        int schema = openSchema();
        schemaRow(schema, "index", idx.name, t.name, root, sql);
        IndexBuild.fill(c, idx, root);
        finish();
    }


    private void createView(Stmt.CreateView cv) {
        db = createTarget(cv.temp(), cv.schema());
        if (exists(cv.name(), cv.ifNotExists(), "view")) {
            return;
        }
        reserved(cv.name());
        String sql = TableBuilder.storedSql("CREATE VIEW", cv.sourceText(), c.stmtEnd, cv.nameOffset());
        int schema = openSchema();
        schemaRow(schema, "view", cv.name(), cv.name(), 0, sql);
        finish();
    }

    private void createTrigger(Stmt.CreateTrigger tr) {
        // As SQLite: a TEMP trigger may be on a table of any database; any other trigger lives in its table's
        // database (an unqualified trigger on a temp table becomes a temp trigger).
        if (tr.temp() && tr.schema() != null && !tr.schema().equalsIgnoreCase("temp")) {
            throw PetrelException.error("temporary trigger may not have qualified name");
        }
        Table t;
        if (tr.temp() || (tr.schema() != null && c.schema.dbIndex(tr.schema()) == Schema.TEMP_DB)) {
            db = Schema.TEMP_DB;
            t = c.schema.table(tr.tableSchema(), tr.table());
        } else if (tr.schema() != null) {
            db = checkSchemaName(tr.schema());
            if (tr.tableSchema() != null && c.schema.dbIndex(tr.tableSchema()) != db) {
                throw PetrelException.error("trigger " + tr.name() + " cannot reference objects in database "
                        + tr.tableSchema());
            }
            t = c.schema.table(db, tr.table());
        } else {
            t = c.schema.table(tr.tableSchema(), tr.table());
            db = t != null && t.db == Schema.TEMP_DB ? Schema.TEMP_DB : 0;
            if (tr.tableSchema() != null && t != null && t.db != db) {
                throw PetrelException.error("trigger " + tr.name() + " cannot reference objects in database "
                        + tr.tableSchema());
            }
            t = c.schema.table(db, tr.table());
        }
        if (t == null) {
            throw PetrelException.error("no such table: " + (tr.tableSchema() != null ? tr.tableSchema()
                    : dbName(db)) + "." + tr.table());
        }
        if (c.schema.schema(db).hasTrigger(tr.name())) {
            if (tr.ifNotExists()) {
                return;
            }
            throw PetrelException.error("trigger " + tr.name() + " already exists");
        }
        reserved(tr.name());
        if (t.rootPage == Schema.ROOT_PAGE || t.name.toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")) {
            throw PetrelException.error("cannot create trigger on system table");
        }
        if (t.isView() && tr.time() != Stmt.TriggerTime.INSTEAD_OF) {
            throw PetrelException.error("cannot create " + (tr.time() == Stmt.TriggerTime.AFTER ? "AFTER" : "BEFORE")
                    + " trigger on view: " + t.name);
        }
        if (!t.isView() && tr.time() == Stmt.TriggerTime.INSTEAD_OF) {
            throw PetrelException.error("cannot create INSTEAD OF trigger on table: " + t.name);
        }
        String sql = TableBuilder.storedSql("CREATE TRIGGER", tr.sourceText(), c.stmtEnd, tr.nameOffset());
        int schema = openSchema();
        schemaRow(schema, "trigger", tr.name(), t.name, 0, sql);
        finish();
    }

    private void drop(Stmt.Drop d) {
        String name = d.name();
        String shown = d.schema() != null ? d.schema() + "." + name : name;
        switch (d.kind()) {
            case TABLE:
            case VIEW: {
                Table t = c.schema.table(d.schema(), name);
                boolean view = d.kind() == Stmt.ObjectKind.VIEW;
                if (t == null) {
                    if (d.ifExists()) {
                        return;
                    }
                    throw PetrelException.error("no such " + (view ? "view" : "table") + ": " + shown);
                }
                db = t.db;
                if (view && !t.isView()) {
                    throw PetrelException.error("use DROP TABLE to delete table " + t.name);
                }
                if (!view && t.isView()) {
                    throw PetrelException.error("use DROP VIEW to delete view " + t.name);
                }
                if (t.rootPage == Schema.ROOT_PAGE || (!view && t.name.toLowerCase(java.util.Locale.ROOT)
                        .startsWith("sqlite_"))) {
                    throw PetrelException.error("table " + t.name + " may not be dropped");
                }
                if (!view && c.flag(Compiler.FLAG_FOREIGN_KEYS) && !c.schema.referencing(t).isEmpty()) {
                    // As SQLite: an implicit DELETE FROM (foreign key actions and checks, no triggers) first.
                    c.triggersDisabled = true;
                    new DmlGen(c).delete(new Stmt.Delete(d.pos(), null, new dev.petrel.sql.ast.QualifiedTable(
                            d.pos(), dbName(t.db), t.name, null, null, false), null, List.of(), List.of(), null));
                    c.triggersDisabled = false;
                }
                if (!view) {
                    List<Integer> roots = new ArrayList<>();
                    roots.add(t.rootPage);
                    for (Index i : t.indexes) {
                        if (!WithoutRowid.isTableKey(i)) {
                            roots.add(i.rootPage);
                        }
                    }
                    roots.sort((x, y) -> Integer.compare(y, x));
                    for (int r : roots) {
                        b.emit(Opcode.Destroy, r, 0, db);
                    }
                }
                deleteSchemaRows(Schema.COLUMN_TBL_NAME, t.name, "trigger", false);
                if (t.autoincrement && c.schema.schema(db).table("sqlite_sequence") != null) {
                    deleteSequenceRow(t.name);
                }
                dropTriggersOn(t);
                break;
            }
            case INDEX: {
                Index i = c.schema.index(d.schema(), name);
                if (i == null) {
                    if (d.ifExists()) {
                        return;
                    }
                    throw PetrelException.error("no such index: " + shown);
                }
                db = i.table.db;
                if (i.auto) {
                    throw PetrelException.error("index associated with UNIQUE or PRIMARY KEY constraint cannot be "
                            + "dropped");
                }
                b.emit(Opcode.Destroy, i.rootPage, 0, db);
                deleteSchemaRows(Schema.COLUMN_NAME, i.name, null, false);
                break;
            }
            default: {
                db = triggerDb(d.schema(), name);
                if (db < 0) {
                    if (d.ifExists()) {
                        return;
                    }
                    throw PetrelException.error("no such trigger: " + shown);
                }
                deleteSchemaRows(Schema.COLUMN_NAME, name, "trigger", true);
            }
        }
        finish();
    }

    /**
     * Deletes the schema rows of database {@link #db} whose column {@code col} (name or tbl_name) equals
     * {@code name}; with {@code type} non-null, only the rows of that type ({@code ofType}) or of any other type.
     */
    private void deleteSchemaRows(int col, String name, String type, boolean ofType) {
        int cur = openSchema();
        RowLoops.forEachMatching(b, cur, col, name, dev.petrel.record.Collation.NOCASE, () -> {
            int skip = b.newLabel();
            if (type != null) {
                int want = b.reg();
                int have = b.reg();
                b.emit(Opcode.String8, 0, want, 0, type, 0);
                b.emit(Opcode.Column, cur, 0, have);
                b.emit(ofType ? Opcode.Ne : Opcode.Eq, want, skip, have, null, 0);
            }
            b.emit(Opcode.Delete, cur, 0);
            b.resolve(skip);
        });
    }

    /** The database holding trigger {@code schema.name} (schema null: the first in search order), or -1. */
    private int triggerDb(String schema, String name) {
        if (schema != null) {
            int i = c.schema.dbIndex(schema);
            return i >= 0 && c.schema.schema(i).hasTrigger(name) ? i : -1;
        }
        dev.petrel.schema.Trigger tr = c.schema.trigger(name);
        return tr == null ? -1 : tr.db;
    }

    /**
     * DROP TABLE drops the triggers on the table: those of its database, and the TEMP triggers on it when it lives
     * elsewhere (in the temp schema, whose cookie moves on too), as SQLite does.
     */
    private void dropTriggersOn(Table t) {
        int own = db;
        boolean temp = false;
        for (dev.petrel.schema.Trigger tr : c.schema.triggersOn(t)) {
            db = tr.db;
            temp |= tr.db != own;
            deleteSchemaRows(Schema.COLUMN_NAME, tr.name, "trigger", true);
        }
        if (temp) {
            db = Schema.TEMP_DB;
            finish();
        }
        db = own;
    }

    private void deleteSequenceRow(String name) {
        Table seq = c.schema.schema(db).table("sqlite_sequence");
        int cur = b.cursor();
        b.emit(Opcode.OpenWrite, cur, seq.rootPage, db, 2, 0);
        RowLoops.forEachMatching(b, cur, 0, name, null, () -> b.emit(Opcode.Delete, cur, 0));
    }

    /** Where the statement ending at {@code end} stops: past spaces and comments, at its ';' or the text's end. */
    private static int textEnd(String sql, int end) {
        int i = end;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
                i++;
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
