/**
 * petrel-db: a SQLite-compatible database engine compiled to WebAssembly, running in a dedicated Web Worker, with
 * databases stored in the Origin Private File System (OPFS) and shared safely between the tabs of an origin.
 *
 * The API has better-sqlite3's shape, made asynchronous: every call that reaches the engine returns a Promise.
 *
 * ```ts
 * import { connect } from 'petrel-db';
 * const db = await connect('app.sqlite');
 * await db.exec('create table if not exists t(x)');
 * await db.prepare('insert into t values (?)').run(42);
 * const row = await db.prepare('select x from t').get();   // => { x: 42 }
 * await db.close();
 * ```
 *
 * Value mapping: INTEGER -> number (or bigint with `safeIntegers`), REAL -> number, TEXT -> string,
 * BLOB -> Uint8Array, NULL -> null. Bound parameters accept the same types plus bigint and boolean (as 1/0).
 */
import type { OpenResult, PrepareResult, Request, Response as WorkerResponse, RowMode, RowsResult, RunResult, SerializedError, SqlValue }
  from './protocol.js';
import { ownerLockName } from './protocol.js';

export type { SqlValue } from './protocol.js';

/** An error raised by the engine, with SQLite's result code name (e.g. `SQLITE_CONSTRAINT_UNIQUE`) and number. */
export class SqliteError extends Error {
  /** SQLite's name of the (extended) result code, e.g. `'SQLITE_CONSTRAINT_UNIQUE'`. */
  readonly code: string;
  /** SQLite's integer value of the (extended) result code, e.g. `2067`. */
  readonly rc: number;
  /**
   * Where in the SQL text the error was found (a string index, as `sqlite3_error_offset`), e.g. the start of the
   * token a syntax error is "near"; `-1` when the error is not tied to a position.
   */
  readonly offset: number;

  constructor(message: string, code: string, rc: number, offset = -1) {
    super(message);
    this.name = 'SqliteError';
    this.code = code;
    this.rc = rc;
    this.offset = offset;
  }
}

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Return INTEGER values as bigint instead of number (default `false`). */
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
  /** The column's name (its alias when the SELECT gives one). */
  name: string;
}

/** A value accepted as a bound parameter. */
export type BindValue = SqlValue | boolean | ArrayBuffer | undefined;

/** Bind parameters: positional values and/or objects of named ones (`{ id: 1 }` binds `:id`, `@id` or `$id`). */
export type Params = Array<BindValue | Record<string, BindValue>>;

/** An OPFS database, as {@link listDatabases} describes it. */
export interface DatabaseInfo {
  /** The name to pass to {@link connect}. */
  name: string;
  /** The size of the database file in bytes (a WAL or journal beside it is not counted). */
  size: number;
}

/** Progress of {@link importDatabase}. */
export interface ImportProgress {
  /** Bytes written so far. */
  loaded: number;
  /** The total size when known (bytes, a File, or a response with Content-Length). */
  total: number | undefined;
}

/** Options of {@link importDatabase}. */
export interface ImportOptions {
  /** Called after each chunk is written (about every MiB) and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
  /** Replace an existing database of that name (default `true`); with `false` an existing one is an error. */
  overwrite?: boolean;
}

type DistributiveOmit<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never;
type Body = DistributiveOmit<Request, 'id'>;

const notOpen = () => new SqliteError('The database connection is not open', 'SQLITE_MISUSE', 21);

function toSqliteError(e: SerializedError): SqliteError {
  return new SqliteError(e.message, e.code, e.rc, e.offset ?? -1);
}

/** The channel to one engine worker: request ids, one reply each, errors as SqliteError. */
class WorkerChannel {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private failure: Error | null = null;
  /** Whether the last answered request left a transaction open. */
  inTransaction = false;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const msg = event.data;
      const waiter = this.pending.get(msg.id);
      if (!waiter) {
        return;
      }
      this.pending.delete(msg.id);
      this.inTransaction = !msg.autocommit;
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

  request<T>(req: Body, transfer: Transferable[] = []): Promise<T> {
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
    this.fail(notOpen());
  }
}

/**
 * Starts the engine worker. The URL is resolved from this module so bundlers find the worker (and, through it,
 * petrel.wasm) with no configuration. Vite's dev server pre-bundles dependencies into `node_modules/.vite/deps/`,
 * where `./worker.js` does not exist: there the worker is taken from the package's own directory instead.
 */
