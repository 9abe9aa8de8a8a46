package dev.petrel.func.json;

import java.util.ArrayList;
import java.util.List;

/**
 * One JSON element, typed exactly as SQLite's JSONB element types (sqlite.org/jsonb.html), so that a tree built
 * from JSON text encodes to the same JSONB bytes SQLite produces and renders to the same text.
 *
 * <p>Scalars keep their payload as it would appear in JSONB: numbers as their source text ({@link #INT5} hex,
 * {@link #FLOAT5} JSON5 forms such as {@code .5} or {@code 9e999}), strings as the characters between the quotes
 * with their escapes untouched ({@link #TEXT} has none, {@link #TEXTJ} JSON escapes, {@link #TEXT5} JSON5 escapes
 * or raw characters that need escaping, {@link #TEXTRAW} unescaped text that is escaped on output). Arrays hold
 * their elements in {@link #children}; objects hold label, value, label, value...
 *
 * <p>{@link #offset} is the element's byte offset in the JSONB encoding of its root, set by {@link Jsonb#encode}
 * (json_each and json_tree report it as {@code id}).
 */
public final class JsonNode {
    public static final int NULL = 0;
    public static final int TRUE = 1;
    public static final int FALSE = 2;
    public static final int INT = 3;
    public static final int INT5 = 4;
    public static final int FLOAT = 5;
    public static final int FLOAT5 = 6;
    public static final int TEXT = 7;
    public static final int TEXTJ = 8;
    public static final int TEXT5 = 9;
    public static final int TEXTRAW = 10;
    public static final int ARRAY = 11;
    public static final int OBJECT = 12;

    public final int type;
    /** Scalar payload (numbers and strings); null for null/true/false and containers. */
    public final String payload;
    /** Elements of an array, or label/value pairs of an object; null for scalars. */
    public final List<JsonNode> children;
    /** Byte offset in the root's JSONB encoding (set by encoding). */
    int offset;
    /**
     * Header bytes to use when larger than the minimal header (0: minimal): kept from a JSONB input, or set by an
     * edit that pads a smaller replacement to the replaced element's size as SQLite's in-place edits do.
     */
    int headerBytes;

    JsonNode(int type, String payload, List<JsonNode> children) {
        this.type = type;
        this.payload = payload;
        this.children = children;
    }

    static JsonNode scalar(int type, String payload) {
        return new JsonNode(type, payload, null);
    }

    static JsonNode container(int type) {
        return new JsonNode(type, null, new ArrayList<>());
    }

    /** A fresh null, true or false element (never shared: each element has its own offset). */
    static JsonNode literal(int type) {
        return new JsonNode(type, null, null);
    }

    boolean isText() {
        return type >= TEXT && type <= TEXTRAW;
    }

    boolean isContainer() {
        return type == ARRAY || type == OBJECT;
    }

    /** A structural copy (containers are copied, scalars shared): edits never change an input tree. */
    JsonNode copy() {
        if (children == null) {
            return this;
        }
        JsonNode c = new JsonNode(type, null, new ArrayList<>(children.size()));
        for (JsonNode ch : children) {
            c.children.add(ch.copy());
        }
        return c;
    }

    /** The name json_type() reports. */
    String typeName() {
        switch (type) {
            case NULL:
                return "null";
            case TRUE:
                return "true";
            case FALSE:
                return "false";
            case INT:
            case INT5:
                return "integer";
            case FLOAT:
            case FLOAT5:
                return "real";
            case ARRAY:
                return "array";
            case OBJECT:
                return "object";
            default:
                return "text";
        }
    }
}
