package dev.petrel.engine;

import dev.petrel.api.PetrelException;
import java.util.ArrayList;
import java.util.List;

/**
 * INTERIM: compiles {@code SELECT <constant expression list>} for the foundation pipeline (JVM, WebAssembly, Web
 * Worker, JavaScript API) until the SQL front end ({@code dev.petrel.sql}) and the VM replace it.
 *
 * <p>Accepts {@code SELECT e1 [[AS] name], ...} where each expression is built from integer, real, string, blob and
 * NULL literals, parameters ({@code ?}, {@code ?N}, {@code :name}, {@code @name}, {@code $name}), parentheses,
 * unary {@code + -} and binary {@code * / % + - ||}, with SQLite's integer-overflow and division-by-zero rules.
 */
final class InterimSelect {
    /** A compiled constant SELECT: column names, parameter names and an expression tree per column. */
    static final class Compiled {
        final List<String> columnNames = new ArrayList<>();
        final List<Node> columns = new ArrayList<>();
        /** Parameter names by index - 1; null for nameless ones. */
        final List<String> parameterNames = new ArrayList<>();

        Object[] evaluate(Object[] params) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = columns.get(i).eval(params);
            }
            return row;
        }
    }

    interface Node {
        Object eval(Object[] params);
    }

    private final String sql;
    private int pos;
    private final Compiled out = new Compiled();

    private InterimSelect(String sql) {
        this.sql = sql;
    }

    static Compiled compile(String sql) {
        InterimSelect p = new InterimSelect(sql);
        p.parseStatement();
        return p.out;
    }

    // ---- lexing -------------------------------------------------------------------------------------------------

    private void skipSpace() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                while (pos < sql.length() && sql.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (sql.startsWith("/*", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                pos = end < 0 ? sql.length() : end + 2;
            } else {
                return;
            }
        }
    }

    private String peekWord() {
        skipSpace();
        int start = pos;
        int p = pos;
        while (p < sql.length() && (Character.isLetterOrDigit(sql.charAt(p)) || sql.charAt(p) == '_')) {
            p++;
        }
        return sql.substring(start, p);
    }

    private PetrelException syntaxError() {
        skipSpace();
        if (pos >= sql.length()) {
            return PetrelException.error("incomplete input");
        }
        int end = pos + 1;
        char c = sql.charAt(pos);
        if (Character.isLetterOrDigit(c) || c == '_') {
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                end++;
            }
        }
        return PetrelException.error("near \"" + sql.substring(pos, end) + "\": syntax error");
    }

    private boolean accept(char c) {
        skipSpace();
        if (pos < sql.length() && sql.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    // ---- parsing ------------------------------------------------------------------------------------------------

    private void parseStatement() {
        String kw = peekWord();
        if (!kw.equalsIgnoreCase("select")) {
            if (kw.isEmpty() && pos >= sql.length()) {
                throw PetrelException.error("incomplete input");
            }
            throw PetrelException.error("this build of Petrel only runs SELECT of constant expressions: "
                    + "the SQL engine is not integrated yet");
        }
        pos += kw.length();
        do {
            skipSpace();
            int start = pos;
            Node node = parseConcat();
            int end = pos;
            String name = sql.substring(start, end).trim();
            String word = peekWord();
            if (word.equalsIgnoreCase("as")) {
                pos += word.length();
                name = parseName();
            } else if (!word.isEmpty() && !Character.isDigit(word.charAt(0))) {
                name = parseName();
            } else if (accept('"')) {
                pos--;
                name = parseName();
            }
            out.columns.add(node);
            out.columnNames.add(name);
        } while (accept(','));
        accept(';');
        skipSpace();
        if (pos < sql.length()) {
            throw syntaxError();
        }
    }

    private String parseName() {
        skipSpace();
        if (accept('"')) {
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= sql.length()) {
                    throw PetrelException.error("unrecognized token: \"" + sql.substring(sql.lastIndexOf('"', pos - 1)) + "\"");
                }
                char c = sql.charAt(pos++);
                if (c == '"') {
                    if (pos < sql.length() && sql.charAt(pos) == '"') {
                        sb.append('"');
                        pos++;
                        continue;
                    }
                    return sb.toString();
                }
                sb.append(c);
            }
        }
        String w = peekWord();
        if (w.isEmpty()) {
            throw syntaxError();
        }
        pos += w.length();
        return w;
    }

    private Node parseConcat() {
        Node left = parseAdditive();
        while (true) {
            skipSpace();
            if (sql.startsWith("||", pos)) {
                pos += 2;
                Node l = left;
                Node r = parseAdditive();
                left = p -> InterimValues.concat(l.eval(p), r.eval(p));
            } else {
                return left;
            }
        }
    }

    private Node parseAdditive() {
        Node left = parseMultiplicative();
        while (true) {
            skipSpace();
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                char op = sql.charAt(pos++);
                Node l = left;
                Node r = parseMultiplicative();
                left = p -> InterimValues.arithmetic(op, l.eval(p), r.eval(p));
            } else {
                return left;
            }
        }
    }

    private Node parseMultiplicative() {
        Node left = parseUnary();
        while (true) {
            skipSpace();
            if (pos < sql.length() && (sql.charAt(pos) == '*' || sql.charAt(pos) == '/' || sql.charAt(pos) == '%')) {
                char op = sql.charAt(pos++);
                Node l = left;
                Node r = parseUnary();
                left = p -> InterimValues.arithmetic(op, l.eval(p), r.eval(p));
            } else {
                return left;
            }
        }
    }

    private Node parseUnary() {
        if (accept('-')) {
            Node operand = parseUnary();
            return p -> InterimValues.arithmetic('-', 0L, operand.eval(p));
        }
        if (accept('+')) {
            return parseUnary();
        }
        return parsePrimary();
    }

    private Node parsePrimary() {
        skipSpace();
        if (pos >= sql.length()) {
            throw syntaxError();
        }
        char c = sql.charAt(pos);
        if (c == '(') {
            pos++;
            Node inner = parseConcat();
            if (!accept(')')) {
                throw syntaxError();
            }
            return inner;
        }
        if (c == '\'') {
            String s = parseQuoted();
            return p -> s;
        }
        if ((c == 'x' || c == 'X') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
            pos++;
            String hex = parseQuoted();
            if ((hex.length() & 1) != 0 || !hex.matches("[0-9a-fA-F]*")) {
                throw PetrelException.error("unrecognized token: \"x'" + hex + "'\"");
            }
            byte[] blob = new byte[hex.length() / 2];
            for (int i = 0; i < blob.length; i++) {
                blob[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return p -> blob.clone();
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
            Object number = parseNumber();
            return p -> number;
        }
        if (c == '?' || c == ':' || c == '@' || c == '$') {
            return parseParameter();
        }
        String word = peekWord();
        if (word.equalsIgnoreCase("null")) {
            pos += word.length();
            return p -> null;
        }
        throw syntaxError();
    }

    private String parseQuoted() {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= sql.length()) {
                throw PetrelException.error("unrecognized token: \"" + sql.substring(start) + "\"");
            }
            char ch = sql.charAt(pos++);
            if (ch == '\'') {
                if (pos < sql.length() && sql.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                    continue;
                }
                return sb.toString();
            }
            sb.append(ch);
        }
    }

    private Object parseNumber() {
        int start = pos;
        boolean real = false;
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
            pos++;
        }
        if (pos < sql.length() && sql.charAt(pos) == '.') {
            real = true;
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            real = true;
            pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        String text = sql.substring(start, pos);
        if (!real) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooBig) {
                return Double.parseDouble(text);
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw PetrelException.error("unrecognized token: \"" + text + "\"");
        }
    }

    private Node parseParameter() {
        char prefix = sql.charAt(pos++);
        int start = pos;
        while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
            pos++;
        }
        String suffix = sql.substring(start, pos);
        int index;
        if (prefix == '?') {
            if (suffix.isEmpty()) {
                out.parameterNames.add(null);
                index = out.parameterNames.size();
            } else {
                index = Integer.parseInt(suffix);
                if (index < 1 || index > 32766) {
                    throw PetrelException.error("variable number must be between ?1 and ?32766");
                }
                while (out.parameterNames.size() < index) {
                    out.parameterNames.add(null);
                }
                out.parameterNames.set(index - 1, "?" + suffix);
            }
        } else {
            String name = prefix + suffix;
            int existing = out.parameterNames.indexOf(name);
            if (existing >= 0) {
                index = existing + 1;
            } else {
                out.parameterNames.add(name);
                index = out.parameterNames.size();
            }
        }
        int slot = index - 1;
        return p -> slot < p.length ? p[slot] : null;
    }
}
