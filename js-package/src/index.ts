/**
 * petrel-db: a SQLite-compatible database engine compiled to WebAssembly, running in a dedicated Web Worker.
 *
 * The API has better-sqlite3's shape, made asynchronous: every call that reaches the engine returns a Promise.
 *
 * ```ts
 * import { connect } from 'petrel-db';
 * const db = await connect(':memory:');
 * const row = await db.prepare('select 1+1 as x').get();   // => { x: 2 }
 * await db.close();
 * ```
 *
 * Value mapping: INTEGER -> number (or bigint with `safeIntegers`), REAL -> number, TEXT -> string,
 * BLOB -> Uint8Array, NULL -> null. Bound parameters accept the same types plus bigint and boolean (as 1/0).
 */
import type { PrepareResult, Request, Response, RowMode, RowsResult, RunResult, SerializedError, SqlValue } from './protocol.js';

export type { SqlValue } from './protocol.js';

/** An error raised by the engine, with SQLite's result code name (e.g. `SQLITE_CONSTRAINT_UNIQUE`) and number. */
export class SqliteError extends Error {
  /** SQLite's name of the (extended) result code. */
  readonly code: string;
  /** SQLite's integer value of the (extended) result code. */
  readonly rc: number;

  constructor(message: string, code: string, rc: number) {
    super(message);
    this.name = 'SqliteError';
    this.code = code;
    this.rc = rc;
  }
}

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Return INTEGER values as bigint instead of number (default false). */
  safeIntegers?: boolean;
}

/** What {@link Statement.run} resolves to. */
export interface RunInfo {
  /** Rows inserted, updated or deleted by the statement. */
  changes: number;
  /** The rowid of the last inserted row (a bigint when it exceeds Number.MAX_SAFE_INTEGER). */
  lastInsertRowid: number | bigint;
}

/** A result column, as {@link Statement.columns} describes it. */
export interface ColumnInfo {
  name: string;
}

/** Bind parameters: positional values, or a single object of named ones (`{ id: 1 }` binds `:id`, `@id` or `$id`). */
export type Params = Array<SqlValue | boolean | undefined | Record<string, SqlValue | boolean | undefined>>;

/** The channel to one engine worker: request ids, in-order replies, errors as SqliteError. */
class WorkerChannel {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private failure: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<Response>) => {
      const msg = event.data;
      const waiter = this.pending.get(msg.id);
      if (!waiter) {
        return;
      }
      this.pending.delete(msg.id);
      if (msg.ok) {
        waiter.resolve(msg.result);
      } else {
        waiter.reject(toSqliteError(msg.error));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      this.fail(new SqliteError(`the database worker failed: ${event.message}`, 'SQLITE_INTERNAL', 2));
    };
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.pending.values()) {
      waiter.reject(error);
    }
    this.pending.clear();
  }

  request<T>(req: DistributiveOmit<Request, 'id'>, transfer: Transferable[] = []): Promise<T> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...req, id }, transfer);
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.fail(new SqliteError('The database connection is not open', 'SQLITE_MISUSE', 21));
  }
}

type DistributiveOmit<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never;

function toSqliteError(e: SerializedError): SqliteError {
  return new SqliteError(e.message, e.code, e.rc);
}

/**
 * Opens a database in a new dedicated Worker. `path` is `':memory:'` for a private in-memory database.
 * Resolves once the engine is loaded and the database is open; rejects with a {@link SqliteError} otherwise.
 */
export async function connect(path = ':memory:', options: ConnectOptions = {}): Promise<Database> {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: `petrel:${path}` });
  const channel = new WorkerChannel(worker);
  try {
    const handle = await channel.request<number>({ op: 'open', path });
    return new Database(channel, handle, path, options);
  } catch (e) {
    channel.terminate();
    throw e;
  }
}

/** An open database. Create one with {@link connect}. */
export class Database {
  private isOpen = true;
  private readonly statements = new Set<Statement>();

  /** @internal */
  constructor(
    private readonly channel: WorkerChannel,
    private readonly handle: number,
    /** The path the database was opened with. */
    readonly name: string,
    private readonly options: ConnectOptions,
  ) {}

  /** Whether the database is open. */
  get open(): boolean {
    return this.isOpen;
  }

  /** Compiles one SQL statement. Synchronous; a compile error rejects the statement's first call. */
  prepare(sql: string): Statement {
    this.checkOpen();
    const stmt = new Statement(this, sql, this.options.safeIntegers ?? false);
    this.statements.add(stmt);
    return stmt;
  }

  /** Runs every statement of `sql`, discarding rows. */
  async exec(sql: string): Promise<this> {
    this.checkOpen();
    await this.channel.request({ op: 'exec', db: this.handle, sql });
    return this;
  }

