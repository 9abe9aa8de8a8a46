/**
 * The virtual file system: the engine's only way to reach storage. {@link dev.petrel.vfs.Vfs} names and opens files,
 * {@link dev.petrel.vfs.VfsFile} reads, writes, syncs and locks them with SQLite's five lock levels, and failures are
 * {@code SQLITE_IOERR_*} {@link dev.petrel.api.PetrelException}s. This package holds the contract, the in-memory VFS
 * and the fault-injecting wrapper used by the crash tests; the JVM file VFS lives in module {@code jvm-vfs} and the
 * browser's OPFS VFS in {@code opfs-vfs}, so that core stays free of platform I/O.
 */
package dev.petrel.vfs;
