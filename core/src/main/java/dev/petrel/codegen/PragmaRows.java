package dev.petrel.codegen;

import dev.petrel.func.FunctionDef;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.schema.Catalog;
import dev.petrel.schema.Column;
import dev.petrel.schema.ForeignKeyDef;
import dev.petrel.schema.Index;
import dev.petrel.schema.Schema;
import dev.petrel.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the PRAGMAs that describe the schema and the connection's catalogues (sqlite.org/pragma.html):
 * table_info, table_xinfo, index_list, index_info, index_xinfo, foreign_key_list, table_list, database_list,
 * function_list, collation_list, pragma_list and compile_options. Objects are looked up through the connection's
 * {@link Catalog}: in the database the pragma names ({@code PRAGMA aux.table_info(t)}, {@code pragma_table_info('t',
 * 'aux')}), else in SQLite's search order (temp, main, attached).
 *
 * <p>Contract: {@link #of} computes the rows from the schema a statement was compiled against (a schema change
 * makes the statement re-prepare, so the rows cannot go stale) and depends on nothing else, so the same rows serve
 * {@code PRAGMA table_info(t)} (compiled to constant rows by {@link PragmaGen}) and the table-valued function
 * {@code pragma_table_info(expr)}, which computes them each time its loop starts ({@link PragmaTableFunction}).
 * Each row holds the pragma's visible columns, {@link #columns} names them. Unknown objects give no rows.
 */
final class PragmaRows {
    private PragmaRows() {
    }

    /** The names and declared types of a view's columns, computed only when a view is asked about. */
    interface ViewShape {
        /** {@code {name, declType}} per column of {@code view}; declType may be null. */
        List<String[]> columns(Table view);
    }

    /** The catalogue pragmas handled here, in SQLite's pragma_list order. */
    static final List<String> NAMES = List.of("collation_list", "compile_options", "database_list", "foreign_key_list",
            "function_list", "index_info", "index_list", "index_xinfo", "pragma_list", "table_info", "table_list",
            "table_xinfo");

    /** The visible columns of catalogue pragma {@code name}. */
    static List<String> columns(String name) {
        switch (name) {
            case "table_info":
                return List.of("cid", "name", "type", "notnull", "dflt_value", "pk");
            case "table_xinfo":
                return List.of("cid", "name", "type", "notnull", "dflt_value", "pk", "hidden");
            case "index_list":
                return List.of("seq", "name", "unique", "origin", "partial");
            case "index_info":
                return List.of("seqno", "cid", "name");
            case "index_xinfo":
                return List.of("seqno", "cid", "name", "desc", "coll", "key");
            case "foreign_key_list":
                return List.of("id", "seq", "table", "from", "to", "on_update", "on_delete", "match");
            case "table_list":
                return List.of("schema", "name", "type", "ncol", "wr", "strict");
            case "function_list":
                return List.of("name", "builtin", "type", "enc", "narg", "flags");
            case "collation_list":
                return List.of("seq", "name");
            case "database_list":
                return List.of("seq", "name", "file");
            case "pragma_list":
                return List.of("name");
            default:
                return List.of("compile_options");
        }
    }

    /**
     * The hidden columns of the table-valued function {@code pragma_NAME}, as SQLite declares them: {@code arg} for
     * a pragma that takes an argument, {@code schema} for one that reads a particular database.
     */
    static List<String> hiddenColumns(String name) {
        switch (name) {
            case "table_list":
                return List.of("arg");
            case "function_list":
            case "collation_list":
            case "database_list":
            case "pragma_list":
            case "compile_options":
                return List.of();
            default:
                return List.of("arg", "schema");
        }
    }

    /** The rows of catalogue pragma {@code name} with argument {@code arg} (null when none was given). */
    static List<Object[]> of(String name, String arg, Catalog schema, FunctionRegistry functions, ViewShape views) {
        return of(name, arg, null, schema, functions, views);
    }

