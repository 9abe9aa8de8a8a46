package dev.petrel.sql.parser;

import dev.petrel.api.PetrelException;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.NullsOrder;
import dev.petrel.sql.ast.OrderingTerm;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SortOrder;
import dev.petrel.sql.ast.TypeName;
import dev.petrel.sql.ast.WindowSpec;
import dev.petrel.sql.lexer.Keyword;
import dev.petrel.sql.lexer.Token;
import dev.petrel.sql.lexer.TokenType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expressions by precedence climbing, with SQLite's operator table (lang_expr.html, "Operators"), loosest first:
 * <pre>
 *   1 OR   2 AND   3 NOT (prefix)
 *   4 = == != &lt;&gt; IS [NOT] [DISTINCT FROM] [NOT] IN/LIKE/GLOB/MATCH/REGEXP/BETWEEN ISNULL NOTNULL NOT NULL
 *   5 &lt; &lt;= &gt; &gt;=   6 ESCAPE   7 &amp; | &lt;&lt; &gt;&gt;   8 + -   9 * / %   10 || -&gt; -&gt;&gt;
 *   11 COLLATE (postfix)   12 unary - + ~
 * </pre>
 * All binary levels associate to the left. Also numbers the statement's parameters as SQLite does.
 */
abstract class ExprParser extends ParserCore {
    static final int PREC_OR = 1;
    static final int PREC_AND = 2;
    static final int PREC_NOT = 3;
    static final int PREC_EQ = 4;
    static final int PREC_CMP = 5;
    static final int PREC_BIT = 7;
    static final int PREC_ADD = 8;
    static final int PREC_MUL = 9;
    static final int PREC_CONCAT = 10;
    static final int PREC_COLLATE = 11;

    /**
     * The largest {@code ?NNN}: SQLITE_MAX_VARIABLE_NUMBER as sqlite-jdbc (the project's reference build) compiles
     * SQLite; the library's own default is 32766.
     */
    static final int MAX_VARIABLE_NUMBER = 250000;

    /** SQLITE_MAX_EXPR_DEPTH: the tallest expression tree SQLite accepts. */
    static final int MAX_EXPR_DEPTH = 1000;

    /** Height of the expression tree last returned by {@link #expr} or {@link #prefix()} (a leaf is 1). */
    private int lastHeight;
    /** Current recursion depth of {@link #prefix()}, bounded so that no input can overflow the Java stack. */
    int nesting;

    /** Parameter slots of the current statement: index-1 -> name as written (null for a plain '?'). */
    List<String> paramNames = new ArrayList<>();
    private Map<String, Integer> paramByName = new HashMap<>();

    ExprParser(String sql) {
        super(sql);
    }

    final void resetParams() {
        paramNames = new ArrayList<>();
        paramByName = new HashMap<>();
    }

    abstract Select parseSelect();

    abstract WindowSpec parseWindowSpecBody(int pos);

    /** True if the current token starts a SELECT (for subqueries after '('). */
    final boolean atSelectStart() {
        Keyword k = peek().keyword();
        return k == Keyword.SELECT || k == Keyword.VALUES || k == Keyword.WITH;
    }

    final Expr expr() {
        return expr(PREC_OR);
    }

    final List<Expr> exprList() {
        List<Expr> out = new ArrayList<>();
        do {
            out.add(expr());
        } while (accept(TokenType.COMMA));
        return out;
    }

    /** Parses an expression whose operators all bind at least as tightly as {@code minPrec}. */
    final Expr expr(int minPrec) {
        return expr(minPrec, false);
    }

