package dev.petrel.func.json;

/**
 * Parses JSON text, including SQLite's JSON5 extensions (sqlite.org/json1.html "JSON5 extensions"), into a
 * {@link JsonNode} tree typed as SQLite's JSONB conversion would type it.
 *
 * <p>Accepted beyond RFC 8259: comments, JSON5 white space, trailing commas, unquoted (identifier) labels,
 * single-quoted strings, the escapes {@code \' \v \0 \xHH} and line continuations, raw control characters in
 * strings, hexadecimal integers, leading or trailing decimal points, a leading '+', Infinity/Inf and NaN.
 * {@link #parse} returns null on malformed input; {@link #errorPosition} then holds the 1-based character
 * position of the error and {@link #usedJson5} tells whether any extension was needed (json_valid flags).
 */
final class JsonParser {
    /** SQLite's JSON nesting limit. */
    static final int MAX_DEPTH = 1000;

    private final String s;
    private int pos;
    private int depth;
    private boolean json5;
    private int errorPos;

    private JsonParser(String s) {
        this.s = s;
    }

    /** The tree for {@code text}, or null when it is not well-formed JSON5. */
    static JsonNode parse(String text) {
        return new JsonParser(text).run();
    }

    /** 0 for well-formed text, else the 1-based position of the first error (json_error_position). */
    static int errorPosition(String text) {
        JsonParser p = new JsonParser(text);
        return p.run() == null ? Math.max(1, p.errorPos) : 0;
    }

    /** Whether {@code text} is well-formed; with {@code strict}, only RFC 8259 text counts. */
    static boolean valid(String text, boolean strict) {
        JsonParser p = new JsonParser(text);
        return p.run() != null && (!strict || !p.json5);
    }

    private JsonNode run() {
        try {
            JsonNode n = value();
            skipSpace();
            if (pos < s.length()) {
                return fail();
            }
            return n;
        } catch (Malformed e) {
            return null;
        }
    }

    /** Thrown inside the parser only; {@link #run} turns it into null. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed() {
            super(null, null, false, false);
        }
    }

    private JsonNode fail() {
        if (errorPos == 0) {
            errorPos = Math.min(pos, s.length()) + 1;
        }
        throw new Malformed();
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private JsonNode value() {
        skipSpace();
        if (pos >= s.length()) {
            return fail();
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
            case '\'':
                return string();
            case 't':
                return literal("true", JsonNode.TRUE);
            case 'f':
                return literal("false", JsonNode.FALSE);
            case 'n':
                return literal("null", JsonNode.NULL);
            case 'N':
                json5 = true;
                return literal("NaN", JsonNode.NULL);
            default:
                if (c == '-' || c == '+' || c == '.' || c == 'I' || (c >= '0' && c <= '9')) {
                    return number();
                }
                return fail();
        }
    }

    private JsonNode literal(String word, int type) {
        if (!s.startsWith(word, pos) || isIdentPart(charAt(pos + word.length()))) {
            return fail();
        }
        pos += word.length();
        return new JsonNode(type, null, null);
    }

    private char charAt(int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private JsonNode enter(int type) {
        if (++depth > MAX_DEPTH) {
            return fail();
        }
        pos++;
        return JsonNode.container(type);
    }

    private JsonNode array() {
        JsonNode a = enter(JsonNode.ARRAY);
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return a;
        }
        do {
            a.children.add(value());
        } while (!closed(']'));
        depth--;
        return a;
    }

    /**
     * After a member: consumes {@code close} (true), or a comma (false: another member follows), or a trailing
     * comma and {@code close} (true, JSON5); anything else is malformed.
     */
    private boolean closed(char close) {
        skipSpace();
        char c = peek();
        if (c == close) {
            pos++;
            return true;
        }
        if (c != ',') {
            fail();
        }
        pos++;
        skipSpace();
        if (peek() == close) {
            json5 = true;
            pos++;
            return true;
        }
        return false;
    }