    /**
     * As {@link #of(String, String, Catalog, FunctionRegistry, ViewShape)} for {@code PRAGMA database.name}
     * ({@code database} null: no database named).
     */
    static List<Object[]> of(String name, String arg, String database, Catalog schema, FunctionRegistry functions,
            ViewShape views) {
        switch (name) {
            case "table_info":
            case "table_xinfo":
                return tableInfo(table(schema, database, arg), views, name.equals("table_xinfo"));
            case "index_list":
                return indexList(table(schema, database, arg));
            case "index_info":
            case "index_xinfo":
                return indexInfo(arg == null ? null : schema.index(database, arg), name.equals("index_xinfo"));
            case "foreign_key_list":
                return foreignKeyList(table(schema, database, arg));
            case "database_list":
                return databaseList(schema);
            case "table_list":
                return tableList(schema, views, arg, database);
            case "function_list":
                return functionList(functions);
            case "collation_list": {
                List<Object[]> rows = new ArrayList<>();
                List<String> names = new ArrayList<>(functions.collationNames());
                names.addAll(List.of("RTRIM", "NOCASE", "BINARY"));
                for (String n : names) {
                    rows.add(new Object[] {(long) rows.size(), n});
                }
                return rows;
            }
            case "pragma_list": {
                List<Object[]> rows = new ArrayList<>();
                for (String p : PragmaGen.PRAGMA_NAMES) {
                    rows.add(new Object[] {p});
                }
                return rows;
            }
            default: {
                List<Object[]> rows = new ArrayList<>();
                for (String option : dev.petrel.func.scalar.CompileOptions.OPTIONS) {
                    rows.add(new Object[] {option});
                }
                return rows;
            }
        }
    }

    /** The table or view {@code arg} in {@code database} (null: in search order), or null. */
    private static Table table(Catalog schema, String database, String arg) {
        return arg == null ? null : schema.table(database, arg);
    }

