/// <reference lib="webworker" />
/**
 * The database worker: one per `connect()` call. For `:memory:` it runs the engine itself. For an OPFS database it
 * takes part in the election of the owner among every tab of the origin:
 *
 * ```
 *   start ──> hold lock "petrel-db-client:<id>" (liveness, until this worker dies)
 *         ──> queue for lock "petrel-db:<path>" ──granted──> OWNER: open OPFS handles, open the engine
 *         │                                                  (pager recovers a hot journal / WAL), announce
 *         └─ meanwhile FOLLOWER: ask "who" on BroadcastChannel "petrel-db:<path>", forward requests to the owner
 * ```
 *
 * Invariants:
 * 1. Only the holder of the owner lock opens the files (OPFS allows one sync handle per file anyway).
 * 2. The owner runs one operation at a time. While a client has a transaction open (the engine is not in
 *    autocommit after one of its operations), only that client's operations run; the others wait in the queue. When
 *    that client dies (its liveness lock is released) the owner rolls its transaction back.
 * 3. A forwarded request whose owner died before answering is sent again to the next owner only if it cannot have
 *    changed the database (prepare, read-only rows, export...); otherwise it fails with SQLITE_BUSY, its outcome
 *    unknown. A follower whose transaction was lost that way fails every further call of the transaction with
 *    SQLITE_ABORT until it ends (ROLLBACK succeeds).
 * 4. Every request from the page gets exactly one response.
 */
import { collectTransfers, EngineDatabase, EngineError, type Exports, type FileAccess, lastError, loadEngine, serialize, sqliteError }
  from './engine.js';
import type { Op, PeerMessage, Request, Response, SerializedError } from './protocol.js';
import { channelName, clientLockName, ownerLockName } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const clientId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

interface Outcome {
  result: unknown;
  transfer: Transferable[];
  autocommit: boolean;
}

/**
 * Every sync access handle this worker holds, by OPFS file name: the owned database's files and those of the
 * databases it ATTACHed. OpfsVfs finds them through `self.petrelOpfs.handle(path)`.
 */
const opfsHandles = new Map<string, FileSystemSyncAccessHandle>();
(self as any).petrelOpfs = { handle: (p: string) => opfsHandles.get(p) ?? null };

/** The sync access handles of one database (its file, journal and WAL), registered in `opfsHandles`. */
class OpfsFiles implements FileAccess {
  private readonly handles = new Map<string, FileSystemSyncAccessHandle>();

  constructor(private readonly path: string) {}

  static names(path: string): string[] {
    return [path, `${path}-journal`, `${path}-wal`];
  }

