/**
 * SQLite's string formatter: the {@code printf()}/{@code format()} SQL function and the same formatter for Java
 * callers ({@link dev.petrel.func.printf.Printf}), with SQLite's own float-to-decimal rendering
 * ({@code FloatFormat}) and the storage-value conversions it needs ({@link dev.petrel.func.printf.SqlText}).
 * Pure functions over storage values ({@code null, Long, Double, String, byte[]}); no platform formatting
 * (no {@code String.format}), so results are identical on the JVM and under TeaVM.
 */
package dev.petrel.func.printf;
