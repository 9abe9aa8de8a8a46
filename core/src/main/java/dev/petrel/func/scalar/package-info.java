/**
 * The core scalar functions of sqlite.org/lang_corefunc.html (all but date/time, printf/format and the
 * extension-loading and compile-option ones). {@link dev.petrel.func.scalar.CoreFunctions} registers them;
 * {@link dev.petrel.func.scalar.TextFunctions} and {@link dev.petrel.func.scalar.NumberFunctions} hold the
 * implementations as static methods over storage values, so the VM or codegen may also call them directly.
 */
package dev.petrel.func.scalar;
