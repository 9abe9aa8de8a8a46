package dev.petrel.func.json;

import dev.petrel.func.FunctionContext;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.func.TableFunction;
import dev.petrel.value.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The table-valued functions json_each(JSON [, PATH]) and json_tree(JSON [, PATH]) (sqlite.org/json1.html
 * "The json_each() and json_tree() table-valued functions"): one row per member of the element at PATH
 * (json_each), or per element of the tree rooted there, root first, depth first (json_tree).
 *
 * <p>Columns, as SQLite: key (array index or object label; NULL at the top), value (SQL value, or JSON text for
 * containers), type (json_type), atom (value for scalars, NULL for containers), id (the element's byte offset in
 * the JSONB encoding, the label's for object members), parent (the container's id; NULL in json_each and at the
 * top), fullkey (path of the element), path (path of its container), then the hidden json and root arguments.
 */
final class JsonEach implements TableFunction {
    private static final List<String> COLUMNS = List.of("key", "value", "type", "atom", "id", "parent", "fullkey",
            "path", "json", "root");
    private final boolean tree;

    private JsonEach(boolean tree) {
        this.tree = tree;
    }

    static void registerAll(FunctionRegistry r) {
        r.registerTable(new JsonEach(false));
        r.registerTable(new JsonEach(true));
    }

    @Override
    public String name() {
        return tree ? "json_tree" : "json_each";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public int hiddenCount() {
        return 2;
    }

    @Override
    public Iterator<Object[]> rows(FunctionContext ctx, Object[] args) {
        return collect(args).iterator();
    }

    private List<Object[]> collect(Object[] args) {
        List<Object[]> out = new ArrayList<>();
        if (args.length == 0 || args[0] == null) {
            return out;
        }
        JsonNode doc = JsonFunctions.input(args[0]);
        Jsonb.encode(doc);
        String rootPath = "$";
        JsonNode start = doc;
        long startId = 0;
        Object key = null;
        String parentPath = "$";
        if (args.length > 1) {
            if (args[1] == null) {
                return out;
            }
            rootPath = Values.toText(args[1]);
            JsonPath p = JsonFunctions.path(args[1]);
            start = p.lookup(doc);
            if (start == null) {
                return out;
            }
            if (!p.steps.isEmpty()) {
                JsonPath.Step last = p.steps.get(p.steps.size() - 1);
                JsonNode parent = JsonPath.of(p.steps.subList(0, p.steps.size() - 1)).lookup(doc);
                int at = indexOf(parent.children, start);
                startId = last.label != null ? parent.children.get(at - 1).offset : start.offset;
                key = last.label != null ? last.label : (Object) (long) at;
                parentPath = rootPath.substring(0, rootPath.length() - suffixLength(rootPath));
            }
        }
        Object json = args[0] instanceof byte[] ? args[0] : Values.toText(args[0]);
        Row base = new Row(json, rootPath, out);
        if (tree) {
            base.emit(key, start, startId, null, rootPath, parentPath);
            base.walk(start, startId, rootPath, true);
        } else if (start.isContainer()) {
            base.walk(start, 0, rootPath, false);
        } else {
            base.emit(null, start, startId, null, rootPath, rootPath);
        }
        return out;
    }

    /** The index of {@code n} itself (not an equal element) in {@code list}. */
    private static int indexOf(List<JsonNode> list, JsonNode n) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == n) {
                return i;
            }
        }
        return -1;
    }

    /** Length of the last step of a path ({@code .label}, {@code ."label"} or {@code [..]}). */
    private static int suffixLength(String path) {
        int n = path.length();
        if (path.endsWith("]")) {
            return n - path.lastIndexOf('[');
        }
        if (path.endsWith("\"")) {
            return n - path.lastIndexOf('"', n - 2) + 1;
        }
        return n - path.lastIndexOf('.');
    }

    /** Emits rows for one call. */
    private static final class Row {
        final Object json;
        final String root;
        final List<Object[]> out;

        Row(Object json, String root, List<Object[]> out) {
            this.json = json;
            this.root = root;
            this.out = out;
        }

        void emit(Object key, JsonNode n, long id, Object parent, String fullkey, String path) {
            Object value = n.isContainer() ? JsonWriter.text(n) : JsonWriter.sqlValue(n);
            Object atom = n.isContainer() ? null : value;
            out.add(new Object[] {key, value, n.typeName(), atom, id, parent, fullkey, path, json, root});
        }

        /** Rows for the members of container {@code c} at {@code path}; recursive when {@code deep}. */
        void walk(JsonNode c, long cId, String path, boolean deep) {
            if (!c.isContainer()) {
                return;
            }
            Object parentId = deep ? (Object) cId : null;
            boolean obj = c.type == JsonNode.OBJECT;
            for (int i = 0; i < c.children.size(); i += obj ? 2 : 1) {
                JsonNode child = obj ? c.children.get(i + 1) : c.children.get(i);
                Object key;
                String full;
                long id;
                if (obj) {
                    String label = JsonWriter.stringValue(c.children.get(i));
                    key = label;
                    full = path + "." + labelText(label);
                    id = c.children.get(i).offset;
                } else {
                    key = (long) i;
                    full = path + "[" + i + "]";
                    id = child.offset;
                }
                emit(key, child, id, parentId, full, path);
                if (deep) {
                    walk(child, id, full, true);
                }
            }
        }
    }

    /** A label as a path step: bare when it is a plain identifier, else double-quoted. */
    static String labelText(String label) {
        boolean plain = !label.isEmpty();
        for (int i = 0; i < label.length() && plain; i++) {
            char c = label.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9';
        }
        return plain ? label : "\"" + label + "\"";
    }
}
