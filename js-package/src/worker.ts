/// <reference lib="webworker" />
/**
 * The engine's Web Worker: loads petrel.wasm (TeaVM wasm-gc) and serves the page's requests (see protocol.ts).
 *
 * The wasm exports are C-API shaped (PetrelExports.java): integer handles, status codes and an error register.
 * This file turns them into whole operations (bind + step loop + column reads) so that one message round trip
 * serves one `run`/`get`/`all` call.
 */
import { load } from './petrel-runtime.mjs';
import type { Request, Response, RowMode, SerializedError } from './protocol.js';

const ROW = 100;
const DONE = 101;
const FAILED = -1;
const INTEGER = 1;
const FLOAT = 2;
const TEXT = 3;
const BLOB = 4;

type Exports = Record<string, (...args: any[]) => any>;

const engine: Promise<Exports> = load(new URL('./petrel.wasm', import.meta.url).href).then((t) => t.exports);

class EngineError extends Error {
  constructor(readonly detail: SerializedError) {
    super(detail.message);
  }
}

function lastError(x: Exports): EngineError {
  return new EngineError({ code: x.errorName(), rc: x.errorCode(), message: x.errorMessage() });
}

function check(x: Exports, status: number): number {
  if (status === FAILED) {
    throw lastError(x);
  }
  return status;
}

function misuse(message: string): EngineError {
  return new EngineError({ code: 'SQLITE_MISUSE', rc: 21, message });
}

function rangeError(message: string): EngineError {
  return new EngineError({ code: 'SQLITE_RANGE', rc: 25, message });
}

function bindValue(x: Exports, stmt: number, index: number, value: unknown): void {
  let status: number;
  if (value === null || value === undefined) {
    status = x.bindNull(stmt, index);
  } else if (typeof value === 'number') {
    status = Number.isSafeInteger(value) ? x.bindLong(stmt, index, BigInt(value)) : x.bindDouble(stmt, index, value);
  } else if (typeof value === 'bigint') {
    if (value < -(2n ** 63n) || value >= 2n ** 63n) {
      throw new EngineError({ code: 'SQLITE_TOOBIG', rc: 18, message: 'BigInt value is too big to bind as INTEGER' });
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

function bindAll(x: Exports, stmt: number, params: unknown[] | null): void {
  if (params === null) {
    return;
  }
  check(x, x.clearBindings(stmt));
  const count: number = x.parameterCount(stmt);
  let positional = 0;
  for (const param of params) {
    if (param !== null && typeof param === 'object' && !(param instanceof Uint8Array)
        && !(param instanceof Int8Array) && !(param instanceof ArrayBuffer)) {
      for (const [name, value] of Object.entries(param as Record<string, unknown>)) {
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

function collectTransfers(rows: unknown[]): Transferable[] {
  const out: Transferable[] = [];
  const seen = new Set<ArrayBufferLike>();
  const visit = (v: unknown) => {
    if (v instanceof Uint8Array && v.buffer instanceof ArrayBuffer && !seen.has(v.buffer)
        && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) {
      seen.add(v.buffer);
      out.push(v.buffer);
    }
  };
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

async function handle(req: Request): Promise<{ result: unknown; transfer?: Transferable[] }> {
  const x = await engine;
  switch (req.op) {
    case 'open':
      return { result: check(x, x.open(req.path)) };
    case 'close':
      return { result: check(x, x.close(req.db)) };
    case 'exec': {
      const stmt = check(x, x.prepare(req.db, req.sql));
      try {
        while (check(x, x.step(stmt)) === ROW) {
          // rows of exec() are discarded
        }
      } finally {
        x.finalizeStatement(stmt);
      }
      return { result: null };
    }
    case 'prepare': {
      const stmt = check(x, x.prepare(req.db, req.sql));
      const n: number = x.columnCount(stmt);
      const columns: string[] = [];
      for (let i = 0; i < n; i++) {
        columns.push(x.columnName(stmt, i));
      }
      return { result: { stmt, columns, readonly: x.isReadOnly(stmt), paramCount: x.parameterCount(stmt) } };
    }
    case 'finalize':
      return { result: x.finalizeStatement(req.stmt) };
    case 'reset':
      return { result: check(x, x.reset(req.stmt)) };
    case 'run': {
      check(x, x.reset(req.stmt));
      bindAll(x, req.stmt, req.params);
      try {
        while (check(x, x.step(req.stmt)) === ROW) {
          // run() ignores rows
        }
      } finally {
        x.reset(req.stmt);
      }
      const rowid: bigint = x.lastInsertRowid(req.db);
      const lastInsertRowid = rowid >= BigInt(Number.MIN_SAFE_INTEGER) && rowid <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(rowid) : rowid;
      return { result: { changes: x.changes(req.db), lastInsertRowid } };
    }
    case 'rows': {
      if (req.params !== null) {
        check(x, x.reset(req.stmt));
        bindAll(x, req.stmt, req.params);
      }
      const rows: unknown[] = [];
      let done = false;
      try {
        while (rows.length < req.limit) {
          if (check(x, x.step(req.stmt)) === DONE) {
            done = true;
            break;
          }
          rows.push(readRow(x, req.stmt, req.mode, req.safeIntegers));
        }
      } catch (e) {
        x.reset(req.stmt);
        throw e;
      }
      if (done || !req.keepOpen) {
        x.reset(req.stmt);
        done = true;
      }
      return { result: { rows, done }, transfer: collectTransfers(rows) };
    }
  }
}

// Requests are served strictly one at a time, in arrival order: the engine is single-threaded and statements must
// never interleave.
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<Request>) => {
  const req = event.data;
  queue = queue.then(async () => {
    let response: Response;
    let transfer: Transferable[] = [];
    try {
      const out = await handle(req);
      response = { id: req.id, ok: true, result: out.result };
      transfer = out.transfer ?? [];
    } catch (e) {
      const detail: SerializedError = e instanceof EngineError
        ? e.detail
        : { code: 'SQLITE_INTERNAL', rc: 2, message: `internal error: ${e instanceof Error ? e.message : String(e)}` };
      response = { id: req.id, ok: false, error: detail };
    }
    (self as unknown as DedicatedWorkerGlobalScope).postMessage(response, transfer);
  });
};
