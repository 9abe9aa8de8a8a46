package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.record.Collation;
import dev.petrel.schema.Column;
import dev.petrel.schema.Index;
import dev.petrel.schema.Schema;
import dev.petrel.schema.Table;
import dev.petrel.sql.ast.ColumnConstraint;
import dev.petrel.sql.ast.ColumnDef;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.lexer.Keyword;
import dev.petrel.sql.lexer.Lexer;
import dev.petrel.sql.lexer.Token;
import dev.petrel.sql.lexer.TokenType;
import dev.petrel.sql.parser.Parser;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Code for ALTER TABLE: RENAME TO, RENAME COLUMN, ADD COLUMN and DROP COLUMN, with SQLite's restrictions and
 * error texts. The new CREATE texts are computed while compiling (the statement is recompiled if the schema
 * moves) by editing the stored texts token by token ({@link SchemaTextEditor}), so sqlite_schema ends up as SQLite
 * writes it; the program then rewrites the affected sqlite_schema rows (and, for DROP COLUMN, every row of the
 * table), bumps the schema cookie and reloads the schema.
 *
 * <p>What is renamed: RENAME TO rewrites every place a schema object names the table (its own CREATE TABLE,
 * indexes, triggers, views, REFERENCES clauses of other tables, qualifiers {@code t.col}) as {@code "new"}, renames
 * the automatic indexes and the sqlite_sequence row. RENAME COLUMN rewrites the column's definition and its uses
 * in the table's constraints, its indexes, REFERENCES t(col) lists, and views and triggers that read the table.
 * References are found from tokens, not by name resolution: a view reading two tables that both have the column
 * keeps its unqualified uses unchanged.
 */
final class AlterGen {
    private final Compiler c;
    private final ProgramBuilder b;
    private final DdlGen ddl;

    AlterGen(Compiler c) {
        this.c = c;
        this.b = c.b;
        this.ddl = new DdlGen(c);
    }

    void alter(Stmt.AlterTable at) {
        Table t = c.schema.table(at.schema(), at.table());
        if (t == null) {
            throw PetrelException.error("no such table: " + (at.schema() == null ? "" : at.schema() + ".")
                    + at.table());
        }
        ddl.db = t.db;
        String tableName = t.rootPage == Schema.ROOT_PAGE ? "sqlite_master" : t.name;
        if (tableName.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            throw PetrelException.error("table " + tableName + " may not be altered");
        }
        Stmt.AlterAction action = at.action();
        try {
            if (action instanceof Stmt.AddColumn add) {
                addColumn(t, add);
            } else if (action instanceof Stmt.RenameTable rt) {
                renameTable(t, rt.newName());
            } else if (action instanceof Stmt.RenameColumn rc) {
                renameColumn(t, rc.oldName(), rc.newName(), lastTokenQuoted(at));
            } else {
                dropColumn(t, ((Stmt.DropColumn) action).name());
            }
        } catch (SchemaRecheckFailure e) {
            // SQLite finds these when the statement runs (it re-parses the edited schema then), so they are
            // runtime errors, not prepare errors: the statement halts before it changes anything.
            b.emit(Opcode.Halt, ResultCode.ERROR.code, 2, 0, e.getMessage(), 0);
        }
    }

    /**
     * The edited schema no longer compiles ("error in view v after drop column: ..."): SQLite reports this from the
     * running statement, so the generator turns it into a halting instruction.
     */
    private static final class SchemaRecheckFailure extends RuntimeException {
        SchemaRecheckFailure(String message) {
            super(message);
        }
    }

    /** Whether the last token of the ALTER statement (the new name) was written quoted. */
    private boolean lastTokenQuoted(Stmt.AlterTable at) {
        int end = Math.min(c.stmtEnd, c.sql.length());
        List<Token> toks = Lexer.tokenize(c.sql.substring(Math.min(at.pos(), end), end));
        Token last = null;
        for (Token tk : toks) {
            if (tk.type() != TokenType.EOF && tk.type() != TokenType.SEMI) {
                last = tk;
            }
        }
        return last != null && (last.type() == TokenType.QUOTED_IDENTIFIER || last.type() == TokenType.STRING
                || last.type() == TokenType.BRACKET_IDENTIFIER || last.type() == TokenType.BACKTICK_IDENTIFIER);
    }

