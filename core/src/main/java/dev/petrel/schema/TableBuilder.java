package dev.petrel.schema;

import dev.petrel.api.PetrelException;
import dev.petrel.record.Collation;
import dev.petrel.sql.ast.ColumnConstraint;
import dev.petrel.sql.ast.ColumnDef;
import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.IndexedColumn;
import dev.petrel.sql.ast.SortOrder;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.TableConstraint;
import dev.petrel.sql.parser.CreateTableCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parsed CREATE TABLE or CREATE INDEX into schema objects, with SQLite's rules: the rowid alias, the
 * automatic indexes of PRIMARY KEY and UNIQUE constraints (named {@code sqlite_autoindex_<table>_<N>}, N counting
 * from 1 in the order the constraints appear), collations and the text sqlite_schema stores.
 */
public final class TableBuilder {
    private TableBuilder() {
    }

    /**
     * The collation named {@code name}: a built-in, or a {@link Collation.Unresolved} name that the code generator
     * binds to the connection's application-defined collation (connections define their own; the schema is shared).
     */
    public static Collation collation(String name) {
        Collation builtin = Collation.builtin(name);
        return builtin != null ? builtin : new Collation.Unresolved(name);
    }

    /**
     * The text SQLite stores in sqlite_schema.sql: {@code prefix} ("CREATE TABLE", "CREATE INDEX", ...) followed
     * by the statement as written from the object name on.
     */
    public static String storedSql(String prefix, String sourceText, int sourceEnd, int nameOffset) {
        int start = sourceEnd - sourceText.length();
        int from = nameOffset - start;
        if (from < 0 || from > sourceText.length()) {
            return sourceText;
        }
        return prefix + " " + sourceText.substring(from);
    }

    /** A table from its CREATE TABLE; automatic indexes are added with root page 0 (the caller assigns them). */
    public static Table table(Stmt.CreateTable ct, int rootPage, String sql) {
        List<Column> cols = new ArrayList<>();
        List<Table.Check> checks = new ArrayList<>();
        List<int[]> pkCols = new ArrayList<>();
        List<Object[]> autoSpecs = new ArrayList<>(); // {int[] cols, boolean[] desc, Collation[] colls?, ConflictAction, Boolean isPk}
        boolean autoincrement = false;
        ConflictAction pkConflict = ConflictAction.NONE;
        int rowidAlias = -1;
        SortOrder pkOrder = SortOrder.NONE;
        for (int i = 0; i < ct.columns().size(); i++) {
            ColumnDef cd = ct.columns().get(i);
            String type = cd.type() == null ? null : cd.type().sourceText();
            Collation coll = Collation.BINARY;
            boolean notNull = false;
            ConflictAction notNullConflict = ConflictAction.NONE;
            boolean pk = false;
            boolean generated = false;
            ColumnConstraint.Generated gen = null;
            Expr dflt = null;
            String dfltText = null;
            for (ColumnConstraint cc : cd.constraints()) {
                if (cc instanceof ColumnConstraint.PrimaryKey p) {
                    if (!pkCols.isEmpty()) {
                        throw PetrelException.error("table \"" + ct.name() + "\" has more than one primary key");
                    }
                    pk = true;
                    pkCols.add(new int[] {i});
                    pkOrder = p.order();
                    pkConflict = p.onConflict();
                    autoincrement |= p.autoincrement();
                    autoSpecs.add(new Object[] {new int[] {i}, new boolean[] {p.order() == SortOrder.DESC},
                            p.onConflict(), Boolean.TRUE});
                } else if (cc instanceof ColumnConstraint.NotNull nn) {
                    notNull = true;
                    if (nn.onConflict() != null) {
                        notNullConflict = nn.onConflict();
                    }
                } else if (cc instanceof ColumnConstraint.Unique u) {
                    autoSpecs.add(new Object[] {new int[] {i}, new boolean[] {false}, u.onConflict(), Boolean.FALSE});
                } else if (cc instanceof ColumnConstraint.Check c) {
                    checks.add(new Table.Check(c.name(), c.expr()));
                } else if (cc instanceof ColumnConstraint.Default d) {
                    dflt = d.value();
                    dfltText = d.sourceText();
                } else if (cc instanceof ColumnConstraint.Collate c) {
                    coll = collation(c.collation());
                } else if (cc instanceof ColumnConstraint.Generated g) {
                    generated = true;
                    gen = g;
                }
            }
            Column column = new Column(cd.name(), type, coll, notNull, dflt, pk, generated);
            column.defaultText = dfltText;
            column.notNullConflict = notNullConflict;
            if (gen != null) {
                column.generatedExpr = gen.expr();
                column.stored = gen.stored();
            }
            if (ct.strict()) {
                column.strictType = CreateTableCheck.standardType(cd);
                if ("ANY".equals(column.strictType)) {
                    column.affinity = dev.petrel.value.Affinity.BLOB;
                }
            }
            cols.add(column);
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.PrimaryKey p) {
                if (!pkCols.isEmpty()) {
                    throw PetrelException.error("table \"" + ct.name() + "\" has more than one primary key");
                }
                int[] ix = columnsOf(p.columns(), cols, ct.name());
                boolean[] desc = descOf(p.columns());
                pkCols.add(ix);
                pkOrder = p.columns().size() == 1 ? p.columns().get(0).order() : SortOrder.NONE;
                pkConflict = p.onConflict();
                autoincrement |= p.autoincrement();
                autoSpecs.add(new Object[] {ix, desc, p.onConflict(), Boolean.TRUE, collationsOf(p.columns())});
            } else if (tc instanceof TableConstraint.Unique u) {
                autoSpecs.add(new Object[] {columnsOf(u.columns(), cols, ct.name()), descOf(u.columns()),
                        u.onConflict(), Boolean.FALSE, collationsOf(u.columns())});
            } else if (tc instanceof TableConstraint.Check c) {
                checks.add(new Table.Check(c.name(), c.expr()));
            }
        }
        if (!pkCols.isEmpty() && pkCols.get(0).length == 1 && !ct.withoutRowid()) {
            int c = pkCols.get(0)[0];
            String t = cols.get(c).declType;
            if (t != null && t.equalsIgnoreCase("INTEGER") && pkOrder != SortOrder.DESC) {
                rowidAlias = c;
            }
        }
        if (autoincrement && rowidAlias < 0) {
            throw PetrelException.error("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
        }
        // A PRIMARY KEY column is implicitly NOT NULL only for WITHOUT ROWID tables; keep SQLite's quirk.
        Table t = new Table(ct.name(), rootPage, cols, rowidAlias, autoincrement, ct.withoutRowid(), pkConflict,
                checks, null, null, sql);
        t.strict = ct.strict();
        int n = 0;
        for (Object[] spec : autoSpecs) {
            int[] ix = (int[]) spec[0];
            if (Boolean.TRUE.equals(spec[3]) && rowidAlias >= 0) {
                continue;
            }
            if (sameColumnsAsExisting(t, ix)) {
                continue;
            }
            n++;
            // A table constraint's "x COLLATE y" overrides the column's collation in its index.
            Collation[] explicit = spec.length > 4 ? (Collation[]) spec[4] : new Collation[ix.length];
            Collation[] colls = new Collation[ix.length];
            for (int k = 0; k < ix.length; k++) {
                colls[k] = explicit[k] != null ? explicit[k] : cols.get(ix[k]).collation;
            }
            Index auto = new Index("sqlite_autoindex_" + ct.name() + "_" + n, t, 0, ix, colls,
                    (boolean[]) spec[1], true, (ConflictAction) spec[2], null, true, null);
            auto.primaryKey = Boolean.TRUE.equals(spec[3]);
            t.indexes.add(auto);
            if (auto.primaryKey && t.withoutRowid) {
                // The PRIMARY KEY of a WITHOUT ROWID table is the table's own b-tree; its columns are NOT NULL.
                auto.rootPage = rootPage;
                for (int c : ix) {
                    cols.get(c).notNull = true;
                }
            }
        }
        return t;
    }

