package dev.petrel.func.json;

import dev.petrel.value.RealText;

/**
 * Renders a {@link JsonNode} tree as SQLite's canonical JSON text (RFC 8259, minified or json_pretty's layout),
 * and converts elements to and from SQL values.
 *
 * <p>Text rules (matching json()): numbers print as stored, except JSON5 forms, which are normalized
 * ({@code 0x1F} to {@code 31}, {@code .5} to {@code 0.5}, {@code 5.} to {@code 5.0}); strings keep their JSON
 * escapes, while JSON5 escapes and raw control characters are rewritten ({@code \x41} to {@code \u0041},
 * {@code \'} to {@code '}, a raw newline to {@code \n}).
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** Minified JSON text of {@code n}. */
    public static String text(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        write(n, sb, null, 0);
        return sb.toString();
    }

    /** json_pretty's layout: one element per line, {@code indent} repeated per level. */
    static String pretty(JsonNode n, String indent) {
        StringBuilder sb = new StringBuilder();
        write(n, sb, indent, 0);
        return sb.toString();
    }

    private static void newline(StringBuilder sb, String indent, int level) {
        sb.append('\n');
        for (int i = 0; i < level; i++) {
            sb.append(indent);
        }
    }

    private static void write(JsonNode n, StringBuilder sb, String indent, int level) {
        switch (n.type) {
            case JsonNode.NULL:
                sb.append("null");
                return;
            case JsonNode.TRUE:
                sb.append("true");
                return;
            case JsonNode.FALSE:
                sb.append("false");
                return;
            case JsonNode.INT:
            case JsonNode.FLOAT:
                sb.append(n.payload);
                return;
            case JsonNode.INT5:
                sb.append(hexToDecimalText(n.payload));
                return;
            case JsonNode.FLOAT5:
                sb.append(normalizeFloat5(n.payload));
                return;
            case JsonNode.TEXT:
            case JsonNode.TEXTJ:
                sb.append('"').append(n.payload).append('"');
                return;
            case JsonNode.TEXT5:
                sb.append('"');
                text5(n.payload, sb);
                sb.append('"');
                return;
            case JsonNode.TEXTRAW:
                quote(n.payload, sb);
                return;
            case JsonNode.ARRAY:
            case JsonNode.OBJECT: {
                boolean obj = n.type == JsonNode.OBJECT;
                sb.append(obj ? '{' : '[');
                int count = n.children.size();
                if (count > 0) {
                    for (int i = 0; i < count; i++) {
                        if (i > 0 && (!obj || i % 2 == 0)) {
                            sb.append(',');
                        }
                        if (indent != null && (!obj || i % 2 == 0)) {
                            newline(sb, indent, level + 1);
                        }
                        write(n.children.get(i), sb, indent, level + 1);
                        if (obj && i % 2 == 0) {
                            sb.append(indent != null ? ": " : ":");
                        }
                    }
                    if (indent != null) {
                        newline(sb, indent, level);
                    }
                }
                sb.append(obj ? '}' : ']');
                return;
            }
            default:
                throw new IllegalStateException("JSON element type " + n.type);
        }
    }

    /** Appends {@code s} as a JSON string literal, escaping what RFC 8259 requires. */
    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        escape(s, sb);
        sb.append('"');
    }

    /** Whether {@code s} can be a JSON string payload without escapes. */
    static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    static void escape(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            escapeChar(s.charAt(i), sb);
        }
    }

    private static void escapeChar(char c, StringBuilder sb) {
        switch (c) {
            case '"':
                sb.append("\\\"");
                break;
            case '\\':
                sb.append("\\\\");
                break;
            case '\b':
                sb.append("\\b");
                break;
            case '\f':
                sb.append("\\f");
                break;
            case '\n':
                sb.append("\\n");
                break;
            case '\r':
                sb.append("\\r");
                break;
            case '\t':
                sb.append("\\t");
                break;
            default:
                if (c < 0x20) {
                    sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                } else {
                    sb.append(c);
                }
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Rewrites a TEXT5 payload as RFC 8259 string content. */
    private static void text5(String p, StringBuilder sb) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c != '\\') {
                escapeChar(c, sb);
                continue;
            }
            char e = p.charAt(++i);
            switch (e) {
                case '\'':
                    sb.append('\'');
                    break;
                case 'v':
                    sb.append("\\u000b");
                    break;
                case '0':
                    sb.append("\\u0000");
                    break;
                case 'x':
                    sb.append("\\u00").append(p, i + 1, i + 3);
                    i += 2;
                    break;
                case '\r':
                    if (i + 1 < p.length() && p.charAt(i + 1) == '\n') {
                        i++;
                    }
                    break;
                case '\n':
                case 0x2028:
                case 0x2029:
                    break;
                case 'u':
                    sb.append("\\u").append(p, i + 1, i + 5);
                    i += 4;
                    break;
                default:
                    sb.append('\\').append(e);
            }
        }
    }

    /** The decoded characters of a string element (escapes resolved). */
    static String stringValue(JsonNode n) {
        if (n.type == JsonNode.TEXT || n.type == JsonNode.TEXTRAW) {
            return n.payload;
        }
        String p = n.payload;
        if (p.indexOf('\\') < 0) {
            return p;
        }
        StringBuilder sb = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = p.charAt(++i);
            switch (e) {
                case 'b':
                    sb.append('\b');
                    break;
                case 'f':
                    sb.append('\f');
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'v':
                    sb.append('\u000b');
                    break;
                case '0':
                    sb.append('\0');
                    break;
                case 'x':
                    sb.append((char) Integer.parseInt(p.substring(i + 1, i + 3), 16));
                    i += 2;
                    break;
                case 'u':
                    sb.append((char) Integer.parseInt(p.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                case '\n':
                case 0x2028:
                case 0x2029:
                    break;
                default:
                    sb.append(e);
            }
        }
        return sb.toString();
    }

    /** The text SQLite prints for a JSON5 float: a digit on each side of the point. */
    static String normalizeFloat5(String p) {
        StringBuilder sb = new StringBuilder(p.length() + 2);
        int i = 0;
        if (p.charAt(0) == '-' || p.charAt(0) == '+') {
            if (p.charAt(0) == '-') {
                sb.append('-');
            }
            i = 1;
        }
        if (i < p.length() && p.charAt(i) == '.') {
            sb.append('0');
        }
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            sb.append(c);
            if (c == '.' && (i + 1 >= p.length() || p.charAt(i + 1) < '0' || p.charAt(i + 1) > '9')) {
                sb.append('0');
            }
        }
        return sb.toString();
    }

    /** The decimal text of a JSON5 hex integer ({@code -0x1F} gives {@code -31}); too large gives 9.0e999. */
    static String hexToDecimalText(String p) {
        Object v = hexValue(p);
        return v instanceof Long ? Long.toString((Long) v) : ((Double) v) < 0 ? "-9.0e999" : "9.0e999";
    }

    /** A hex integer's value: a Long, or a Double infinity when it does not fit 64 bits. */
    private static Object hexValue(String p) {
        boolean neg = p.charAt(0) == '-';
        int i = p.indexOf('x') >= 0 ? p.indexOf('x') + 1 : p.indexOf('X') + 1;
        long v = 0;
        for (; i < p.length(); i++) {
            if ((v >>> 60) != 0) {
                return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            v = v << 4 | Character.digit(p.charAt(i), 16);
        }
        return neg ? -v : v;
    }

    /** The SQL value of a scalar element (json_extract, ->>): integers, reals, text, 1/0 for booleans. */
    static Object sqlValue(JsonNode n) {
        switch (n.type) {
            case JsonNode.NULL:
                return null;
            case JsonNode.TRUE:
                return 1L;
            case JsonNode.FALSE:
                return 0L;
            case JsonNode.INT:
                return intValue(n.payload);
            case JsonNode.INT5:
                return hexValue(n.payload);
            case JsonNode.FLOAT:
            case JsonNode.FLOAT5:
                return floatValue(n.payload);
            case JsonNode.ARRAY:
            case JsonNode.OBJECT:
                return text(n);
            default:
                return stringValue(n);
        }
    }

    private static Object intValue(String p) {
        int i = p.charAt(0) == '-' ? 1 : 0;
        if (p.length() - i < 19 || p.length() - i == 19 && p.substring(i).compareTo("9223372036854775807") <= 0) {
            return Long.parseLong(p);
        }
        if (i == 1 && p.equals("-9223372036854775808")) {
            return Long.MIN_VALUE;
        }
        return Double.parseDouble(p);
    }

    private static Object floatValue(String p) {
        try {
            return Double.parseDouble(normalizeFloat5(p));
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }

    /** The element for a SQL value: numbers as numbers, text as a string, NULL as null (blobs: caller's job). */
    static JsonNode fromSql(Object v) {
        if (v == null) {
            return JsonNode.literal(JsonNode.NULL);
        }
        if (v instanceof Long) {
            return JsonNode.scalar(JsonNode.INT, v.toString());
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (Double.isNaN(d)) {
                return JsonNode.literal(JsonNode.NULL);
            }
            if (Double.isInfinite(d)) {
                return JsonNode.scalar(JsonNode.FLOAT, d > 0 ? "9.0e+999" : "-9.0e+999");
            }
            return JsonNode.scalar(JsonNode.FLOAT, RealText.render(d));
        }
        String s = (String) v;
        if (!needsEscape(s)) {
            return JsonNode.scalar(JsonNode.TEXT, s);
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        escape(s, sb);
        return JsonNode.scalar(JsonNode.TEXTJ, sb.toString());
    }
}