  /** Opens the three files, retrying while a previous owner's handles are still closing. */
  async open(): Promise<void> {
    const root = await navigator.storage.getDirectory();
    const deadline = Date.now() + 15_000;
    for (const name of OpfsFiles.names(this.path)) {
      const file = await root.getFileHandle(name, { create: true });
      if (typeof (file as { createSyncAccessHandle?: unknown }).createSyncAccessHandle !== 'function') {
        throw sqliteError('SQLITE_CANTOPEN', 14,
          'unable to open database file: this browser has no OPFS sync access handles (use :memory:)');
      }
      for (;;) {
        try {
          const handle = await file.createSyncAccessHandle();
          this.handles.set(name, handle);
          opfsHandles.set(name, handle);
          break;
        } catch (e) {
          // Only "another handle is open" is worth waiting for: the previous owner's context is shutting down.
          const busy = e instanceof DOMException
            && (e.name === 'NoModificationAllowedError' || e.name === 'InvalidStateError');
          if (!busy || Date.now() > deadline) {
            this.close();
            throw sqliteError('SQLITE_CANTOPEN', 14, `unable to open database file: ${String(e)}`);
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }
  }

  readAll(): Uint8Array {
    const h = this.handles.get(this.path)!;
    const bytes = new Uint8Array(h.getSize());
    h.read(bytes, { at: 0 });
    return bytes;
  }

  bench(x: Exports, pageSize: number, pages: number): Record<string, number> {
    const h = this.handles.get(`${this.path}-wal`)!;
    const out: Record<string, number> = {};
    const scratch = new Uint8Array(pageSize);
    // The floor: what OPFS itself costs with no Java on either side.
    let t = performance.now();
    for (let i = 0; i < pages; i++) {
      h.write(scratch, { at: i * pageSize });
    }
    out.jsWrite = ((performance.now() - t) * 1000) / pages;
    t = performance.now();
    for (let i = 0; i < pages; i++) {
      h.read(scratch, { at: i * pageSize });
    }
    out.jsRead = ((performance.now() - t) * 1000) / pages;
    for (const [mode, name] of [[0, 'staged'], [1, 'copied']] as const) {
      for (const write of [true, false]) {
        t = performance.now();
        if (x.benchTransfer(`${this.path}-wal`, pageSize, pages, write, mode) === -1) {
          throw lastError(x);
        }
        out[`${name}${write ? 'Write' : 'Read'}`] = ((performance.now() - t) * 1000) / pages;
      }
    }
    h.truncate(0);
    h.flush();
    return out;
  }

  close(): void {
    for (const [name, h] of this.handles) {
      if (opfsHandles.get(name) === h) {
        opfsHandles.delete(name);
      }
      try {
        h.flush();
        h.close();
      } catch {
        // already closed with the worker's context
      }
    }
    this.handles.clear();
  }
}

/**
 * The OPFS files of ATTACHed databases. The engine opens files synchronously, but sync access handles are created
 * asynchronously: so before a statement runs, every `ATTACH [DATABASE] 'name'` with a string literal in its SQL
 * gets its three handles opened here (':memory:' and '' need none). They stay open until the owner closes (a
 * DETACHed file keeps its handles, so the same worker can attach it again). A file name given any other way (a
 * bound parameter, an expression) is not seen here, and ATTACH then fails with "unable to open database file".
 */
class AttachedFiles {
  private readonly files = new Map<string, OpfsFiles>();

  static names(sql: string): string[] {
    const out: string[] = [];
    const re = /\battach\s+(?:database\s+)?'((?:[^']|'')*)'/gi;
    for (let m = re.exec(sql); m !== null; m = re.exec(sql)) {
      const name = m[1].replace(/''/g, "'");
      if (name !== '' && name !== ':memory:' && /^[^/\\\0]+$/.test(name)) {
        out.push(name);
      }
    }
    return out;
  }

  async prepare(sql: string): Promise<void> {
    for (const name of AttachedFiles.names(sql)) {
      if (!this.files.has(name) && !opfsHandles.has(name)) {
        const f = new OpfsFiles(name);
        await f.open();
        this.files.set(name, f);
      }
    }
  }

  close(): void {
    for (const f of this.files.values()) {
      f.close();
    }
    this.files.clear();
  }
}

/** An operation the closing owner did not run: the follower sends it to the next owner. */
class RetryElsewhere extends Error {}

interface Queued {
  client: string;
  body: Op;
  resolve: (o: Outcome) => void;
  reject: (e: unknown) => void;
}

/** The owner side: the engine database and the queue that keeps transactions of different clients apart. */
class Owner {
  private readonly queue: Queued[] = [];
  private holder: string | null = null;
  private readonly watched = new Map<string, AbortController>();
  closing = false;

  private readonly attached = new AttachedFiles();

  constructor(private readonly db: EngineDatabase, private readonly files: OpfsFiles | null) {}