    /**
     * With {@code stopAtAnd}, a top-level AND ends the expression: the low bound of BETWEEN may be any expression
     * (even an OR) except that its first top-level AND belongs to the BETWEEN, as in SQLite's grammar.
     */
    private Expr expr(int minPrec, boolean stopAtAnd) {
        Expr left = prefix();
        int height = lastHeight;
        while (true) {
            Token t = peek();
            int prec = infixPrec(t);
            if (prec < minPrec || prec == 0 || (stopAtAnd && t.keyword() == Keyword.AND)) {
                lastHeight = height;
                return left;
            }
            lastHeight = 0;
            left = infix(left, prec);
            height = 1 + Math.max(height, lastHeight);
            if (height > MAX_EXPR_DEPTH) {
                throw tooDeep(t);
            }
        }
    }

    final PetrelException tooDeep(Token t) {
        return errorAt(t, "Expression tree is too large (maximum depth " + MAX_EXPR_DEPTH + ")");
    }

    /** Prefix operators and terms, with the depth guard; sets {@link #lastHeight}. */
    private Expr prefix() {
        Token t = peek();
        if (++nesting > MAX_EXPR_DEPTH) {
            throw tooDeep(t);
        }
        lastHeight = 1;
        Expr e = prefix0();
        nesting--;
        if (lastHeight > MAX_EXPR_DEPTH) {
            throw tooDeep(t);
        }
        return e;
    }

    /** The precedence of the operator starting at {@code t}, or 0 if it does not continue an expression. */
    private int infixPrec(Token t) {
        switch (t.type()) {
            case EQ:
            case NE:
                return PREC_EQ;
            case LT:
            case LE:
            case GT:
            case GE:
                return PREC_CMP;
            case BITAND:
            case BITOR:
            case LSHIFT:
            case RSHIFT:
                return PREC_BIT;
            case PLUS:
            case MINUS:
                return PREC_ADD;
            case STAR:
            case SLASH:
            case REM:
                return PREC_MUL;
            case CONCAT:
            case PTR:
            case PTR2:
                return PREC_CONCAT;
            case KEYWORD:
                break;
            default:
                return 0;
        }
        switch (t.keyword()) {
            case OR:
                return PREC_OR;
            case AND:
                return PREC_AND;
            case IS:
            case IN:
            case LIKE:
            case GLOB:
            case REGEXP:
            case MATCH:
            case BETWEEN:
            case ISNULL:
            case NOTNULL:
                return PREC_EQ;
            case NOT:
                // After an operand NOT can only continue it (NOT NULL/IN/LIKE/BETWEEN...), as in SQLite's grammar.
                return PREC_EQ;
            case COLLATE:
                return PREC_COLLATE;
            default:
                return 0;
        }
    }

