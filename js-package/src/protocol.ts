/**
 * The message protocols of petrel-db.
 *
 * 1. Page <-> its own worker (postMessage). Every request carries a numeric `id`; the worker answers each request
 *    exactly once with `{ id, ok: true, result, autocommit }` or `{ id, ok: false, error, autocommit }`. Byte arrays
 *    travel as transferables (BLOB results, export()), so they are never copied twice.
 * 2. Worker <-> worker of other tabs (BroadcastChannel `petrel-db:<path>`, see {@link PeerMessage}). One worker per
 *    database owns the OPFS files (it holds the Web Lock `petrel-db:<path>`); the others forward their requests to
 *    it, addressed by client id, and it answers on the same channel.
 *
 * Requests name statements by a page-side statement id (`sid`) plus their SQL text, so that a new owner can
 * prepare a statement again after the previous owner closed.
 */

/** A value as it crosses the worker boundary. */
export type SqlValue = number | bigint | string | Uint8Array | null;

export interface SerializedError {
  /** SQLite's name of the (extended) result code, e.g. "SQLITE_CONSTRAINT_UNIQUE". */
  code: string;
  /** SQLite's integer value of the code. */
  rc: number;
  message: string;
  /** Where in the SQL text the error is (a string index), when SQLite's `sqlite3_error_offset` would say. */
  offset?: number;
}

export type RowMode = 'object' | 'raw' | 'pluck';

/**
 * A JavaScript SQL function or collation as it travels to the worker: its source text, evaluated again there.
 * A collation (`kind: 'collation'`) carries its comparator in `source`, or `source: null` to remove it.
 */
export interface FunctionSpec {
  name: string;
  kind: 'scalar' | 'aggregate' | 'collation';
  /** Argument count, or -1 for any (varargs). */
  nArg: number;
  deterministic: boolean;
  /** Whether INTEGER arguments arrive as bigint rather than number. */
  safeIntegers: boolean;
  /** Scalar: the function's source; collation: the comparator's source (null removes the collation). */
  source?: string | null;
  /** Aggregate: the start value (structured-cloneable), or the source of a function returning it. */
  start?: unknown;
  startSource?: string;
  step?: string;
  inverse?: string | null;
  result?: string | null;
}

/** An operation on the database, as the owner runs it (the same body whether local or forwarded). */
export type Op =
  | { op: 'attach' }
  | { op: 'exec'; sql: string }
  | { op: 'prepare'; sid: number; sql: string }
  | { op: 'finalize'; sid: number }
  | { op: 'run'; sid: number; sql: string; params: unknown[] }
  | { op: 'rows'; sid: number; sql: string; params: unknown[] | null; mode: RowMode; safeIntegers: boolean;
      limit: number; keepOpen: boolean }
  | { op: 'reset'; sid: number }
  | { op: 'export' }
  | { op: 'function'; spec: FunctionSpec }
  | { op: 'bench'; pageSize: number; pages: number };

/** A request from the page to its worker. */
export type Request =
  | ({ id: number } & Op)
  | { id: number; op: 'open'; path: string }
  | { id: number; op: 'close' };

export interface PrepareResult {
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

export interface OpenResult {
  /** This worker's client id (also the name of its liveness lock). */
  clientId: string;
  /** Whether this worker owns the database files right now. */
  owner: boolean;
}

export type Response =
  | { id: number; ok: true; result: unknown; autocommit: boolean }
  | { id: number; ok: false; error: SerializedError; autocommit: boolean };

/** Messages between the workers of one database on its BroadcastChannel. */
export type PeerMessage =
  /** "Who owns this database?" (sent by a worker that starts as a follower). */
  | { type: 'who' }
  /** The owner announces itself (on election and in answer to `who`). */
  | { type: 'owner'; ownerId: string }
  /** A forwarded operation. */
  | { type: 'req'; from: string; to: string; rid: number; body: Op }
  /** The owner's answer; `retry` means "not run: I am closing, send it to the next owner". */
  | { type: 'res'; to: string; rid: number; ok: boolean; result?: unknown; error?: SerializedError;
      autocommit: boolean; retry?: boolean };

/** Web Lock names. */
export const ownerLockName = (path: string): string => `petrel-db:${path}`;
export const clientLockName = (clientId: string): string => `petrel-db-client:${clientId}`;
export const channelName = (path: string): string => `petrel-db:${path}`;
