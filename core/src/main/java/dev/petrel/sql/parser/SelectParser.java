package dev.petrel.sql.parser;

import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Limit;
import dev.petrel.sql.ast.OrderingTerm;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SelectBody;
import dev.petrel.sql.ast.TableSource;
import dev.petrel.sql.ast.WindowSpec;
import dev.petrel.sql.ast.With;
import dev.petrel.sql.lexer.Keyword;
import dev.petrel.sql.lexer.Token;
import dev.petrel.sql.lexer.TokenType;

import java.util.ArrayList;
import java.util.List;

/** SELECT (compounds, VALUES, WITH), FROM clauses with joins, and window definitions. */
abstract class SelectParser extends ExprParser {

    SelectParser(String sql) {
        super(sql);
    }

    @Override
    final Select parseSelect() {
        Token first = peek();
        // A subquery costs more Java stack than an expression level: count it twice against the depth limit.
        nesting += 2;
        if (nesting > MAX_EXPR_DEPTH) {
            throw tooDeep(first);
        }
        With with = at(Keyword.WITH) ? with() : null;
        Select s = selectAfterWith(first.offset(), with);
        nesting -= 2;
        return s;
    }

    final Select selectAfterWith(int pos, With with) {
        SelectBody body = selectBody();
        return new Select(pos, with, body, pendingOrderBy, pendingLimit);
    }

    /** ORDER BY and LIMIT read after the last SELECT core by {@link #selectBody()}; they belong to the whole. */
    private List<OrderingTerm> pendingOrderBy = List.of();
    private Limit pendingLimit;

    final Limit limitClause() {
        if (!accept(Keyword.LIMIT)) {
            return null;
        }
        Expr first = expr();
        if (accept(Keyword.OFFSET)) {
            return new Limit(first, expr());
        }
        if (accept(TokenType.COMMA)) {
            return new Limit(expr(), first);
        }
        return new Limit(first, null);
    }

    final With with() {
        int pos = expect(Keyword.WITH).offset();
        boolean recursive = accept(Keyword.RECURSIVE);
        List<With.Cte> ctes = new ArrayList<>();
        do {
            int cpos = peek().offset();
            String name = nm();
            List<String> cols = List.of();
            if (accept(TokenType.LPAREN)) {
                cols = freeze(nameListUntilRparen());
            }
            expect(Keyword.AS);
            With.Materialized mat = With.Materialized.NONE;
            if (accept(Keyword.MATERIALIZED)) {
                mat = With.Materialized.MATERIALIZED;
            } else if (accept(Keyword.NOT)) {
                expect(Keyword.MATERIALIZED);
                mat = With.Materialized.NOT_MATERIALIZED;
            }
            expect(TokenType.LPAREN);
            Select s = parseSelect();
            expect(TokenType.RPAREN);
            ctes.add(new With.Cte(cpos, name, cols, mat, s));
        } while (accept(TokenType.COMMA));
        return new With(pos, recursive, freeze(ctes));
    }

    /**
     * Simple selects joined by compound operators. As in SQLite's grammar, ORDER BY and LIMIT follow a SELECT core
     * (never VALUES), and only the last core may carry them.
     */
    private SelectBody selectBody() {
        SelectBody left = oneSelect();
        while (true) {
            List<OrderingTerm> orderBy = List.of();
            Token orderTok = peek();
            if (left instanceof SelectBody.Core || left instanceof SelectBody.Compound c
                    && c.right() instanceof SelectBody.Core) {
                if (at(Keyword.ORDER)) {
                    advance();
                    expect(Keyword.BY);
                    orderBy = orderingTerms();
                }
            }
            Token limitTok = peek();
            Limit limit = left instanceof SelectBody.Values
                    || left instanceof SelectBody.Compound c2 && c2.right() instanceof SelectBody.Values
                    ? null : limitClause();
            Token t = peek();
            if ((!orderBy.isEmpty() || limit != null) && compoundOpName() != null) {
                throw errorAt(orderBy.isEmpty() ? limitTok : orderTok, (orderBy.isEmpty() ? "LIMIT" : "ORDER BY")
                        + " clause should come after " + compoundOpName() + " not before");
            }
            pendingOrderBy = orderBy;
            pendingLimit = limit;
            SelectBody.Op op;
            if (t.keyword() == Keyword.UNION) {
                advance();
                op = accept(Keyword.ALL) ? SelectBody.Op.UNION_ALL : SelectBody.Op.UNION;
            } else if (t.keyword() == Keyword.INTERSECT) {
                advance();
                op = SelectBody.Op.INTERSECT;
            } else if (t.keyword() == Keyword.EXCEPT) {
                advance();
                op = SelectBody.Op.EXCEPT;
            } else {
                return left;
            }
            left = new SelectBody.Compound(t.offset(), left, op, oneSelect());
        }
    }

