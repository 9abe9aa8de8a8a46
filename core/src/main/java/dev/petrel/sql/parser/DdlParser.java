package dev.petrel.sql.parser;

import dev.petrel.sql.ast.ColumnConstraint;
import dev.petrel.sql.ast.ColumnDef;
import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.ForeignKey;
import dev.petrel.sql.ast.IndexedColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SortOrder;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.TableConstraint;
import dev.petrel.sql.ast.TypeName;
import dev.petrel.sql.lexer.Keyword;
import dev.petrel.sql.lexer.Token;
import dev.petrel.sql.lexer.TokenType;

import java.util.ArrayList;
import java.util.List;

/** CREATE TABLE / INDEX / VIEW / TRIGGER / VIRTUAL TABLE, DROP and ALTER TABLE. */
abstract class DdlParser extends DmlParser {

    DdlParser(String sql) {
        super(sql);
    }

    /** Parses a statement whose first token has not been consumed and returns it; used for trigger bodies too. */
    abstract Stmt statement();

    /** After CREATE: dispatches on the object kind. {@code startIdx} is the token index of CREATE. */
    final Stmt create(int startIdx) {
        int pos = tokens.get(startIdx).offset();
        boolean temp = accept(Keyword.TEMP) || accept(Keyword.TEMPORARY);
        if (!temp) {
            if (accept(Keyword.UNIQUE)) {
                expect(Keyword.INDEX);
                return createIndex(startIdx, pos, true);
            }
            if (accept(Keyword.INDEX)) {
                return createIndex(startIdx, pos, false);
            }
            if (accept(Keyword.VIRTUAL)) {
                expect(Keyword.TABLE);
                return createVirtualTable(startIdx, pos);
            }
        }
        Token t = advance();
        if (t.keyword() == Keyword.TABLE) {
            return createTable(startIdx, pos, temp);
        }
        if (t.keyword() == Keyword.VIEW) {
            return createView(startIdx, pos, temp);
        }
        if (t.keyword() == Keyword.TRIGGER) {
            return createTrigger(startIdx, pos, temp);
        }
        throw syntaxErrorAt(t);
    }

    private boolean ifNotExists() {
        if (accept(Keyword.IF)) {
            expect(Keyword.NOT);
            expect(Keyword.EXISTS);
            return true;
        }
        return false;
    }

    private boolean ifExists() {
        if (accept(Keyword.IF)) {
            expect(Keyword.EXISTS);
            return true;
        }
        return false;
    }

    /** {@code nm [. nm]}: returns {schema or null, name}; {@link #lastNameOffset} is the name token's offset. */
    final String[] qualifiedName() {
        Token first = peek();
        String a = nm();
        lastNameOffset = first.offset();
        if (accept(TokenType.DOT)) {
            lastNameOffset = peek().offset();
            return new String[] {a, nm()};
        }
        return new String[] {null, a};
    }

    int lastNameOffset;

    private Stmt createTable(int startIdx, int pos, boolean temp) {
        boolean ine = ifNotExists();
        String[] qn = qualifiedName();
        int nameOffset = lastNameOffset;
        if (accept(Keyword.AS)) {
            Select s = parseSelect();
            return new Stmt.CreateTable(pos, temp, ine, qn[0], qn[1], List.of(), List.of(), false, false, s,
                    sliceFrom(startIdx), nameOffset);
        }
        expect(TokenType.LPAREN);
        List<ColumnDef> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        boolean constraintsFollow = false;
        while (true) {
            columns.add(columnDef());
            if (!accept(TokenType.COMMA)) {
                break;
            }
            if (atTableConstraintStart()) {
                constraintsFollow = true;
                break;
            }
        }
        while (constraintsFollow) {
            TableConstraint tc = tableConstraint();
            if (tc != null) {
                constraints.add(tc);
            }
            // SQLite allows table constraints without separating commas, but not a trailing comma.
            if (!accept(TokenType.COMMA) && at(TokenType.RPAREN)) {
                break;
            }
        }
        expect(TokenType.RPAREN);
        // Table options: [option] (, option)*; SQLite allows a leading comma, and checks the option names only
        // once the list is complete (a syntax error after them is reported first).
        boolean withoutRowid = false;
        boolean strict = false;
        boolean first = true;
        while (true) {
            if (at(TokenType.COMMA)) {
                advance();
            } else if (!first || !(at(Keyword.WITHOUT) || isNm(peek()))) {
                break;
            }
            first = false;
            boolean without = accept(Keyword.WITHOUT);
            Token opt = peek();
            String name = nm();
            // SQLite checks an option once the token after it shows the option is complete.
            if (!at(TokenType.COMMA) && !at(TokenType.SEMI) && !at(TokenType.EOF)) {
                throw syntaxError();
            }
            if (without && name.equalsIgnoreCase("rowid")) {
                withoutRowid = true;
            } else if (!without && name.equalsIgnoreCase("strict")) {
                strict = true;
            } else {
                throw errorAt(opt, "unknown table option: " + opt.text());
            }
        }
        Stmt.CreateTable ct = new Stmt.CreateTable(pos, temp, ine, qn[0], qn[1], freeze(columns),
                freeze(constraints), withoutRowid, strict, null, sliceFrom(startIdx), nameOffset);
        CreateTableCheck.check(ct);
        return ct;
    }

