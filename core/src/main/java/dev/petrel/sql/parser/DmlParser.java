package dev.petrel.sql.parser;

import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.IndexedColumn;
import dev.petrel.sql.ast.Limit;
import dev.petrel.sql.ast.OrderingTerm;
import dev.petrel.sql.ast.QualifiedTable;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SetClause;
import dev.petrel.sql.ast.SortOrder;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.TableSource;
import dev.petrel.sql.ast.Upsert;
import dev.petrel.sql.ast.With;
import dev.petrel.sql.lexer.Keyword;
import dev.petrel.sql.lexer.Token;
import dev.petrel.sql.lexer.TokenType;

import java.util.ArrayList;
import java.util.List;

/**
 * INSERT / REPLACE, UPDATE and DELETE, including UPSERT and RETURNING, and the restricted forms allowed inside a
 * trigger body (no schema-qualified target, no INDEXED BY, which SQLite rejects with its own messages).
 */
abstract class DmlParser extends SelectParser {

    DmlParser(String sql) {
        super(sql);
    }

    /** {@code OR ROLLBACK|ABORT|FAIL|IGNORE|REPLACE} after INSERT/UPDATE; NONE when absent. */
    final ConflictAction orConflict() {
        if (!accept(Keyword.OR)) {
            return ConflictAction.NONE;
        }
        return conflictAction();
    }

    final ConflictAction conflictAction() {
        Token t = advance();
        if (t.keyword() != null) {
            switch (t.keyword()) {
                case ROLLBACK:
                    return ConflictAction.ROLLBACK;
                case ABORT:
                    return ConflictAction.ABORT;
                case FAIL:
                    return ConflictAction.FAIL;
                case IGNORE:
                    return ConflictAction.IGNORE;
                case REPLACE:
                    return ConflictAction.REPLACE;
                default:
                    break;
            }
        }
        throw syntaxErrorAt(t);
    }

    final Stmt.Insert insert(int pos, With with, boolean inTrigger) {
        ConflictAction or;
        if (accept(Keyword.REPLACE)) {
            or = ConflictAction.REPLACE;
        } else {
            expect(Keyword.INSERT);
            or = orConflict();
        }
        expect(Keyword.INTO);
        Token nameTok = peek();
        String schema = null;
        String table = nm();
        if (accept(TokenType.DOT)) {
            schema = table;
            table = nm();
            if (inTrigger) {
                throw errorAt(nameTok, QUALIFIED_IN_TRIGGER);
            }
        }
        String alias = null;
        if (accept(Keyword.AS)) {
            alias = nm();
        }
        List<String> columns = List.of();
        if (accept(TokenType.LPAREN)) {
            columns = freeze(nameListUntilRparen());
        }
        Select select = null;
        boolean defaultValues = false;
        List<Upsert> upserts = new ArrayList<>();
        if (at(Keyword.DEFAULT)) {
            advance();
            expect(Keyword.VALUES);
            defaultValues = true;
        } else {
            select = parseSelect();
            while (at(Keyword.ON)) {
                Upsert u = upsert();
                upserts.add(u);
                if (u.target().isEmpty()) {
                    break;
                }
            }
        }
        List<ResultColumn> returning = returning(inTrigger);
        return new Stmt.Insert(pos, with, or, schema, table, alias, columns, select, defaultValues,
                freeze(upserts), returning);
    }

    private Upsert upsert() {
        int pos = advance().offset();
        expect(Keyword.CONFLICT);
        List<IndexedColumn> target = List.of();
        Expr targetWhere = null;
        if (accept(TokenType.LPAREN)) {
            target = indexedColumns();
            expect(TokenType.RPAREN);
            if (accept(Keyword.WHERE)) {
                targetWhere = expr();
            }
        }
        expect(Keyword.DO);
        if (accept(Keyword.NOTHING)) {
            return new Upsert(pos, target, targetWhere, true, List.of(), null);
        }
        expect(Keyword.UPDATE);
        expect(Keyword.SET);
        List<SetClause> sets = setList();
        Expr where = accept(Keyword.WHERE) ? expr() : null;
        return new Upsert(pos, target, targetWhere, false, sets, where);
    }

    /** {@code expr [ASC|DESC] (, ...)*}: indexed columns of indexes, keys and upsert targets. */
    final List<IndexedColumn> indexedColumns() {
        List<IndexedColumn> out = new ArrayList<>();
        do {
            Expr e = expr();
            SortOrder order = sortOrder();
            out.add(new IndexedColumn(e, order));
        } while (accept(TokenType.COMMA));
        return freeze(out);
    }