    private static boolean sameColumnsAsExisting(Table t, int[] ix) {
        for (Index i : t.indexes) {
            if (java.util.Arrays.equals(i.columns, ix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] descOf(List<IndexedColumn> ics) {
        boolean[] d = new boolean[ics.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ics.get(i).order() == SortOrder.DESC;
        }
        return d;
    }

    /** The COLLATE of each indexed column of a PRIMARY KEY or UNIQUE constraint, null where none is written. */
    private static Collation[] collationsOf(List<IndexedColumn> ics) {
        Collation[] out = new Collation[ics.size()];
        for (int i = 0; i < out.length; i++) {
            if (ics.get(i).expr() instanceof Expr.Collate c) {
                out[i] = collation(c.collation());
            }
        }
        return out;
    }

    private static int[] columnsOf(List<IndexedColumn> ics, List<Column> cols, String table) {
        int[] out = new int[ics.size()];
        for (int i = 0; i < out.length; i++) {
            Expr e = ics.get(i).expr();
            if (e instanceof Expr.Collate c) {
                e = c.operand();
            }
            String name = e instanceof Expr.ColumnRef r ? r.column()
                    : e instanceof Expr.Literal l && l.value() instanceof String s ? s : null;
            int idx = -1;
            for (int k = 0; name != null && k < cols.size(); k++) {
                if (cols.get(k).name.equalsIgnoreCase(name)) {
                    idx = k;
                }
            }
            if (idx < 0) {
                throw PetrelException.error("no such column: " + (name == null ? "?" : name));
            }
            out[i] = idx;
        }
        return out;
    }

    /** An index from its CREATE INDEX on {@code table}. */
    public static Index index(Stmt.CreateIndex ci, Table table, int rootPage, String sql) {
        int n = ci.columns().size();
        int[] cols = new int[n];
        Collation[] colls = new Collation[n];
        boolean[] desc = new boolean[n];
        Expr[] exprs = new Expr[n];
        boolean anyExpr = false;
        for (int i = 0; i < n; i++) {
            IndexedColumn ic = ci.columns().get(i);
            Expr e = ic.expr();
            Collation coll = null;
            if (e instanceof Expr.Collate c) {
                coll = collation(c.collation());
                e = c.operand();
            }
            int col = -1;
            if (e instanceof Expr.ColumnRef r) {
                col = table.columnIndex(r.column());
                if (col < 0) {
                    throw PetrelException.error("no such column: " + r.column());
                }
            } else if (e instanceof Expr.Literal l && l.value() instanceof String s && table.columnIndex(s) >= 0) {
                col = table.columnIndex(s);
            }
            cols[i] = col;
            if (col < 0) {
                exprs[i] = e;
                anyExpr = true;
            }
            colls[i] = coll != null ? coll : col >= 0 ? table.columns.get(col).collation : Collation.BINARY;
            desc[i] = ic.order() == SortOrder.DESC;
        }
        Index idx = new Index(ci.name(), table, rootPage, cols, colls, desc, ci.unique(), ConflictAction.NONE,
                ci.where(), false, sql);
        idx.exprs = anyExpr ? exprs : null;
        return idx;
    }
}
