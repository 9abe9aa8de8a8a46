/**
 * The code generator: turns a parsed statement ({@code dev.petrel.sql.ast}) into a VM {@link
 * dev.petrel.vm.Program}, using the planner ({@code dev.petrel.plan}) for name resolution and access paths and
 * the schema for tables and indexes. {@link dev.petrel.codegen.Compiler} is the entry point; each statement kind
 * has its own generator (SelectGen, InsertGen, UpdateGen, DeleteGen, DdlGen) sharing {@link
 * dev.petrel.codegen.ExprGen} for expressions and {@link dev.petrel.codegen.ProgramBuilder} for emission.
 */
package dev.petrel.codegen;