    /** database_list: seq, name and file of each open database (temp once it has been created). */
    private static List<Object[]> databaseList(Catalog schema) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            Catalog.Database d = schema.database(i);
            if (d.open()) {
                rows.add(new Object[] {(long) i, d.name(), d.file()});
            }
        }
        return rows;
    }

    private static List<Object[]> tableInfo(Table t, ViewShape views, boolean extended) {
        List<Object[]> rows = new ArrayList<>();
        if (t == null) {
            return rows;
        }
        if (t.isView()) {
            long cid = 0;
            for (String[] col : views.columns(t)) {
                String type = typeName(col[1]);
                rows.add(extended ? new Object[] {cid++, col[0], type, 0L, null, 0L, 0L}
                        : new Object[] {cid++, col[0], type, 0L, null, 0L});
            }
            return rows;
        }
        int[] pkPos = new int[t.columns.size()];
        int k = 0;
        for (Index idx : t.indexes) {
            if (idx.primaryKey) {
                for (int col : idx.columns) {
                    pkPos[col] = ++k;
                }
            }
        }
        if (t.rowidAlias >= 0) {
            pkPos[t.rowidAlias] = 1;
        }
        for (int i = 0, cid = 0; i < t.columns.size(); i++) {
            Column col = t.columns.get(i);
            Object pk = (long) (pkPos[i] != 0 ? pkPos[i] : col.primaryKey ? 1 : 0);
            String type = typeName(col.declType);
            if (extended) {
                // hidden: 2 for a VIRTUAL generated column, 3 for a STORED one.
                long hidden = !col.generated ? 0L : col.stored ? 3L : 2L;
                rows.add(new Object[] {(long) i, col.name, type, col.notNull ? 1L : 0L, col.defaultText, pk, hidden});
            } else if (!col.generated) {
                rows.add(new Object[] {(long) cid++, col.name, type, col.notNull ? 1L : 0L, col.defaultText, pk});
            }
        }
        return rows;
    }

    /**
     * A column's declared type as SQLite reports it: empty when there is none, and in upper case when it is one of
     * the type names a STRICT table allows (INT, INTEGER, REAL, TEXT, BLOB, ANY; quoted or not), which SQLite
     * normalizes whatever the table; any other type as written (without the quotes of a single quoted name).
     */
    static String typeName(String declType) {
        if (declType == null) {
            return "";
        }
        String t = declType;
        char open = t.isEmpty() ? ' ' : t.charAt(0);
        char close = open == '[' ? ']' : open;
        if (t.length() >= 2 && (open == '"' || open == '\'' || open == '`' || open == '[')
                && t.charAt(t.length() - 1) == close) {
            // A type written as one quoted name is reported without its quotes.
            t = t.substring(1, t.length() - 1);
            if (open != '[') {
                t = t.replace(String.valueOf(close) + close, String.valueOf(close));
            }
        }
        String upper = t.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "INT":
            case "INTEGER":
            case "REAL":
            case "TEXT":
            case "BLOB":
            case "ANY":
                return upper;
            default:
                return t;
        }
    }

    private static List<Object[]> indexList(Table t) {
        List<Object[]> rows = new ArrayList<>();
        if (t == null) {
            return rows;
        }
        for (int i = t.indexes.size() - 1, seq = 0; i >= 0; i--, seq++) {
            Index idx = t.indexes.get(i);
            String origin = !idx.auto ? "c" : idx.primaryKey ? "pk" : "u";
            rows.add(new Object[] {(long) seq, idx.name, idx.unique ? 1L : 0L, origin, idx.where != null ? 1L : 0L});
        }
        return rows;
    }

    /**
     * index_info / index_xinfo: one row per key column (cid -2 and name NULL for an expression); xinfo adds
     * direction, collation and whether the column is part of the key, then the rest of the entry (cid -1 for the
     * rowid; a WITHOUT ROWID table's key columns the index lacks, or for its own key every other stored column).
     */
    private static List<Object[]> indexInfo(Index idx, boolean extended) {
        List<Object[]> rows = new ArrayList<>();
        if (idx == null) {
            return rows;
        }
        int n = idx.columns.length;
        for (int i = 0; i < n; i++) {
            int col = idx.columns[i];
            long cid = col >= 0 ? col : idx.expr(i) != null ? -2 : -1;
            String colName = col < 0 ? null : idx.table.columns.get(col).name;
            rows.add(extended ? new Object[] {(long) i, cid, colName, idx.desc[i] ? 1L : 0L, idx.collations[i].name(),
                    1L} : new Object[] {(long) i, cid, colName});
        }
        if (!extended) {
            return rows;
        }
        if (!idx.table.withoutRowid) {
            rows.add(new Object[] {(long) n, -1L, null, 0L, "BINARY", 0L});
            return rows;
        }
        List<Integer> rest = new ArrayList<>();
        if (WithoutRowid.isTableKey(idx)) {
            for (int col = 0; col < idx.table.columns.size(); col++) {
                if (!idx.covers(col) && idx.table.recordIndex(col) >= 0) {
                    rest.add(col);
                }
            }
        } else {
            for (int col : idx.suffixColumns()) {
                rest.add(col);
            }
        }
        long seq = n;
        for (int col : rest) {
            Column column = idx.table.columns.get(col);
            rows.add(new Object[] {seq++, (long) col, column.name, 0L, column.collation.name(), 0L});
        }
        return rows;
    }

    /** foreign_key_list: one row per key column, foreign keys by id (the last declared first). */
    private static List<Object[]> foreignKeyList(Table t) {
        List<Object[]> rows = new ArrayList<>();
        if (t == null) {
            return rows;
        }
        List<ForeignKeyDef> fks = new ArrayList<>(t.foreignKeys);
        fks.sort((x, y) -> Integer.compare(x.id, y.id));
        for (ForeignKeyDef fk : fks) {
            for (int i = 0; i < fk.childColumns.size(); i++) {
                rows.add(new Object[] {(long) fk.id, (long) i, fk.parentTable, fk.childColumns.get(i),
                        fk.parentColumns.isEmpty() ? null : fk.parentColumns.get(i),
                        ForeignKeyDef.actionName(fk.onUpdate), ForeignKeyDef.actionName(fk.onDelete), "NONE"});
            }
        }
        return rows;
    }

    /**
     * table_list: schema, name, type, ncol, wr (WITHOUT ROWID), strict, for the named table or view or for every
     * one, database by database (main, temp, then the attached ones; only {@code database} when the pragma names
     * one), each database's schema table after its own tables when no name is given. SQLite lists a database's
     * tables in the order of its hash table; Petrel lists the most recently created first, which is SQLite's order
     * for small schemas.
     */
    private static List<Object[]> tableList(Catalog catalog, ViewShape views, String name, String database) {
        List<Object[]> rows = new ArrayList<>();
        for (int db = 0; db < catalog.size(); db++) {
            Catalog.Database d = catalog.database(db);
            if (database != null && !d.name().equalsIgnoreCase(database)) {
                continue;
            }
            List<Table> tables = new ArrayList<>(catalog.schema(db).tables());
            for (int i = tables.size() - 1; i >= 0; i--) {
                Table t = tables.get(i);
                if (name != null && !t.name.equalsIgnoreCase(name) || t.rootPage == Schema.ROOT_PAGE) {
                    continue;
                }
                long ncol = t.isView() ? views.columns(t).size() : t.columns.size();
                rows.add(new Object[] {d.name(), t.name, t.isView() ? "view" : "table", ncol, t.withoutRowid ? 1L : 0L,
                        t.strict ? 1L : 0L});
            }
            // As SQLite: the schema tables are found by their legacy names (sqlite_master, sqlite_temp_master) only.
            boolean temp = db == Schema.TEMP_DB;
            if (name == null || name.equalsIgnoreCase(temp ? "sqlite_temp_master" : "sqlite_master")) {
                rows.add(new Object[] {d.name(), temp ? "sqlite_temp_schema" : "sqlite_schema", "table", 5L, 0L, 0L});
            }
        }
        return rows;
    }

    /**
     * function_list: name, builtin, type ('s' scalar, 'w' built-in aggregate usable as a window function, 'a'
     * application aggregate), enc, narg (-1 for any count, or -(minimum + 2) when a variadic function needs some, as
     * SQLite reports them) and flags (SQLite's SQLITE_DETERMINISTIC, SQLITE_DIRECTONLY, SQLITE_SUBTYPE and
     * SQLITE_INNOCUOUS bits).
     */
    private static List<Object[]> functionList(FunctionRegistry functions) {
        List<Object[]> rows = new ArrayList<>();
        for (FunctionDef d : functions.overloads()) {
            if (d.name().startsWith("sqlite_internal_")) {
                continue;
            }
            boolean builtin = functions.isBuiltin(d);
            long narg = d.nArg() != FunctionRegistry.ANY_ARGS ? d.nArg() : d.minArgs() == 0 ? -1 : -(d.minArgs() + 2);
            long flags = builtin ? SQLITE_INNOCUOUS : 0;
            if (d.name().equals("load_extension")) {
                flags = SQLITE_DIRECTONLY;
            }
            if (d.acceptsSubtypes()) {
                flags |= SQLITE_SUBTYPE | SQLITE_DETERMINISTIC;
            }
            if (!d.isAggregate() && (d.isDeterministic() || (d.flags() & FunctionDef.SLOW_CHANGE) != 0)) {
                flags |= SQLITE_DETERMINISTIC;
            }
            String type = !d.isAggregate() ? "s" : builtin ? "w" : "a";
            rows.add(new Object[] {d.name().toLowerCase(Locale.ROOT), builtin ? 1L : 0L, type, "utf8", narg, flags});
        }
        return rows;
    }

    private static final long SQLITE_DETERMINISTIC = 0x800;
    private static final long SQLITE_DIRECTONLY = 0x80000;
    private static final long SQLITE_SUBTYPE = 0x100000;
    private static final long SQLITE_INNOCUOUS = 0x200000;
}
