package dev.petrel.sql.parser;

import dev.petrel.api.PetrelException;
import dev.petrel.sql.lexer.Keyword;
import dev.petrel.sql.lexer.Lexer;
import dev.petrel.sql.lexer.Token;
import dev.petrel.sql.lexer.TokenType;

import java.util.ArrayList;
import java.util.List;

/**
 * The token cursor under the parser: lookahead, expectation, name rules and SQLite-worded errors.
 *
 * <p>SQLite's grammar has four kinds of name (parse.y's non-terminals), kept here as predicates:
 * <ol>
 *   <li>{@code id}: a bare or quoted identifier, or a keyword on SQLite's fallback list, or INDEXED;</li>
 *   <li>{@code ids}: an {@code id} other than INDEXED, or a string literal (aliases without AS, type names);</li>
 *   <li>{@code nm}: an {@code id}, a string literal or a join keyword (object and column names);</li>
 *   <li>{@code idj}: an {@code id} or a join keyword (function names, bare column references).</li>
 * </ol>
 * A fallback keyword is taken as a keyword wherever the grammar can use it as one; callers check for the
 * keyword meaning before asking whether a token is a name.
 */
abstract class ParserCore {
    final String sql;
    final List<Token> tokens;
    int p;

    ParserCore(String sql) {
        this.sql = sql;
        this.tokens = contextualKeywords(Lexer.tokenize(sql));
    }

    /**
     * Demotes FILTER, OVER and WINDOW to identifiers wherever SQLite's tokenizer would (see {@link
     * Keyword.Kind#CONTEXTUAL}), so that the parser can treat the remaining ones as reserved.
     */
    private static List<Token> contextualKeywords(List<Token> in) {
        List<Token> out = new ArrayList<>(in);
        for (int i = 0; i < out.size(); i++) {
            Token t = out.get(i);
            Keyword k = t.keyword();
            if (k != Keyword.FILTER && k != Keyword.OVER && k != Keyword.WINDOW) {
                continue;
            }
            Token prev = i > 0 ? in.get(i - 1) : null;
            Token next = in.get(Math.min(i + 1, in.size() - 1));
            Token next2 = in.get(Math.min(i + 2, in.size() - 1));
            boolean afterRparen = prev != null && prev.type() == TokenType.RPAREN;
            boolean keep;
            if (k == Keyword.FILTER) {
                keep = afterRparen && next.type() == TokenType.LPAREN;
            } else if (k == Keyword.OVER) {
                keep = afterRparen && (next.type() == TokenType.LPAREN || isIdLike(next));
            } else {
                keep = isIdLike(next) && next2.keyword() == Keyword.AS;
            }
            if (!keep) {
                out.set(i, new Token(TokenType.IDENTIFIER, null, t.offset(), t.length(), t.text()));
            }
        }
        return out;
    }

    /** What SQLite's tokenizer counts as a name when it looks ahead for FILTER/OVER/WINDOW. */
    private static boolean isIdLike(Token t) {
        switch (t.type()) {
            case IDENTIFIER:
            case QUOTED_IDENTIFIER:
            case BRACKET_IDENTIFIER:
            case BACKTICK_IDENTIFIER:
            case STRING:
                return true;
            case KEYWORD: {
                Keyword.Kind kind = t.keyword().kind();
                return kind == Keyword.Kind.FALLBACK || kind == Keyword.Kind.JOIN_KW
                        || t.keyword() == Keyword.OVER || t.keyword() == Keyword.WINDOW;
            }
            default:
                return false;
        }
    }

    final Token peek() {
        return tokens.get(p);
    }

    final Token peek(int ahead) {
        int i = p + ahead;
        return tokens.get(i < tokens.size() ? i : tokens.size() - 1);
    }

    final Token advance() {
        Token t = tokens.get(p);
        if (t.type() != TokenType.EOF) {
            p++;
        }
        return t;
    }

    final Token previous() {
        return p > 0 ? tokens.get(p - 1) : null;
    }

    final boolean at(TokenType t) {
        return peek().type() == t;
    }

    final boolean at(Keyword k) {
        return peek().keyword() == k;
    }

    final boolean atAhead(int ahead, Keyword k) {
        return peek(ahead).keyword() == k;
    }

