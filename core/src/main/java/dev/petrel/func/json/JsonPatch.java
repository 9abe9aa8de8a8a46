package dev.petrel.func.json;

/** json_patch(): RFC 7396 MergePatch of a patch tree onto a target tree (both unchanged; returns a new tree). */
final class JsonPatch {
    private JsonPatch() {
    }

    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch.type != JsonNode.OBJECT) {
            return patch;
        }
        JsonNode out = target.type == JsonNode.OBJECT ? target.copy() : JsonNode.container(JsonNode.OBJECT);
        for (int i = 0; i < patch.children.size(); i += 2) {
            JsonNode label = patch.children.get(i);
            JsonNode value = patch.children.get(i + 1);
            String key = JsonWriter.stringValue(label);
            int at = -1;
            for (int k = 0; k < out.children.size(); k += 2) {
                if (JsonWriter.stringValue(out.children.get(k)).equals(key)) {
                    at = k;
                    break;
                }
            }
            if (value.type == JsonNode.NULL) {
                if (at >= 0) {
                    out.children.remove(at + 1);
                    out.children.remove(at);
                }
            } else if (at >= 0) {
                out.children.set(at + 1, apply(out.children.get(at + 1), value));
            } else {
                out.children.add(label);
                out.children.add(apply(JsonNode.literal(JsonNode.NULL), value));
            }
        }
        return out;
    }
}
