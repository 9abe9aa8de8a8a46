package dev.petrel.func.json;

import dev.petrel.api.PetrelException;
import dev.petrel.func.FunctionDef;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.func.ScalarFunction;
import dev.petrel.func.SubtypedValue;
import dev.petrel.value.Values;

/**
 * The scalar JSON functions of sqlite.org/json1.html and their JSONB twins: json, json_array, json_object,
 * json_extract and the {@code ->}/{@code ->>} operators, json_insert/replace/set/remove, json_patch, json_type,
 * json_valid, json_quote, json_array_length, json_error_position, json_pretty.
 *
 * <p>Inputs: TEXT is parsed as JSON (with JSON5 extensions), a BLOB must be JSONB, a value carrying the JSON
 * {@link SubtypedValue} subtype reuses its parsed tree. Text results carry the JSON subtype so that nesting one
 * JSON function in another embeds the value instead of quoting it. Errors use SQLite's messages:
 * {@code malformed JSON}, {@code bad JSON path: '...'}, {@code JSON cannot hold BLOB values}.
 */
public final class JsonFunctions {
    private JsonFunctions() {
    }

    static final int FLAGS = FunctionDef.DETERMINISTIC | FunctionDef.SUBTYPE_ARGS | FunctionDef.RESULT_SUBTYPE;

    /** Registers every JSON scalar and aggregate function. */
    public static void registerAll(FunctionRegistry r) {
        both(r, "json", 1, a -> a[0] == null ? null : input(a[0]));
        r.registerVariadic("json_array", 0, FLAGS, (c, a) -> json(array(a)));
        r.registerVariadic("jsonb_array", 0, FLAGS, (c, a) -> Jsonb.encode(array(a)));
        r.registerVariadic("json_object", 0, FLAGS, (c, a) -> json(object(a)));
        r.registerVariadic("jsonb_object", 0, FLAGS, (c, a) -> Jsonb.encode(object(a)));
        r.registerVariadic("json_extract", 1, FLAGS, (c, a) -> extract(a, false));
        r.registerVariadic("jsonb_extract", 1, FLAGS, (c, a) -> extract(a, true));
        r.registerScalar("->", 2, FLAGS, (c, a) -> arrow(a, true));
        r.registerScalar("->>", 2, FLAGS, (c, a) -> arrow(a, false));
        editors(r, "insert", JsonPath.INSERT);
        editors(r, "replace", JsonPath.REPLACE);
        editors(r, "set", JsonPath.SET);
        r.registerVariadic("json_remove", 1, FLAGS, (c, a) -> remove(a, false));
        r.registerVariadic("jsonb_remove", 1, FLAGS, (c, a) -> remove(a, true));
        both(r, "json_patch", 2, a -> a[0] == null || a[1] == null ? null
                : JsonPatch.apply(input(a[0]), input(a[1])));
        r.registerScalar("json_type", 1, FLAGS, (c, a) -> a[0] == null ? null : input(a[0]).typeName());
        r.registerScalar("json_type", 2, FLAGS, (c, a) -> {
            JsonNode n = at(a[0], a[1]);
            return n == null ? null : n.typeName();
        });
        r.registerScalar("json_valid", 1, FLAGS, (c, a) -> valid(a[0], 1L));
        r.registerScalar("json_valid", 2, FLAGS, (c, a) -> valid(a[0], a[1]));
        r.registerScalar("json_quote", 1, FLAGS, (c, a) -> quote(a[0]));
        r.registerScalar("json_array_length", 1, FLAGS, (c, a) -> a[0] == null ? null : length(input(a[0])));
        r.registerScalar("json_array_length", 2, FLAGS, (c, a) -> {
            JsonNode n = at(a[0], a[1]);
            return n == null ? null : length(n);
        });
        r.registerScalar("json_error_position", 1, FLAGS, (c, a) -> errorPosition(a[0]));
        r.registerScalar("json_pretty", 1, FLAGS, (c, a) -> pretty(a[0], "    "));
        r.registerScalar("json_pretty", 2, FLAGS, (c, a) -> pretty(a[0],
                a[1] == null ? "    " : Values.toText(SubtypedValue.strip(a[1]))));
        JsonAggregates.registerAll(r);
        JsonEach.registerAll(r);
    }

