package dev.petrel.func.json;

import dev.petrel.func.AggregateFunction;
import dev.petrel.func.FunctionContext;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.func.SubtypedValue;
import java.util.ArrayList;
import java.util.List;

/**
 * json_group_array(V) and json_group_object(L, V), with their jsonb_ twins: an array (object) of the group's
 * values in input order. Both support {@link AggregateFunction#inverse} (oldest row first) so they also run as
 * window functions. {@link #finish} carries the JSON subtype; {@link #value} (window frames) is plain text.
 */
final class JsonAggregates implements AggregateFunction {
    private final boolean object;
    private final boolean jsonb;
    private final List<JsonNode> items = new ArrayList<>();

    private JsonAggregates(boolean object, boolean jsonb) {
        this.object = object;
        this.jsonb = jsonb;
    }

    static void registerAll(FunctionRegistry r) {
        r.registerAggregate("json_group_array", 1, JsonFunctions.FLAGS, () -> new JsonAggregates(false, false));
        r.registerAggregate("jsonb_group_array", 1, JsonFunctions.FLAGS, () -> new JsonAggregates(false, true));
        r.registerAggregate("json_group_object", 2, JsonFunctions.FLAGS, () -> new JsonAggregates(true, false));
        r.registerAggregate("jsonb_group_object", 2, JsonFunctions.FLAGS, () -> new JsonAggregates(true, true));
    }

    @Override
    public void step(FunctionContext ctx, Object[] args) {
        if (object) {
            Object label = SubtypedValue.strip(args[0]);
            if (label == null) {
                return;
            }
            items.add(JsonWriter.fromSql(dev.petrel.value.Values.toText(label)));
            items.add(JsonFunctions.value(args[1]));
        } else {
            items.add(JsonFunctions.value(args[0]));
        }
    }

    @Override
    public void inverse(FunctionContext ctx, Object[] args) {
        if (object && SubtypedValue.strip(args[0]) == null) {
            return;
        }
        items.remove(0);
        if (object) {
            items.remove(0);
        }
    }

    @Override
    public boolean supportsInverse() {
        return true;
    }

    private JsonNode tree() {
        JsonNode n = JsonNode.container(object ? JsonNode.OBJECT : JsonNode.ARRAY);
        n.children.addAll(items);
        return n;
    }

    @Override
    public Object value(FunctionContext ctx) {
        JsonNode n = tree();
        return jsonb ? Jsonb.encode(n) : JsonWriter.text(n);
    }

    @Override
    public Object finish(FunctionContext ctx) {
        JsonNode n = tree();
        return jsonb ? Jsonb.encode(n) : JsonFunctions.json(n);
    }
}
