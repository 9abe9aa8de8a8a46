/**
 * The benchmark page. The runner (dev.petrel.bench.browser.BrowserBench) drives it through `window.bench`:
 * `open(engines, scale)` starts every engine's worker, `round(engine)` populates that engine's database, times each
 * test from this page (performance.now() around the awaited statements) and drops the tables again, `close()` stops
 * the workers. The runner interleaves the engines round by round. The "Run" button does one round of each by hand.
 */
import { ENGINES, openEngine, type OpenEngine } from './engines';
import { Workload } from './workload';

export interface TestResult {
  ms: number;
  checksum: number;
}

export interface RoundResult {
  populateMs: number;
  tests: Record<string, TestResult>;
}

let workload = new Workload(1);
const open = new Map<string, OpenEngine>();

const bench = {
  engines: ENGINES,

  /** Opens the engines; resolves to each engine's version and the machine the page sees. */
  async open(engines: string[] = ENGINES, scale = 1): Promise<Record<string, unknown>> {
    workload = new Workload(scale);
    const versions: Record<string, string> = {};
    for (const engine of engines) {
      const t0 = performance.now();
      const e = await openEngine(engine);
      open.set(engine, e);
      versions[engine] = e.version;
      versions[`${engine}.openMs`] = (performance.now() - t0).toFixed(1);
      console.log(`opened ${engine}: ${e.version}`);
    }
    return { versions, hardwareConcurrency: navigator.hardwareConcurrency, userAgent: navigator.userAgent,
      crossOriginIsolated: self.crossOriginIsolated };
  },

  /** One round of one engine: populate (timed separately), every test once, drop the tables. */
  async round(engine: string): Promise<RoundResult> {
    const t0 = performance.now();
    await bench.populate(engine);
    const populateMs = performance.now() - t0;
    const tests: Record<string, TestResult> = {};
    for (const test of workload.tests()) {
      tests[test.name] = await bench.test(engine, test.name);
    }
    await bench.depopulate(engine);
    return { populateMs, tests };
  },

  /** Creates and fills the tables of one engine's database. */
  populate(engine: string): Promise<void> {
    return workload.populate(open.get(engine)!.db);
  },

  /** Runs one test on a populated database, timed from this page. */
  async test(engine: string, name: string): Promise<TestResult> {
    const test = workload.tests().find((t) => t.name === name)!;
    const t0 = performance.now();
    const checksum = await test.run(open.get(engine)!.db);
    return { ms: performance.now() - t0, checksum };
  },

  depopulate(engine: string): Promise<void> {
    return workload.depopulate(open.get(engine)!.db);
  },

  async close(): Promise<void> {
    for (const e of open.values()) await e.db.close();
    open.clear();
  },
};

(window as any).bench = bench;
(window as any).benchReady = true;

document.querySelector('#run')?.addEventListener('click', async () => {
  const out = document.querySelector('#out')!;
  out.textContent = 'running…';
  try {
    const info = await bench.open(ENGINES, Number((document.querySelector('#scale') as HTMLInputElement).value));
    const rounds: Record<string, RoundResult> = {};
    for (const engine of ENGINES) rounds[engine] = await bench.round(engine);
    await bench.close();
    const names = Object.keys(rounds[ENGINES[0]].tests);
    const lines = [['test', ...ENGINES].join('\t')];
    for (const name of ['populate', ...names]) {
      lines.push([name, ...ENGINES.map((e) => (name === 'populate' ? rounds[e].populateMs
        : rounds[e].tests[name].ms).toFixed(1))].join('\t'));
    }
    out.textContent = `${JSON.stringify(info, null, 1)}\n\nms, one round:\n${lines.join('\n')}`;
  } catch (e) {
    out.textContent = `failed: ${e}`;
  }
});
