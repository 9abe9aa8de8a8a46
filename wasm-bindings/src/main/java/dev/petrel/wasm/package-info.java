/**
 * The WebAssembly surface of Petrel: {@link dev.petrel.wasm.PetrelExports} is compiled by TeaVM (wasm-gc) together
 * with core into {@code petrel.wasm}, loaded by the {@code petrel-db} npm package inside a dedicated Web Worker.
 * TeaVM and browser APIs are allowed here and in {@code opfs-vfs} only, never in core.
 */
package dev.petrel.wasm;
