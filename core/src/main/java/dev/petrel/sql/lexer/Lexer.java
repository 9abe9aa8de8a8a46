package dev.petrel.sql.lexer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into {@link Token}s by SQLite's tokenizer rules.
 *
 * <p>Contract: {@link #next()} returns the tokens in order, skipping whitespace and comments, and then
 * {@link TokenType#EOF} forever. It never throws: text that cannot be a token becomes one {@link TokenType#ILLEGAL}
 * token whose text is what SQLite quotes in {@code unrecognized token: "..."}. Not thread-safe (one instance per
 * string).
 *
 * <p>Invariants:
 * <ol>
 *   <li>Offsets are UTF-16 char indexes into the input and strictly increase from token to token.</li>
 *   <li>{@code token.text()} equals {@code sql.substring(token.offset(), token.end())}.</li>
 *   <li>An identifier character is a letter, digit, '_', '$' or any char at or above U+0080 (as SQLite treats every
 *       non-ASCII byte); an identifier starts with any of those except a digit or '$'.</li>
 * </ol>
 */
public final class Lexer {
    private final String sql;
    private final int n;
    private int pos;
    private boolean unterminatedComment;

    public Lexer(String sql) {
        this.sql = sql;
        this.n = sql.length();
    }

    /** The whole token list of {@code sql}, ending with one EOF token. */
    public static List<Token> tokenize(String sql) {
        Lexer lx = new Lexer(sql);
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = lx.next();
            out.add(t);
            if (t.type() == TokenType.EOF) {
                return out;
            }
        }
    }

    /** The current scan position (after the last token returned). */
    public int position() {
        return pos;
    }

    static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || c >= 0x80;
    }

    static boolean isIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private char at(int i) {
        return i < n ? sql.charAt(i) : '\0';
    }

    private Token make(TokenType type, int start, int end) {
        pos = end;
        Keyword kw = null;
        String text = sql.substring(start, end);
        if (type == TokenType.IDENTIFIER) {
            kw = Keyword.lookup(text);
            if (kw != null) {
                type = TokenType.KEYWORD;
            }
        }
        return new Token(type, kw, start, end - start, text);
    }

    /** Skips whitespace and comments; returns the next token. */
    public Token next() {
        int i = pos;
        while (i < n) {
            char c = sql.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (c == '-' && at(i + 1) == '-') {
                i += 2;
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && at(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    unterminatedComment = true;
                    i = n;
                } else {
                    i = close + 2;
                }
            } else {
                break;
            }
        }
        pos = i;
        if (i >= n) {
            return new Token(TokenType.EOF, null, n, 0, "");
        }
        char c = sql.charAt(i);
        switch (c) {
            case '(':
                return make(TokenType.LPAREN, i, i + 1);
            case ')':
                return make(TokenType.RPAREN, i, i + 1);
            case ';':
                return make(TokenType.SEMI, i, i + 1);
            case ',':
                return make(TokenType.COMMA, i, i + 1);
            case '+':
                return make(TokenType.PLUS, i, i + 1);
            case '*':
                return make(TokenType.STAR, i, i + 1);
            case '/':
                return make(TokenType.SLASH, i, i + 1);
            case '%':
                return make(TokenType.REM, i, i + 1);
            case '&':
                return make(TokenType.BITAND, i, i + 1);
            case '~':
                return make(TokenType.BITNOT, i, i + 1);
            case '-':
                if (at(i + 1) == '>') {
                    return at(i + 2) == '>' ? make(TokenType.PTR2, i, i + 3) : make(TokenType.PTR, i, i + 2);
                }
                return make(TokenType.MINUS, i, i + 1);
            case '=':
                return make(TokenType.EQ, i, at(i + 1) == '=' ? i + 2 : i + 1);
            case '<': {
                char d = at(i + 1);
                if (d == '=') {
                    return make(TokenType.LE, i, i + 2);
                } else if (d == '>') {
                    return make(TokenType.NE, i, i + 2);
                } else if (d == '<') {
                    return make(TokenType.LSHIFT, i, i + 2);
                }
                return make(TokenType.LT, i, i + 1);
            }
            case '>': {
                char d = at(i + 1);
                if (d == '=') {
                    return make(TokenType.GE, i, i + 2);
                } else if (d == '>') {
                    return make(TokenType.RSHIFT, i, i + 2);
                }
                return make(TokenType.GT, i, i + 1);
            }
            case '!':
                return at(i + 1) == '=' ? make(TokenType.NE, i, i + 2) : make(TokenType.ILLEGAL, i, i + 1);
            case '|':
                return at(i + 1) == '|' ? make(TokenType.CONCAT, i, i + 2) : make(TokenType.BITOR, i, i + 1);
            case '\'':
                return quoted(i, '\'', TokenType.STRING);
            case '"':
                return quoted(i, '"', TokenType.QUOTED_IDENTIFIER);
            case '`':
                return quoted(i, '`', TokenType.BACKTICK_IDENTIFIER);
            case '[': {
                int close = sql.indexOf(']', i + 1);
                return close < 0 ? make(TokenType.ILLEGAL, i, n) : make(TokenType.BRACKET_IDENTIFIER, i, close + 1);
            }
            case '.':
                return isDigit(at(i + 1)) ? number(i) : make(TokenType.DOT, i, i + 1);
            case '?': {
                int j = i + 1;
                while (isDigit(at(j))) {
                    j++;
                }
                return make(TokenType.VARIABLE, i, j);
            }
            case ':':
            case '@':
            case '$':
            case '#':
                return namedVariable(i);
            default:
                break;
        }
        if (isDigit(c)) {
            return number(i);
        }
        if ((c == 'x' || c == 'X') && at(i + 1) == '\'') {
            return blob(i);
        }
        if (isIdStart(c)) {
            int j = i + 1;
            while (j < n && isIdChar(sql.charAt(j))) {
                j++;
            }
            return make(TokenType.IDENTIFIER, i, j);
        }
        return make(TokenType.ILLEGAL, i, i + 1);
    }

    /** A quoted token; a doubled quote is an escaped quote. Unterminated: ILLEGAL to end of input. */
    private Token quoted(int start, char q, TokenType type) {
        int j = start + 1;
        while (j < n) {
            if (sql.charAt(j) == q) {
                if (at(j + 1) == q) {
                    j += 2;
                    continue;
                }
                return make(type, start, j + 1);
            }
            j++;
        }
        return make(TokenType.ILLEGAL, start, n);
    }

    private Token blob(int start) {
        int j = start + 2;
        while (j < n && isHexDigit(sql.charAt(j))) {
            j++;
        }
        if (at(j) == '\'' && (j - start - 2) % 2 == 0) {
            return make(TokenType.BLOB, start, j + 1);
        }
        while (j < n && sql.charAt(j) != '\'') {
            j++;
        }
        return make(TokenType.ILLEGAL, start, j < n ? j + 1 : n);
    }

    private Token namedVariable(int start) {
        int j = start + 1;
        int nameChars = 0;
        while (j < n) {
            char c = sql.charAt(j);
            if (isIdChar(c)) {
                nameChars++;
                j++;
            } else if (c == '(' && nameChars > 0) {
                // Tcl array element form $a(b): everything up to ')' with no whitespace.
                int k = j + 1;
                while (k < n && sql.charAt(k) != ')' && !isSpace(sql.charAt(k))) {
                    k++;
                }
                if (k < n && sql.charAt(k) == ')') {
                    return make(TokenType.VARIABLE, start, k + 1);
                }
                return make(TokenType.ILLEGAL, start, k);
            } else if (c == ':' && at(j + 1) == ':') {
                j += 2;
            } else {
                break;
            }
        }
        return make(nameChars == 0 ? TokenType.ILLEGAL : TokenType.VARIABLE, start, j);
    }

    /**
     * A numeric literal. Underscores may separate digits (SQLite 3.46+); one that does not sit between two digits
     * makes the whole token ILLEGAL, as does an identifier character glued to the end ({@code 12abc}).
     */
    private Token number(int start) {
        int j = start;
        boolean ok = true;
        TokenType type = TokenType.INTEGER;
        if (sql.charAt(j) == '0' && (at(j + 1) == 'x' || at(j + 1) == 'X') && isHexDigit(at(j + 2))) {
            j += 2;
            while (j < n && (isHexDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                if (sql.charAt(j) == '_' && !(isHexDigit(at(j - 1)) && isHexDigit(at(j + 1)))) {
                    ok = false;
                }
                j++;
            }
        } else {
            j = digits(j);
            ok = lastDigitsOk;
            if (at(j) == '.') {
                type = TokenType.FLOAT;
                j = digits(j + 1);
                ok &= lastDigitsOk;
            }
            char e = at(j);
            if ((e == 'e' || e == 'E') && (isDigit(at(j + 1))
                    || ((at(j + 1) == '+' || at(j + 1) == '-') && isDigit(at(j + 2))))) {
                type = TokenType.FLOAT;
                j = digits(j + 2);
                ok &= lastDigitsOk;
            }
        }
        while (j < n && isIdChar(sql.charAt(j))) {
            ok = false;
            j++;
        }
        return make(ok ? type : TokenType.ILLEGAL, start, j);
    }

    private boolean lastDigitsOk;

    /** Scans digits and separators from {@code j}; sets {@link #lastDigitsOk} to whether every '_' was legal. */
    private int digits(int j) {
        lastDigitsOk = true;
        while (j < n && (isDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            if (sql.charAt(j) == '_' && !(isDigit(at(j - 1)) && isDigit(at(j + 1)))) {
                lastDigitsOk = false;
            }
            j++;
        }
        return j;
    }

    // ---- sqlite3_complete ----

    private static final int ST_INITIAL = 0;
    private static final int ST_AFTER_SEMI = 1;
    private static final int ST_NORMAL = 2;
    private static final int ST_EXPLAIN = 3;
    private static final int ST_CREATE = 4;
    private static final int ST_TRIGGER = 5;
    private static final int ST_TRIGGER_SEMI = 6;
    private static final int ST_TRIGGER_END = 7;

    /**
     * True if {@code sql} ends with a complete statement: the last token is a ';' that is not inside a CREATE
     * TRIGGER body (whose end is {@code ; END ;}), and no string, quoted name or comment is left open. An input of
     * only whitespace and comments is not complete.
     */
    public static boolean isComplete(String sql) {
        Lexer lx = new Lexer(sql);
        int state = ST_INITIAL;
        while (true) {
            Token t = lx.next();
            if (t.type() == TokenType.EOF) {
                return state == ST_AFTER_SEMI && !lx.unterminatedComment;
            }
            boolean semi = t.type() == TokenType.SEMI;
            String word = t.type() == TokenType.KEYWORD ? t.keyword().name()
                    : t.type() == TokenType.IDENTIFIER ? t.text() : "";
            switch (state) {
                case ST_INITIAL:
                case ST_AFTER_SEMI:
                case ST_EXPLAIN:
                    if (semi) {
                        state = ST_AFTER_SEMI;
                    } else if (word.equals("CREATE")) {
                        state = ST_CREATE;
                    } else if (word.equals("EXPLAIN") && state != ST_EXPLAIN) {
                        state = ST_EXPLAIN;
                    } else {
                        state = ST_NORMAL;
                    }
                    break;
                case ST_CREATE:
                    if (semi) {
                        state = ST_AFTER_SEMI;
                    } else if (word.equals("TEMP") || word.equals("TEMPORARY")) {
                        state = ST_CREATE;
                    } else if (word.equals("TRIGGER")) {
                        state = ST_TRIGGER;
                    } else {
                        state = ST_NORMAL;
                    }
                    break;
                case ST_TRIGGER:
                    state = semi ? ST_TRIGGER_SEMI : ST_TRIGGER;
                    break;
                case ST_TRIGGER_SEMI:
                    state = semi ? ST_TRIGGER_SEMI : word.equals("END") ? ST_TRIGGER_END : ST_TRIGGER;
                    break;
                case ST_TRIGGER_END:
                    state = semi ? ST_AFTER_SEMI : ST_TRIGGER;
                    break;
                default:
                    if (semi) {
                        state = ST_AFTER_SEMI;
                    }
                    break;
            }
        }
    }
}