  submit(client: string, body: Op): Promise<Outcome> {
    if (client !== clientId) {
      this.watch(client);
    }
    const sql = 'sql' in body && this.files !== null ? body.sql : '';
    const enqueue = () => new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ client, body, resolve, reject });
      this.pump();
    });
    // Only an ATTACH of an OPFS file waits (for its handles); everything else is queued at once, in order.
    return AttachedFiles.names(sql).length === 0 ? enqueue() : this.attached.prepare(sql).then(enqueue);
  }

  get autocommit(): boolean {
    return this.db.autocommit;
  }

  /** Nothing left to run before closing: no queued work, or only work behind this connection's own transaction
   * (which closing rolls back anyway). */
  get idle(): boolean {
    return this.holder === clientId || (this.holder === null && this.queue.length === 0);
  }

  /** Runs every queued operation that invariant 2 allows, in arrival order. */
  private pump(): void {
    for (;;) {
      const i = this.queue.findIndex((q) => this.holder === null || q.client === this.holder);
      if (i < 0) {
        return;
      }
      const [q] = this.queue.splice(i, 1);
      try {
        const out = this.db.run(q.client, q.body);
        this.afterOperation(q.client);
        q.resolve({ ...out, autocommit: this.db.autocommit });
      } catch (e) {
        this.afterOperation(q.client);
        q.reject(e);
      }
    }
  }

  private afterOperation(client: string): void {
    const autocommit = this.db.autocommit;
    if (!autocommit && this.holder === null) {
      this.holder = client;
    } else if (autocommit && this.holder === client) {
      this.holder = null;
    }
  }

  /** Learns of a remote client's death through its liveness lock (granted to us only once it is released). */
  private watch(client: string): void {
    if (this.watched.has(client)) {
      return;
    }
    const abort = new AbortController();
    this.watched.set(client, abort);
    navigator.locks.request(clientLockName(client), { signal: abort.signal }, async () => {
      this.watched.delete(client);
      if (this.holder === client) {
        try {
          this.db.run(client, { op: 'exec', sql: 'ROLLBACK' });
        } catch {
          // nothing to roll back
        }
        this.holder = null;
      }
      this.db.forgetClient(client);
      this.queue.splice(0, this.queue.length, ...this.queue.filter((q) => q.client !== client));
      this.pump();
    }).catch(() => undefined);
  }

  /** Closes the engine and the files; operations still queued are told to go to the next owner. */
  close(): void {
    this.closing = true;
    for (const a of this.watched.values()) {
      a.abort();
    }
    for (const q of this.queue.splice(0)) {
      q.reject(q.client === clientId
        ? sqliteError('SQLITE_MISUSE', 21, 'The database connection is not open')
        : new RetryElsewhere());
    }
    try {
      this.db.close();
    } finally {
      this.files?.close();
      this.attached.close();
    }
  }
}

interface Forwarded {
  body: Op;
  resolve: (o: Outcome) => void;
  reject: (e: unknown) => void;
  /** The owner it was sent to, or null while no owner is known. */
  sentTo: string | null;
}

/** The follower side: forwards operations to the owner over the BroadcastChannel. */
class Follower {
  ownerId: string | null = null;
  private readonly pending = new Map<number, Forwarded>();
  private nextRid = 1;
  private inTransaction = false;
  private transactionLost = false;
  private readonly readonlyStatements = new Set<number>();

  constructor(private readonly channel: BroadcastChannel) {}

  submit(body: Op): Promise<Outcome> {
    if (this.transactionLost) {
      if (body.op === 'exec' && /^\s*(rollback|end|commit)\b/i.test(body.sql)) {
        this.transactionLost = false;
        this.inTransaction = false;
        if (/^\s*rollback\b/i.test(body.sql)) {
          return Promise.resolve({ result: null, transfer: [], autocommit: true });
        }
      }
      return Promise.reject(sqliteError('SQLITE_ABORT', 4,
        'the transaction was rolled back because the tab that owned the database closed'));
    }
    return new Promise((resolve, reject) => {
      const rid = this.nextRid++;
      const f: Forwarded = { body, resolve, reject, sentTo: null };
      this.pending.set(rid, f);
      this.send(rid, f);
    });
  }

  private send(rid: number, f: Forwarded): void {
    if (this.ownerId !== null && this.ownerId !== clientId) {
      f.sentTo = this.ownerId;
      this.post({ type: 'req', from: clientId, to: this.ownerId, rid, body: f.body });
    }
  }

  private post(m: PeerMessage): void {
    this.channel.postMessage(m);
  }

  private idempotent(body: Op): boolean {
    switch (body.op) {
      case 'attach': case 'prepare': case 'finalize': case 'reset': case 'export': case 'function':
        return true;
      case 'rows':
        return body.params !== null && this.readonlyStatements.has(body.sid);
      default:
        return false;
    }
  }

