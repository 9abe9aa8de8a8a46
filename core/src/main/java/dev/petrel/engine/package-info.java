/**
 * The glue between the public API and the SQL engine: {@link dev.petrel.engine.EngineDatabase} owns the pager,
 * b-tree layer, function registry and the loaded schema of one database; {@link
 * dev.petrel.engine.EngineConnection} parses SQL, compiles each statement ({@code codegen.Compiler}) and is the
 * {@code VmHost} its programs run on (transactions, savepoints, counters); {@code EngineStatement} steps the VM
 * and implements the statement state machine, re-preparing once when the schema changed under it.
 */
package dev.petrel.engine;