    /** Registers {@code json_NAME} (text result) and {@code jsonb_NAME} (JSONB result) over one tree function. */
    private static void both(FunctionRegistry r, String name, int nArg, TreeFunction f) {
        r.registerScalar(name, nArg, FLAGS, (c, a) -> {
            JsonNode n = f.tree(a);
            return n == null ? null : json(n);
        });
        r.registerScalar("jsonb" + name.substring(4), nArg, FLAGS, (c, a) -> {
            JsonNode n = f.tree(a);
            return n == null ? null : Jsonb.encode(n);
        });
    }

    private static void editors(FunctionRegistry r, String name, int mode) {
        r.registerVariadic("json_" + name, 1, FLAGS, (c, a) -> edit(a, mode, false, name));
        r.registerVariadic("jsonb_" + name, 1, FLAGS, (c, a) -> edit(a, mode, true, name));
    }

    /** A function from arguments to a JSON tree (null for SQL NULL). */
    @FunctionalInterface
    interface TreeFunction {
        JsonNode tree(Object[] args);
    }

    // ---- conversions --------------------------------------------------------------------------------------------

    static PetrelException malformed() {
        return PetrelException.error("malformed JSON");
    }

    /** The tree of a JSON argument (text, JSONB blob, number or JSON-subtyped value); never null for non-NULL. */
    static JsonNode input(Object v) {
        if (v instanceof SubtypedValue s) {
            if (s.parsed() instanceof JsonNode n) {
                return n;
            }
            v = s.value();
        }
        JsonNode n;
        if (v instanceof byte[] b) {
            n = Jsonb.decode(b);
        } else {
            n = JsonParser.parse(Values.toText(v));
        }
        if (n == null) {
            throw malformed();
        }
        return n;
    }

    /** The element a value argument (json_array, json_set...) stands for. */
    static JsonNode value(Object v) {
        return value(v, false);
    }

    /** As {@link #value(Object)}; {@code raw} stores text as TEXTRAW (what the json_set family does). */
    static JsonNode value(Object v, boolean raw) {
        if (v instanceof SubtypedValue s && s.subtype() == SubtypedValue.JSON) {
            return input(s).copy();
        }
        v = SubtypedValue.strip(v);
        if (v instanceof byte[] b) {
            JsonNode n = Jsonb.decode(b);
            if (n == null) {
                throw PetrelException.error("JSON cannot hold BLOB values");
            }
            return n;
        }
        if (raw && v instanceof String t) {
            return JsonNode.scalar(JsonNode.TEXTRAW, t);
        }
        return JsonWriter.fromSql(v);
    }

    /** A text result with the JSON subtype (and its tree cached for a consuming JSON function). */
    static SubtypedValue json(JsonNode n) {
        return new SubtypedValue(JsonWriter.text(n), SubtypedValue.JSON, n);
    }

    static JsonPath path(Object p) {
        return JsonPath.parse(Values.toText(SubtypedValue.strip(p)));
    }

    private static JsonNode at(Object doc, Object p) {
        if (doc == null || p == null) {
            return null;
        }
        JsonNode root = input(doc);
        return path(p).lookup(root);
    }

    // ---- functions ----------------------------------------------------------------------------------------------

    private static JsonNode array(Object[] a) {
        JsonNode arr = JsonNode.container(JsonNode.ARRAY);
        for (Object v : a) {
            arr.children.add(value(v));
        }
        return arr;
    }

    private static JsonNode object(Object[] a) {
        if (a.length % 2 != 0) {
            throw PetrelException.error("json_object() requires an even number of arguments");
        }
        JsonNode obj = JsonNode.container(JsonNode.OBJECT);
        for (int i = 0; i < a.length; i += 2) {
            Object label = SubtypedValue.strip(a[i]);
            if (!(label instanceof String)) {
                throw PetrelException.error("json_object() labels must be TEXT");
            }
            obj.children.add(JsonWriter.fromSql(label));
            obj.children.add(value(a[i + 1]));
        }
        return obj;
    }

