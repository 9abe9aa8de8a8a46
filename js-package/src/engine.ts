/**
 * The engine inside the owning worker: one open database of petrel.wasm (TeaVM wasm-gc) and the operations of
 * protocol.ts run against it, for any number of clients (this tab and the tabs that forward to it).
 *
 * The wasm exports are C-API shaped (PetrelExports.java): integer handles, status codes and an error register.
 * This file turns them into whole operations (bind + step loop + column reads) so that one message round trip
 * serves one `run`/`get`/`all` call. Every call into the engine is synchronous.
 */
import { load } from './petrel-runtime.mjs';
import type { FunctionSpec, Op, RowMode, SerializedError } from './protocol.js';
import { defineFunction, installFunctionTable } from './functions.js';

const ROW = 100;
const DONE = 101;
const FAILED = -1;
const INTEGER = 1;
const FLOAT = 2;
const TEXT = 3;
const BLOB = 4;

export type Exports = Record<string, (...args: any[]) => any>;

let loaded: Promise<Exports> | null = null;

/** Loads petrel.wasm once per worker (only workers that open a database pay for it). */
export function loadEngine(): Promise<Exports> {
  if (!loaded) {
    loaded = load(new URL('./petrel.wasm', import.meta.url).href).then((t) => {
      installFunctionTable(t.exports);
      return t.exports;
    });
  }
  return loaded;
}

/** An error with SQLite's code, carried back to the page as a SqliteError. */
export class EngineError extends Error {
  constructor(readonly detail: SerializedError) {
    super(detail.message);
  }
}

export function sqliteError(code: string, rc: number, message: string): EngineError {
  return new EngineError({ code, rc, message });
}

export function serialize(e: unknown): SerializedError {
  if (e instanceof EngineError) {
    return e.detail;
  }
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { code: 'SQLITE_INTERNAL', rc: 2, message: `internal error: ${text}` };
}

/** The engine's last error (code, message and SQL offset) as an EngineError. */
export function lastError(x: Exports): EngineError {
  const offset: number = x.errorOffset();
  return new EngineError({ code: x.errorName(), rc: x.errorCode(), message: x.errorMessage(),
    ...(offset >= 0 ? { offset } : {}) });
}

function check(x: Exports, status: number): number {
  if (status === FAILED) {
    throw lastError(x);
  }
  return status;
}

const misuse = (message: string) => sqliteError('SQLITE_MISUSE', 21, message);
const rangeError = (message: string) => sqliteError('SQLITE_RANGE', 25, message);

function bindValue(x: Exports, stmt: number, index: number, value: unknown): void {
  let status: number;
  if (value === null || value === undefined) {
    status = x.bindNull(stmt, index);
  } else if (typeof value === 'number') {
    status = Number.isSafeInteger(value) ? x.bindLong(stmt, index, BigInt(value)) : x.bindDouble(stmt, index, value);
  } else if (typeof value === 'bigint') {
    if (value < -(2n ** 63n) || value >= 2n ** 63n) {
      throw sqliteError('SQLITE_TOOBIG', 18, 'BigInt value is too big to bind as INTEGER');
    }
    status = x.bindLong(stmt, index, value);
  } else if (typeof value === 'string') {
    status = x.bindText(stmt, index, value);
  } else if (typeof value === 'boolean') {
    status = x.bindLong(stmt, index, value ? 1n : 0n);
  } else if (value instanceof Uint8Array || value instanceof Int8Array) {
    status = x.bindBlob(stmt, index, new Int8Array(value.buffer, value.byteOffset, value.byteLength));
  } else if (value instanceof ArrayBuffer) {
    status = x.bindBlob(stmt, index, new Int8Array(value));
  } else {
    throw misuse(`cannot bind a value of type ${Object.prototype.toString.call(value)}`);
  }
  check(x, status);
}

function isNamedParams(p: unknown): p is Record<string, unknown> {
  return p !== null && typeof p === 'object' && !(p instanceof Uint8Array) && !(p instanceof Int8Array)
    && !(p instanceof ArrayBuffer);
}

function bindAll(x: Exports, stmt: number, params: unknown[]): void {
  check(x, x.clearBindings(stmt));
  const count: number = x.parameterCount(stmt);
  let positional = 0;
  for (const param of params) {
    if (isNamedParams(param)) {
      for (const [name, value] of Object.entries(param)) {
        let index = 0;
        for (const prefix of [':', '@', '$']) {
          index = x.parameterIndex(stmt, prefix + name);
          if (index > 0) {
            break;
          }
        }
        if (index === 0) {
          throw rangeError(`no such named parameter: ${name}`);
        }
        bindValue(x, stmt, index, value);
      }
    } else {
      positional++;
      if (positional > count) {
        throw rangeError(`too many parameter values were provided (the statement takes ${count})`);
      }
      bindValue(x, stmt, positional, param);
    }
  }
}