function startWorker(name: string): Worker {
  const here = new URL(import.meta.url);
  if (/\/node_modules\/\.vite\/deps[^/]*\/[^/]+$/.test(here.pathname)) {
    const inPackage = ['..', '..', 'petrel-db', 'dist', 'worker.js'].join('/');
    return new Worker(new URL(inPackage, here), { type: 'module', name });
  }
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name });
}

/**
 * Opens a database in a new dedicated Worker and resolves once it can run statements.
 *
 * `path` is `':memory:'` for a private in-memory database, or a file name (no `/`) in the origin's OPFS, created
 * if missing. The tabs of an origin share an OPFS database: one of them owns the files and the others' statements
 * run there; when the owner closes, another tab takes over and recovers the files.
 *
 * @throws SqliteError `SQLITE_CANTOPEN` for a bad name or a browser without OPFS sync access handles,
 *   `SQLITE_NOTADB` if the file is not a database.
 */
export async function connect(path = ':memory:', options: ConnectOptions = {}): Promise<Database> {
  const channel = new WorkerChannel(startWorker(`petrel:${path}`));
  try {
    const opened = await channel.request<OpenResult>({ op: 'open', path });
    return new Database(channel, path, options, opened.clientId);
  } catch (e) {
    channel.terminate();
    throw e;
  }
}

let nextStatementId = 1;

/** An open database. Create one with {@link connect}. */
export class Database {
  private isOpen = true;
  private savepointDepth = 0;
  private readonly finalizer = new FinalizationRegistry<number>((sid) => {
    if (this.isOpen) {
      this.channel.request({ op: 'finalize', sid }).catch(() => undefined);
    }
  });

  /** @internal */
  constructor(
    private readonly channel: WorkerChannel,
    /** The path the database was opened with. */
    readonly name: string,
    private readonly options: ConnectOptions,
    /** @internal The id of this connection's worker among the tabs. */
    readonly clientId: string,
  ) {}

  /** Whether the database is open. */
  get open(): boolean {
    return this.isOpen;
  }

  /** Whether a transaction is open (as of the last statement that completed). */
  get inTransaction(): boolean {
    return this.channel.inTransaction;
  }

  /** Whether the database lives in memory (`':memory:'`) rather than in OPFS. */
  get memory(): boolean {
    return this.name === ':memory:';
  }

  /**
   * Creates a prepared statement for one SQL statement. Synchronous; the SQL is compiled in the worker right
   * away, and a compile error (e.g. `SQLITE_ERROR` for a syntax error) rejects the statement's first call.
   */
  prepare(sql: string): Statement {
    this.checkOpen();
    const stmt = new Statement(this, sql, nextStatementId++, this.options.safeIntegers ?? false);
    this.finalizer.register(stmt, stmt.sid);
    return stmt;
  }

  /** Runs every statement of `sql` (separated by semicolons), discarding rows. Resolves to this database. */
  async exec(sql: string): Promise<this> {
    await this.request({ op: 'exec', sql });
    return this;
  }

  /**
   * Wraps `fn` in a transaction: the returned function runs `fn` between BEGIN and COMMIT, and rolls back if `fn`
   * throws or rejects (the error is re-thrown). Nested calls use savepoints. While the transaction is open, no
   * other tab's statement runs on this database. Variants `.deferred`, `.immediate` and `.exclusive` choose the
   * BEGIN mode (the default is deferred).
   */
  transaction<A extends unknown[], R>(fn: (...args: A) => Promise<R> | R): TransactionFunction<A, R> {
    const make = (begin: string) => async (...args: A): Promise<R> => {
      if (this.savepointDepth > 0 || this.inTransaction) {
        const name = `petrel_sp_${++this.savepointDepth}`;
        await this.exec(`SAVEPOINT ${name}`);
        try {
          const result = await fn(...args);
          await this.exec(`RELEASE ${name}`);
          return result;
        } catch (e) {
          await this.exec(`ROLLBACK TO ${name}; RELEASE ${name}`).catch(() => undefined);
          throw e;
        } finally {
          this.savepointDepth--;
        }
      }
      await this.exec(begin);
      try {
        const result = await fn(...args);
        await this.exec('COMMIT');
        return result;
      } catch (e) {
        await this.exec('ROLLBACK').catch(() => undefined);
        throw e;
      }
    };
    const run = make('BEGIN') as TransactionFunction<A, R>;
    run.deferred = make('BEGIN DEFERRED');
    run.immediate = make('BEGIN IMMEDIATE');
    run.exclusive = make('BEGIN EXCLUSIVE');
    return run;
  }

