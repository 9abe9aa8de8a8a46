/**
 * The engines under test, each behind {@link BenchDb} and each in its own dedicated Worker: Petrel through petrel-db
 * (whose connect() starts its engine worker), the official SQLite wasm build and sql.js through worker-host.ts.
 * A statement execution is one awaited postMessage round trip for all of them.
 */
import { connect, deleteDatabase, type Database, type Statement } from 'petrel-db';
import { checksum, type BenchDb, type BenchStatement, type Param } from './workload';
import type { RunAnswer, WorkerRequest } from './worker-host';

export const ENGINES = ['petrel-memory', 'sqlite-wasm-memory', 'sqljs-memory', 'petrel-opfs', 'sqlite-wasm-opfs'];

export interface OpenEngine {
  db: BenchDb;
  /** The SQLite version the engine reports (sqlite_version()). */
  version: string;
}

const PETREL_OPFS_FILE = 'bench-petrel.sqlite';

/** Petrel: petrel-db's Database; rows come back as arrays (raw mode), as the other engines' workers send them. */
class PetrelDb implements BenchDb {
  constructor(private readonly db: Database) {}

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  async prepare(sql: string): Promise<BenchStatement> {
    const s: Statement = this.db.prepare(sql).raw();
    const returnsData = await s.reader();
    return {
      run: async (params: Param[]) => returnsData ? checksum(await s.all(...params)) : (await s.run(...params)).changes,
      finalize: () => undefined, // petrel-db finalizes statements when they are garbage-collected
    };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

type Answer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
type Body = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** An engine served by worker-host.ts in its own Worker. */
class WorkerDb implements BenchDb {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<Answer>) => {
      const msg = event.data;
      const waiter = this.pending.get(msg.id)!;
      this.pending.delete(msg.id);
      if (msg.ok) waiter.resolve(msg.result);
      else waiter.reject(new Error(msg.error));
    };
    worker.onerror = (event) => {
      for (const w of this.pending.values()) w.reject(new Error(`worker failed: ${event.message}`));
      this.pending.clear();
    };
  }

  request<T>(body: Body): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id });
    });
  }

  /** Sends without waiting for an answer (the worker sends none). */
  post(body: Body): void {
    this.worker.postMessage({ ...body, id: 0 });
  }

  async exec(sql: string): Promise<void> {
    await this.request({ op: 'exec', sql });
  }

  async prepare(sql: string): Promise<BenchStatement> {
    const sid = await this.request<number>({ op: 'prepare', sql });
    return {
      run: async (params: Param[]) => {
        const answer = await this.request<RunAnswer>({ op: 'run', sid, params });
        return answer.rows === null ? answer.changes : checksum(answer.rows);
      },
      finalize: () => this.post({ op: 'finalize', sid }),
    };
  }

  async close(): Promise<void> {
    await this.request({ op: 'close' });
    this.worker.terminate();
  }
}

function startWorker(engine: string): Worker {
  // Literal URLs, so Vite bundles each worker.
  if (engine.startsWith('sqlite-wasm')) {
    return new Worker(new URL('./sqlite-wasm-worker.ts', import.meta.url), { type: 'module', name: engine });
  }
  return new Worker(new URL('./sqljs-worker.ts', import.meta.url), { type: 'module', name: engine });
}

/** Starts the engine's worker and opens a fresh database (an OPFS database is deleted first). */
export async function openEngine(engine: string): Promise<OpenEngine> {
  if (engine.startsWith('petrel')) {
    let db: Database;
    if (engine === 'petrel-opfs') {
      await deleteDatabase(PETREL_OPFS_FILE);
      db = await connect(PETREL_OPFS_FILE);
    } else {
      db = await connect();
    }
    const version = await db.prepare('select sqlite_version()').pluck().get();
    return { db: new PetrelDb(db), version: `Petrel (sqlite_version ${version})` };
  }
  if (!ENGINES.includes(engine)) {
    throw new Error(`unknown engine ${engine}`);
  }
  const db = new WorkerDb(startWorker(engine));
  const version = await db.request<string>({ op: 'open', mode: engine.endsWith('opfs') ? 'opfs' : 'memory' });
  return { db, version: `${engine.startsWith('sqljs') ? 'sql.js' : 'sqlite-wasm'} (SQLite ${version})` };
}