    private Expr infix(Expr left, int prec) {
        Token t = advance();
        int pos = t.offset();
        switch (t.type()) {
            case EQ:
                return new Expr.Binary(pos, Expr.BinaryOp.EQ, left, expr(prec + 1));
            case NE:
                return new Expr.Binary(pos, Expr.BinaryOp.NE, left, expr(prec + 1));
            case LT:
                return new Expr.Binary(pos, Expr.BinaryOp.LT, left, expr(prec + 1));
            case LE:
                return new Expr.Binary(pos, Expr.BinaryOp.LE, left, expr(prec + 1));
            case GT:
                return new Expr.Binary(pos, Expr.BinaryOp.GT, left, expr(prec + 1));
            case GE:
                return new Expr.Binary(pos, Expr.BinaryOp.GE, left, expr(prec + 1));
            case BITAND:
                return new Expr.Binary(pos, Expr.BinaryOp.BITAND, left, expr(prec + 1));
            case BITOR:
                return new Expr.Binary(pos, Expr.BinaryOp.BITOR, left, expr(prec + 1));
            case LSHIFT:
                return new Expr.Binary(pos, Expr.BinaryOp.LSHIFT, left, expr(prec + 1));
            case RSHIFT:
                return new Expr.Binary(pos, Expr.BinaryOp.RSHIFT, left, expr(prec + 1));
            case PLUS:
                return new Expr.Binary(pos, Expr.BinaryOp.ADD, left, expr(prec + 1));
            case MINUS:
                return new Expr.Binary(pos, Expr.BinaryOp.SUB, left, expr(prec + 1));
            case STAR:
                return new Expr.Binary(pos, Expr.BinaryOp.MUL, left, expr(prec + 1));
            case SLASH:
                return new Expr.Binary(pos, Expr.BinaryOp.DIV, left, expr(prec + 1));
            case REM:
                return new Expr.Binary(pos, Expr.BinaryOp.MOD, left, expr(prec + 1));
            case CONCAT:
                return new Expr.Binary(pos, Expr.BinaryOp.CONCAT, left, expr(prec + 1));
            case PTR:
                return new Expr.Binary(pos, Expr.BinaryOp.PTR, left, expr(prec + 1));
            case PTR2:
                return new Expr.Binary(pos, Expr.BinaryOp.PTR2, left, expr(prec + 1));
            default:
                break;
        }
        switch (t.keyword()) {
            case OR:
                return new Expr.Binary(pos, Expr.BinaryOp.OR, left, expr(prec + 1));
            case AND:
                return new Expr.Binary(pos, Expr.BinaryOp.AND, left, expr(prec + 1));
            case COLLATE:
                return new Expr.Collate(pos, left, ids());
            case ISNULL:
                return new Expr.NullTest(pos, left, false);
            case NOTNULL:
                return new Expr.NullTest(pos, left, true);
            case IS: {
                boolean not = accept(Keyword.NOT);
                if (accept(Keyword.DISTINCT)) {
                    expect(Keyword.FROM);
                    not = !not;
                }
                return new Expr.Binary(pos, not ? Expr.BinaryOp.IS_NOT : Expr.BinaryOp.IS, left, expr(prec + 1));
            }
            case NOT: {
                Token op = advance();
                if (op.keyword() == Keyword.NULL) {
                    return new Expr.NullTest(pos, left, true);
                }
                return negatable(op, pos, true, left, prec);
            }
            default:
                return negatable(t, pos, false, left, prec);
        }
    }

    /** IN, LIKE-family and BETWEEN, after an optional NOT. */
    private Expr negatable(Token op, int pos, boolean not, Expr left, int prec) {
        if (op.keyword() == null) {
            throw syntaxErrorAt(op);
        }
        switch (op.keyword()) {
            case IN:
                return inRhs(pos, not, left);
            case BETWEEN: {
                Expr low = expr(PREC_OR, true);
                expect(Keyword.AND);
                Expr high = expr(prec + 1);
                return new Expr.Between(pos, not, left, low, high);
            }
            case LIKE:
            case GLOB:
            case REGEXP:
            case MATCH: {
                Expr.LikeOp lop = op.keyword() == Keyword.LIKE ? Expr.LikeOp.LIKE
                        : op.keyword() == Keyword.GLOB ? Expr.LikeOp.GLOB
                        : op.keyword() == Keyword.REGEXP ? Expr.LikeOp.REGEXP : Expr.LikeOp.MATCH;
                Expr pattern = expr(prec + 1);
                Expr escape = accept(Keyword.ESCAPE) ? expr(prec + 1) : null;
                return new Expr.Like(pos, lop, not, left, pattern, escape);
            }
            default:
                throw syntaxErrorAt(op);
        }
    }

    private Expr inRhs(int pos, boolean not, Expr left) {
        if (accept(TokenType.LPAREN)) {
            if (accept(TokenType.RPAREN)) {
                return new Expr.InList(pos, not, left, List.of());
            }
            if (atSelectStart()) {
                Select s = parseSelect();
                expect(TokenType.RPAREN);
                return new Expr.InSelect(pos, not, left, s);
            }
            List<Expr> list = exprList();
            expect(TokenType.RPAREN);
            return new Expr.InList(pos, not, left, freeze(list));
        }
        String schema = null;
        String name = nm();
        if (accept(TokenType.DOT)) {
            schema = name;
            name = nm();
        }
        List<Expr> args = null;
        if (accept(TokenType.LPAREN)) {
            args = at(TokenType.RPAREN) || at(Keyword.ORDER) ? List.of() : freeze(exprList());
            expect(TokenType.RPAREN);
        }
        return new Expr.InTable(pos, not, left, schema, name, args);
    }

