/**
 * The worker side of the benchmark's own engines (sqlite-wasm, sql.js): a request/answer loop over postMessage with
 * the same shape of work per message as petrel-db's worker (bind + step to the end + reset, rows back as arrays),
 * so every engine pays one structured-clone round trip per statement execution.
 */
export type WireParam = number | bigint | string;

/** What an engine's worker implements. Every method is synchronous, as the engines' C-style APIs. */
export interface SyncEngine<S> {
  /** Opens the database (`mode` 'memory' or 'opfs') and returns the engine's SQLite version. */
  open(mode: string): Promise<string> | string;
  exec(sql: string): void;
  prepare(sql: string): S;
  /** Runs a prepared statement: its rows if it returns data, else null. */
  run(stmt: S, params: WireParam[]): unknown[][] | null;
  changes(): number;
  finalize(stmt: S): void;
  close(): void;
}

export type WorkerRequest =
  | { id: number; op: 'open'; mode: string }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'prepare'; sql: string }
  | { id: number; op: 'run'; sid: number; params: WireParam[] }
  | { id: number; op: 'finalize'; sid: number }
  | { id: number; op: 'close' };

export interface RunAnswer {
  rows: unknown[][] | null;
  changes: number;
}

/**
 * Serves requests with the engine that `ready` resolves to. The message handler is installed at once: a module
 * worker that awaited its engine at top level before setting onmessage would lose the messages sent meanwhile.
 * Requests are handled strictly one after another, in arrival order.
 */
export function serve<S>(ready: Promise<SyncEngine<S>>): void {
  const statements = new Map<number, S>();
  let nextSid = 1;
  const handle = async (engine: SyncEngine<S>, req: WorkerRequest): Promise<unknown> => {
    switch (req.op) {
      case 'open':
        return engine.open(req.mode);
      case 'exec':
        engine.exec(req.sql);
        return null;
      case 'prepare': {
        const sid = nextSid++;
        statements.set(sid, engine.prepare(req.sql));
        return sid;
      }
      case 'run': {
        const rows = engine.run(statements.get(req.sid)!, req.params);
        return { rows, changes: rows === null ? engine.changes() : 0 } satisfies RunAnswer;
      }
      case 'finalize':
        engine.finalize(statements.get(req.sid)!);
        statements.delete(req.sid);
        return null;
      case 'close':
        for (const s of statements.values()) engine.finalize(s);
        statements.clear();
        engine.close();
        return null;
    }
  };
  let queue: Promise<unknown> = Promise.resolve();
  self.onmessage = (event: MessageEvent<WorkerRequest>) => {
    const req = event.data;
    queue = queue.then(async () => {
      try {
        const result = await handle(await ready, req);
        if (req.op !== 'finalize') self.postMessage({ id: req.id, ok: true, result });
      } catch (e) {
        self.postMessage({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    });
  };
}
