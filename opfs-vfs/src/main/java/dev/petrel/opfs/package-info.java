/**
 * The browser's storage for Petrel: {@link dev.petrel.opfs.OpfsVfs}, a {@link dev.petrel.vfs.Vfs} over OPFS
 * {@code FileSystemSyncAccessHandle}s for the database, its journal and its WAL, usable only inside a dedicated
 * Worker (where synchronous access handles exist) and compiled by TeaVM together with core in
 * {@code wasm-bindings}. The worker opens the handles (an asynchronous step) before the engine's synchronous calls
 * use them; the Web Lock that elects the owning tab keeps every other context away from the files. It needs no
 * SharedArrayBuffer and so no COOP/COEP headers.
 */
package dev.petrel.opfs;