    /** Prefix operators and terms; a term's height is 1 unless it is a parenthesised expression. */
    private Expr prefix0() {
        Token t = peek();
        int pos = t.offset();
        switch (t.type()) {
            case MINUS:
            case PLUS:
            case BITNOT:
                return unaryChain();
            case INTEGER:
                advance();
                return integerLiteral(t);
            case FLOAT: {
                advance();
                String text = stripSeparators(t.text());
                return new Expr.Literal(pos, Expr.LiteralKind.REAL, Double.parseDouble(text), text);
            }
            case STRING:
                if (peek(1).type() == TokenType.DOT) {
                    return columnOrCall();
                }
                advance();
                return new Expr.Literal(pos, Expr.LiteralKind.STRING, nameOf(t), t.text());
            case BLOB:
                advance();
                return new Expr.Literal(pos, Expr.LiteralKind.BLOB, decodeBlob(t.text()), t.text());
            case VARIABLE:
                advance();
                return param(t);
            case LPAREN: {
                advance();
                if (atSelectStart()) {
                    Select s = parseSelect();
                    expect(TokenType.RPAREN);
                    lastHeight = 1;
                    return new Expr.Subquery(pos, s);
                }
                List<Expr> list = exprList();
                expect(TokenType.RPAREN);
                if (list.size() == 1) {
                    return list.get(0);
                }
                lastHeight = 1;
                return new Expr.RowValue(pos, freeze(list));
            }
            case KEYWORD: {
                Expr e = keywordTerm(t);
                if (!(e instanceof Expr.Unary)) {
                    lastHeight = 1;
                }
                return e;
            }
            default:
                if (isIdj(t)) {
                    Expr e = columnOrCall();
                    lastHeight = 1;
                    return e;
                }
                throw syntaxError();
        }
    }

    /** A run of unary - + ~ (read in a loop) applied to the term that follows. */
    private Expr unaryChain() {
        List<Token> ops = new ArrayList<>();
        while (at(TokenType.MINUS) || at(TokenType.PLUS) || at(TokenType.BITNOT)) {
            ops.add(advance());
        }
        Expr operand = prefix();
        int height = lastHeight;
        for (int i = ops.size() - 1; i >= 0; i--) {
            Token op = ops.get(i);
            int pos = op.offset();
            if (op.type() == TokenType.MINUS && operand instanceof Expr.Literal lit
                    && lit.kind() == Expr.LiteralKind.REAL && lit.text().equals("9223372036854775808")) {
                // The one integer literal that exists only with its sign.
                operand = new Expr.Literal(pos, Expr.LiteralKind.INTEGER, Long.MIN_VALUE, "-" + lit.text());
                continue;
            }
            Expr.UnaryOp u = op.type() == TokenType.MINUS ? Expr.UnaryOp.NEG
                    : op.type() == TokenType.PLUS ? Expr.UnaryOp.POS : Expr.UnaryOp.BITNOT;
            operand = new Expr.Unary(pos, u, operand);
            height++;
        }
        lastHeight = height;
        return operand;
    }

