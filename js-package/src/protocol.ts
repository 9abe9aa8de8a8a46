/**
 * The message protocol between the page (index.ts) and the engine's Web Worker (worker.ts).
 *
 * Every request carries a numeric `id`; the worker answers each request exactly once, in order, with either
 * `{ id, ok: true, result }` or `{ id, ok: false, error }`. Byte arrays travel as transferables where the sender no
 * longer needs them, so they are not copied twice.
 */

/** A value as it crosses the worker boundary. */
export type SqlValue = number | bigint | string | Uint8Array | null;

/** Parameters: positional values, or one object of named values (keys without the :, @ or $ prefix). */
export type BindParams = SqlValue[] | [Record<string, SqlValue | boolean | undefined>];

export interface SerializedError {
  /** SQLite's name of the (extended) result code, e.g. "SQLITE_CONSTRAINT_UNIQUE". */
  code: string;
  /** SQLite's integer value of the code. */
  rc: number;
  message: string;
}

export type RowMode = 'object' | 'raw' | 'pluck';

export type Request =
  | { id: number; op: 'open'; path: string }
  | { id: number; op: 'close'; db: number }
  | { id: number; op: 'exec'; db: number; sql: string }
  | { id: number; op: 'prepare'; db: number; sql: string }
  | { id: number; op: 'finalize'; stmt: number }
  | { id: number; op: 'run'; db: number; stmt: number; params: unknown[] }
  | { id: number; op: 'rows'; stmt: number; params: unknown[] | null; mode: RowMode; safeIntegers: boolean;
      limit: number; keepOpen: boolean }
  | { id: number; op: 'reset'; stmt: number };

export interface PrepareResult {
  stmt: number;
  columns: string[];
  readonly: boolean;
  paramCount: number;
}

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface RowsResult {
  rows: unknown[];
  /** True when the statement has no more rows (it has been reset). */
  done: boolean;
}

export type Response =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: SerializedError };