    private boolean atTableConstraintStart() {
        Keyword k = peek().keyword();
        return k == Keyword.CONSTRAINT || k == Keyword.PRIMARY || k == Keyword.UNIQUE || k == Keyword.CHECK
                || k == Keyword.FOREIGN;
    }

    /** {@code nm [type] constraint*}; also used by ALTER TABLE ADD COLUMN. */
    final ColumnDef columnDef() {
        int pos = peek().offset();
        String name = nm();
        TypeName type = typeName();
        List<ColumnConstraint> cons = new ArrayList<>();
        while (true) {
            if (at(Keyword.DEFERRABLE) || (at(Keyword.NOT) && atAhead(1, Keyword.DEFERRABLE))) {
                standaloneDeferrable(cons);
                continue;
            }
            ColumnConstraint c = columnConstraint(name);
            if (c == null) {
                break;
            }
            cons.add(c);
        }
        return new ColumnDef(pos, name, type, freeze(cons));
    }

    /**
     * A {@code [NOT] DEFERRABLE ...} clause standing alone among column constraints: SQLite applies it to the
     * latest foreign key; here, to this column's last REFERENCES (it is ignored if there is none).
     */
    private void standaloneDeferrable(List<ColumnConstraint> cons) {
        Boolean[] d = deferrableClause();
        for (int i = cons.size() - 1; i >= 0; i--) {
            if (cons.get(i) instanceof ColumnConstraint.References r) {
                ForeignKey fk = r.foreignKey();
                cons.set(i, new ColumnConstraint.References(r.pos(), r.name(), new ForeignKey(fk.pos(), fk.table(),
                        fk.columns(), fk.onDelete(), fk.onUpdate(), fk.match(), d[0], d[1])));
                return;
            }
        }
    }

    /** {@code [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]} as {deferrable, initiallyDeferred}. */
    private Boolean[] deferrableClause() {
        Boolean deferrable = !accept(Keyword.NOT);
        expect(Keyword.DEFERRABLE);
        Boolean initiallyDeferred = null;
        if (accept(Keyword.INITIALLY)) {
            if (accept(Keyword.DEFERRED)) {
                initiallyDeferred = Boolean.TRUE;
            } else {
                expect(Keyword.IMMEDIATE);
                initiallyDeferred = Boolean.FALSE;
            }
        }
        return new Boolean[] {deferrable, initiallyDeferred};
    }

    /** {@code ON CONFLICT action} after a constraint; there ON can start nothing else. */
    private ConflictAction onConflict() {
        if (accept(Keyword.ON)) {
            expect(Keyword.CONFLICT);
            return conflictAction();
        }
        return ConflictAction.NONE;
    }