    final boolean accept(TokenType t) {
        if (at(t)) {
            advance();
            return true;
        }
        return false;
    }

    final boolean accept(Keyword k) {
        if (at(k)) {
            advance();
            return true;
        }
        return false;
    }

    final Token expect(TokenType t) {
        if (!at(t)) {
            throw syntaxError();
        }
        return advance();
    }

    final Token expect(Keyword k) {
        if (!at(k)) {
            throw syntaxError();
        }
        return advance();
    }

    /** True if the current token is an unquoted word spelled {@code word} (case-insensitive). */
    final boolean atWord(String word) {
        Token t = peek();
        return (t.type() == TokenType.IDENTIFIER || t.type() == TokenType.KEYWORD) && t.text().equalsIgnoreCase(word);
    }

    // ---- errors ----

    /** The error SQLite reports at the current token. */
    final PetrelException syntaxError() {
        return syntaxErrorAt(peek());
    }

    static PetrelException syntaxErrorAt(Token t) {
        if (t.type() == TokenType.EOF) {
            return SqlSyntaxError.at(t.offset(), "incomplete input");
        }
        if (t.type() == TokenType.ILLEGAL) {
            return SqlSyntaxError.at(t.offset(), "unrecognized token: \"" + t.text() + "\"");
        }
        return SqlSyntaxError.at(t.offset(), "near \"" + t.text() + "\": syntax error");
    }

    final PetrelException errorAt(Token t, String message) {
        return SqlSyntaxError.at(t.offset(), message);
    }

    // ---- names ----

    static boolean isId(Token t) {
        switch (t.type()) {
            case IDENTIFIER:
            case QUOTED_IDENTIFIER:
            case BRACKET_IDENTIFIER:
            case BACKTICK_IDENTIFIER:
                return true;
            case KEYWORD:
                return t.keyword().isIdFallback();
            default:
                return false;
        }
    }

    static boolean isIds(Token t) {
        return (isId(t) && t.keyword() != Keyword.INDEXED) || t.type() == TokenType.STRING;
    }

    static boolean isNm(Token t) {
        return isId(t) || t.type() == TokenType.STRING || isJoinKw(t);
    }

    static boolean isIdj(Token t) {
        return isId(t) || isJoinKw(t);
    }

    static boolean isJoinKw(Token t) {
        return t.keyword() != null && t.keyword().kind() == Keyword.Kind.JOIN_KW;
    }

    /** The name a name-like token stands for: quotes removed and doubled quotes undoubled. */
    static String nameOf(Token t) {
        String s = t.text();
        switch (t.type()) {
            case QUOTED_IDENTIFIER:
                return unquote(s, '"');
            case BACKTICK_IDENTIFIER:
                return unquote(s, '`');
            case STRING:
                return unquote(s, '\'');
            case BRACKET_IDENTIFIER:
                return s.substring(1, s.length() - 1);
            default:
                return s;
        }
    }

    static String unquote(String s, char q) {
        String body = s.substring(1, s.length() - 1);
        if (body.indexOf(q) < 0) {
            return body;
        }
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            b.append(c);
            if (c == q) {
                i++;
            }
        }
        return b.toString();
    }

    final String nm() {
        if (!isNm(peek())) {
            throw syntaxError();
        }
        return nameOf(advance());
    }

    final String id() {
        if (!isId(peek())) {
            throw syntaxError();
        }
        return nameOf(advance());
    }

    final String ids() {
        if (!isIds(peek())) {
            throw syntaxError();
        }
        return nameOf(advance());
    }

    /** {@code nm (, nm)*} inside parentheses already opened by the caller; consumes the closing ')'. */
    final List<String> nameListUntilRparen() {
        List<String> out = new ArrayList<>();
        do {
            out.add(nm());
        } while (accept(TokenType.COMMA));
        expect(TokenType.RPAREN);
        return out;
    }

    /** The source slice from token index {@code from} to the end of the last consumed token. */
    final String sliceFrom(int fromTokenIdx) {
        int start = tokens.get(fromTokenIdx).offset();
        int end = p > fromTokenIdx ? tokens.get(p - 1).end() : start;
        return sql.substring(start, end);
    }

    static <T> List<T> freeze(List<T> list) {
        return list.isEmpty() ? List.of() : List.copyOf(list);
    }
}
