/**
 * The JVM file VFS: {@link dev.petrel.vfs.jvm.FileVfs} implements {@code dev.petrel.vfs.Vfs} over real files with
 * {@code FileChannel} I/O and SQLite-compatible locking (in-process lock table plus POSIX byte-range locks at
 * SQLite's lock offsets across processes). It lives outside core because core must stay free of
 * {@code java.io.File}/{@code java.nio.file} for TeaVM.
 */
package dev.petrel.vfs.jvm;