    /** One column constraint, or null if the current token starts none. */
    private ColumnConstraint columnConstraint(String columnName) {
        Token start = peek();
        int pos = start.offset();
        String cname = null;
        if (accept(Keyword.CONSTRAINT)) {
            cname = nm();
        }
        Token t = peek();
        Keyword k = t.keyword();
        if (k == null) {
            // SQLite accepts a dangling CONSTRAINT name and ignores it.
            return cname != null ? columnConstraint(columnName) : null;
        }
        switch (k) {
            case PRIMARY: {
                advance();
                expect(Keyword.KEY);
                SortOrder order = sortOrder();
                ConflictAction oc = onConflict();
                boolean autoinc = accept(Keyword.AUTOINCREMENT);
                return new ColumnConstraint.PrimaryKey(pos, cname, order, oc, autoinc);
            }
            case NOT:
                if (atAhead(1, Keyword.NULL)) {
                    advance();
                    advance();
                    return new ColumnConstraint.NotNull(pos, cname, onConflict());
                }
                throw syntaxErrorAt(peek(1));
            case NULL:
                advance();
                return new ColumnConstraint.Null(pos, cname, onConflict());
            case UNIQUE:
                advance();
                return new ColumnConstraint.Unique(pos, cname, onConflict());
            case CHECK: {
                advance();
                expect(TokenType.LPAREN);
                Expr e = expr();
                expect(TokenType.RPAREN);
                return new ColumnConstraint.Check(pos, cname, e);
            }
            case DEFAULT:
                advance();
                return defaultValue(pos, cname);
            case COLLATE:
                advance();
                return new ColumnConstraint.Collate(pos, cname, ids());
            case REFERENCES:
                return new ColumnConstraint.References(pos, cname, foreignKeyClause(false));
            case GENERATED:
                advance();
                expect(Keyword.ALWAYS);
                return generated(pos, cname, columnName);
            case AS:
                return generated(pos, cname, columnName);
            default:
                return cname != null ? columnConstraint(columnName) : null;
        }
    }

    private ColumnConstraint generated(int pos, String cname, String columnName) {
        expect(Keyword.AS);
        expect(TokenType.LPAREN);
        Expr e = expr();
        expect(TokenType.RPAREN);
        boolean stored = false;
        boolean given = false;
        if (isId(peek())) {
            Token t = advance();
            String w = nameOf(t);
            if (w.equalsIgnoreCase("stored")) {
                stored = true;
            } else if (!w.equalsIgnoreCase("virtual")) {
                // Reported when SQLite reduces the clause: only if what follows may follow a column constraint.
                if (!canFollowColumnConstraint(peek())) {
                    throw syntaxError();
                }
                throw errorAt(t, "error in generated column \"" + columnName + "\"");
            }
            given = true;
        }
        return new ColumnConstraint.Generated(pos, cname, e, stored, given);
    }

    private static boolean canFollowColumnConstraint(Token t) {
        if (t.type() == TokenType.COMMA || t.type() == TokenType.RPAREN) {
            return true;
        }
        Keyword k = t.keyword();
        return k == Keyword.CONSTRAINT || k == Keyword.PRIMARY || k == Keyword.NOT || k == Keyword.NULL
                || k == Keyword.UNIQUE || k == Keyword.CHECK || k == Keyword.DEFAULT || k == Keyword.COLLATE
                || k == Keyword.REFERENCES || k == Keyword.GENERATED || k == Keyword.AS || k == Keyword.DEFERRABLE;
    }

    private ColumnConstraint defaultValue(int pos, String cname) {
        Token t = peek();
        if (accept(TokenType.LPAREN)) {
            int innerIdx = p;
            Expr e = expr();
            String text = sliceFrom(innerIdx);
            expect(TokenType.RPAREN);
            return new ColumnConstraint.Default(pos, cname, e, text);
        }
        int startIdx = p;
        if (t.type() == TokenType.PLUS || t.type() == TokenType.MINUS) {
            advance();
            Expr lit = defaultLiteral();
            Expr v = new Expr.Unary(t.offset(), t.type() == TokenType.MINUS ? Expr.UnaryOp.NEG : Expr.UnaryOp.POS,
                    lit);
            if (t.type() == TokenType.MINUS && lit instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.REAL
                    && l.text().equals("9223372036854775808")) {
                v = new Expr.Literal(t.offset(), Expr.LiteralKind.INTEGER, Long.MIN_VALUE, "-" + l.text());
            }
            return new ColumnConstraint.Default(pos, cname, v, sliceFrom(startIdx));
        }
        if (isId(t) && t.keyword() != Keyword.CURRENT_DATE && t.keyword() != Keyword.CURRENT_TIME
                && t.keyword() != Keyword.CURRENT_TIMESTAMP) {
            advance();
            String w = nameOf(t);
            Expr v;
            if (t.type() == TokenType.IDENTIFIER && w.equalsIgnoreCase("true")) {
                v = new Expr.Literal(t.offset(), Expr.LiteralKind.TRUE, 1L, "TRUE");
            } else if (t.type() == TokenType.IDENTIFIER && w.equalsIgnoreCase("false")) {
                v = new Expr.Literal(t.offset(), Expr.LiteralKind.FALSE, 0L, "FALSE");
            } else {
                v = new Expr.Literal(t.offset(), Expr.LiteralKind.STRING, w, SqlPrinter.quoteString(w));
            }
            return new ColumnConstraint.Default(pos, cname, v, sliceFrom(startIdx));
        }
        Expr v = defaultLiteral();
        return new ColumnConstraint.Default(pos, cname, v, sliceFrom(startIdx));
    }

