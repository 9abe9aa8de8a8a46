package dev.petrel.func.json;

import dev.petrel.api.PetrelException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed JSON path (sqlite.org/json1.html "PATH arguments"): {@code $} followed by {@code .label},
 * {@code ."quoted label"}, {@code [N]}, {@code [#]} (one past the end) or {@code [#-N]} (N from the end), and the
 * lookups and edits json_extract, json_set, json_remove and friends make with it.
 *
 * <p>Edits work in place on a tree the caller owns (a copy of the input). A step that is not found is created by
 * {@link #SET} and {@link #INSERT} when it is the last step, or when the missing rest consists only of labels and
 * {@code [#]} appends (SQLite's rule: {@code json_set('{}','$.a.b',1)} gives {@code {"a":{"b":1}}}).
 */
final class JsonPath {
    static final int INSERT = 1;
    static final int REPLACE = 2;
    static final int SET = 3;
    static final int REMOVE = 4;

    /** One step: a label, or an array index counted from the start or (fromEnd) from the end. */
    static final class Step {
        final String label;
        final long index;
        final boolean fromEnd;

        Step(String label, long index, boolean fromEnd) {
            this.label = label;
            this.index = index;
            this.fromEnd = fromEnd;
        }
    }

    /** No syntax error. */
    private static final int OK = 0;
    /** A malformed label or junk: an error once the lookup gets there. */
    private static final int BAD_LABEL = 1;
    /** A malformed array index: an error only if the element reached there is an array, else "not found". */
    private static final int BAD_INDEX = 2;

    /** The well-formed steps before the first syntax error (all of them when {@link #error} is OK). */
    final List<Step> steps;
    /** What follows {@link #steps}: OK, BAD_LABEL or BAD_INDEX (SQLite reports path errors lazily). */
    private int error;
    private final String text;

    private JsonPath(List<Step> steps, String text) {
        this.steps = steps;
        this.text = text;
    }

    static JsonPath of(List<Step> steps) {
        return new JsonPath(steps, null);
    }

    private PetrelException bad() {
        return PetrelException.error("bad JSON path: '" + text + "'");
    }

    /**
     * The path for {@code text}; a syntax error is reported (as {@code bad JSON path: '...'}) only when a lookup
     * reaches it, except that a path not starting with '$' fails at once.
     */
    static JsonPath parse(String text) {
        List<Step> steps = new ArrayList<>();
        JsonPath p = new JsonPath(steps, text);
        if (text.isEmpty() || text.charAt(0) != '$') {
            throw p.bad();
        }
        p.error = p.parseSteps(text);
        return p;
    }

    private int parseSteps(String text) {
        int i = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                i++;
                String label;
                if (i < n && text.charAt(i) == '"') {
                    int end = text.indexOf('"', i + 1);
                    if (end < 0) {
                        return BAD_LABEL;
                    }
                    label = text.substring(i + 1, end);
                    i = end + 1;
                } else {
                    int start = i;
                    while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
                        i++;
                    }
                    label = text.substring(start, i);
                    if (label.isEmpty()) {
                        return BAD_LABEL;
                    }
                }
                steps.add(new Step(label, 0, false));
            } else if (c == '[') {
                i++;
                boolean fromEnd = false;
                if (i < n && text.charAt(i) == '#') {
                    fromEnd = true;
                    i++;
                    if (i < n && text.charAt(i) == ']') {
                        steps.add(new Step(null, 0, true));
                        i++;
                        continue;
                    }
                    if (i >= n || text.charAt(i) != '-') {
                        return BAD_INDEX;
                    }
                    i++;
                }
                int start = i;
                long v = 0;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    if (v > (Long.MAX_VALUE - 9) / 10) {
                        return BAD_INDEX;
                    }
                    v = v * 10 + (text.charAt(i) - '0');
                    i++;
                }
                if (i == start || i >= n || text.charAt(i) != ']') {
                    return BAD_INDEX;
                }
                i++;
                steps.add(new Step(null, v, fromEnd));
            } else {
                return BAD_LABEL;
            }
        }
        return OK;
    }

    /** At the syntax error after the last step, with {@code cur} reached: throws, or returns normally for "not found". */
    private void reachError(JsonNode cur) {
        if (error == BAD_LABEL || error == BAD_INDEX && cur.type == JsonNode.ARRAY) {
            throw bad();
        }
    }

    /** The element the path names in {@code root}, or null. */
    JsonNode lookup(JsonNode root) {
        JsonNode cur = root;
        for (Step s : steps) {
            int at = childIndex(cur, s);
            if (at < 0 || at >= cur.children.size()) {
                return null;
            }
            cur = cur.children.get(at);
        }
        if (error != OK) {
            reachError(cur);
            return null;
        }
        return cur;
    }

    /**
     * The index in {@code cur.children} of the value that {@code s} names (for an object, the value after the
     * label), {@code children.size()} for a new array element that would be appended, or -1 for no match.
     */
    private static int childIndex(JsonNode cur, Step s) {
        if (s.label != null) {
            if (cur.type != JsonNode.OBJECT) {
                return -1;
            }
            for (int i = 0; i < cur.children.size(); i += 2) {
                if (JsonWriter.stringValue(cur.children.get(i)).equals(s.label)) {
                    return i + 1;
                }
            }
            return -1;
        }
        if (cur.type != JsonNode.ARRAY) {
            return -1;
        }
        int size = cur.children.size();
        long at = s.fromEnd ? size - s.index : s.index;
        return at < 0 || at > size ? -1 : (int) at;
    }

    /**
     * Applies one edit to {@code root} (owned by the caller and modified in place); returns the new root, which
     * differs from {@code root} only when the path is {@code $}, or null when {@link #REMOVE} removes the root.
     */
    JsonNode edit(JsonNode root, int mode, JsonNode value) {
        if (steps.isEmpty() && error != OK) {
            reachError(root);
            return root;
        }
        if (steps.isEmpty()) {
            if (mode == REMOVE) {
                return null;
            }
            return mode == INSERT ? root : Jsonb.padded(root, value);
        }
        JsonNode cur = root;
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            int at = childIndex(cur, s);
            boolean last = k == steps.size() - 1 && error == OK;
            boolean found = at >= 0 && at < (cur.children == null ? 0 : cur.children.size());
            if (found && !last) {
                cur = cur.children.get(at);
                if (k == steps.size() - 1) {
                    reachError(cur);
                    return root;
                }
                continue;
            }
            if (found) {
                if (mode == REMOVE) {
                    cur.children.remove(at);
                    if (s.label != null) {
                        cur.children.remove(at - 1);
                    }
                } else if (mode != INSERT) {
                    cur.children.set(at, Jsonb.padded(cur.children.get(at), value));
                }
                return root;
            }
            if (mode == REMOVE || mode == REPLACE) {
                return root;
            }
            if (error != OK) {
                throw bad();
            }
            JsonNode built = build(k + 1, value);
            if (built == null) {
                return root;
            }
            if (s.label != null && cur.type == JsonNode.OBJECT) {
                cur.children.add(JsonNode.scalar(JsonNode.TEXTRAW, s.label));
                cur.children.add(built);
            } else if (s.label == null && at >= 0 && at == cur.children.size()) {
                cur.children.add(built);
            }
            return root;
        }
        return root;
    }

    /** The substructure that makes steps {@code from..} exist with {@code value} at the end, or null. */
    private JsonNode build(int from, JsonNode value) {
        if (from == steps.size()) {
            return value;
        }
        Step s = steps.get(from);
        JsonNode inner = build(from + 1, value);
        if (inner == null) {
            return null;
        }
        if (s.label != null) {
            JsonNode o = JsonNode.container(JsonNode.OBJECT);
            o.children.add(JsonNode.scalar(JsonNode.TEXTRAW, s.label));
            o.children.add(inner);
            return o;
        }
        if (s.fromEnd && s.index == 0) {
            JsonNode a = JsonNode.container(JsonNode.ARRAY);
            a.children.add(inner);
            return a;
        }
        return null;
    }
}
