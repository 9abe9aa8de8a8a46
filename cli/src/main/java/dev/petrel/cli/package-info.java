/**
 * {@code petrel}, a command-line shell that behaves like SQLite's {@code sqlite3} (3.40): the same options, input
 * handling (statements completed by {@code ;}, dot-commands at the start of a line), output modes and error
 * wording, so that for the same input its standard output is byte-identical to {@code sqlite3}'s in list, csv,
 * quote, json and line modes. It runs on Petrel's public API ({@code dev.petrel.api}) and opens files through
 * {@link dev.petrel.jdbc.PetrelFiles}. {@link dev.petrel.cli.Main} is the entry point; {@link dev.petrel.cli.Shell}
 * holds the session and can be driven in-process with any streams.
 */
package dev.petrel.cli;