  /**
   * Defines a SQL scalar function implemented in JavaScript, as better-sqlite3's `db.function`:
   * `await db.function('twice', (x) => x * 2)` then `SELECT twice(21)`. The argument count is `fn.length`
   * unless `varargs` is set. Returning a number, bigint, string, boolean, Uint8Array or null gives the SQL value;
   * throwing fails the statement with the error's message. A function of the same name and argument count as a
   * built-in replaces it for this database.
   *
   * The function runs inside the database worker, not on the page: its source text is sent there and evaluated
   * again, so it must be self-contained (it cannot use variables captured from the page; globals such as `Math`
   * are fine) and synchronous. With several tabs on one database, the function is defined in the tab that owns
   * the files and is visible to every tab's statements there; it is defined again whenever ownership moves.
   */
  async function(name: string, fn: (...args: any[]) => unknown): Promise<this>;
  async function(name: string, options: FunctionOptions, fn: (...args: any[]) => unknown): Promise<this>;
  async function(name: string, a: FunctionOptions | ((...args: any[]) => unknown),
    b?: (...args: any[]) => unknown): Promise<this> {
    const options: FunctionOptions = typeof a === 'function' ? {} : a;
    const fn = typeof a === 'function' ? a : b;
    if (typeof fn !== 'function') {
      throw new TypeError('db.function(name, [options], fn): fn must be a function');
    }
    checkFunctionName(name);
    await this.request({ op: 'function', spec: {
      name, kind: 'scalar', nArg: options.varargs ? -1 : fn.length, deterministic: options.deterministic ?? false,
      safeIntegers: options.safeIntegers ?? this.options.safeIntegers ?? false, source: fn.toString(),
    } });
    return this;
  }

  /**
   * Defines a collating sequence implemented in JavaScript, for `COLLATE name` in queries, column definitions and
   * indexes (better-sqlite3 has no equivalent; this is SQLite's `sqlite3_create_collation`):
   * `await db.collation('nocase_unicode', (a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))`.
   * `compare(a, b)` receives two strings (never NULL: NULLs sort first without asking) and returns a negative
   * number, zero or a positive number; it must be a consistent total order, or an index built with it is wrong.
   * Passing `null` removes the collation. Names are case-insensitive; BINARY, NOCASE and RTRIM are built in and
   * cannot be replaced. A statement that compares under a collation nobody defined fails with
   * "no such collation sequence: X". Like {@link Database.function}, the comparator runs in the database worker
   * and must be self-contained and synchronous; throwing fails the statement with the error's message.
   */
  async collation(name: string, compare: ((a: string, b: string) => number) | null): Promise<this> {
    if (compare !== null && typeof compare !== 'function') {
      throw new TypeError('db.collation(name, compare): compare must be a function or null');
    }
    if (typeof name !== 'string' || name.length === 0 || name.length > 255) {
      throw new TypeError('a collation name must be a string of 1 to 255 characters');
    }
    await this.request({ op: 'function', spec: {
      name, kind: 'collation', nArg: 2, deterministic: true, safeIntegers: false,
      source: compare === null ? null : compare.toString(),
    } });
    return this;
  }

  /**
   * Defines a SQL aggregate function implemented in JavaScript, as better-sqlite3's `db.aggregate`:
   * `start` is the initial state (or a function returning it, called per group), `step(state, ...args)` returns
   * the next state, optional `result(state)` gives the SQL value (default: the state). With `inverse(state,
   * ...args)` the aggregate is also a window function, usable with OVER (`SELECT sum2(x) OVER (ORDER BY t ROWS 2
   * PRECEDING)`): frames slide by calling `step` for rows entering and `inverse` for rows leaving, and `result` is
   * asked for each row's frame. Without `inverse`, as in SQLite and better-sqlite3, the aggregate may not be used
   * with OVER ("X() may not be used as a window function"). The same rules as {@link Database.function} apply: the
   * functions run in the database worker and must be self-contained.
   */
  async aggregate(name: string, options: AggregateOptions): Promise<this> {
    if (!options || typeof options.step !== 'function') {
      throw new TypeError('db.aggregate(name, options): options.step must be a function');
    }
    for (const key of ['inverse', 'result'] as const) {
      if (options[key] !== undefined && typeof options[key] !== 'function') {
        throw new TypeError(`db.aggregate(name, options): options.${key} must be a function`);
      }
    }
    checkFunctionName(name);
    const start = options.start;
    await this.request({ op: 'function', spec: {
      name, kind: 'aggregate', nArg: options.varargs ? -1 : Math.max(0, options.step.length - 1),
      deterministic: options.deterministic ?? false,
      safeIntegers: options.safeIntegers ?? this.options.safeIntegers ?? false,
      ...(typeof start === 'function' ? { startSource: start.toString() } : { start: start ?? null }),
      step: options.step.toString(), inverse: options.inverse?.toString() ?? null,
      result: options.result?.toString() ?? null,
    } });
    return this;
  }

