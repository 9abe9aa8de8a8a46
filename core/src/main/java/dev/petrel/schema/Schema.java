package dev.petrel.schema;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.btree.BTree;
import dev.petrel.btree.SchemaEntry;
import dev.petrel.pager.FileHeader;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.parser.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The schema of one database as read from sqlite_schema: tables, views, indexes and triggers by case-insensitive
 * name, plus the schema cookie it was read at and the database's number on the connection ({@link #db}, which
 * every table, view and trigger of the schema carries too; {@link Catalog} searches several schemas).
 *
 * <p>Contract: {@link #load} builds a schema from a database inside a read transaction; statements compiled
 * against it carry {@link #cookie} and fail with SQLITE_SCHEMA if the file's cookie moved on, after which the
 * engine loads a new schema and compiles again. A schema is never modified after loading except by the DDL
 * compiler's own bookkeeping; DDL makes the engine reload it.
 */
public final class Schema {
    /** sqlite_schema's own column list. */
    public static final String SCHEMA_TABLE_SQL =
            "CREATE TABLE sqlite_schema(type text,name text,tbl_name text,rootpage integer,sql text)";

    /** The temp database's schema table (SQLite names it sqlite_temp_master, alias sqlite_temp_schema). */
    public static final String TEMP_SCHEMA_TABLE_SQL =
            "CREATE TABLE sqlite_temp_master(type text,name text,tbl_name text,rootpage integer,sql text)";

    /** Root page of sqlite_schema and the column numbers of its rows (fileformat2.html 2.6). */
    public static final int ROOT_PAGE = BTree.SCHEMA_ROOT;
    public static final int COLUMN_NAME = BTree.SCHEMA_NAME;
    public static final int COLUMN_TBL_NAME = BTree.SCHEMA_TBL_NAME;

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    private final Map<String, SchemaEntry> triggers = new LinkedHashMap<>();
    /** Parsed triggers, in sqlite_schema order. */
    private final List<Trigger> triggerList = new ArrayList<>();
    public final int cookie;
    /** The database this schema describes, as the connection numbers them (0 main, 1 temp, 2.. attached). */
    public final int db;
    /** The sqlite_schema rows this schema was built from, in rowid order. */
    private List<SchemaEntry> entries = List.of();

    private Schema(int cookie, int db) {
        this.cookie = cookie;
        this.db = db;
    }

    /** The temp database's number (SQLite's schema index 1); its schema table is sqlite_temp_schema. */
    public static final int TEMP_DB = 1;

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Reads the schema of {@code bt}'s database (an empty database has an empty schema). */
    public static Schema load(BTree bt) {
        return load(bt, 0);
    }

    /** Reads the schema of {@code bt}'s database as database number {@code db} of a connection. */
    public static Schema load(BTree bt, int db) {
        boolean empty = bt.pager().pageCount() == 0;
        Schema s = build(empty ? 0 : bt.pager().getHeaderInt(FileHeader.SCHEMA_COOKIE_OFFSET),
                empty ? List.of() : bt.readSchema(), db);
        if (!empty) {
            IndexStats.load(bt, s);
        }
        return s;
    }

    /** One sqlite_schema row as a schema change would rewrite it; null fields stay as they are. */
    public record RowEdit(String type, String name, String newName, String newTblName, String newSql) {}

    /**
     * This schema as it would be after {@code edits} (rows matched by type and name, case-insensitive), for
     * checking a schema change before it is made; throws SQLITE_CORRUPT's "malformed database schema" if an edited
     * text does not parse.
     */
    public Schema edited(List<RowEdit> edits) {
        List<SchemaEntry> out = new ArrayList<>();
        for (SchemaEntry e : entries) {
            SchemaEntry now = e;
            for (RowEdit ed : edits) {
                if (ed.type().equals(e.type()) && ed.name().equalsIgnoreCase(e.name())) {
                    now = new SchemaEntry(e.rowid(), e.type(), ed.newName() != null ? ed.newName() : e.name(),
                            ed.newTblName() != null ? ed.newTblName() : e.tblName(), e.rootpage(),
                            ed.newSql() != null ? ed.newSql() : e.sql());
                }
            }
            out.add(now);
        }
        return build(cookie, out, db);
    }

    /** An empty schema for database {@code db} (a temp database not created yet). */
    public static Schema empty(int db) {
        return build(0, List.of(), db);
    }

    private static Schema build(int cookie, List<SchemaEntry> entries, int db) {
        Schema s = new Schema(cookie, db);
        s.entries = entries;
        String masterSql = db == TEMP_DB ? TEMP_SCHEMA_TABLE_SQL : SCHEMA_TABLE_SQL;
        Table master = TableBuilder.table((Stmt.CreateTable) Parser.parseOne(masterSql), BTree.SCHEMA_ROOT,
                masterSql);
        master.db = db;
        if (db == TEMP_DB) {
            s.tables.put("sqlite_temp_schema", master);
            s.tables.put("sqlite_temp_master", master);
        } else {
            s.tables.put("sqlite_schema", master);
            s.tables.put("sqlite_master", master);
        }
        List<SchemaEntry> later = new ArrayList<>();
        for (SchemaEntry e : entries) {
            if ("table".equals(e.type()) && e.sql() != null) {
                Stmt st = parse(e);
                if (st instanceof Stmt.CreateTable ct) {
                    Table t = TableBuilder.table(ct, (int) e.rootpage(), e.sql());
                    t.db = db;
                    t.foreignKeys.addAll(ForeignKeyDef.of(ct));
                    for (ForeignKeyDef fk : t.foreignKeys) {
                        fk.db = db;
                    }
                    s.tables.put(key(e.name()), t);
                    for (Index i : t.indexes) {
                        s.indexes.put(key(i.name), i);
                    }
                }
            } else {
                later.add(e);
            }
        }
        for (SchemaEntry e : later) {
            if ("index".equals(e.type())) {
                if (e.sql() == null) {
                    Index i = s.indexes.get(key(e.name()));
                    if (i != null) {
                        i.rootPage = (int) e.rootpage();
                    }
                    continue;
                }
                Stmt st = parse(e);
                Table t = s.tables.get(key(e.tblName()));
                if (st instanceof Stmt.CreateIndex ci && t != null) {
                    Index i = TableBuilder.index(ci, t, (int) e.rootpage(), e.sql());
                    t.indexes.add(i);
                    s.indexes.put(key(i.name), i);
                }
            } else if ("view".equals(e.type())) {
                Stmt st = parse(e);
                if (st instanceof Stmt.CreateView cv) {
                    Table v = new Table(cv.name(), 0, new ArrayList<>(), -1, false, false, null, new ArrayList<>(),
                            cv.select(), cv.columns().isEmpty() ? null : cv.columns(), e.sql());
                    v.db = db;
                    s.tables.put(key(e.name()), v);
                }
            } else if ("trigger".equals(e.type())) {
                s.triggers.put(key(e.name()), e);
                if (e.sql() != null && parse(e) instanceof Stmt.CreateTrigger ct) {
                    Trigger tr = new Trigger(ct, e.sql());
                    tr.db = db;
                    s.triggerList.add(tr);
                }
            }
        }
        return s;
    }

    private static Stmt parse(SchemaEntry e) {
        try {
            return Parser.parseOne(e.sql());
        } catch (PetrelException ex) {
            throw new PetrelException(ResultCode.CORRUPT, "malformed database schema (" + e.name() + ")");
        }
    }

    /** The table or view named {@code name}, or null. */
    public Table table(String name) {
        return tables.get(key(name));
    }

    public Index index(String name) {
        return indexes.get(key(name));
    }

    public boolean hasTrigger(String name) {
        return triggers.containsKey(key(name));
    }

    /** A trigger's sqlite_schema row as ALTER TABLE edits it: name, tbl_name and CREATE text. */
    public record TriggerText(String name, String tblName, String sql) {}

    /** The triggers' sqlite_schema rows, in sqlite_schema order. */
    public List<TriggerText> triggerTexts() {
        List<TriggerText> out = new ArrayList<>();
        for (SchemaEntry e : triggers.values()) {
            out.add(new TriggerText(e.name(), e.tblName(), e.sql()));
        }
        return out;
    }

    /** The triggers on table or view {@code name}, newest first (the order SQLite fires them in). */
    public List<Trigger> triggersOn(String name) {
        List<Trigger> out = new ArrayList<>();
        for (int i = triggerList.size() - 1; i >= 0; i--) {
            if (triggerList.get(i).isOn(name)) {
                out.add(triggerList.get(i));
            }
        }
        return out;
    }

    /** The trigger named {@code name}, or null. */
    public Trigger trigger(String name) {
        for (Trigger t : triggerList) {
            if (t.name.equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    /** The foreign keys of every table whose parent is {@code parentName}, by child table then declaration. */
    public List<ForeignKeyDef> referencing(String parentName) {
        List<ForeignKeyDef> out = new ArrayList<>();
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            if (e.getKey().equals("sqlite_master") || e.getKey().equals("sqlite_temp_master")) {
                continue;
            }
            for (ForeignKeyDef fk : e.getValue().foreignKeys) {
                if (fk.parentTable.equalsIgnoreCase(parentName)) {
                    out.add(fk);
                }
            }
        }
        return out;
    }

    /** Every table and view, in sqlite_schema order (sqlite_schema itself first). */
    public List<Table> tables() {
        return new ArrayList<>(tables.values());
    }
}