    // ---- ADD COLUMN ----------------------------------------------------------------------------------------------

    /**
     * ADD COLUMN: SQLite splices ", column-def" after the last column definition of the stored CREATE TABLE text;
     * existing rows read the new column's DEFAULT. NOT NULL without a default and STORED columns are refused only
     * when the table has rows.
     */
    private void addColumn(Table t, Stmt.AddColumn add) {
        if (t.isView()) {
            throw PetrelException.error("Cannot add a column to a view");
        }
        ColumnDef def = add.column();
        if (t.columnIndex(def.name()) >= 0) {
            throw PetrelException.error("duplicate column name: " + def.name());
        }
        boolean notNull = false;
        boolean hasDefault = false;
        boolean stored = false;
        for (ColumnConstraint cc : def.constraints()) {
            if (cc instanceof ColumnConstraint.PrimaryKey) {
                throw PetrelException.error("Cannot add a PRIMARY KEY column");
            }
            if (cc instanceof ColumnConstraint.Unique) {
                throw PetrelException.error("Cannot add a UNIQUE column");
            }
            if (cc instanceof ColumnConstraint.NotNull) {
                notNull = true;
            }
            if (cc instanceof ColumnConstraint.Collate co) {
                CollationBinder.requireDefined(co.collation(), c.functions);
            }
            if (cc instanceof ColumnConstraint.Generated g && g.stored()) {
                stored = true;
            }
            if (cc instanceof ColumnConstraint.Default d) {
                Expr v = d.value();
                boolean isNull = v instanceof Expr.Literal lit && lit.kind() == Expr.LiteralKind.NULL;
                hasDefault = !isNull;
                if (!isNull && !(v instanceof Expr.ColumnRef) && c.constantValue(v) == null) {
                    throw PetrelException.error("Cannot add a column with non-constant default");
                }
            }
        }
        if (notNull && !hasDefault) {
            errorIfNotEmpty(t, "Cannot add a NOT NULL column with default value NULL");
        }
        if (stored) {
            errorIfNotEmpty(t, "cannot add a STORED column");
        }
        // The definition goes after the last column definition, before any table constraint.
        SchemaTextEditor ed = new SchemaTextEditor(t.sql);
        int at = -1;
        for (int[] span : ed.columnDefSpans()) {
            if (span[2] == 1) {
                at = ed.tok(span[1] + 1).offset();
            }
        }
        if (at < 0) {
            throw PetrelException.error("malformed CREATE TABLE text of " + t.name);
        }
        String sql = t.sql.substring(0, at) + ", " + add.sourceText() + t.sql.substring(at);
        rewriteSchemaRows(List.of(new Schema.RowEdit("table", t.name, null, null, sql)));
        ddl.finish();
    }

    /** Fails the statement with {@code message} if table {@code t} has a row. */
    private void errorIfNotEmpty(Table t, String message) {
        int cur = b.cursor();
        b.emit(Opcode.OpenRead, cur, t.rootPage, t.db, 1, 0);
        int empty = b.newLabel();
        b.emit(Opcode.Rewind, cur, empty);
        b.emit(Opcode.Halt, ResultCode.ERROR.code, 2, 0, message, 0);
        b.resolve(empty);
    }

    // ---- RENAME TO -----------------------------------------------------------------------------------------------