  /** A (new) owner is known: resend what invariant 3 allows, fail the rest. Returns the operations to run here. */
  ownerChanged(ownerId: string): Array<[number, Forwarded]> {
    if (ownerId === this.ownerId) {
      return [];
    }
    const previous = this.ownerId;
    this.ownerId = ownerId;
    if (previous !== null && this.inTransaction) {
      this.inTransaction = false;
      this.transactionLost = true;
    }
    const local: Array<[number, Forwarded]> = [];
    const waiting = [...this.pending];
    if (previous !== null && ownerId !== clientId) {
      // The new owner has a fresh engine: define this tab's JavaScript functions there before anything else.
      for (const body of definedFunctions) {
        const rid = this.nextRid++;
        const f: Forwarded = { body, resolve: () => undefined, reject: () => undefined, sentTo: null };
        this.pending.set(rid, f);
        this.send(rid, f);
      }
    }
    for (const [rid, f] of waiting) {
      if (f.sentTo !== null && !this.idempotent(f.body)) {
        this.pending.delete(rid);
        f.reject(sqliteError('SQLITE_BUSY', 5,
          'the tab that owned the database closed while this statement was in flight; its outcome is unknown'));
      } else if (ownerId === clientId) {
        this.pending.delete(rid);
        local.push([rid, f]);
      } else {
        this.send(rid, f);
      }
    }
    return local;
  }

  /** Whether this connection's transaction was lost with a previous owner and has not ended yet. */
  get lost(): boolean {
    return this.transactionLost;
  }

  /** This worker cannot become the owner (it failed to open the file): every waiting operation fails. */
  failAll(e: unknown): void {
    for (const f of this.pending.values()) {
      f.reject(e);
    }
    this.pending.clear();
  }

  onResponse(m: Extract<PeerMessage, { type: 'res' }>): void {
    const f = this.pending.get(m.rid);
    if (!f) {
      return;
    }
    if (m.retry) {
      f.sentTo = null;
      return;
    }
    this.pending.delete(m.rid);
    this.inTransaction = !m.autocommit;
    if (m.ok) {
      if (f.body.op === 'prepare' && (m.result as { readonly: boolean }).readonly) {
        this.readonlyStatements.add(f.body.sid);
      }
      // The channel copied the result once; from here to the page its buffers move without another copy.
      const transfer = m.result instanceof Uint8Array ? [m.result.buffer as ArrayBuffer]
        : f.body.op === 'rows' ? collectTransfers((m.result as { rows: unknown[] }).rows) : [];
      f.resolve({ result: m.result, transfer, autocommit: m.autocommit });
    } else {
      f.reject(new EngineError(m.error!));
    }
  }
}

let path: string | null = null;
let owner: Owner | null = null;
let follower: Follower | null = null;
let channel: BroadcastChannel | null = null;
let releaseOwnerLock: (() => void) | null = null;
let releaseClientLock: (() => void) | null = null;
let ownerFailure: unknown = null;

/** Holds a lock until `release` is called; resolves once it is held. */
function holdLock(name: string, options: LockOptions, onHeld: () => Promise<void> | void): Promise<() => void> {
  return new Promise((granted, failed) => {
    navigator.locks.request(name, options, async (lock) => {
      if (!lock) {
        return;
      }
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      try {
        await onHeld();
      } catch (e) {
        failed(e);
        return;
      }
      granted(release);
      await released;
    }).catch(failed);
  });
}

async function becomeOwner(p: string): Promise<void> {
  const files = new OpfsFiles(p);
  // Compiling the wasm and opening the files overlap.
  const opening = files.open();
  let db: EngineDatabase;
  try {
    const [x] = await Promise.all([loadEngine(), opening]);
    db = EngineDatabase.open(x, p, files);
  } catch (e) {
    await opening.catch(() => undefined);
    files.close();
    throw e;
  }
  owner = new Owner(db, files);
  // This tab's JavaScript functions, defined while it was a follower, now live in this engine.
  for (const body of definedFunctions) {
    owner.submit(clientId, body).catch(() => undefined);
  }
  channel!.postMessage({ type: 'owner', ownerId: clientId } satisfies PeerMessage);
  // Operations that waited as a follower now run here.
  for (const [, f] of follower!.ownerChanged(clientId)) {
    owner.submit(clientId, f.body).then(f.resolve, f.reject);
  }
}