  /**
   * The database file as SQLite writes it (a WAL is checkpointed into it first), ready to be saved or opened by
   * any SQLite. Only for OPFS databases; fails with `SQLITE_BUSY` inside a transaction.
   */
  async export(): Promise<Uint8Array> {
    return this.request<Uint8Array>({ op: 'export' });
  }

  /**
   * Closes the database and stops its worker. If this tab owned the files, another tab's connection takes them
   * over. Closing twice is harmless.
   */
  async close(): Promise<void> {
    if (!this.isOpen) {
      return;
    }
    this.isOpen = false;
    try {
      await this.channel.request({ op: 'close' });
    } finally {
      this.channel.terminate();
    }
  }

  /** @internal Measures the OPFS page path (microseconds per page by method). */
  benchTransfer(pageSize = 4096, pages = 2000): Promise<Record<string, number>> {
    return this.request({ op: 'bench', pageSize, pages });
  }

  private checkOpen(): void {
    if (!this.isOpen) {
      throw notOpen();
    }
  }

  /** @internal */
  request<T>(req: Body): Promise<T> {
    this.checkOpen();
    return this.channel.request<T>(req);
  }
}

/** Options of {@link Database.function}. */
export interface FunctionOptions {
  /** Accept any number of arguments (otherwise exactly `fn.length`). */
  varargs?: boolean;
  /** Same arguments always give the same result: allows use in indexes, CHECK constraints and generated columns. */
  deterministic?: boolean;
  /** Pass INTEGER arguments as bigint (default: the connection's `safeIntegers`, else number). */
  safeIntegers?: boolean;
}

/** Options of {@link Database.aggregate}. */
export interface AggregateOptions extends FunctionOptions {
  /** The initial state, or a function returning it (called once per group). Default null. */
  start?: unknown;
  /** Adds one row: returns the next state (returning undefined keeps the state, for states mutated in place). */
  step: (state: any, ...args: any[]) => unknown;
  /** Removes a row that left a window frame (makes sliding windows O(1) per row). */
  inverse?: (state: any, ...args: any[]) => unknown;
  /** The SQL result for a state (default: the state itself). */
  result?: (state: any) => unknown;
}

function checkFunctionName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) {
    throw new TypeError('a function name must be a string of 1 to 255 characters');
  }
}

/** What {@link Database.transaction} returns. */
export interface TransactionFunction<A extends unknown[], R> {
  (...args: A): Promise<R>;
  /** Runs in a `BEGIN DEFERRED` transaction. */
  deferred: (...args: A) => Promise<R>;
  /** Runs in a `BEGIN IMMEDIATE` transaction. */
  immediate: (...args: A) => Promise<R>;
  /** Runs in a `BEGIN EXCLUSIVE` transaction. */
  exclusive: (...args: A) => Promise<R>;
}

const ITERATE_BATCH = 256;

/** A prepared statement. Create one with {@link Database.prepare}. */
export class Statement {
  private readonly prepared: Promise<PrepareResult>;
  private mode: RowMode = 'object';
  private busy = false;

  /** @internal */
  constructor(private readonly db: Database, readonly source: string, /** @internal */ readonly sid: number,
    private useBigInt: boolean) {
    this.prepared = db.request<PrepareResult>({ op: 'prepare', sid, sql: source });
    // A compile error is reported by the first call that uses the statement, not as an unhandled rejection.
    this.prepared.catch(() => undefined);
  }

  /** The database this statement belongs to. */
  get database(): Database {
    return this.db;
  }

  /** Return rows as arrays of values instead of objects (`raw(false)` turns it off). */
  raw(toggle = true): this {
    this.mode = toggle ? 'raw' : 'object';
    return this;
  }

  /** Return only the first column of each row (`pluck(false)` turns it off). */
  pluck(toggle = true): this {
    this.mode = toggle ? 'pluck' : 'object';
    return this;
  }

  /** Return INTEGER values as bigint (`safeIntegers(false)` turns it off). */
  safeIntegers(toggle = true): this {
    this.useBigInt = toggle;
    return this;
  }

