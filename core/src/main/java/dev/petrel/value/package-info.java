/**
 * SQLite's value semantics over Petrel's storage values ({@code null}, {@link java.lang.Long},
 * {@link java.lang.Double}, {@link java.lang.String}, {@code byte[]}): type affinity (datatype3 section 3),
 * text-to-number and number-to-text conversion, CAST, comparison with affinity and collation, arithmetic,
 * bit operators, concatenation, truth values, LIKE/GLOB, BETWEEN and IN. Every method is a pure, static
 * function of its arguments (no connection state), so the VM calls these directly from its opcode handlers and
 * the built-in functions in {@code dev.petrel.func} build on them. Results follow SQLite 3.53 exactly, value and
 * storage class, as checked against the real library in the tests.
 */
package dev.petrel.value;
