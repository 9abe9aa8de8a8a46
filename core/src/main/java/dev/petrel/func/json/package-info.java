/**
 * SQLite's JSON functions (sqlite.org/json1.html) and its JSONB binary format (sqlite.org/jsonb.html).
 * {@link dev.petrel.func.json.JsonNode} is an element typed as JSONB types it; {@code JsonParser} reads JSON text
 * (with JSON5 extensions), {@link dev.petrel.func.json.Jsonb} encodes and decodes JSONB byte-for-byte as SQLite,
 * {@link dev.petrel.func.json.JsonWriter} renders canonical text; {@code JsonPath} looks up and edits;
 * {@link dev.petrel.func.json.JsonFunctions} registers the scalars, {@code JsonAggregates} the group functions and
 * {@code JsonEach} the json_each/json_tree table-valued functions. Results carry the JSON subtype
 * ({@link dev.petrel.func.SubtypedValue}) so nested JSON calls embed rather than quote.
 */
package dev.petrel.func.json;