  /** Resolves to whether the statement returns data (a SELECT, or a statement with RETURNING). */
  async reader(): Promise<boolean> {
    return (await this.prepared).columns.length > 0;
  }

  /** Resolves to whether the statement leaves the database unchanged. */
  async readonly(): Promise<boolean> {
    return (await this.prepared).readonly;
  }

  /** Resolves to the result columns (empty for statements that return no data). */
  async columns(): Promise<ColumnInfo[]> {
    return (await this.prepared).columns.map((name) => ({ name }));
  }

  /** Runs the statement to completion and reports what it changed. */
  async run(...params: Params): Promise<RunInfo> {
    await this.prepared;
    return this.exclusive(() =>
      this.db.request<RunResult>({ op: 'run', sid: this.sid, sql: this.source, params: params as unknown[] }));
  }

  /** The first row, or `undefined` when there is none. *(Only on statements that return data.)* */
  async get(...params: Params): Promise<any> {
    const rows = await this.fetch(params, 1);
    return rows.length > 0 ? rows[0] : undefined;
  }

  /** Every row. *(Only on statements that return data.)* */
  async all(...params: Params): Promise<any[]> {
    return this.fetch(params, Number.MAX_SAFE_INTEGER);
  }

  /**
   * Rows one at a time, fetched from the worker in batches of 256. Breaking out of the loop resets the statement.
   * *(Only on statements that return data.)*
   */
  async *iterate(...params: Params): AsyncGenerator<any, void, undefined> {
    await this.prepared;
    this.enter();
    let first = true;
    let done = false;
    try {
      while (!done) {
        const batch: RowsResult = await this.db.request<RowsResult>({
          op: 'rows', sid: this.sid, sql: this.source, params: first ? (params as unknown[]) : null,
          mode: this.mode, safeIntegers: this.useBigInt, limit: ITERATE_BATCH, keepOpen: true,
        });
        first = false;
        done = batch.done;
        for (const row of batch.rows) {
          yield row;
        }
      }
    } finally {
      if (!done && this.db.open) {
        await this.db.request({ op: 'reset', sid: this.sid }).catch(() => undefined);
      }
      this.busy = false;
    }
  }

