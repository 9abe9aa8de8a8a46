/**
 * SQL functions and collations written in JavaScript, on the worker side: the table the wasm engine calls into
 * (`self.petrelFunctions.invoke`, see JsFunctions.java) and the revival of functions sent from the page.
 *
 * A function cannot cross postMessage, so the page sends its source text (`fn.toString()`) and the worker
 * evaluates it again here. Consequence, documented for users: a function sees only its arguments and globals of
 * the worker, never variables captured from the page (a closure's free variables are undefined here).
 *
 * Calling convention (C-API shaped, as the rest of the exports): during one invoke, arguments are read with
 * `fnArg*(i)` and the result is left with one `fnResult*` call; invoke returns null, or an error message that fails
 * the statement (`sqlite3_result_error`).
 */
import type { FunctionSpec } from './protocol.js';
import type { Exports } from './engine.js';

const CALL = 0;
const STEP = 1;
const INVERSE = 2;
const VALUE = 3;
const FINAL = 4;

type AnyFn = (...args: any[]) => any;

interface Entry {
  name: string;
  safeIntegers: boolean;
  scalar: AnyFn | null;
  start: () => unknown;
  step: AnyFn | null;
  inverse: AnyFn | null;
  result: AnyFn | null;
}

const table = new Map<number, Entry>();
/** Running aggregate states by instance (one per group or window partition). */
const states = new Map<number, { total: unknown }>();
let nextId = 1;
let exportsRef: Exports | null = null;

/** Evaluates a function's source text: a function expression, an arrow function, or a method shorthand. */
export function revive(source: string, what: string): AnyFn {
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) {
    throw new TypeError(`${what}: a native function cannot be sent to the database worker; wrap it, e.g. `
      + '(...args) => Math.max(...args)');
  }
  const attempts = [`return (${source});`, `return ({${source}});`];
  for (const body of attempts) {
    let value: unknown;
    try {
      value = new Function(body)();
    } catch {
      continue;
    }
    if (typeof value === 'function') {
      return value as AnyFn;
    }
    if (value && typeof value === 'object') {
      const only = Object.values(value as Record<string, unknown>);
      if (only.length === 1 && typeof only[0] === 'function') {
        return only[0] as AnyFn;
      }
    }
  }
  throw new TypeError(`${what}: cannot evaluate the function's source in the database worker`);
}

function readArgs(x: Exports, safeIntegers: boolean): unknown[] {
  const n: number = x.fnArgCount();
  const args: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) {
    switch (x.fnArgType(i)) {
      case 1: {
        const v: bigint = x.fnArgLong(i);
        args[i] = safeIntegers ? v : Number(v);
        break;
      }
      case 2:
        args[i] = x.fnArgDouble(i);
        break;
      case 3:
        args[i] = x.fnArgText(i);
        break;
      case 4: {
        const b: Int8Array = x.fnArgBlob(i);
        args[i] = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
        break;
      }
      default:
        args[i] = null;
    }
  }
  return args;
}

function setResult(x: Exports, name: string, v: unknown): void {
  if (v === null || v === undefined) {
    x.fnResultNull();
  } else if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) {
      x.fnResultLong(BigInt(v));
    } else {
      x.fnResultDouble(v);
    }
  } else if (typeof v === 'bigint') {
    if (v < -(2n ** 63n) || v >= 2n ** 63n) {
      throw new RangeError(`User-defined function ${name}() returned a BigInt too big for an INTEGER`);
    }
    x.fnResultLong(v);
  } else if (typeof v === 'string') {
    x.fnResultText(v);
  } else if (typeof v === 'boolean') {
    x.fnResultLong(v ? 1n : 0n);
  } else if (v instanceof Uint8Array || v instanceof Int8Array) {
    x.fnResultBlob(new Int8Array(v.buffer, v.byteOffset, v.byteLength));
  } else if (v instanceof ArrayBuffer) {
    x.fnResultBlob(new Int8Array(v));
  } else {
    throw new TypeError(`User-defined function ${name}() returned an invalid value`);
  }
}