    private void renameTable(Table t, String newName) {
        if (c.schema.table(ddl.db, newName) != null || c.schema.schema(ddl.db).index(newName) != null) {
            throw PetrelException.error("there is already another table or index with this name: " + newName);
        }
        if (newName.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            throw PetrelException.error("object name reserved for internal use: " + newName);
        }
        if (t.isView()) {
            throw PetrelException.error("view " + t.name + " may not be altered");
        }
        String old = t.name;
        String replacement = SchemaTextEditor.quoted(newName);
        List<Schema.RowEdit> changes = new ArrayList<>();
        for (Table other : userTables()) {
            String sql = renameTableIn(other.sql, old, replacement);
            boolean self = other == t;
            if (sql != null || self) {
                changes.add(new Schema.RowEdit(other.isView() ? "view" : "table", other.name, self ? newName : null,
                        self ? newName : null, sql));
            }
        }
        for (Index idx : allIndexes()) {
            boolean own = idx.table == t;
            String sql = idx.sql == null ? null : renameTableIn(idx.sql, old, replacement);
            String newIdxName = own && idx.auto && idx.name.length() > 17 + old.length()
                    ? "sqlite_autoindex_" + newName + idx.name.substring(17 + old.length()) : null;
            if (own || sql != null) {
                changes.add(new Schema.RowEdit("index", idx.name, newIdxName, own ? newName : null, sql));
            }
        }
        for (Schema.TriggerText tr : c.schema.schema(ddl.db).triggerTexts()) {
            boolean own = tr.tblName().equalsIgnoreCase(old);
            String sql = renameTableIn(tr.sql(), old, replacement);
            if (own || sql != null) {
                changes.add(new Schema.RowEdit("trigger", tr.name(), null, own ? newName : null, sql));
            }
        }
        checkViews(changes, newName, "rename");
        rewriteSchemaRows(changes);
        Table seq = c.schema.schema(t.db).table("sqlite_sequence");
        if (t.autoincrement && seq != null) {
            renameSequenceRow(seq, old, newName);
        }
        ddl.finish();
        if (t.db != Schema.TEMP_DB) {
            renameInTempTriggers(t, old, replacement, newName);
        }
    }

    /**
     * The TEMP triggers on a renamed table of another database follow it. As SQLite (an UPDATE of
     * sqlite_temp_schema), this reads the temp schema, which creates the temp database if need be.
     */
    private void renameInTempTriggers(Table t, String old, String replacement, String newName) {
        List<Schema.RowEdit> changes = new ArrayList<>();
        for (dev.petrel.schema.Trigger tr : c.schema.triggersOn(t)) {
            if (tr.db == Schema.TEMP_DB) {
                changes.add(new Schema.RowEdit("trigger", tr.name, null, newName,
                        renameTableIn(tr.sql, old, replacement)));
            }
        }
        int own = ddl.db;
        ddl.db = Schema.TEMP_DB;
        if (changes.isEmpty()) {
            ddl.openSchema();
        } else {
            rewriteSchemaRows(changes);
            ddl.finish();
        }
        ddl.db = own;
    }

    /** {@code sql} with every table reference to {@code old} replaced, or null if it has none. */
    private static String renameTableIn(String sql, String old, String replacement) {
        if (sql == null) {
            return null;
        }
        SchemaTextEditor ed = new SchemaTextEditor(sql);
        Set<Integer> done = new HashSet<>();
        for (int i : ed.tableRefs()) {
            if (ed.nameIs(i, old) && done.add(i)) {
                ed.replace(i, replacement);
            }
        }
        for (int i = 0; i < ed.tokens.size(); i++) {
            if (ed.isQualifier(i) && ed.nameIs(i, old) && !done.contains(i)
                    && !(ed.is(i - 1, TokenType.DOT) && !ed.is(i + 1, TokenType.DOT)) && done.add(i)) {
                ed.replace(i, replacement);
            }
        }
        return ed.changed() ? ed.text() : null;
    }

    private void renameSequenceRow(Table seq, String old, String newName) {
        int cur = b.cursor();
        b.emit(Opcode.OpenWrite, cur, seq.rootPage, seq.db, 2, 0);
        int row = b.regs(2);
        RowLoops.forEachMatching(b, cur, 0, old, null, () -> {
            b.emit(Opcode.String8, 0, row, 0, newName, 0);
            b.emit(Opcode.Column, cur, 1, row + 1);
            RowLoops.rewriteRow(b, cur, row, 2);
        });
    }

    // ---- RENAME COLUMN -------------------------------------------------------------------------------------------