function readColumn(x: Exports, stmt: number, i: number, safeIntegers: boolean): unknown {
  switch (x.columnType(stmt, i)) {
    case INTEGER: {
      const v: bigint = x.columnLong(stmt, i);
      return safeIntegers ? v : Number(v);
    }
    case FLOAT:
      return x.columnDouble(stmt, i);
    case TEXT:
      return x.columnText(stmt, i);
    case BLOB: {
      const b: Int8Array = x.columnBlob(stmt, i);
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    }
    default:
      return null;
  }
}

function readRow(x: Exports, stmt: number, mode: RowMode, safeIntegers: boolean): unknown {
  const n: number = x.columnCount(stmt);
  if (mode === 'pluck') {
    return n > 0 ? readColumn(x, stmt, 0, safeIntegers) : undefined;
  }
  if (mode === 'raw') {
    const row: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) {
      row[i] = readColumn(x, stmt, i, safeIntegers);
    }
    return row;
  }
  const row: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    row[x.columnName(stmt, i)] = readColumn(x, stmt, i, safeIntegers);
  }
  return row;
}

/** Buffers of BLOB values that can be transferred (each whole, each once) instead of copied. */
export function collectTransfers(value: unknown): Transferable[] {
  const out: Transferable[] = [];
  const seen = new Set<ArrayBufferLike>();
  const visit = (v: unknown) => {
    if (v instanceof Uint8Array && v.buffer instanceof ArrayBuffer && !seen.has(v.buffer)
        && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) {
      seen.add(v.buffer);
      out.push(v.buffer);
    }
  };
  const rows = Array.isArray(value) ? value : [value];
  for (const row of rows) {
    if (Array.isArray(row)) {
      row.forEach(visit);
    } else if (row !== null && typeof row === 'object' && !(row instanceof Uint8Array)) {
      Object.values(row as Record<string, unknown>).forEach(visit);
    } else {
      visit(row);
    }
  }
  return out;
}

interface CachedStatement {
  handle: number;
  /** A `rows` call with keepOpen left the cursor in the middle of its results. */
  inProgress: boolean;
}

/** What an operation produced: the result and the buffers to transfer with it. */
export interface Outcome {
  result: unknown;
  transfer: Transferable[];
}

/** Hooks for the file-level operations the engine cannot do itself. */
export interface FileAccess {
  /** The whole database file, read while the engine has it closed. */
  readAll(): Uint8Array;
  /** Runs the page-transfer benchmark; the per-page microseconds by mode. */
  bench?(x: Exports, pageSize: number, pages: number): Record<string, number>;
}

/**
 * One open database and its prepared statements, per client. Statement handles are private to this object: the
 * clients name statements by their own ids, and a statement is prepared again from its SQL when it is missing
 * (after a change of owner or an export, which reopens the database).
 */
export class EngineDatabase {
  private readonly statements = new Map<string, Map<number, CachedStatement>>();
  /** The JavaScript functions defined so far, to define again when the connection is reopened. */
  private readonly functions: FunctionSpec[] = [];

  private constructor(private readonly x: Exports, private db: number, private readonly path: string,
    private readonly files: FileAccess | null) {}

  /** Opens `path`: ':memory:' in memory, anything else on OPFS (the worker has registered its handles). */
  static open(x: Exports, path: string, files: FileAccess | null): EngineDatabase {
    const db = check(x, files ? x.openOpfs(path) : x.open(path));
    return new EngineDatabase(x, db, path, files);
  }

  get autocommit(): boolean {
    return this.x.isAutocommit(this.db);
  }

  close(): void {
    for (const client of [...this.statements.keys()]) {
      this.forgetClient(client);
    }
    check(this.x, this.x.close(this.db));
  }

  /** Finalizes every statement of a client that has gone away. */
  forgetClient(client: string): void {
    const mine = this.statements.get(client);
    if (mine) {
      for (const s of mine.values()) {
        this.x.finalizeStatement(s.handle);
      }
      this.statements.delete(client);
    }
  }