function invoke(fnId: number, instance: number, op: number): string | null {
  const x = exportsRef!;
  const e = table.get(fnId);
  if (!e) {
    return `JavaScript function #${fnId} is not registered in this worker`;
  }
  try {
    if (op === CALL) {
      setResult(x, e.name, e.scalar!(...readArgs(x, e.safeIntegers)));
      return null;
    }
    let state = states.get(instance);
    if (!state) {
      state = { total: e.start() };
      states.set(instance, state);
    }
    if (op === STEP || op === INVERSE) {
      const f = op === STEP ? e.step! : e.inverse!;
      const next = f(state.total, ...readArgs(x, e.safeIntegers));
      if (next !== undefined) {
        state.total = next;
      }
    } else if (op === VALUE || op === FINAL) {
      if (op === FINAL) {
        states.delete(instance);
      }
      setResult(x, e.name, e.result ? e.result(state.total) : state.total);
    }
    return null;
  } catch (err) {
    if (op === FINAL) {
      states.delete(instance);
    }
    return err instanceof Error ? err.message : String(err);
  }
}

/** Collation comparators by id (the wasm engine calls `compare(id, a, b)` for each comparison). */
const comparators = new Map<number, { name: string; compare: (a: string, b: string) => unknown }>();

/**
 * Calls collation `collId` on two strings. Returns a number (its sign is what counts), or a string: the error
 * message of a comparator that threw or returned something else than a number, which fails the statement.
 */
function compare(collId: number, a: string, b: string): number | string {
  const c = comparators.get(collId);
  if (!c) {
    return `JavaScript collation #${collId} is not registered in this worker`;
  }
  try {
    const r = c.compare(a, b);
    if (typeof r === 'number' && !Number.isNaN(r)) {
      return r;
    }
    if (typeof r === 'bigint' || typeof r === 'boolean') {
      return Number(r);
    }
    return `collation ${c.name} returned ${r === null ? 'null' : typeof r} instead of a number`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Makes the function table reachable from the wasm engine of this worker. */
export function installFunctionTable(x: Exports): void {
  exportsRef = x;
  (self as any).petrelFunctions = { invoke, compare };
}

/** Revives a collation sent from the page and registers (or, with a null source, removes) it on `db`. */
function defineCollation(x: Exports, db: number, spec: FunctionSpec): number {
  if (spec.source === null || spec.source === undefined) {
    return x.createCollation(db, spec.name, 0);
  }
  const id = nextId++;
  comparators.set(id, { name: spec.name, compare: revive(spec.source, `db.collation('${spec.name}')`) });
  return x.createCollation(db, spec.name, id);
}

/** Revives a function sent from the page and registers it on connection `db`. Throws on a bad definition. */
export function defineFunction(x: Exports, db: number, spec: FunctionSpec): number {
  if (spec.kind === 'collation') {
    return defineCollation(x, db, spec);
  }
  const what = `${spec.kind === 'aggregate' ? 'db.aggregate' : 'db.function'}('${spec.name}')`;
  let entry: Entry;
  if (spec.kind === 'scalar') {
    entry = { name: spec.name, safeIntegers: spec.safeIntegers, scalar: revive(spec.source!, what), start: () => null,
      step: null, inverse: null, result: null };
  } else {
    const startFn = spec.startSource ? revive(spec.startSource, what) : null;
    const startValue = spec.start;
    entry = {
      name: spec.name,
      safeIntegers: spec.safeIntegers,
      scalar: null,
      // A start value is copied for each group, so that one group's mutations never leak into the next.
      start: startFn ?? (() => (startValue !== null && typeof startValue === 'object' ? structuredClone(startValue)
        : startValue ?? null)),
      step: revive(spec.step!, what),
      inverse: spec.inverse ? revive(spec.inverse, what) : null,
      result: spec.result ? revive(spec.result, what) : null,
    };
  }
  const id = nextId++;
  table.set(id, entry);
  const flags = spec.deterministic ? 1 : 0;
  return x.createFunction(db, spec.name, spec.nArg, flags, id, spec.kind === 'aggregate', entry.inverse !== null);
}