    private void renameColumn(Table t, String oldName, String newName, boolean newQuoted) {
        if (t.isView()) {
            throw PetrelException.error("cannot rename columns of view \"" + t.name + "\"");
        }
        int col = t.columnIndex(oldName);
        if (col < 0) {
            throw PetrelException.error("no such column: \"" + oldName + "\"");
        }
        int clash = t.columnIndex(newName);
        if (clash >= 0 && clash != col) {
            throw new SchemaRecheckFailure("error in table " + t.name + " after rename: duplicate column name: "
                    + newName);
        }
        String old = t.columns.get(col).name;
        List<Schema.RowEdit> changes = new ArrayList<>();
        for (Table other : userTables()) {
            SchemaTextEditor ed = new SchemaTextEditor(other.sql);
            List<Integer> refs;
            if (other == t) {
                refs = ownTableRefs(ed, t, old, true);
            } else if (other.isView()) {
                refs = readerRefs(ed, t, old, false);
            } else {
                refs = referencesListRefs(ed, t, old);
            }
            if (!refs.isEmpty()) {
                renameTokens(ed, refs, newName, newQuoted);
                changes.add(new Schema.RowEdit(other.isView() ? "view" : "table", other.name, null, null, ed.text()));
            }
        }
        for (Index idx : t.indexes) {
            if (idx.sql == null) {
                continue;
            }
            SchemaTextEditor ed = new SchemaTextEditor(idx.sql);
            List<Integer> refs = indexRefs(ed, t, old);
            if (!refs.isEmpty()) {
                renameTokens(ed, refs, newName, newQuoted);
                changes.add(new Schema.RowEdit("index", idx.name, null, null, ed.text()));
            }
        }
        for (Schema.TriggerText tr : c.schema.schema(ddl.db).triggerTexts()) {
            SchemaTextEditor ed = new SchemaTextEditor(tr.sql());
            List<Integer> refs = readerRefs(ed, t, old, tr.tblName().equalsIgnoreCase(t.name));
            if (!refs.isEmpty()) {
                renameTokens(ed, refs, newName, newQuoted);
                changes.add(new Schema.RowEdit("trigger", tr.name(), null, null, ed.text()));
            }
        }
        checkViews(changes, t.name, "rename");
        rewriteSchemaRows(changes);
        ddl.finish();
    }

    /** SQLite's quoting: the new name quoted if it was quoted in ALTER or the replaced token was quoted. */
    private static void renameTokens(SchemaTextEditor ed, List<Integer> refs, String newName, boolean newQuoted) {
        for (int i : refs) {
            ed.replace(i, newQuoted || ed.isQuoted(i) ? SchemaTextEditor.quoted(newName) : newName);
        }
    }

    /**
     * Uses of column {@code col} in table {@code t}'s own CREATE TABLE: its definition name (when
     * {@code withDefinition}), and expression, constraint and self-REFERENCES uses.
     */
    private static List<Integer> ownTableRefs(SchemaTextEditor ed, Table t, String col, boolean withDefinition) {
        List<Integer> out = new ArrayList<>();
        Set<Integer> excluded = new HashSet<>();
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (int[] span : ed.columnDefSpans()) {
            from = Math.min(from, span[0]);
            to = Math.max(to, span[1] + 1);
            if (span[2] == 1) {
                if (withDefinition && ed.nameIs(span[0], col)) {
                    out.add(span[0]);
                }
                for (int i = span[0]; i < ed.afterTypeName(span[0]); i++) {
                    excluded.add(i);
                }
            }
        }
        excludeForeignReferences(ed, t.name, excluded);
        out.addAll(ed.columnRefs(col, Set.of(t.name.toLowerCase(Locale.ROOT)), true, from, to, excluded));
        out.sort(null);
        return out;
    }

    /** Excludes REFERENCES targets and the column lists of REFERENCES to tables other than {@code table}. */
    private static void excludeForeignReferences(SchemaTextEditor ed, String table, Set<Integer> excluded) {
        for (int i = 0; i < ed.tokens.size(); i++) {
            if (ed.is(i, Keyword.REFERENCES)) {
                excluded.add(i + 1);
                if (!ed.nameIs(i + 1, table) && ed.is(i + 2, TokenType.LPAREN)) {
                    for (int k = i + 2; k <= ed.matchingParen(i + 2); k++) {
                        excluded.add(k);
                    }
                }
            }
        }
    }