    private static Object extract(Object[] a, boolean jsonb) {
        if (a.length < 2 || a[0] == null) {
            return null;
        }
        JsonNode root = input(a[0]);
        if (a.length == 2) {
            if (a[1] == null) {
                return null;
            }
            JsonNode n = path(a[1]).lookup(root);
            if (n == null) {
                return null;
            }
            if (n.isContainer()) {
                return jsonb ? Jsonb.encode(n) : json(n);
            }
            return JsonWriter.sqlValue(n);
        }
        JsonNode arr = JsonNode.container(JsonNode.ARRAY);
        for (int i = 1; i < a.length; i++) {
            if (a[i] == null) {
                return null;
            }
            JsonNode n = path(a[i]).lookup(root);
            arr.children.add(n == null ? JsonNode.literal(JsonNode.NULL) : n);
        }
        return jsonb ? Jsonb.encode(arr) : json(arr);
    }

    /** {@code X -> P} (JSON text of the element) and {@code X ->> P} (its SQL value). */
    private static Object arrow(Object[] a, boolean asJson) {
        if (a[0] == null || a[1] == null) {
            return null;
        }
        JsonNode root = input(a[0]);
        Object p = SubtypedValue.strip(a[1]);
        JsonPath path;
        if (p instanceof Long n) {
            path = JsonPath.of(java.util.List.of(n >= 0 ? new JsonPath.Step(null, n, false)
                    : new JsonPath.Step(null, -n, true)));
        } else {
            String text = Values.toText(p);
            if (text.startsWith("$")) {
                path = path(text);
            } else if (text.startsWith("[")) {
                path = path("$" + text);
            } else {
                path = JsonPath.of(java.util.List.of(new JsonPath.Step(text, 0, false)));
            }
        }
        JsonNode n = path.lookup(root);
        if (n == null) {
            return null;
        }
        return asJson ? json(n) : JsonWriter.sqlValue(n);
    }

    private static Object edit(Object[] a, int mode, boolean jsonb, String name) {
        if (a.length % 2 == 0) {
            throw PetrelException.error("json_" + name + "() needs an odd number of arguments");
        }
        if (a[0] == null) {
            return null;
        }
        JsonNode root = input(a[0]).copy();
        for (int i = 1; i < a.length; i += 2) {
            if (a[i] == null) {
                continue;
            }
            JsonPath p = path(a[i]);
            root = p.edit(root, mode, value(a[i + 1], true));
        }
        return jsonb ? Jsonb.encode(root) : json(root);
    }

    private static Object remove(Object[] a, boolean jsonb) {
        if (a[0] == null) {
            return null;
        }
        JsonNode root = input(a[0]).copy();
        for (int i = 1; i < a.length; i++) {
            if (a[i] == null) {
                return null;
            }
            root = path(a[i]).edit(root, JsonPath.REMOVE, null);
            if (root == null) {
                return null;
            }
        }
        return jsonb ? Jsonb.encode(root) : json(root);
    }

    private static Object valid(Object v, Object flagsArg) {
        long flags = Values.toLong(SubtypedValue.strip(flagsArg));
        if (flags < 1 || flags > 15) {
            throw PetrelException.error("FLAGS parameter to json_valid() must be between 1 and 15");
        }
        if (v == null) {
            return null;
        }
        if (v instanceof SubtypedValue s && s.parsed() != null) {
            return 1L;
        }
        v = SubtypedValue.strip(v);
        if (v instanceof byte[] b) {
            if ((flags & 0x0c) != 0 && Jsonb.decode(b) != null) {
                return 1L;
            }
            if ((flags & 0x03) == 0) {
                return 0L;
            }
        }
        String text = Values.toText(v);
        if ((flags & 0x03) == 0) {
            return 0L;
        }
        return JsonParser.valid(text, (flags & 0x02) == 0) ? 1L : 0L;
    }

    private static Object quote(Object v) {
        if (v instanceof SubtypedValue s && s.subtype() == SubtypedValue.JSON) {
            return s;
        }
        return json(value(v));
    }

    private static long length(JsonNode n) {
        return n.type == JsonNode.ARRAY ? n.children.size() : 0;
    }

    private static Object errorPosition(Object v) {
        v = SubtypedValue.strip(v);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return Jsonb.decode(b) != null ? 0L : 1L;
        }
        return (long) JsonParser.errorPosition(Values.toText(v));
    }

    private static Object pretty(Object v, String indent) {
        if (v == null) {
            return null;
        }
        return new SubtypedValue(JsonWriter.pretty(input(v), indent), SubtypedValue.JSON, null);
    }
}