    /** A literal term: number, string, blob, NULL or CURRENT_*. */
    private Expr defaultLiteral() {
        Token t = peek();
        switch (t.type()) {
            case INTEGER:
            case FLOAT:
            case STRING:
            case BLOB:
                return expr(PREC_COLLATE + 1);
            case KEYWORD:
                if (t.keyword() == Keyword.NULL || t.keyword() == Keyword.CURRENT_DATE
                        || t.keyword() == Keyword.CURRENT_TIME || t.keyword() == Keyword.CURRENT_TIMESTAMP) {
                    return expr(PREC_COLLATE + 1);
                }
                throw syntaxError();
            default:
                throw syntaxError();
        }
    }

    /** {@code REFERENCES table [(cols)] [ON DELETE|UPDATE action | MATCH name]* [[NOT] DEFERRABLE [INITIALLY ..]]}. */
    private ForeignKey foreignKeyClause(boolean tableLevel) {
        int pos = expect(Keyword.REFERENCES).offset();
        String table = nm();
        List<String> cols = List.of();
        if (accept(TokenType.LPAREN)) {
            cols = freeze(nameListUntilRparen());
        }
        ForeignKey.Action onDelete = ForeignKey.Action.NONE;
        ForeignKey.Action onUpdate = ForeignKey.Action.NONE;
        String match = null;
        while (true) {
            if (at(Keyword.MATCH)) {
                advance();
                match = nm();
            } else if (accept(Keyword.ON)) {
                Token w = advance();
                Keyword which = w.keyword();
                if (which != Keyword.DELETE && which != Keyword.UPDATE && which != Keyword.INSERT) {
                    throw syntaxErrorAt(w);
                }
                ForeignKey.Action a = fkAction();
                if (which == Keyword.DELETE) {
                    onDelete = a;
                } else if (which == Keyword.UPDATE) {
                    onUpdate = a;
                }
            } else {
                break;
            }
        }
        Boolean deferrable = null;
        Boolean initiallyDeferred = null;
        // In a table constraint NOT can only begin NOT DEFERRABLE; in a column it may be NOT NULL.
        if (at(Keyword.DEFERRABLE) || (at(Keyword.NOT) && (tableLevel || atAhead(1, Keyword.DEFERRABLE)))) {
            Boolean[] d = deferrableClause();
            deferrable = d[0];
            initiallyDeferred = d[1];
        }
        return new ForeignKey(pos, table, cols, onDelete, onUpdate, match, deferrable, initiallyDeferred);
    }

    private ForeignKey.Action fkAction() {
        Token t = advance();
        if (t.keyword() == Keyword.SET) {
            if (accept(Keyword.NULL)) {
                return ForeignKey.Action.SET_NULL;
            }
            expect(Keyword.DEFAULT);
            return ForeignKey.Action.SET_DEFAULT;
        }
        if (t.keyword() == Keyword.CASCADE) {
            return ForeignKey.Action.CASCADE;
        }
        if (t.keyword() == Keyword.RESTRICT) {
            return ForeignKey.Action.RESTRICT;
        }
        if (t.keyword() == Keyword.NO) {
            expect(Keyword.ACTION);
            return ForeignKey.Action.NO_ACTION;
        }
        throw syntaxErrorAt(t);
    }

