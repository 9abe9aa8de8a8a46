package dev.petrel.sql.parser;

import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.With;
import dev.petrel.sql.lexer.Keyword;
import dev.petrel.sql.lexer.Token;
import dev.petrel.sql.lexer.TokenType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL text to syntax trees, one statement at a time, for SQLite's whole grammar (sqlite.org/lang.html).
 *
 * <p>Contract: {@code new Parser(sql)} then {@link #next()} / {@link #nextStatement()} until null; or the static
 * {@link #parseAll(String)}. Empty statements (lone ';') are skipped. A syntax error throws a {@code
 * PetrelException} ({@code SQLITE_ERROR}, message worded as SQLite's, offset via {@link
 * SqlSyntaxError#offsetOf}); the parser must not be used after that. Statements before the bad one have already
 * been returned, as with {@code sqlite3_exec}. Not thread-safe.
 *
 * <p>Invariants:
 * <ol>
 *   <li>A statement ends at ';' or at the end of input; anything else after a complete statement is an error at
 *       that token.</li>
 *   <li>Parameters are numbered per statement, as {@code sqlite3_prepare} would.</li>
 * </ol>
 */
public final class Parser extends DdlParser {

    public Parser(String sql) {
        super(sql);
    }

    /** The name a name-like token stands for (quotes removed, doubled quotes undoubled), as the parser reads it. */
    public static String tokenName(dev.petrel.sql.lexer.Token t) {
        return nameOf(t);
    }

    /** Every statement of {@code sql}, in order. */
    public static List<Stmt> parseAll(String sql) {
        Parser parser = new Parser(sql);
        List<Stmt> out = new ArrayList<>();
        for (Stmt s = parser.next(); s != null; s = parser.next()) {
            out.add(s);
        }
        return out;
    }

    /** The single statement of {@code sql} (a trailing ';' is fine); an error if there is none or more than one. */
    public static Stmt parseOne(String sql) {
        Parser parser = new Parser(sql);
        Stmt s = parser.next();
        if (s == null) {
            throw SqlSyntaxError.at(sql.length(), "incomplete input");
        }
        Token extra = parser.peekNonSemi();
        if (extra.type() != TokenType.EOF) {
            throw syntaxErrorAt(extra);
        }
        return s;
    }

    /** The next statement, or null at end of input. */
    public Stmt next() {
        ParsedStatement ps = nextStatement();
        return ps == null ? null : ps.stmt();
    }

    /** The offset where the unparsed rest of the input starts (SQLite's {@code pzTail}). */
    public int tailOffset() {
        return p > 0 && tokens.get(p - 1).type() == TokenType.SEMI ? tokens.get(p - 1).end()
                : p > 0 ? tokens.get(p - 1).end() : 0;
    }

    private Token peekNonSemi() {
        while (at(TokenType.SEMI)) {
            advance();
        }
        return peek();
    }

    /** The next statement with its source range and parameters, or null at end of input. */
    public ParsedStatement nextStatement() {
        Token first = peekNonSemi();
        if (first.type() == TokenType.EOF) {
            return null;
        }
        resetParams();
        Stmt s;
        try {
            s = statement();
        } catch (StackOverflowError e) {
            // Backstop for nesting the depth limits do not catch; the parser is unusable afterwards anyway.
            throw SqlSyntaxError.at(first.offset(), "parser stack overflow");
        }
        int end = tokens.get(p - 1).end();
        Token t = peek();
        if (t.type() == TokenType.SEMI) {
            advance();
        } else if (t.type() != TokenType.EOF) {
            throw syntaxError();
        }
        List<String> names = Collections.unmodifiableList(new ArrayList<>(paramNames));
        return new ParsedStatement(s, first.offset(), end, tailOffset(), names);
    }

    @Override
    Stmt statement() {
        Token t = peek();
        int pos = t.offset();
        Keyword k = t.keyword();
        if (k == null) {
            throw syntaxError();
        }
        switch (k) {
            case EXPLAIN: {
                advance();
                boolean qp = false;
                if (at(Keyword.QUERY)) {
                    advance();
                    expect(Keyword.PLAN);
                    qp = true;
                }
                if (at(Keyword.EXPLAIN)) {
                    throw syntaxError();
                }
                return new Stmt.Explain(pos, qp, statement());
            }
            case SELECT:
            case VALUES:
                return parseSelect();
            case WITH: {
                With with = with();
                Keyword next = peek().keyword();
                if (next == Keyword.INSERT || next == Keyword.REPLACE) {
                    return insert(pos, with, false);
                }
                if (next == Keyword.UPDATE) {
                    return update(pos, with, false);
                }
                if (next == Keyword.DELETE) {
                    return delete(pos, with, false);
                }
                return selectAfterWith(pos, with);
            }
            case INSERT:
            case REPLACE:
                return insert(pos, null, false);
            case UPDATE:
                return update(pos, null, false);
            case DELETE:
                return delete(pos, null, false);
            case CREATE: {
                int idx = p;
                advance();
                return create(idx);
            }
            case DROP:
                advance();
                return drop(pos);
            case ALTER:
                advance();
                return alter(pos);
            case BEGIN:
                advance();
                return begin(pos);
            case COMMIT:
            case END:
                advance();
                transactionOpt();
                return new Stmt.Commit(pos);
            case ROLLBACK:
                advance();
                return rollback(pos);
            case SAVEPOINT:
                advance();
                return new Stmt.Savepoint(pos, nm());
            case RELEASE:
                advance();
                accept(Keyword.SAVEPOINT);
                return new Stmt.Release(pos, nm());
            case PRAGMA:
                advance();
                return pragma(pos);
            case VACUUM: {
                advance();
                String schema = null;
                if (isNm(peek())) {
                    schema = nm();
                }
                Expr into = accept(Keyword.INTO) ? expr() : null;
                return new Stmt.Vacuum(pos, schema, into);
            }
            case ATTACH: {
                advance();
                accept(Keyword.DATABASE);
                Expr file = expr();
                expect(Keyword.AS);
                Expr schema = expr();
                Expr key = accept(Keyword.KEY) ? expr() : null;
                return new Stmt.Attach(pos, file, schema, key);
            }
            case DETACH:
                advance();
                accept(Keyword.DATABASE);
                return new Stmt.Detach(pos, expr());
            case REINDEX:
            case ANALYZE: {
                advance();
                String schema = null;
                String name = null;
                if (isNm(peek())) {
                    String[] qn = qualifiedName();
                    schema = qn[0];
                    name = qn[1];
                }
                return k == Keyword.REINDEX ? new Stmt.Reindex(pos, schema, name)
                        : new Stmt.Analyze(pos, schema, name);
            }
            default:
                throw syntaxError();
        }
    }

    /** {@code [TRANSACTION [name]]}. */
    private void transactionOpt() {
        if (accept(Keyword.TRANSACTION) && isNm(peek())) {
            advance();
        }
    }

    private Stmt begin(int pos) {
        Stmt.TransactionMode mode = Stmt.TransactionMode.NONE;
        if (accept(Keyword.DEFERRED)) {
            mode = Stmt.TransactionMode.DEFERRED;
        } else if (accept(Keyword.IMMEDIATE)) {
            mode = Stmt.TransactionMode.IMMEDIATE;
        } else if (accept(Keyword.EXCLUSIVE)) {
            mode = Stmt.TransactionMode.EXCLUSIVE;
        } else if (atWord("CONCURRENT") && peek().type() == TokenType.IDENTIFIER) {
            advance();
            mode = Stmt.TransactionMode.CONCURRENT;
        }
        transactionOpt();
        return new Stmt.Begin(pos, mode);
    }

    private Stmt rollback(int pos) {
        transactionOpt();
        if (accept(Keyword.TO)) {
            accept(Keyword.SAVEPOINT);
            return new Stmt.Rollback(pos, nm());
        }
        return new Stmt.Rollback(pos, null);
    }

    private Stmt pragma(int pos) {
        String[] qn = qualifiedName();
        String value = null;
        if (accept(TokenType.EQ)) {
            value = pragmaValue();
        } else if (accept(TokenType.LPAREN)) {
            value = pragmaValue();
            expect(TokenType.RPAREN);
        }
        return new Stmt.Pragma(pos, qn[0], qn[1], value);
    }

    private String pragmaValue() {
        Token t = peek();
        if (t.type() == TokenType.MINUS || t.type() == TokenType.PLUS || t.type() == TokenType.INTEGER
                || t.type() == TokenType.FLOAT) {
            return signedNumber();
        }
        if (t.keyword() == Keyword.ON || t.keyword() == Keyword.DELETE || t.keyword() == Keyword.DEFAULT) {
            advance();
            return t.text();
        }
        return nm();
    }
}