    private Expr keywordTerm(Token t) {
        int pos = t.offset();
        switch (t.keyword()) {
            case NOT: {
                // A run of NOTs is read in a loop, not by recursion: its length must not cost Java stack.
                List<Token> nots = new ArrayList<>();
                while (at(Keyword.NOT)) {
                    nots.add(advance());
                }
                Expr operand = expr(PREC_NOT);
                int height = lastHeight;
                for (int i = nots.size() - 1; i >= 0; i--) {
                    operand = new Expr.Unary(nots.get(i).offset(), Expr.UnaryOp.NOT, operand);
                    height++;
                }
                lastHeight = height;
                return operand;
            }
            case NULL:
                advance();
                return new Expr.Literal(pos, Expr.LiteralKind.NULL, null, "NULL");
            case CURRENT_TIME:
                advance();
                return new Expr.Literal(pos, Expr.LiteralKind.CURRENT_TIME, null, "CURRENT_TIME");
            case CURRENT_DATE:
                advance();
                return new Expr.Literal(pos, Expr.LiteralKind.CURRENT_DATE, null, "CURRENT_DATE");
            case CURRENT_TIMESTAMP:
                advance();
                return new Expr.Literal(pos, Expr.LiteralKind.CURRENT_TIMESTAMP, null, "CURRENT_TIMESTAMP");
            case EXISTS: {
                advance();
                expect(TokenType.LPAREN);
                Select s = parseSelect();
                expect(TokenType.RPAREN);
                return new Expr.Exists(pos, s);
            }
            case CASE:
                advance();
                return caseExpr(pos);
            case CAST: {
                advance();
                expect(TokenType.LPAREN);
                Expr operand = expr();
                expect(Keyword.AS);
                TypeName type = typeName();
                expect(TokenType.RPAREN);
                return new Expr.Cast(pos, operand, type);
            }
            case RAISE:
                advance();
                return raise(pos);
            default:
                if (isIdj(t)) {
                    return columnOrCall();
                }
                throw syntaxError();
        }
    }

    private Expr caseExpr(int pos) {
        Expr base = at(Keyword.WHEN) ? null : expr();
        List<Expr.WhenThen> whens = new ArrayList<>();
        expect(Keyword.WHEN);
        do {
            Expr w = expr();
            expect(Keyword.THEN);
            whens.add(new Expr.WhenThen(w, expr()));
        } while (accept(Keyword.WHEN));
        Expr elseExpr = accept(Keyword.ELSE) ? expr() : null;
        expect(Keyword.END);
        return new Expr.Case(pos, base, freeze(whens), elseExpr);
    }

    private Expr raise(int pos) {
        expect(TokenType.LPAREN);
        Token k = advance();
        Expr.RaiseKind kind;
        if (k.keyword() == Keyword.IGNORE) {
            expect(TokenType.RPAREN);
            return new Expr.Raise(pos, Expr.RaiseKind.IGNORE, null);
        } else if (k.keyword() == Keyword.ROLLBACK) {
            kind = Expr.RaiseKind.ROLLBACK;
        } else if (k.keyword() == Keyword.ABORT) {
            kind = Expr.RaiseKind.ABORT;
        } else if (k.keyword() == Keyword.FAIL) {
            kind = Expr.RaiseKind.FAIL;
        } else {
            throw syntaxErrorAt(k);
        }
        expect(TokenType.COMMA);
        Expr msg = expr();
        expect(TokenType.RPAREN);
        return new Expr.Raise(pos, kind, msg);
    }

    /** A column reference ({@code a}, {@code t.a}, {@code s.t.a}) or a function call {@code f(...)}. */
    private Expr columnOrCall() {
        Token first = advance();
        int pos = first.offset();
        if (at(TokenType.LPAREN) && first.type() != TokenType.STRING) {
            return functionCall(first);
        }
        if (accept(TokenType.DOT)) {
            String second = nm();
            if (accept(TokenType.DOT)) {
                String third = nm();
                return new Expr.ColumnRef(pos, nameOf(first), second, third, false);
            }
            return new Expr.ColumnRef(pos, null, nameOf(first), second, false);
        }
        if (first.type() == TokenType.IDENTIFIER) {
            if (first.text().equalsIgnoreCase("true")) {
                return new Expr.Literal(pos, Expr.LiteralKind.TRUE, 1L, "TRUE");
            }
            if (first.text().equalsIgnoreCase("false")) {
                return new Expr.Literal(pos, Expr.LiteralKind.FALSE, 0L, "FALSE");
            }
        }
        return new Expr.ColumnRef(pos, null, null, nameOf(first), first.type() == TokenType.QUOTED_IDENTIFIER);
    }