  private statement(client: string, sid: number, sql: string | null): CachedStatement {
    let mine = this.statements.get(client);
    if (!mine) {
      mine = new Map();
      this.statements.set(client, mine);
    }
    let s = mine.get(sid);
    if (!s) {
      if (sql === null) {
        throw misuse('the statement was reset because the database was reopened; run it again');
      }
      s = { handle: check(this.x, this.x.prepare(this.db, sql)), inProgress: false };
      mine.set(sid, s);
    }
    return s;
  }

  /** Runs one operation for `client`; throws EngineError on failure. */
  run(client: string, body: Op): Outcome {
    const x = this.x;
    switch (body.op) {
      case 'attach':
        return { result: null, transfer: [] };
      case 'exec':
        check(x, x.exec(this.db, body.sql));
        return { result: null, transfer: [] };
      case 'prepare': {
        const s = this.statement(client, body.sid, body.sql).handle;
        const n: number = x.columnCount(s);
        const columns: string[] = [];
        for (let i = 0; i < n; i++) {
          columns.push(x.columnName(s, i));
        }
        return { result: { columns, readonly: x.isReadOnly(s), paramCount: x.parameterCount(s) }, transfer: [] };
      }
      case 'finalize': {
        const s = this.statements.get(client)?.get(body.sid);
        if (s) {
          x.finalizeStatement(s.handle);
          this.statements.get(client)!.delete(body.sid);
        }
        return { result: null, transfer: [] };
      }
      case 'reset': {
        const s = this.statements.get(client)?.get(body.sid);
        if (s) {
          s.inProgress = false;
          x.reset(s.handle);
        }
        return { result: null, transfer: [] };
      }
      case 'run': {
        const s = this.statement(client, body.sid, body.sql);
        const h = s.handle;
        s.inProgress = false;
        check(x, x.reset(h));
        bindAll(x, h, body.params);
        try {
          while (check(x, x.step(h)) === ROW) {
            // run() ignores rows
          }
        } finally {
          x.reset(h);
        }
        const rowid: bigint = x.lastInsertRowid(this.db);
        const lastInsertRowid = rowid >= BigInt(Number.MIN_SAFE_INTEGER) && rowid <= BigInt(Number.MAX_SAFE_INTEGER)
          ? Number(rowid) : rowid;
        return { result: { changes: x.changes(this.db), lastInsertRowid }, transfer: [] };
      }
      case 'rows': {
        const s = this.statement(client, body.sid, body.params === null ? null : body.sql);
        const h = s.handle;
        if (body.params !== null) {
          check(x, x.reset(h));
          bindAll(x, h, body.params);
        } else if (!s.inProgress) {
          throw misuse('the iteration was interrupted because the database changed owner; run it again');
        }
        const rows: unknown[] = [];
        let done = false;
        try {
          while (rows.length < body.limit) {
            if (check(x, x.step(h)) === DONE) {
              done = true;
              break;
            }
            rows.push(readRow(x, h, body.mode, body.safeIntegers));
          }
        } catch (e) {
          s.inProgress = false;
          x.reset(h);
          throw e;
        }
        if (done || !body.keepOpen) {
          x.reset(h);
          done = true;
        }
        s.inProgress = !done;
        return { result: { rows, done }, transfer: collectTransfers(rows) };
      }
      case 'export': {
        if (!this.files) {
          throw misuse('export() needs a database stored in OPFS, not :memory:');
        }
        if (!this.autocommit) {
          throw sqliteError('SQLITE_BUSY', 5, 'cannot export a database while a transaction is open');
        }
        // Closing checkpoints a WAL into the file and releases every statement, so the file alone is the database.
        this.close();
        try {
          const bytes = this.files.readAll();
          return { result: bytes, transfer: [bytes.buffer] };
        } finally {
          this.db = check(x, x.openOpfs(this.path));
          // The reopened connection starts with the built-ins only: define the JavaScript functions again.
          for (const spec of this.functions) {
            check(x, defineFunction(x, this.db, spec));
          }
        }
      }
      case 'function': {
        try {
          check(x, defineFunction(x, this.db, body.spec));
        } catch (e) {
          throw e instanceof EngineError ? e : sqliteError('SQLITE_ERROR', 1, e instanceof Error ? e.message : String(e));
        }
        this.functions.push(body.spec);
        return { result: null, transfer: [] };
      }
      case 'bench': {
        if (!this.files?.bench) {
          throw misuse('the transfer benchmark needs an OPFS database');
        }
        return { result: this.files.bench(x, body.pageSize, body.pages), transfer: [] };
      }
    }
  }
}
