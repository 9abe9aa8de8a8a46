package dev.petrel.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The schemas of every database of a connection, numbered as SQLite numbers them: 0 {@code main}, 1 {@code temp},
 * then the ATTACHed databases in the order they were attached. The code generator resolves names through it.
 *
 * <p>Name resolution (SQLite's): a qualified name {@code db.x} looks only in database {@code db}; an unqualified
 * name looks in temp, then main, then each attached database in order, and the first database holding it wins.
 * The temp database's own schema table is {@code sqlite_temp_schema} ({@code sqlite_temp_master}); it is also
 * {@code temp.sqlite_schema}. Contract: a catalog is a snapshot taken when a statement is compiled; ATTACH, DETACH
 * or a schema change make the engine build a new one.
 */
public final class Catalog {
    /** One database: its name (main, temp, or the ATTACH name), its file name as PRAGMA database_list shows it. */
    public record Database(String name, String file, Schema schema, boolean open) {}

    private final List<Database> databases;
    /** The only database unqualified names are looked up in, or -1 for SQLite's search order. */
    private final int fixedDb;

    public Catalog(List<Database> databases) {
        this(databases, -1);
    }

    private Catalog(List<Database> databases, int fixedDb) {
        this.databases = databases;
        this.fixedDb = fixedDb;
    }

    /**
     * This catalog as the body of a trigger (or a foreign key action) of database {@code db} sees it: SQLite binds
     * the unqualified names of such a body to the trigger's own database, except for TEMP triggers, which search.
     */
    public Catalog fixedTo(int db) {
        return db == Schema.TEMP_DB ? this : new Catalog(databases, db);
    }

    /** The database unqualified names are bound to ({@link #fixedTo}), or -1. */
    public int fixedDb() {
        return fixedDb;
    }

    /** A catalog of one main database (plus a temp database not created yet). */
    public static Catalog of(Schema main) {
        List<Database> dbs = new ArrayList<>();
        dbs.add(new Database("main", "", main, true));
        dbs.add(new Database("temp", "", Schema.empty(Schema.TEMP_DB), false));
        return new Catalog(dbs);
    }

    /** The number of databases (main, temp and the attached ones). */
    public int size() {
        return databases.size();
    }

    public Database database(int db) {
        return databases.get(db);
    }

    /** The schema of database {@code db}. */
    public Schema schema(int db) {
        return databases.get(db).schema();
    }

    /** The main database's schema. */
    public Schema main() {
        return schema(0);
    }

    /** The schema cookie database {@code db} was read at. */
    public int cookie(int db) {
        return schema(db).cookie;
    }

    /** The number of the database called {@code name} (case-insensitive), or -1 when there is none. */
    public int dbIndex(String name) {
        for (int i = 0; i < databases.size(); i++) {
            if (databases.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The order unqualified names are searched in: temp, main, then the attached databases. */
    private int[] searchOrder() {
        if (fixedDb >= 0) {
            return new int[] {fixedDb};
        }
        int[] order = new int[databases.size()];
        order[0] = Schema.TEMP_DB;
        order[1] = 0;
        for (int i = 2; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    /** The first non-null answer of {@code lookup} over the databases in search order, or null. */
    private <T> T search(IntFunction<T> lookup) {
        for (int db : searchOrder()) {
            T found = lookup.apply(db);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** {@code lookup} in database {@code schemaName} (null: in search order); null for an unknown database. */
    private <T> T find(String schemaName, IntFunction<T> lookup) {
        if (schemaName == null) {
            return search(lookup);
        }
        int db = dbIndex(schemaName);
        return db < 0 ? null : lookup.apply(db);
    }

    /** The table or view named {@code name} in the first database holding one, or null. */
    public Table table(String name) {
        // Unqualified, sqlite_schema is main's: temp's is only reached as temp.sqlite_schema.
        return search(db -> schema(db).table(name));
    }

    /** The table or view {@code schemaName.name} ({@code schemaName} null: search every database), or null. */
    public Table table(String schemaName, String name) {
        return schemaName == null ? table(name) : find(schemaName, db -> table(db, name));
    }

    /** The table or view named {@code name} in database {@code db}, or null. */
    public Table table(int db, String name) {
        Schema s = schema(db);
        if (db == Schema.TEMP_DB) {
            String k = name.toLowerCase(Locale.ROOT);
            if (k.equals("sqlite_schema") || k.equals("sqlite_master")) {
                return s.table("sqlite_temp_master");
            }
        }
        return s.table(name);
    }

    public Index index(String name) {
        return index(null, name);
    }

    /** The index {@code schemaName.name} ({@code schemaName} null: search every database), or null. */
    public Index index(String schemaName, String name) {
        return find(schemaName, db -> schema(db).index(name));
    }

    /** The trigger named {@code name} in the first database holding one, or null. */
    public Trigger trigger(String name) {
        return search(db -> schema(db).trigger(name));
    }

    public boolean hasTrigger(String name) {
        return search(db -> schema(db).hasTrigger(name) ? Boolean.TRUE : null) != null;
    }

    /**
     * The triggers that fire on {@code table}, in firing order: the TEMP triggers whose table is this one (a TEMP
     * trigger names its table's database, or finds it by search; SQLite puts them ahead of the table's own), then
     * those of the table's own database (which can only be on its own tables), newest first.
     */
    public List<Trigger> triggersOn(Table table) {
        List<Trigger> out = new ArrayList<>();
        for (Trigger t : schema(Schema.TEMP_DB).triggersOn(table.name)) {
            Table target = t.tableSchema != null ? table(t.tableSchema, t.table) : table(t.table);
            if (target == table) {
                out.add(t);
            }
        }
        if (table.db != Schema.TEMP_DB) {
            out.addAll(schema(table.db).triggersOn(table.name));
        }
        return out;
    }

    /** The foreign keys whose parent is {@code parent}: a foreign key never crosses databases. */
    public List<ForeignKeyDef> referencing(Table parent) {
        return schema(parent.db).referencing(parent.name);
    }

    /** Every table and view of the main database, in sqlite_schema order (sqlite_schema itself first). */
    public List<Table> tables() {
        return main().tables();
    }

    /** This catalog with database {@code db}'s schema replaced by {@code schema}. */
    public Catalog with(int db, Schema schema) {
        List<Database> dbs = new ArrayList<>(databases);
        Database d = dbs.get(db);
        dbs.set(db, new Database(d.name(), d.file(), schema, d.open()));
        return new Catalog(dbs, fixedDb);
    }
}