    private Expr functionCall(Token nameTok) {
        int pos = nameTok.offset();
        expect(TokenType.LPAREN);
        boolean distinct = false;
        boolean star = false;
        List<Expr> args = List.of();
        List<OrderingTerm> orderBy = List.of();
        if (accept(TokenType.STAR)) {
            star = true;
        } else if (!at(TokenType.RPAREN)) {
            if (accept(Keyword.DISTINCT)) {
                distinct = true;
            } else {
                accept(Keyword.ALL);
            }
            // SQLite's grammar lets the list after DISTINCT/ALL be empty; the arity check comes later.
            args = at(TokenType.RPAREN) || at(Keyword.ORDER) ? List.of() : freeze(exprList());
            if (at(Keyword.ORDER)) {
                advance();
                expect(Keyword.BY);
                orderBy = orderingTerms();
            }
        }
        expect(TokenType.RPAREN);
        Expr filter = null;
        if (at(Keyword.FILTER)) {
            advance();
            advance();
            expect(Keyword.WHERE);
            filter = expr();
            expect(TokenType.RPAREN);
        }
        Expr.Over over = null;
        if (at(Keyword.OVER)) {
            Token o = advance();
            if (accept(TokenType.LPAREN)) {
                over = new Expr.Over(o.offset(), null, parseWindowSpecBody(o.offset()));
            } else {
                over = new Expr.Over(o.offset(), nm(), null);
            }
        }
        return new Expr.FunctionCall(pos, nameOf(nameTok), distinct, star, args, orderBy, filter, over);
    }

    /** {@code term [ASC|DESC] [NULLS FIRST|LAST] (, ...)*}. */
    final List<OrderingTerm> orderingTerms() {
        List<OrderingTerm> out = new ArrayList<>();
        do {
            Expr e = expr();
            SortOrder order = sortOrder();
            NullsOrder nulls = NullsOrder.NONE;
            if (accept(Keyword.NULLS)) {
                if (accept(Keyword.FIRST)) {
                    nulls = NullsOrder.FIRST;
                } else {
                    expect(Keyword.LAST);
                    nulls = NullsOrder.LAST;
                }
            }
            out.add(new OrderingTerm(e, order, nulls));
        } while (accept(TokenType.COMMA));
        return freeze(out);
    }

    final SortOrder sortOrder() {
        if (accept(Keyword.ASC)) {
            return SortOrder.ASC;
        }
        if (accept(Keyword.DESC)) {
            return SortOrder.DESC;
        }
        return SortOrder.NONE;
    }

    /**
     * A type name: one or more {@code ids} words, then optionally {@code (n)} or {@code (n, m)} with signed
     * numbers. Returns null if no word is present (allowed in CAST and column definitions).
     */
    final TypeName typeName() {
        if (!isTypeWord()) {
            return null;
        }
        int startIdx = p;
        StringBuilder name = new StringBuilder();
        while (isTypeWord()) {
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append(nameOf(advance()));
        }
        List<String> args = new ArrayList<>();
        if (accept(TokenType.LPAREN)) {
            args.add(signedNumber());
            if (accept(TokenType.COMMA)) {
                args.add(signedNumber());
            }
            expect(TokenType.RPAREN);
        }
        String text = sliceFrom(startIdx);
        Token first = tokens.get(startIdx);
        String declared = first.type() == TokenType.IDENTIFIER || first.type() == TokenType.KEYWORD ? text
                : nameOf(first);
        return new TypeName(name.toString(), freeze(args), declared, text);
    }