    final List<SetClause> setList() {
        List<SetClause> out = new ArrayList<>();
        do {
            int pos = peek().offset();
            if (accept(TokenType.LPAREN)) {
                List<String> cols = freeze(nameListUntilRparen());
                expect(TokenType.EQ);
                Expr value = expr();
                int n = value instanceof Expr.RowValue rv ? rv.values().size() : 1;
                if (!(value instanceof Expr.Subquery) && n != cols.size()) {
                    throw errorAt(tokens.get(p - 1), cols.size() + " columns assigned " + n + " values");
                }
                out.add(new SetClause(pos, cols, true, value));
            } else {
                String col = nm();
                expect(TokenType.EQ);
                out.add(new SetClause(pos, List.of(col), false, expr()));
            }
        } while (accept(TokenType.COMMA));
        return freeze(out);
    }

    final List<ResultColumn> returning(boolean inTrigger) {
        Token t = peek();
        if (!accept(Keyword.RETURNING)) {
            return List.of();
        }
        List<ResultColumn> cols = resultColumns();
        if (inTrigger) {
            throw errorAt(t, "cannot use RETURNING in a trigger");
        }
        return cols;
    }

    static final String QUALIFIED_IN_TRIGGER =
            "qualified table names are not allowed on INSERT, UPDATE, and DELETE statements within triggers";

    /** {@code [schema.]name [AS alias] [INDEXED BY idx | NOT INDEXED]} for UPDATE and DELETE. */
    private QualifiedTable qualifiedTable(boolean inTrigger) {
        Token nameTok = peek();
        String schema = null;
        String name = nm();
        if (accept(TokenType.DOT)) {
            schema = name;
            name = nm();
            if (inTrigger) {
                throw errorAt(nameTok, QUALIFIED_IN_TRIGGER);
            }
        }
        String alias = null;
        if (accept(Keyword.AS)) {
            alias = nm();
        }
        String indexedBy = null;
        boolean notIndexed = false;
        Token t = peek();
        if (accept(Keyword.INDEXED)) {
            expect(Keyword.BY);
            indexedBy = nm();
            if (inTrigger) {
                throw errorAt(t, "the INDEXED BY clause is not allowed on UPDATE or DELETE statements within "
                        + "triggers");
            }
        } else if (at(Keyword.NOT) && atAhead(1, Keyword.INDEXED)) {
            advance();
            advance();
            notIndexed = true;
            if (inTrigger) {
                throw errorAt(t, "the NOT INDEXED clause is not allowed on UPDATE or DELETE statements within "
                        + "triggers");
            }
        }
        return new QualifiedTable(nameTok.offset(), schema, name, alias, indexedBy, notIndexed);
    }

    final Stmt.Update update(int pos, With with, boolean inTrigger) {
        expect(Keyword.UPDATE);
        ConflictAction or = orConflict();
        QualifiedTable table = qualifiedTable(inTrigger);
        expect(Keyword.SET);
        List<SetClause> sets = setList();
        TableSource from = accept(Keyword.FROM) ? fromClause() : null;
        Expr where = accept(Keyword.WHERE) ? expr() : null;
        List<ResultColumn> returning = returning(inTrigger);
        List<OrderingTerm> orderBy = List.of();
        Limit limit = null;
        if (!inTrigger) {
            orderBy = orderByOpt();
            limit = limitClause();
        }
        return new Stmt.Update(pos, with, or, table, sets, from, where, returning, orderBy, limit);
    }

    final Stmt.Delete delete(int pos, With with, boolean inTrigger) {
        expect(Keyword.DELETE);
        expect(Keyword.FROM);
        QualifiedTable table = qualifiedTable(inTrigger);
        Expr where = accept(Keyword.WHERE) ? expr() : null;
        List<ResultColumn> returning = returning(inTrigger);
        List<OrderingTerm> orderBy = List.of();
        Limit limit = null;
        if (!inTrigger) {
            orderBy = orderByOpt();
            limit = limitClause();
        }
        return new Stmt.Delete(pos, with, table, where, returning, orderBy, limit);
    }

    private List<OrderingTerm> orderByOpt() {
        if (!at(Keyword.ORDER)) {
            return List.of();
        }
        advance();
        expect(Keyword.BY);
        return orderingTerms();
    }
}