    /** Names in the column lists of {@code REFERENCES t(...)} of another table. */
    private static List<Integer> referencesListRefs(SchemaTextEditor ed, Table t, String col) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ed.tokens.size(); i++) {
            if (ed.is(i, Keyword.REFERENCES) && ed.nameIs(i + 1, t.name) && ed.is(i + 2, TokenType.LPAREN)) {
                int close = ed.matchingParen(i + 2);
                for (int k = i + 3; k < close; k++) {
                    if (ed.nameIs(k, col)) {
                        out.add(k);
                    }
                }
            }
        }
        return out;
    }

    /** Uses of the column in a CREATE INDEX on the table: key columns and the WHERE clause. */
    private static List<Integer> indexRefs(SchemaTextEditor ed, Table t, String col) {
        List<Integer> refs = ed.tableRefs();
        int on = refs.isEmpty() ? ed.tokens.size() : refs.get(0);
        return ed.columnRefs(col, Set.of(t.name.toLowerCase(Locale.ROOT)), true, on + 1, ed.tokens.size(),
                Set.of());
    }

    /**
     * Uses of the column in a view or trigger that reads table {@code t}: qualified by the table, one of its
     * aliases, or (for a trigger on the table) new/old; unqualified where no other table the text names has a
     * column of that name.
     */
    private List<Integer> readerRefs(SchemaTextEditor ed, Table t, String col, boolean triggerOnTable) {
        Set<String> qualifiers = new HashSet<>();
        Set<Integer> excluded = new HashSet<>();
        boolean readsTable = triggerOnTable;
        if (triggerOnTable) {
            qualifiers.add("new");
            qualifiers.add("old");
        }
        List<Integer> tableRefs = ed.tableRefs();
        for (int j : tableRefs) {
            excluded.add(j);
            String name = ed.name(j);
            if (name.equalsIgnoreCase(t.name)) {
                readsTable = true;
                qualifiers.add(name.toLowerCase(Locale.ROOT));
                int alias = ed.is(j + 1, Keyword.AS) ? j + 2 : ed.isIdentifier(j + 1) ? j + 1 : -1;
                if (alias > 0) {
                    qualifiers.add(ed.name(alias).toLowerCase(Locale.ROOT));
                    excluded.add(alias);
                }
            }
        }
        if (!readsTable) {
            return List.of();
        }
        int nameIdx = ed.objectName();
        excluded.add(nameIdx);
        if (ed.kind == SchemaTextEditor.Kind.VIEW && ed.is(nameIdx + 1, TokenType.LPAREN)) {
            for (int k = nameIdx + 1; k <= ed.matchingParen(nameIdx + 1); k++) {
                excluded.add(k);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i : ed.columnRefs(col, qualifiers, true, 0, ed.tokens.size(), excluded)) {
            if (ed.is(i - 1, TokenType.DOT) || resolvesToTable(ed, i, tableRefs, t, col)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Whether unqualified column token i reads table {@code t}: its statement names {@code t} at its depth or
     * outside it, and no other table named there has a column {@code col}.
     */
    private boolean resolvesToTable(SchemaTextEditor ed, int i, List<Integer> tableRefs, Table t, String col) {
        boolean sees = false;
        for (int j : tableRefs) {
            if (ed.statementOf(j) != ed.statementOf(i) || ed.depthOf(j) > ed.depthOf(i)) {
                continue;
            }
            String name = ed.name(j);
            if (name.equalsIgnoreCase(t.name)) {
                sees = true;
            } else {
                Table other = c.schema.table(name);
                if (other != null && other.columnIndex(col) >= 0) {
                    return false;
                }
            }
        }
        return sees;
    }

    // ---- DROP COLUMN ---------------------------------------------------------------------------------------------

    private void dropColumn(Table t, String name) {
        if (t.isView()) {
            throw PetrelException.error("cannot drop column from view \"" + t.name + "\"");
        }
        int col = t.columnIndex(name);
        if (col < 0) {
            throw PetrelException.error("no such column: \"" + name + "\"");
        }
        Column column = t.columns.get(col);
        boolean inPk = column.primaryKey || col == t.rowidAlias;
        for (Index idx : t.indexes) {
            inPk |= idx.primaryKey && idx.covers(col);
        }
        if (inPk) {
            throw PetrelException.error("cannot drop PRIMARY KEY column: \"" + name + "\"");
        }
        if (hasColumnUnique(t, col)) {
            throw PetrelException.error("cannot drop UNIQUE column: \"" + name + "\"");
        }
        if (t.columns.size() == 1) {
            throw PetrelException.error("cannot drop column \"" + name + "\": no other columns exist");
        }
        String old = column.name;
        SchemaTextEditor ed = new SchemaTextEditor(t.sql);
        List<int[]> spans = ed.columnDefSpans();
        int defIdx = -1;
        for (int k = 0, n = 0; k < spans.size(); k++) {
            if (spans.get(k)[2] == 1 && n++ == col) {
                defIdx = k;
            }
        }
        if (defIdx < 0) {
            throw PetrelException.error("malformed CREATE TABLE text of " + t.name);
        }
        int[] span = spans.get(defIdx);
        if (defIdx + 1 < spans.size()) {
            ed.delete(ed.tok(span[0]).offset(), ed.tok(spans.get(defIdx + 1)[0]).offset());
        } else {
            ed.delete(ed.tok(span[0] - 1).offset(), ed.tok(span[1]).end());
        }
        String newSql = ed.text();
        checkDroppedColumnUnused(t, old, newSql);
        rewriteSchemaRows(List.of(new Schema.RowEdit("table", t.name, null, null, newSql)));
        rewriteRowsWithout(t, col);
        ddl.finish();
    }

    private static boolean hasColumnUnique(Table t, int col) {
        Stmt st = Parser.parseOne(t.sql);
        if (st instanceof Stmt.CreateTable ct && col < ct.columns().size()) {
            for (ColumnConstraint cc : ct.columns().get(col).constraints()) {
                if (cc instanceof ColumnConstraint.Unique) {
                    return true;
                }
            }
        }
        return false;
    }

    /** SQLite re-checks the schema after the drop: any remaining use of the column is an error. */
    private void checkDroppedColumnUnused(Table t, String col, String newSql) {
        SchemaTextEditor own = new SchemaTextEditor(newSql);
        List<Integer> refs = ownTableRefs(own, t, col, false);
        if (!refs.isEmpty()) {
            int i = refs.get(0);
            throw new SchemaRecheckFailure("error in table " + t.name + " after drop column: "
                    + (inForeignKeyList(own, i) ? "unknown column \"" + col + "\" in foreign key definition"
                    : "no such column: " + refText(own, i)));
        }
        for (Index idx : t.indexes) {
            if (idx.sql != null) {
                SchemaTextEditor ed = new SchemaTextEditor(idx.sql);
                List<Integer> r = indexRefs(ed, t, col);
                if (!r.isEmpty()) {
                    throw new SchemaRecheckFailure("error in index " + idx.name
                            + " after drop column: no such column: "
                            + refText(ed, r.get(0)));
                }
            }
        }
        checkViews(List.of(new Schema.RowEdit("table", t.name, null, null, newSql)), t.name, "drop column");
        for (Schema.TriggerText tr : c.schema.schema(ddl.db).triggerTexts()) {
            SchemaTextEditor ed = new SchemaTextEditor(tr.sql());
            List<Integer> r = readerRefs(ed, t, col, tr.tblName().equalsIgnoreCase(t.name));
            if (!r.isEmpty()) {
                throw new SchemaRecheckFailure("error in trigger " + tr.name()
                        + " after drop column: no such column: "
                        + refText(ed, r.get(0)));
            }
        }
    }

    /**
     * SQLite reads the schema again after the change: a view that reads table {@code table} (its name after the
     * change) and no longer compiles fails the ALTER with "error in view NAME after WHAT: ...".
     */
    private void checkViews(List<Schema.RowEdit> changes, String table, String what) {
        Schema next = c.schema.schema(ddl.db).edited(changes);
        dev.petrel.schema.Catalog after = c.schema.with(ddl.db, next);
        for (Table v : next.tables()) {
            if (!v.isView() || !namesTable(v.sql, table)) {
                continue;
            }
            try {
                Compiler.compile(v.viewSelect, after, c.functions, v.sql, v.sql.length(), List.of(), 0);
            } catch (PetrelException e) {
                throw new SchemaRecheckFailure("error in view " + v.name + " after " + what + ": " + e.getMessage());
            }
        }
    }

    private static boolean namesTable(String sql, String table) {
        SchemaTextEditor ed = new SchemaTextEditor(sql);
        for (int j : ed.tableRefs()) {
            if (ed.nameIs(j, table)) {
                return true;
            }
        }
        return false;
    }

    private static String refText(SchemaTextEditor ed, int i) {
        return ed.is(i - 1, TokenType.DOT) ? ed.name(i - 2) + "." + ed.name(i) : ed.name(i);
    }

    private static boolean inForeignKeyList(SchemaTextEditor ed, int i) {
        int k = i;
        while (k > 0 && !ed.is(k, TokenType.LPAREN) && !ed.is(k, TokenType.RPAREN)) {
            k--;
        }
        return ed.is(k, TokenType.LPAREN) && ed.is(k - 1, Keyword.KEY) && ed.is(k - 2, Keyword.FOREIGN);
    }

    /** Rewrites every row of {@code t} without column {@code col} (missing trailing fields read their DEFAULT). */
    private void rewriteRowsWithout(Table t, int col) {
        int n = t.columns.size();
        int cur = b.cursor();
        b.emit(Opcode.OpenWrite, cur, t.rootPage, t.db, n, 0);
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, cur, brk);
        int top = b.addr();
        int base = b.regs(n - 1);
        for (int i = 0, k = 0; i < n; i++) {
            if (i == col) {
                continue;
            }
            Column column = t.columns.get(i);
            Object dflt = column.defaultValue == null ? null : c.constantValue(column.defaultValue);
            b.emit(Opcode.Column, cur, i, base + k, dflt, 0);
            k++;
        }
        RowLoops.rewriteRow(b, cur, base, n - 1);
        b.emit(Opcode.Next, cur, top);
        b.resolve(brk);
    }

    // ---- shared --------------------------------------------------------------------------------------------------

    /** The schema's tables and views other than sqlite_schema and sqlite_* tables, in sqlite_schema order. */
    private List<Table> userTables() {
        List<Table> out = new ArrayList<>();
        for (Table t : c.schema.schema(ddl.db).tables()) {
            if (t.rootPage != Schema.ROOT_PAGE && !out.contains(t)
                    && !t.name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                out.add(t);
            }
        }
        return out;
    }

    private List<Index> allIndexes() {
        List<Index> out = new ArrayList<>();
        for (Table t : userTables()) {
            out.addAll(t.indexes);
        }
        return out;
    }

    /** One pass over sqlite_schema rewriting the rows {@code changes} name (matched by type and name). */
    private void rewriteSchemaRows(List<Schema.RowEdit> changes) {
        if (changes.isEmpty()) {
            return;
        }
        int cur = ddl.openSchema();
        int brk = b.newLabel();
        b.emit(Opcode.Rewind, cur, brk);
        int top = b.addr();
        int row = b.regs(5);
        for (int i = 0; i < 5; i++) {
            b.emit(Opcode.Column, cur, i, row + i);
        }
        int write = b.newLabel();
        int next = b.newLabel();
        int want = b.reg();
        for (Schema.RowEdit ch : changes) {
            int skip = b.newLabel();
            b.emit(Opcode.String8, 0, want, 0, ch.type(), 0);
            b.emit(Opcode.Ne, want, skip, row, null, 0);
            b.emit(Opcode.String8, 0, want, 0, ch.name(), 0);
            b.emit(Opcode.Ne, want, skip, row + Schema.COLUMN_NAME, Collation.NOCASE, 0);
            if (ch.newName() != null) {
                b.emit(Opcode.String8, 0, row + Schema.COLUMN_NAME, 0, ch.newName(), 0);
            }
            if (ch.newTblName() != null) {
                b.emit(Opcode.String8, 0, row + Schema.COLUMN_TBL_NAME, 0, ch.newTblName(), 0);
            }
            if (ch.newSql() != null) {
                b.emit(Opcode.String8, 0, row + 4, 0, ch.newSql(), 0);
            }
            b.emit(Opcode.Goto, 0, write);
            b.resolve(skip);
        }
        b.emit(Opcode.Goto, 0, next);
        b.resolve(write);
        RowLoops.rewriteRow(b, cur, row, 5);
        b.resolve(next);
        b.emit(Opcode.Next, cur, top);
        b.resolve(brk);
    }
}