  private async fetch(params: Params, limit: number): Promise<any[]> {
    const prepared = await this.prepared;
    if (prepared.columns.length === 0) {
      throw new TypeError('This statement does not return data. Use run() instead');
    }
    return this.exclusive(async () => {
      const out = await this.db.request<RowsResult>({
        op: 'rows', sid: this.sid, sql: this.source, params: params as unknown[], mode: this.mode,
        safeIntegers: this.useBigInt, limit, keepOpen: false,
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

// ---- OPFS database files (main thread or worker; no engine needed) ---------------------------------------------

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const IMPORT_CHUNK = 1 << 20;

function checkName(name: string): void {
  if (!/^[^/\\\0]+$/.test(name) || name === ':memory:' || name.endsWith('-journal') || name.endsWith('-wal')) {
    throw new SqliteError(`unable to open database file: bad OPFS file name "${name}"`, 'SQLITE_CANTOPEN', 14);
  }
}

/** Runs `body` while holding the database's owner lock, or fails with SQLITE_BUSY if a connection has it open. */
async function whileClosed<T>(name: string, body: () => Promise<T>): Promise<T> {
  let ran = false;
  let result!: T;
  await navigator.locks.request(ownerLockName(name), { ifAvailable: true }, async (lock) => {
    if (lock) {
      ran = true;
      result = await body();
    }
  });
  if (!ran) {
    throw new SqliteError(`database "${name}" is open in a connection; close it first`, 'SQLITE_BUSY', 5);
  }
  return result;
}

async function removeIfPresent(dir: FileSystemDirectoryHandle, name: string): Promise<void> {
  try {
    await dir.removeEntry(name);
  } catch (e) {
    if (!(e instanceof DOMException && e.name === 'NotFoundError')) {
      throw e;
    }
  }
}

/** Resolves to the OPFS databases of this origin, sorted by name. Works on the main thread and in workers. */
export async function listDatabases(): Promise<DatabaseInfo[]> {
  const root = await navigator.storage.getDirectory();
  const out: DatabaseInfo[] = [];
  for await (const [name, handle] of (root as any).entries() as AsyncIterable<[string, FileSystemHandle]>) {
    if (handle.kind === 'file' && !name.endsWith('-journal') && !name.endsWith('-wal')) {
      out.push({ name, size: (await (handle as FileSystemFileHandle).getFile()).size });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Deletes an OPFS database with its journal and WAL. Resolves to whether it existed.
 *
 * @throws SqliteError `SQLITE_BUSY` if a connection (in any tab) has it open.
 */
export async function deleteDatabase(name: string): Promise<boolean> {
  checkName(name);
  return whileClosed(name, async () => {
    const root = await navigator.storage.getDirectory();
    let existed = true;
    try {
      await root.getFileHandle(name);
    } catch {
      existed = false;
    }
    for (const n of [name, `${name}-journal`, `${name}-wal`]) {
      await removeIfPresent(root, n);
    }
    return existed;
  });
}

/** Where {@link importDatabase} reads from: bytes, a Blob or File, a Response, or a URL to fetch. */
export type ImportSource = Uint8Array | ArrayBuffer | Blob | Response | URL | string;

async function openSource(source: ImportSource): Promise<{ stream: ReadableStream<Uint8Array>; total?: number }> {
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    const bytes = source instanceof ArrayBuffer ? new Uint8Array(source) : source;
    let at = 0;
    return {
      total: bytes.byteLength,
      stream: new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.byteLength) {
            controller.close();
            return;
          }
          controller.enqueue(bytes.subarray(at, at + IMPORT_CHUNK));
          at += IMPORT_CHUNK;
        },
      }),
    };
  }
  if (source instanceof Blob) {
    return { stream: source.stream() as ReadableStream<Uint8Array>, total: source.size };
  }
  const response = source instanceof Response ? source : await fetch(source);
  if (!response.ok || !response.body) {
    throw new SqliteError(`cannot fetch the database: HTTP ${response.status}`, 'SQLITE_CANTOPEN', 14);
  }
  const length = Number(response.headers.get('Content-Length'));
  return { stream: response.body, total: Number.isFinite(length) && length > 0 ? length : undefined };
}

/**
 * Stores an existing SQLite database file in OPFS under `name`, streaming it in chunks, so that `connect(name)`
 * opens it. The file is checked for SQLite's header first; it replaces the old file only once complete, and any
 * journal or WAL of the old database is removed. Resolves to the number of bytes written.
 *
 * @throws SqliteError `SQLITE_NOTADB` if the data is not a SQLite database, `SQLITE_BUSY` if a connection has the
 *   database open, `SQLITE_CANTOPEN` if the URL cannot be fetched or the name is bad.
 */
export async function importDatabase(name: string, source: ImportSource, options: ImportOptions = {}): Promise<number> {
  checkName(name);
  return whileClosed(name, async () => {
    const root = await navigator.storage.getDirectory();
    if (options.overwrite === false) {
      const exists = await root.getFileHandle(name).then(() => true, () => false);
      if (exists) {
        throw new SqliteError(`database "${name}" already exists`, 'SQLITE_CANTOPEN', 14);
      }
    }
    const { stream, total } = await openSource(source);
    const reader = stream.getReader();
    // The header is checked before the file is created, so a rejected import leaves nothing behind.
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < SQLITE_MAGIC.length) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      head.push(value);
      headBytes += value.byteLength;
    }
    const magic = new Uint8Array(Math.min(headBytes, SQLITE_MAGIC.length));
    let filled = 0;
    for (const chunk of head) {
      const take = Math.min(chunk.byteLength, magic.byteLength - filled);
      magic.set(chunk.subarray(0, take), filled);
      filled += take;
    }
    if (new TextDecoder().decode(magic) !== SQLITE_MAGIC) {
      await reader.cancel().catch(() => undefined);
      throw new SqliteError('file is not a database', 'SQLITE_NOTADB', 26);
    }
    const file = await root.getFileHandle(name, { create: true });
    const writable = await file.createWritable({ keepExistingData: false });
    let loaded = 0;
    const write = async (chunk: Uint8Array) => {
      await writable.write(chunk as Uint8Array<ArrayBuffer>);
      loaded += chunk.byteLength;
      options.onProgress?.({ loaded, total });
    };
    try {
      for (const chunk of head) {
        await write(chunk);
      }
      while (!ended) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        await write(value);
      }
    } catch (e) {
      await writable.abort().catch(() => undefined);
      throw e;
    }
    await writable.close();
    await removeIfPresent(root, `${name}-journal`);
    await removeIfPresent(root, `${name}-wal`);
    options.onProgress?.({ loaded, total: total ?? loaded });
    return loaded;
  });
}