    /** One table constraint, or null for a dangling {@code CONSTRAINT name} (accepted and ignored by SQLite). */
    private TableConstraint tableConstraint() {
        int pos = peek().offset();
        String cname = null;
        if (accept(Keyword.CONSTRAINT)) {
            cname = nm();
            if (at(TokenType.COMMA) || at(TokenType.RPAREN)) {
                return null;
            }
            if (at(Keyword.CONSTRAINT)) {
                return tableConstraint();
            }
        }
        Token t = advance();
        Keyword k = t.keyword();
        if (k == Keyword.PRIMARY) {
            expect(Keyword.KEY);
            expect(TokenType.LPAREN);
            List<IndexedColumn> cols = indexedColumns();
            boolean autoinc = accept(Keyword.AUTOINCREMENT);
            expect(TokenType.RPAREN);
            return new TableConstraint.PrimaryKey(pos, cname, cols, autoinc, onConflict());
        }
        if (k == Keyword.UNIQUE) {
            expect(TokenType.LPAREN);
            List<IndexedColumn> cols = indexedColumns();
            expect(TokenType.RPAREN);
            return new TableConstraint.Unique(pos, cname, cols, onConflict());
        }
        if (k == Keyword.CHECK) {
            expect(TokenType.LPAREN);
            Expr e = expr();
            expect(TokenType.RPAREN);
            return new TableConstraint.Check(pos, cname, e, onConflict());
        }
        if (k == Keyword.FOREIGN) {
            expect(Keyword.KEY);
            expect(TokenType.LPAREN);
            List<String> cols = freeze(nameListUntilRparen());
            return new TableConstraint.ForeignKeyConstraint(pos, cname, cols, foreignKeyClause(true));
        }
        throw syntaxErrorAt(t);
    }

    private Stmt createIndex(int startIdx, int pos, boolean unique) {
        boolean ine = ifNotExists();
        String[] qn = qualifiedName();
        int nameOffset = lastNameOffset;
        expect(Keyword.ON);
        String table = nm();
        expect(TokenType.LPAREN);
        List<IndexedColumn> cols = indexedColumns();
        expect(TokenType.RPAREN);
        Expr where = accept(Keyword.WHERE) ? expr() : null;
        return new Stmt.CreateIndex(pos, unique, ine, qn[0], qn[1], table, cols, where, sliceFrom(startIdx),
                nameOffset);
    }

    private Stmt createView(int startIdx, int pos, boolean temp) {
        boolean ine = ifNotExists();
        String[] qn = qualifiedName();
        int nameOffset = lastNameOffset;
        List<String> cols = List.of();
        if (accept(TokenType.LPAREN)) {
            cols = freeze(nameListUntilRparen());
        }
        expect(Keyword.AS);
        Select s = parseSelect();
        return new Stmt.CreateView(pos, temp, ine, qn[0], qn[1], cols, s, sliceFrom(startIdx), nameOffset);
    }

    private Stmt createTrigger(int startIdx, int pos, boolean temp) {
        boolean ine = ifNotExists();
        String[] qn = qualifiedName();
        int nameOffset = lastNameOffset;
        Stmt.TriggerTime time = Stmt.TriggerTime.NONE;
        if (accept(Keyword.BEFORE)) {
            time = Stmt.TriggerTime.BEFORE;
        } else if (accept(Keyword.AFTER)) {
            time = Stmt.TriggerTime.AFTER;
        } else if (accept(Keyword.INSTEAD)) {
            expect(Keyword.OF);
            time = Stmt.TriggerTime.INSTEAD_OF;
        }
        Token ev = advance();
        Stmt.TriggerEvent event;
        List<String> cols = List.of();
        if (ev.keyword() == Keyword.DELETE) {
            event = Stmt.TriggerEvent.DELETE;
        } else if (ev.keyword() == Keyword.INSERT) {
            event = Stmt.TriggerEvent.INSERT;
        } else if (ev.keyword() == Keyword.UPDATE) {
            event = Stmt.TriggerEvent.UPDATE;
            if (accept(Keyword.OF)) {
                List<String> names = new ArrayList<>();
                do {
                    names.add(nm());
                } while (accept(TokenType.COMMA));
                cols = freeze(names);
            }
        } else {
            throw syntaxErrorAt(ev);
        }
        expect(Keyword.ON);
        String[] table = qualifiedName();
        boolean forEachRow = false;
        if (accept(Keyword.FOR)) {
            expect(Keyword.EACH);
            expect(Keyword.ROW);
            forEachRow = true;
        }
        Expr when = accept(Keyword.WHEN) ? expr() : null;
        expect(Keyword.BEGIN);
        List<Stmt> body = new ArrayList<>();
        do {
            body.add(triggerCommand());
            expect(TokenType.SEMI);
        } while (!at(Keyword.END));
        advance();
        if (!paramNames.isEmpty()) {
            throw SqlSyntaxError.at(pos, "trigger cannot use variables");
        }
        return new Stmt.CreateTrigger(pos, temp, ine, qn[0], qn[1], time, event, cols, table[0], table[1],
                forEachRow, when, freeze(body), sliceFrom(startIdx), nameOffset);
    }