function onPeerMessage(event: MessageEvent<PeerMessage>): void {
  const m = event.data;
  if (m.type === 'who') {
    if (owner && !owner.closing) {
      channel!.postMessage({ type: 'owner', ownerId: clientId } satisfies PeerMessage);
    }
  } else if (m.type === 'owner') {
    if (m.ownerId !== clientId && follower && !owner) {
      follower.ownerChanged(m.ownerId);
    }
  } else if (m.type === 'req') {
    if (m.to !== clientId) {
      return;
    }
    const answer = (r: Omit<Extract<PeerMessage, { type: 'res' }>, 'type' | 'to' | 'rid'>) =>
      channel!.postMessage({ type: 'res', to: m.from, rid: m.rid, ...r } satisfies PeerMessage);
    if (!owner || owner.closing) {
      answer({ ok: false, autocommit: true, retry: true });
      return;
    }
    owner.submit(m.from, m.body).then(
      (o) => answer({ ok: true, result: o.result, autocommit: o.autocommit }),
      (e) => (e instanceof RetryElsewhere
        ? answer({ ok: false, autocommit: true, retry: true })
        : answer({ ok: false, error: serialize(e), autocommit: owner?.autocommit ?? true })),
    );
  } else if (m.type === 'res') {
    if (m.to === clientId && follower) {
      follower.onResponse(m);
    }
  }
}

/** Opens the database: in memory directly, on OPFS by joining the election. Resolves to "this worker owns it". */
async function open(p: string): Promise<boolean> {
  path = p;
  if (p === ':memory:') {
    owner = new Owner(EngineDatabase.open(await loadEngine(), p, null), null);
    return true;
  }
  if (!/^[^/\\\0]+$/.test(p) || p.endsWith('-journal') || p.endsWith('-wal')) {
    throw sqliteError('SQLITE_CANTOPEN', 14, `unable to open database file: bad OPFS file name "${p}"`);
  }
  // Held before any request goes out, so that an owner never mistakes this worker for a dead one.
  releaseClientLock = await holdLock(clientLockName(clientId), {}, () => undefined);
  channel = new BroadcastChannel(channelName(p));
  channel.onmessage = onPeerMessage;
  follower = new Follower(channel);
  // Owner path: the lock is granted now, or whenever the current owner goes away.
  const ownerReady = holdLock(ownerLockName(p), {}, () => becomeOwner(p)).then((release) => {
    releaseOwnerLock = release;
  });
  ownerReady.catch((e) => {
    ownerFailure = e;
    follower?.failAll(e);
  });
  // Follower path: "attach" reaches the current owner (or runs here once this worker wins the election), which
  // also proves that the owner could open the file.
  channel.postMessage({ type: 'who' } satisfies PeerMessage);
  await Promise.race([follower.submit({ op: 'attach' }), ownerReady]);
  return owner !== null;
}

/** The functions this tab defined (db.function / db.aggregate), replayed on every new owner of the database. */
const definedFunctions: Op[] = [];

async function runOp(body: Op): Promise<Outcome> {
  if (body.op === 'function') {
    const outcome = await runOpNow(body);
    definedFunctions.push(body);
    return outcome;
  }
  return runOpNow(body);
}

async function runOpNow(body: Op): Promise<Outcome> {
  if (follower?.lost) {
    // A transaction lost with the previous owner ends here, even when this worker has become the owner since.
    return follower.submit(body);
  }
  if (owner) {
    return owner.submit(clientId, body);
  }
  if (ownerFailure) {
    throw ownerFailure;
  }
  return follower!.submit(body);
}

async function closeAll(): Promise<void> {
  if (owner) {
    const o = owner;
    // Let clients that are mid-transaction finish (briefly), then hand the files over.
    const until = Date.now() + 2000;
    while (!o.idle && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    try {
      o.close();
    } finally {
      owner = null;
    }
  }
  releaseOwnerLock?.();
  releaseClientLock?.();
  channel?.close();
}

let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<Request>) => {
  const req = event.data;
  const work = async (): Promise<Outcome> => {
    if (req.op === 'open') {
      const isOwner = await open(req.path);
      return { result: { clientId, owner: isOwner }, transfer: [], autocommit: true };
    }
    if (req.op === 'close') {
      await closeAll();
      return { result: null, transfer: [], autocommit: true };
    }
    const { id: _id, ...body } = req;
    return runOp(body as Op);
  };
  // Requests of this page are answered in order; the owner queue decides what actually runs when.
  const answer = queue.then(work);
  queue = answer.then(() => undefined, () => undefined);
  answer.then(
    (o) => scope.postMessage({ id: req.id, ok: true, result: o.result, autocommit: o.autocommit } satisfies Response,
      o.transfer),
    (e) => {
      const error: SerializedError = serialize(e);
      scope.postMessage({ id: req.id, ok: false, error, autocommit: true } satisfies Response);
    },
  );
};
