/**
 * Built-in SQL functions and the contract the VM uses to call them. {@link dev.petrel.func.FunctionRegistry}
 * maps (name, argument count) to a {@link dev.petrel.func.FunctionDef} holding either a
 * {@link dev.petrel.func.ScalarFunction} or an {@link dev.petrel.func.AggregateFactory} that makes one
 * {@link dev.petrel.func.AggregateFunction} state per group or window partition; the VM supplies a
 * {@link dev.petrel.func.FunctionContext} for connection state (rowids, change counts, randomness, "now").
 * Subpackages hold the implementations: {@code scalar} (core functions of lang_corefunc.html), {@code math}
 * (lang_mathfunc.html), {@code aggregate} (lang_aggfunc.html), {@code datetime} and {@code printf}.
 */
package dev.petrel.func;
