/**
 * Records: the byte format of a row or index key (varints, serial types, header + body) and the key order used
 * by index b-trees. Values are plain Java storage values ({@code null}, {@code Long}, {@code Double},
 * {@code String}, {@code byte[]}); {@link dev.petrel.record.RecordEncoder} writes them, {@link dev.petrel.record.Record}
 * decodes them lazily from a {@link dev.petrel.record.PayloadSource}, and {@link dev.petrel.record.IndexKey} with
 * {@link dev.petrel.record.KeyInfo} compares a record against a (prefix) search key. Bad bytes raise
 * {@code PetrelException.corrupt}. Leaf package: imports only {@code api}.
 */
package dev.petrel.record;