    private String compoundOpName() {
        Keyword k = peek().keyword();
        if (k == Keyword.UNION) {
            return atAhead(1, Keyword.ALL) ? "UNION ALL" : "UNION";
        }
        return k == Keyword.INTERSECT ? "INTERSECT" : k == Keyword.EXCEPT ? "EXCEPT" : null;
    }

    private SelectBody oneSelect() {
        Token t = peek();
        if (t.keyword() == Keyword.VALUES) {
            advance();
            List<List<Expr>> rows = new ArrayList<>();
            do {
                Token lp = expect(TokenType.LPAREN);
                List<Expr> row = freeze(exprList());
                expect(TokenType.RPAREN);
                if (!rows.isEmpty() && row.size() != rows.get(0).size()) {
                    throw errorAt(lp, "all VALUES must have the same number of terms");
                }
                rows.add(row);
            } while (accept(TokenType.COMMA));
            return new SelectBody.Values(t.offset(), freeze(rows));
        }
        expect(Keyword.SELECT);
        boolean distinct = false;
        if (accept(Keyword.DISTINCT)) {
            distinct = true;
        } else {
            accept(Keyword.ALL);
        }
        List<ResultColumn> cols = resultColumns();
        TableSource from = null;
        if (accept(Keyword.FROM)) {
            from = fromClause();
        }
        Expr where = accept(Keyword.WHERE) ? expr() : null;
        List<Expr> groupBy = List.of();
        if (at(Keyword.GROUP)) {
            advance();
            expect(Keyword.BY);
            groupBy = freeze(exprList());
        }
        Expr having = accept(Keyword.HAVING) ? expr() : null;
        List<WindowSpec.Named> windows = List.of();
        if (atWindowClause()) {
            advance();
            List<WindowSpec.Named> ws = new ArrayList<>();
            do {
                int wpos = peek().offset();
                String name = nm();
                expect(Keyword.AS);
                int spos = expect(TokenType.LPAREN).offset();
                ws.add(new WindowSpec.Named(wpos, name, parseWindowSpecBody(spos)));
            } while (accept(TokenType.COMMA));
            windows = freeze(ws);
        }
        return new SelectBody.Core(t.offset(), distinct, cols, from, where, groupBy, having, windows);
    }

    /** WINDOW is still a keyword here only if followed by a name and AS (see ParserCore). */
    private boolean atWindowClause() {
        return at(Keyword.WINDOW);
    }

    /** After OVER '(' or WINDOW name AS '(': {@code [base] [PARTITION BY ..] [ORDER BY ..] [frame] ')'}. */
    @Override
    final WindowSpec parseWindowSpecBody(int pos) {
        String base = null;
        if (isNm(peek()) && !at(Keyword.PARTITION) && !at(Keyword.ORDER) && !at(Keyword.RANGE)
                && !at(Keyword.ROWS) && !at(Keyword.GROUPS)) {
            base = nm();
        }
        List<Expr> partition = List.of();
        if (at(Keyword.PARTITION)) {
            advance();
            expect(Keyword.BY);
            partition = freeze(exprList());
        }
        List<OrderingTerm> orderBy = List.of();
        if (at(Keyword.ORDER)) {
            advance();
            expect(Keyword.BY);
            orderBy = orderingTerms();
        }
        WindowSpec.Frame frame = null;
        Token u = peek();
        WindowSpec.FrameUnit unit = u.keyword() == Keyword.ROWS ? WindowSpec.FrameUnit.ROWS
                : u.keyword() == Keyword.RANGE ? WindowSpec.FrameUnit.RANGE
                : u.keyword() == Keyword.GROUPS ? WindowSpec.FrameUnit.GROUPS : null;
        if (unit != null) {
            advance();
            WindowSpec.Bound start;
            WindowSpec.Bound end = null;
            if (accept(Keyword.BETWEEN)) {
                start = frameBound(true);
                expect(Keyword.AND);
                end = frameBound(false);
            } else {
                start = frameBound(true);
            }
            WindowSpec.Exclude exclude = WindowSpec.Exclude.NONE;
            if (accept(Keyword.EXCLUDE)) {
                if (accept(Keyword.NO)) {
                    expect(Keyword.OTHERS);
                    exclude = WindowSpec.Exclude.NO_OTHERS;
                } else if (accept(Keyword.CURRENT)) {
                    expect(Keyword.ROW);
                    exclude = WindowSpec.Exclude.CURRENT_ROW;
                } else if (accept(Keyword.GROUP)) {
                    exclude = WindowSpec.Exclude.GROUP;
                } else {
                    expect(Keyword.TIES);
                    exclude = WindowSpec.Exclude.TIES;
                }
            }
            frame = new WindowSpec.Frame(unit, start, end, exclude);
        }
        expect(TokenType.RPAREN);
        return new WindowSpec(pos, base, partition, orderBy, frame);
    }

