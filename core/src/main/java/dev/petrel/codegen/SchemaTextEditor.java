package dev.petrel.codegen;

import dev.petrel.sql.lexer.Keyword;
import dev.petrel.sql.lexer.Lexer;
import dev.petrel.sql.lexer.Token;
import dev.petrel.sql.lexer.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Edits the CREATE text of one sqlite_schema row token by token, as ALTER TABLE does in SQLite: the text keeps the
 * user's formatting and comments, and only the tokens that name the renamed table or column (or the span of a
 * dropped column definition) change.
 *
 * <p>Contract: the finders ({@link #tableRefs}, {@link #columnRefs}, {@link #columnDefSpans}) look at tokens only;
 * they know SQL's shape (where a table name may stand, which parenthesis holds column definitions) but do not
 * resolve names against a schema, so a caller decides which references it means. Edits are collected with
 * {@link #replace}/{@link #delete} and applied by {@link #text()}; edits never overlap (a token is edited once).
 *
 * <p>Invariants: (1) token indexes refer to {@link #tokens}, which ends with EOF; (2) an edit covers whole tokens or
 * the text between two tokens.
 */
final class SchemaTextEditor {
    /** What kind of CREATE statement the text is (its second or third token). */
    enum Kind { TABLE, INDEX, VIEW, TRIGGER, OTHER }

    private static final Set<Keyword> FROM_ENDS = Set.of(Keyword.WHERE, Keyword.GROUP, Keyword.HAVING,
            Keyword.ORDER, Keyword.LIMIT, Keyword.WINDOW, Keyword.UNION, Keyword.INTERSECT, Keyword.EXCEPT,
            Keyword.SET, Keyword.VALUES, Keyword.SELECT, Keyword.RETURNING, Keyword.BEGIN, Keyword.END,
            Keyword.WHEN);

    /** Keywords that end a column definition's type name (the start of a column constraint). */
    private static final Set<Keyword> CONSTRAINT_STARTS = Set.of(Keyword.CONSTRAINT, Keyword.PRIMARY, Keyword.NOT,
            Keyword.NULL, Keyword.UNIQUE, Keyword.CHECK, Keyword.DEFAULT, Keyword.COLLATE, Keyword.REFERENCES,
            Keyword.GENERATED, Keyword.AS);

    /** Keywords that start a table constraint inside CREATE TABLE's parentheses. */
    private static final Set<Keyword> TABLE_CONSTRAINT_STARTS = Set.of(Keyword.CONSTRAINT, Keyword.PRIMARY,
            Keyword.UNIQUE, Keyword.CHECK, Keyword.FOREIGN);

    final String sql;
    final List<Token> tokens;
    final Kind kind;
    private final TreeMap<Integer, String[]> edits = new TreeMap<>();
    /** Per token: the parenthesis depth it stands at, and the number of the statement it belongs to. */
    private final int[] depth;
    private final int[] statement;

    SchemaTextEditor(String sql) {
        this.sql = sql;
        this.tokens = Lexer.tokenize(sql);
        Kind k = Kind.OTHER;
        for (int i = 1; i < Math.min(3, tokens.size()); i++) {
            Keyword kw = tokens.get(i).keyword();
            if (kw == Keyword.TABLE) {
                k = Kind.TABLE;
            } else if (kw == Keyword.INDEX) {
                k = Kind.INDEX;
            } else if (kw == Keyword.VIEW) {
                k = Kind.VIEW;
            } else if (kw == Keyword.TRIGGER) {
                k = Kind.TRIGGER;
            } else if (kw == Keyword.VIRTUAL) {
                break;
            }
            if (k != Kind.OTHER) {
                break;
            }
        }
        this.kind = k;
        depth = new int[tokens.size()];
        statement = new int[tokens.size()];
        int d = 0;
        int st = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() == TokenType.RPAREN) {
                d = Math.max(0, d - 1);
            }
            depth[i] = d;
            statement[i] = st;
            if (t.type() == TokenType.LPAREN) {
                d++;
            } else if (d == 0 && (t.type() == TokenType.SEMI || t.keyword() == Keyword.BEGIN)) {
                st++;
            }
        }
    }

    /** The parenthesis depth token i stands at (0 outside every parenthesis). */
    int depthOf(int i) {
        return depth[Math.max(0, Math.min(i, depth.length - 1))];
    }

    /** The statement token i belongs to: 0 for a trigger's header, then one per statement of its body. */
    int statementOf(int i) {
        return statement[Math.max(0, Math.min(i, statement.length - 1))];
    }

    Token tok(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : tokens.get(tokens.size() - 1);
    }

    /** Whether token i is an identifier written as such (bare or quoted), not a keyword. */
    boolean isIdentifier(int i) {
        TokenType t = tok(i).type();
        return t == TokenType.IDENTIFIER || t == TokenType.QUOTED_IDENTIFIER || t == TokenType.BRACKET_IDENTIFIER
                || t == TokenType.BACKTICK_IDENTIFIER;
    }

    /** Whether token i may be a name (an identifier, or a keyword used as a name, or a string in name position). */
    boolean isName(int i) {
        return isIdentifier(i) || tok(i).type() == TokenType.KEYWORD || tok(i).type() == TokenType.STRING;
    }

    /** The name token i stands for, dequoted. */
    String name(int i) {
        return dequote(tok(i));
    }

    boolean nameIs(int i, String name) {
        return isName(i) && name(i).equalsIgnoreCase(name);
    }

    boolean is(int i, TokenType type) {
        return tok(i).type() == type;
    }

    boolean is(int i, Keyword kw) {
        return tok(i).keyword() == kw;
    }

    static String dequote(Token t) {
        return dev.petrel.sql.parser.Parser.tokenName(t);
    }

    /** {@code "name"} with embedded quotes doubled (SQLite's %w inside double quotes). */
    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Whether token i was written quoted (any of SQLite's quote styles). */
    boolean isQuoted(int i) {
        TokenType t = tok(i).type();
        return t == TokenType.QUOTED_IDENTIFIER || t == TokenType.BRACKET_IDENTIFIER
                || t == TokenType.BACKTICK_IDENTIFIER || t == TokenType.STRING;
    }

    void replace(int i, String text) {
        Token t = tok(i);
        edits.put(t.offset(), new String[] {String.valueOf(t.end()), text});
    }

    /** Deletes the characters [start, end). */
    void delete(int start, int end) {
        edits.put(start, new String[] {String.valueOf(end), ""});
    }

    boolean changed() {
        return !edits.isEmpty();
    }

    /** The text with every edit applied. */
    String text() {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int at = 0;
        for (var e : edits.entrySet()) {
            int start = e.getKey();
            if (start < at) {
                continue;
            }
            out.append(sql, at, start).append(e.getValue()[1]);
            at = Integer.parseInt(e.getValue()[0]);
        }
        return out.append(sql, at, sql.length()).toString();
    }

    // ---- finders -------------------------------------------------------------------------------------------------

    /** The token index of the object's own name (after {@code CREATE [UNIQUE|TEMP] kind [IF NOT EXISTS]}). */
    int objectName() {
        int i = 1;
        while (i < tokens.size() && tok(i).type() == TokenType.KEYWORD && !is(i, Keyword.TABLE)
                && !is(i, Keyword.INDEX) && !is(i, Keyword.VIEW) && !is(i, Keyword.TRIGGER)) {
            i++;
        }
        i++;
        if (is(i, Keyword.IF)) {
            i += 3;
        }
        if (is(i + 1, TokenType.DOT)) {
            i += 2;
        }
        return i;
    }

    /** Skips an optional {@code schema.} prefix: the index of the table name starting at i. */
    private int qualifiedName(int i) {
        return is(i + 1, TokenType.DOT) && isName(i + 2) ? i + 2 : i;
    }

    /**
     * Indexes of the tokens that stand where a table name stands: the table of CREATE TABLE, the ON table of an
     * index or trigger, REFERENCES targets, and FROM/JOIN/INTO/UPDATE targets and comma-separated FROM items.
     */
    List<Integer> tableRefs() {
        List<Integer> out = new ArrayList<>();
        if (kind == Kind.TABLE) {
            out.add(objectName());
        }
        boolean[] inFrom = new boolean[tokens.size() + 2];
        int depth = 0;
        boolean headerOn = kind == Kind.INDEX || kind == Kind.TRIGGER;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tok(i);
            if (t.type() == TokenType.LPAREN) {
                depth++;
                inFrom[depth] = false;
                continue;
            }
            if (t.type() == TokenType.RPAREN) {
                depth = Math.max(0, depth - 1);
                continue;
            }
            Keyword kw = t.keyword();
            int target = -1;
            if (kw == Keyword.FROM || kw == Keyword.JOIN) {
                inFrom[depth] = true;
                target = i + 1;
            } else if (kw == Keyword.INTO || kw == Keyword.REFERENCES) {
                target = i + 1;
            } else if (kw == Keyword.UPDATE && !(kind == Kind.TRIGGER && headerOn)) {
                target = is(i + 1, Keyword.OR) ? i + 3 : i + 1;
            } else if (kw == Keyword.ON && headerOn && depth == 0) {
                headerOn = false;
                target = i + 1;
            } else if (t.type() == TokenType.COMMA && inFrom[depth]) {
                target = i + 1;
            } else if (kw != null && FROM_ENDS.contains(kw)) {
                inFrom[depth] = false;
            }
            if (target >= 0 && isName(target) && !is(target, TokenType.LPAREN)
                    && (isIdentifier(target) || tok(target).type() == TokenType.STRING
                        || !isStructural(tok(target).keyword()))) {
                out.add(qualifiedName(target));
            }
        }
        return out;
    }

    private static boolean isStructural(Keyword kw) {
        return kw == Keyword.SELECT || kw == Keyword.VALUES || kw == Keyword.WITH || kw == Keyword.OR
                || kw == Keyword.DEFAULT;
    }

    /** Whether token i is a qualifier: a name followed by {@code .name}. */
    boolean isQualifier(int i) {
        return isName(i) && is(i + 1, TokenType.DOT) && isName(i + 2);
    }

    /**
     * Token ranges {first, last} of the column definitions and table constraints of a CREATE TABLE, in order; the
     * flag {@code [2]} is 1 for a column definition and 0 for a table constraint.
     */
    List<int[]> columnDefSpans() {
        List<int[]> out = new ArrayList<>();
        int open = objectName() + 1;
        while (open < tokens.size() && !is(open, TokenType.LPAREN)) {
            open++;
        }
        int depth = 0;
        int start = open + 1;
        boolean constraints = false;
        for (int i = open; i < tokens.size(); i++) {
            TokenType t = tok(i).type();
            if (t == TokenType.LPAREN) {
                depth++;
            } else if (t == TokenType.RPAREN || t == TokenType.EOF) {
                depth--;
                if (depth == 0 || t == TokenType.EOF) {
                    constraints |= startsTableConstraint(start);
                    out.add(new int[] {start, i - 1, constraints ? 0 : 1});
                    break;
                }
            } else if (t == TokenType.COMMA && depth == 1) {
                constraints |= startsTableConstraint(start);
                out.add(new int[] {start, i - 1, constraints ? 0 : 1});
                start = i + 1;
            }
        }
        return out;
    }

    private boolean startsTableConstraint(int i) {
        Keyword kw = tok(i).keyword();
        return kw != null && TABLE_CONSTRAINT_STARTS.contains(kw);
    }

    /** Where a column definition's constraints start (after its name and type). */
    int afterTypeName(int nameIdx) {
        int j = nameIdx + 1;
        while (isIdentifier(j)
                || (tok(j).type() == TokenType.KEYWORD && !CONSTRAINT_STARTS.contains(tok(j).keyword()))) {
            j++;
        }
        if (is(j, TokenType.LPAREN) && j > nameIdx + 1) {
            j = matchingParen(j) + 1;
        }
        return j;
    }

    int matchingParen(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (is(i, TokenType.LPAREN)) {
                depth++;
            } else if (is(i, TokenType.RPAREN) && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /**
     * Whether name token i is an expression's column name as far as tokens tell: not a function name, not a
     * qualifier, not a COLLATE/CONSTRAINT name, not an AS alias and not a DEFAULT value.
     */
    boolean isPlainColumnToken(int i) {
        if (!isName(i) || tok(i).type() == TokenType.STRING) {
            return false;
        }
        if (tok(i).type() == TokenType.KEYWORD && !is(i - 1, TokenType.DOT)) {
            return false;
        }
        if (is(i + 1, TokenType.LPAREN) || is(i + 1, TokenType.DOT)) {
            return false;
        }
        Keyword prev = tok(i - 1).keyword();
        return prev != Keyword.COLLATE && prev != Keyword.CONSTRAINT && prev != Keyword.AS
                && prev != Keyword.DEFAULT;
    }

    /**
     * References to a column named {@code column}: tokens that pass {@link #isPlainColumnToken}, are not among
     * {@code excluded}, and are either unqualified (when {@code unqualifiedToo}) or qualified by one of
     * {@code qualifiers} (case-insensitive), in token range [from, to).
     */
    List<Integer> columnRefs(String column, Set<String> qualifiers, boolean unqualifiedToo, int from, int to,
                             Set<Integer> excluded) {
        List<Integer> out = new ArrayList<>();
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            if (excluded.contains(i) || !nameIs(i, column) || !isPlainColumnToken(i)) {
                continue;
            }
            if (is(i - 1, TokenType.DOT)) {
                if (qualifiers.contains(name(i - 2).toLowerCase(Locale.ROOT))) {
                    out.add(i);
                }
            } else if (unqualifiedToo) {
                out.add(i);
            }
        }
        return out;
    }
}