    private Stmt triggerCommand() {
        Token t = peek();
        int pos = t.offset();
        Keyword k = t.keyword();
        if (k == Keyword.UPDATE) {
            return update(pos, null, true);
        }
        if (k == Keyword.INSERT || k == Keyword.REPLACE) {
            return insert(pos, null, true);
        }
        if (k == Keyword.DELETE) {
            return delete(pos, null, true);
        }
        if (k == Keyword.SELECT || k == Keyword.VALUES || k == Keyword.WITH) {
            return parseSelect();
        }
        throw syntaxError();
    }

    private Stmt createVirtualTable(int startIdx, int pos) {
        boolean ine = ifNotExists();
        String[] qn = qualifiedName();
        int nameOffset = lastNameOffset;
        expect(Keyword.USING);
        String module = nm();
        List<String> args = new ArrayList<>();
        if (accept(TokenType.LPAREN)) {
            int depth = 0;
            int argStart = -1;
            int argEnd = -1;
            while (true) {
                Token t = peek();
                if (t.type() == TokenType.EOF || t.type() == TokenType.ILLEGAL) {
                    throw syntaxError();
                }
                if (depth == 0 && (t.type() == TokenType.COMMA || t.type() == TokenType.RPAREN)) {
                    if (argStart >= 0) {
                        args.add(sql.substring(argStart, argEnd));
                    }
                    argStart = -1;
                    advance();
                    if (t.type() == TokenType.RPAREN) {
                        break;
                    }
                    continue;
                }
                if (t.type() == TokenType.LPAREN) {
                    depth++;
                } else if (t.type() == TokenType.RPAREN) {
                    depth--;
                }
                if (argStart < 0) {
                    argStart = t.offset();
                }
                argEnd = t.end();
                advance();
            }
        }
        return new Stmt.CreateVirtualTable(pos, ine, qn[0], qn[1], module, freeze(args), sliceFrom(startIdx),
                nameOffset);
    }

    /** After DROP. */
    final Stmt drop(int pos) {
        Token t = advance();
        Stmt.ObjectKind kind;
        if (t.keyword() == Keyword.TABLE) {
            kind = Stmt.ObjectKind.TABLE;
        } else if (t.keyword() == Keyword.INDEX) {
            kind = Stmt.ObjectKind.INDEX;
        } else if (t.keyword() == Keyword.VIEW) {
            kind = Stmt.ObjectKind.VIEW;
        } else if (t.keyword() == Keyword.TRIGGER) {
            kind = Stmt.ObjectKind.TRIGGER;
        } else {
            throw syntaxErrorAt(t);
        }
        boolean ie = ifExists();
        String[] qn = qualifiedName();
        return new Stmt.Drop(pos, kind, ie, qn[0], qn[1]);
    }

    /** After ALTER. */
    final Stmt alter(int pos) {
        expect(Keyword.TABLE);
        String[] qn = qualifiedName();
        Stmt.AlterAction action;
        if (accept(Keyword.RENAME)) {
            if (accept(Keyword.TO)) {
                action = new Stmt.RenameTable(nm());
            } else {
                accept(Keyword.COLUMN);
                String old = nm();
                expect(Keyword.TO);
                action = new Stmt.RenameColumn(old, nm());
            }
        } else if (accept(Keyword.ADD)) {
            accept(Keyword.COLUMN);
            int defIdx = p;
            ColumnDef def = columnDef();
            action = new Stmt.AddColumn(def, sliceFrom(defIdx));
        } else if (accept(Keyword.DROP)) {
            accept(Keyword.COLUMN);
            action = new Stmt.DropColumn(nm());
        } else {
            throw syntaxError();
        }
        return new Stmt.AlterTable(pos, qn[0], qn[1], action);
    }
}
