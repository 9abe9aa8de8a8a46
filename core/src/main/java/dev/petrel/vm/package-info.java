/**
 * The bytecode virtual machine: a {@link dev.petrel.vm.Program} of {@link dev.petrel.vm.Insn}s (opcodes named and
 * numbered as SQLite's VDBE, see {@link dev.petrel.vm.Opcode}) run by {@link dev.petrel.vm.Vm} over registers that
 * hold storage values and over cursors on b-trees, ephemeral tables, sorters and pseudo-tables. The code generator
 * above builds programs; the VM reaches storage only through {@code dev.petrel.btree} cursors and calls SQL
 * functions through {@code dev.petrel.func}. A program runs until it yields a row ({@code ResultRow}) or halts.
 */
package dev.petrel.vm;