    private WindowSpec.Bound frameBound(boolean isStart) {
        if (at(Keyword.UNBOUNDED)) {
            advance();
            if (isStart) {
                expect(Keyword.PRECEDING);
                return new WindowSpec.Bound(WindowSpec.BoundKind.UNBOUNDED_PRECEDING, null);
            }
            expect(Keyword.FOLLOWING);
            return new WindowSpec.Bound(WindowSpec.BoundKind.UNBOUNDED_FOLLOWING, null);
        }
        if (accept(Keyword.CURRENT)) {
            expect(Keyword.ROW);
            return new WindowSpec.Bound(WindowSpec.BoundKind.CURRENT_ROW, null);
        }
        Expr e = expr();
        if (accept(Keyword.PRECEDING)) {
            return new WindowSpec.Bound(WindowSpec.BoundKind.PRECEDING, e);
        }
        expect(Keyword.FOLLOWING);
        return new WindowSpec.Bound(WindowSpec.BoundKind.FOLLOWING, e);
    }

    final List<ResultColumn> resultColumns() {
        List<ResultColumn> out = new ArrayList<>();
        do {
            Token t = peek();
            if (t.type() == TokenType.STAR) {
                advance();
                out.add(new ResultColumn.Star(t.offset(), null));
            } else if (isNm(t) && peek(1).type() == TokenType.DOT && peek(2).type() == TokenType.STAR) {
                advance();
                advance();
                advance();
                out.add(new ResultColumn.Star(t.offset(), nameOf(t)));
            } else {
                Expr e = expr();
                out.add(new ResultColumn.Item(t.offset(), e, alias()));
            }
        } while (accept(TokenType.COMMA));
        return freeze(out);
    }

    /** {@code AS nm | ids | nothing}. */
    final String alias() {
        if (accept(Keyword.AS)) {
            return nm();
        }
        if (isIds(peek())) {
            return nameOf(advance());
        }
        return null;
    }

    final TableSource fromClause() {
        return fromClause(false);
    }

    /** {@code inParens}: the join list of a parenthesised FROM item, which only ')' or a join may follow. */
    private TableSource fromClause(boolean inParens) {
        TableSource left = tableItem();
        if (at(Keyword.ON) || at(Keyword.USING)) {
            Token t = advance();
            if (t.keyword() == Keyword.ON) {
                expr();
            } else {
                expect(TokenType.LPAREN);
                nameListUntilRparen();
            }
            // SQLite reports this when it reduces the FROM item, i.e. only if the next token may follow one.
            if (!canFollowFromItem(peek(), inParens)) {
                throw syntaxError();
            }
            throw errorAt(t, "a JOIN clause is required before " + t.keyword().name());
        }
        while (true) {
            Token t = peek();
            boolean natural = false;
            TableSource.JoinType type;
            boolean outer = false;
            if (t.type() == TokenType.COMMA) {
                advance();
                type = TableSource.JoinType.COMMA;
            } else if (t.keyword() == Keyword.JOIN) {
                advance();
                type = TableSource.JoinType.PLAIN;
            } else if (isJoinKw(t)) {
                List<Token> words = new ArrayList<>();
                words.add(advance());
                while (!at(Keyword.JOIN) && words.size() < 3 && isNm(peek())) {
                    words.add(advance());
                }
                expect(Keyword.JOIN);
                int flags = joinFlags(words, isNm(peek()) || at(TokenType.LPAREN));
                natural = (flags & J_NATURAL) != 0;
                outer = (flags & J_OUTER) != 0;
                type = (flags & J_FULL) == J_FULL ? TableSource.JoinType.FULL
                        : (flags & J_LEFT) != 0 ? TableSource.JoinType.LEFT
                        : (flags & J_RIGHT) != 0 ? TableSource.JoinType.RIGHT
                        : (flags & J_CROSS) != 0 ? TableSource.JoinType.CROSS
                        : (flags & J_INNER) != 0 ? TableSource.JoinType.INNER : TableSource.JoinType.PLAIN;
            } else {
                return left;
            }
            TableSource right = tableItem();
            Expr on = null;
            List<String> using = List.of();
            if (accept(Keyword.ON)) {
                on = expr();
            } else if (accept(Keyword.USING)) {
                expect(TokenType.LPAREN);
                using = freeze(nameListUntilRparen());
            }
            left = new TableSource.Join(t.offset(), left, natural, type, outer, right, on, using);
        }
    }

