/**
 * The browser's storage for Petrel: a {@link dev.petrel.vfs.Vfs} over OPFS {@code FileSystemSyncAccessHandle}s,
 * usable only inside a dedicated Worker (where synchronous access handles exist), compiled by TeaVM together with
 * core in {@code wasm-bindings}. It needs no SharedArrayBuffer and so no COOP/COEP headers.
 *
 * <p>This module is a placeholder until the browser-runtime work (issue 5) fills it; the foundation runs on
 * {@link dev.petrel.vfs.MemoryVfs}.
 */
package dev.petrel.opfs;