    /** A type-name word; GENERATED is one too unless ALWAYS AS follows (a generated-column clause). */
    private boolean isTypeWord() {
        Token t = peek();
        return isIds(t) && !(t.keyword() == Keyword.GENERATED && atAhead(1, Keyword.ALWAYS)
                && atAhead(2, Keyword.AS));
    }

    /** {@code [+|-] INTEGER|FLOAT} as text with its sign ('+' dropped). */
    final String signedNumber() {
        String sign = "";
        if (accept(TokenType.MINUS)) {
            sign = "-";
        } else {
            accept(TokenType.PLUS);
        }
        Token t = peek();
        if (t.type() != TokenType.INTEGER && t.type() != TokenType.FLOAT) {
            throw syntaxError();
        }
        advance();
        return sign + t.text();
    }

    // ---- literals and parameters ----

    static String stripSeparators(String text) {
        return text.indexOf('_') < 0 ? text : text.replace("_", "");
    }

    private Expr integerLiteral(Token t) {
        String text = stripSeparators(t.text());
        int pos = t.offset();
        if (text.length() > 2 && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            String digits = text.substring(2);
            int firstSignificant = 0;
            while (firstSignificant < digits.length() - 1 && digits.charAt(firstSignificant) == '0') {
                firstSignificant++;
            }
            if (digits.length() - firstSignificant > 16) {
                Token prev = previous2();
                String sign = prev != null && prev.type() == TokenType.MINUS ? "-" : "";
                throw errorAt(t, "hex literal too big: " + sign + t.text());
            }
            long v = Long.parseUnsignedLong(digits.substring(firstSignificant), 16);
            return new Expr.Literal(pos, Expr.LiteralKind.INTEGER, v, text);
        }
        Long v = parseDecimalLong(text);
        if (v != null) {
            return new Expr.Literal(pos, Expr.LiteralKind.INTEGER, v, text);
        }
        return new Expr.Literal(pos, Expr.LiteralKind.REAL, Double.parseDouble(text), text);
    }

    private Token previous2() {
        return p >= 2 ? tokens.get(p - 2) : null;
    }

    /** The value of a string of decimal digits, or null if it does not fit in a signed 64-bit integer. */
    static Long parseDecimalLong(String digits) {
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return null;
            }
            v = v * 10 + d;
        }
        return v;
    }

    static byte[] decodeBlob(String text) {
        int n = (text.length() - 3) / 2;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) ((hexValue(text.charAt(2 + 2 * i)) << 4) | hexValue(text.charAt(3 + 2 * i)));
        }
        return out;
    }

    private static int hexValue(char c) {
        if (c <= '9') {
            return c - '0';
        }
        return (c | 0x20) - 'a' + 10;
    }

    private Expr param(Token t) {
        String name = t.text();
        int index;
        if (name.charAt(0) == '?') {
            if (name.length() == 1) {
                paramNames.add(null);
                index = paramNames.size();
            } else {
                Long n = name.length() > 12 ? null : parseDecimalLong(name.substring(1));
                if (n == null || n < 1 || n > MAX_VARIABLE_NUMBER) {
                    throw errorAt(t, "variable number must be between ?1 and ?" + MAX_VARIABLE_NUMBER);
                }
                index = (int) (long) n;
                while (paramNames.size() < index) {
                    paramNames.add(null);
                }
                if (paramNames.get(index - 1) == null) {
                    paramNames.set(index - 1, name);
                    paramByName.putIfAbsent(name, index);
                }
            }
        } else {
            Integer known = paramByName.get(name);
            if (known != null) {
                index = known;
            } else {
                paramNames.add(name);
                index = paramNames.size();
                paramByName.put(name, index);
            }
        }
        if (index > MAX_VARIABLE_NUMBER) {
            throw errorAt(t, "too many SQL variables");
        }
        return new Expr.Param(t.offset(), name, index);
    }
}