  /**
   * Wraps `fn` in BEGIN / COMMIT: the returned function runs `fn` inside a transaction and commits if it resolves,
   * rolls back if it throws or rejects.
   */
  transaction<A extends unknown[], R>(fn: (...args: A) => Promise<R> | R): (...args: A) => Promise<R> {
    return async (...args: A) => {
      await this.exec('BEGIN');
      try {
        const result = await fn(...args);
        await this.exec('COMMIT');
        return result;
      } catch (e) {
        await this.exec('ROLLBACK').catch(() => undefined);
        throw e;
      }
    };
  }

  /** Closes the database and stops its worker. Closing twice is harmless. */
  async close(): Promise<void> {
    if (!this.isOpen) {
      return;
    }
    this.isOpen = false;
    try {
      await this.channel.request({ op: 'close', db: this.handle });
    } finally {
      this.channel.terminate();
    }
  }

  private checkOpen(): void {
    if (!this.isOpen) {
      throw new SqliteError('The database connection is not open', 'SQLITE_MISUSE', 21);
    }
  }

  /** @internal */
  request<T>(req: DistributiveOmit<Request, 'id'>): Promise<T> {
    this.checkOpen();
    return this.channel.request<T>(req);
  }

  /** @internal */
  get dbHandle(): number {
    return this.handle;
  }
}

const ITERATE_BATCH = 256;

/** A prepared statement. Create one with {@link Database.prepare}. */
export class Statement {
  private readonly prepared: Promise<PrepareResult>;
  private mode: RowMode = 'object';
  private busy = false;

  /** @internal */
  constructor(private readonly db: Database, readonly source: string, private useBigInt: boolean) {
    this.prepared = db.request<PrepareResult>({ op: 'prepare', db: db.dbHandle, sql: source });
    // A compile error is reported by the first call that uses the statement, not as an unhandled rejection.
    this.prepared.catch(() => undefined);
  }

  /** Return rows as arrays of values instead of objects. */
  raw(toggle = true): this {
    this.mode = toggle ? 'raw' : 'object';
    return this;
  }

  /** Return only the first column of each row. */
  pluck(toggle = true): this {
    this.mode = toggle ? 'pluck' : 'object';
    return this;
  }

  /** Return INTEGER values as bigint. */
  safeIntegers(toggle = true): this {
    this.useBigInt = toggle;
    return this;
  }

  /** Whether the statement returns data. */
  async reader(): Promise<boolean> {
    return (await this.prepared).columns.length > 0;
  }

  /** The result columns. */
  async columns(): Promise<ColumnInfo[]> {
    return (await this.prepared).columns.map((name) => ({ name }));
  }

  /** Runs the statement to completion and reports what it changed. */
  async run(...params: Params): Promise<RunInfo> {
    const { stmt } = await this.prepared;
    return this.exclusive(() =>
      this.db.request<RunResult>({ op: 'run', db: this.db.dbHandle, stmt, params: params as unknown[] }));
  }

  /** The first row, or undefined when there is none. */
  async get(...params: Params): Promise<any> {
    const rows = await this.fetch(params, 1);
    return rows.length > 0 ? rows[0] : undefined;
  }

  /** Every row. */
  async all(...params: Params): Promise<any[]> {
    return this.fetch(params, Number.MAX_SAFE_INTEGER);
  }

  /** Rows one at a time, fetched from the worker in batches. Break out of the loop to stop early. */
  async *iterate(...params: Params): AsyncGenerator<any, void, undefined> {
    const { stmt } = await this.prepared;
    this.enter();
    let first = true;
    let done = false;
    try {
      while (!done) {
        const batch: RowsResult = await this.db.request<RowsResult>({
          op: 'rows', stmt, params: first ? (params as unknown[]) : null, mode: this.mode,
          safeIntegers: this.useBigInt, limit: ITERATE_BATCH, keepOpen: true,
        });
        first = false;
        done = batch.done;
        for (const row of batch.rows) {
          yield row;
        }
      }
    } finally {
      if (!done && this.db.open) {
        await this.db.request({ op: 'reset', stmt }).catch(() => undefined);
      }
      this.busy = false;
    }
  }

  private async fetch(params: Params, limit: number): Promise<any[]> {
    const { stmt } = await this.prepared;
    return this.exclusive(async () => {
      const out = await this.db.request<RowsResult>({
        op: 'rows', stmt, params: params as unknown[], mode: this.mode, safeIntegers: this.useBigInt, limit,
        keepOpen: false,
      });
      return out.rows;
    });
  }

  private enter(): void {
    if (this.busy) {
      throw new TypeError('This statement is busy executing a query');
    }
    this.busy = true;
  }

  private async exclusive<T>(body: () => Promise<T>): Promise<T> {
    this.enter();
    try {
      return await body();
    } finally {
      this.busy = false;
    }
  }
}