    private JsonNode object() {
        JsonNode o = enter(JsonNode.OBJECT);
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return o;
        }
        for (;;) {
            skipSpace();
            char c = peek();
            if (c == '"' || c == '\'') {
                o.children.add(string());
            } else if (isIdentStart(c)) {
                json5 = true;
                int start = pos;
                while (pos < s.length() && isIdentPart(s.charAt(pos))) {
                    pos++;
                }
                o.children.add(JsonNode.scalar(JsonNode.TEXT, s.substring(start, pos)));
            } else {
                return fail();
            }
            skipSpace();
            if (peek() != ':') {
                return fail();
            }
            pos++;
            o.children.add(value());
            if (closed('}')) {
                break;
            }
        }
        depth--;
        return o;
    }

    private static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c >= 0x80
                && !JsonParser.isJson5Space(c);
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || c >= '0' && c <= '9';
    }

    private JsonNode string() {
        char q = s.charAt(pos++);
        if (q == '\'') {
            json5 = true;
        }
        int start = pos;
        int type = JsonNode.TEXT;
        for (;;) {
            if (pos >= s.length()) {
                return fail();
            }
            char c = s.charAt(pos);
            if (c == q) {
                break;
            }
            if (c == '\\') {
                pos++;
                char e = peek();
                if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    type = Math.max(type, JsonNode.TEXTJ);
                    pos++;
                } else if (e == 'u') {
                    pos++;
                    hexDigits(4);
                    type = Math.max(type, JsonNode.TEXTJ);
                } else if (e == 'x') {
                    pos++;
                    hexDigits(2);
                    type = JsonNode.TEXT5;
                    json5 = true;
                } else if (e == '\'' || e == 'v' || e == '\n' || e == 0x2028 || e == 0x2029) {
                    pos++;
                    type = JsonNode.TEXT5;
                    json5 = true;
                } else if (e == '\r') {
                    pos++;
                    if (peek() == '\n') {
                        pos++;
                    }
                    type = JsonNode.TEXT5;
                    json5 = true;
                } else if (e == '0' && !(charAt(pos + 1) >= '0' && charAt(pos + 1) <= '9')) {
                    pos++;
                    type = JsonNode.TEXT5;
                    json5 = true;
                } else {
                    return fail();
                }
                continue;
            }
            if (c < 0x20 || c == '"') {
                if (c < 0x20) {
                    json5 = true;
                }
                type = JsonNode.TEXT5;
            }
            pos++;
        }
        String payload = s.substring(start, pos);
        pos++;
        return JsonNode.scalar(type, payload);
    }

    private void hexDigits(int n) {
        for (int i = 0; i < n; i++) {
            if (!isHex(peek())) {
                fail();
            }
            pos++;
        }
    }

    static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private JsonNode number() {
        int start = pos;
        char sign = 0;
        if (peek() == '-' || peek() == '+') {
            sign = s.charAt(pos++);
            if (sign == '+') {
                json5 = true;
            }
        }
        String body = sign == '-' ? "-" : "";
        if (peek() == 'I') {
            json5 = true;
            if (s.startsWith("Infinity", pos)) {
                pos += 8;
            } else if (s.startsWith("Inf", pos)) {
                pos += 3;
            } else {
                return fail();
            }
            if (isIdentPart(peek())) {
                return fail();
            }
            return JsonNode.scalar(JsonNode.FLOAT, body + "9e999");
        }
        if (peek() == '0' && (charAt(pos + 1) == 'x' || charAt(pos + 1) == 'X')) {
            json5 = true;
            int digits = pos;
            pos += 2;
            int h = pos;
            while (isHex(peek())) {
                pos++;
            }
            if (pos == h) {
                return fail();
            }
            return JsonNode.scalar(JsonNode.INT5, body + s.substring(digits, pos));
        }
        int numStart = pos;
        boolean five = false;
        boolean real = false;
        int intDigits = digits();
        if (intDigits > 1 && s.charAt(numStart) == '0') {
            errorPos = numStart + 2;
            return fail();
        }
        if (peek() == '.') {
            real = true;
            pos++;
            int frac = digits();
            if (intDigits == 0 && frac == 0) {
                return fail();
            }
            if (intDigits == 0 || frac == 0) {
                five = true;
            }
        } else if (intDigits == 0) {
            return fail();
        }
        if (peek() == 'e' || peek() == 'E') {
            real = true;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (digits() == 0) {
                return fail();
            }
        }
        if (five) {
            json5 = true;
        }
        String text = body + s.substring(numStart, pos);
        if (start == pos) {
            return fail();
        }
        return JsonNode.scalar(five ? JsonNode.FLOAT5 : real ? JsonNode.FLOAT : JsonNode.INT, text);
    }

    private int digits() {
        int n = 0;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
            n++;
        }
        return n;
    }

    static boolean isJson5Space(char c) {
        switch (c) {
            case 0x0b:
            case 0x0c:
            case 0xa0:
            case 0xfeff:
            case 0x1680:
            case 0x2028:
            case 0x2029:
            case 0x202f:
            case 0x205f:
            case 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200a;
        }
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (isJson5Space(c)) {
                json5 = true;
                pos++;
            } else if (c == '/' && charAt(pos + 1) == '*') {
                json5 = true;
                int end = s.indexOf("*/", pos + 2);
                if (end < 0) {
                    fail();
                }
                pos = end + 2;
            } else if (c == '/' && charAt(pos + 1) == '/') {
                json5 = true;
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }
}