    private static boolean canFollowFromItem(Token t, boolean inParens) {
        switch (t.type()) {
            case COMMA:
            case RPAREN:
                return true;
            case SEMI:
            case EOF:
                return !inParens;
            case KEYWORD:
                break;
            default:
                return false;
        }
        Keyword k = t.keyword();
        if (inParens) {
            return isJoinKw(t) || k == Keyword.JOIN;
        }
        return isJoinKw(t) || k == Keyword.JOIN || k == Keyword.WHERE || k == Keyword.GROUP || k == Keyword.HAVING
                || k == Keyword.WINDOW || k == Keyword.ORDER || k == Keyword.LIMIT || k == Keyword.UNION
                || k == Keyword.INTERSECT || k == Keyword.EXCEPT || k == Keyword.RETURNING;
    }

    private static final int J_NATURAL = 1;
    private static final int J_LEFT = 2;
    private static final int J_RIGHT = 4;
    private static final int J_FULL = J_LEFT | J_RIGHT;
    private static final int J_OUTER = 8;
    private static final int J_INNER = 16;
    private static final int J_CROSS = 32;

    /**
     * The join flags of JOIN_KW words. SQLite reports a bad combination only once it sees a table after JOIN;
     * {@code tableFollows} says whether one does (if not, the syntax error at that token comes first).
     */
    private int joinFlags(List<Token> words, boolean tableFollows) {
        int flags = 0;
        boolean bad = false;
        for (Token w : words) {
            Keyword k = w.keyword();
            if (k == Keyword.NATURAL) {
                flags |= J_NATURAL;
            } else if (k == Keyword.LEFT) {
                flags |= J_LEFT;
            } else if (k == Keyword.RIGHT) {
                flags |= J_RIGHT;
            } else if (k == Keyword.FULL) {
                flags |= J_FULL;
            } else if (k == Keyword.OUTER) {
                flags |= J_OUTER;
            } else if (k == Keyword.INNER) {
                flags |= J_INNER;
            } else if (k == Keyword.CROSS) {
                flags |= J_CROSS;
            } else {
                bad = true;
            }
        }
        boolean sided = (flags & J_FULL) != 0;
        if (bad || ((flags & J_OUTER) != 0 && !sided) || ((flags & (J_INNER | J_CROSS)) != 0 && sided)
                || (flags & (J_INNER | J_CROSS)) == (J_INNER | J_CROSS)) {
            if (!tableFollows) {
                throw syntaxError();
            }
            StringBuilder b = new StringBuilder("unknown join type: ");
            for (int i = 0; i < words.size(); i++) {
                b.append(i > 0 ? " " : "").append(words.get(i).text());
            }
            throw errorAt(words.get(0), b.toString());
        }
        return flags;
    }

    private TableSource tableItem() {
        Token t = peek();
        int pos = t.offset();
        if (accept(TokenType.LPAREN)) {
            if (atSelectStart()) {
                Select s = parseSelect();
                expect(TokenType.RPAREN);
                return new TableSource.Subquery(pos, s, alias());
            }
            TableSource inner = fromClause(true);
            expect(TokenType.RPAREN);
            return new TableSource.Paren(pos, inner, alias());
        }
        String schema = null;
        String name = nm();
        if (accept(TokenType.DOT)) {
            schema = name;
            name = nm();
        }
        if (accept(TokenType.LPAREN)) {
            List<Expr> args = at(TokenType.RPAREN) ? List.of() : freeze(exprList());
            expect(TokenType.RPAREN);
            return new TableSource.Function(pos, schema, name, args, alias());
        }
        String alias = alias();
        String indexedBy = null;
        boolean notIndexed = false;
        if (at(Keyword.INDEXED)) {
            advance();
            expect(Keyword.BY);
            indexedBy = nm();
        } else if (accept(Keyword.NOT)) {
            expect(Keyword.INDEXED);
            notIndexed = true;
        }
        return new TableSource.Table(pos, schema, name, alias, indexedBy, notIndexed);
    }
}
