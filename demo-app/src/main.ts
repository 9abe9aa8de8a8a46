/**
 * The Petrel playground: wires the editor, the schema sidebar, the results grid, the chart, the query plan and the
 * database bar to one petrel-db connection. State that tests read is exposed on `window.playground`.
 */
import './style.css';
import { SqliteError } from 'petrel-db';
import type { SqlValue } from 'petrel-db';
import type { ResultChart } from './chart';
import * as dbs from './db';
import type { Database } from './db';
import { SqlEditor } from './editor';
import { Grid } from './grid';
import type { ResultSet } from './grid';
import { addHistory, loadHistory, renderHistory } from './history';
import { renderPlan } from './plan';
import { completionSchema, readSchema, renderSchema } from './schema';
import { splitStatements } from './split';

const DEFAULT_DB = 'chinook.db';
const SEEDED_KEY = 'petrel.playground.seeded';
const CURRENT_KEY = 'petrel.playground.current';
const STARTER_SQL = `-- Chinook: a digital music store. Ctrl/Cmd+Enter runs the selection or the whole script.
SELECT ar.Name AS artist, count(*) AS tracks, round(sum(t.Milliseconds) / 60000.0, 1) AS minutes
FROM Track t
JOIN Album al ON al.AlbumId = t.AlbumId
JOIN Artist ar ON ar.ArtistId = al.ArtistId
GROUP BY ar.ArtistId
ORDER BY tracks DESC
LIMIT 20;`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface PlaygroundState {
  ready: boolean;
  dbName: string;
  lastResult: ResultSet | null;
  lastError: { code: string; message: string; from: number; to: number } | null;
  runs: number;
  status: string;
}

const state: PlaygroundState = { ready: false, dbName: '', lastResult: null, lastError: null, runs: 0, status: '' };
(window as unknown as { playground: PlaygroundState }).playground = state;

let db: Database | null = null;
const grid = new Grid($('grid'));
// Chart.js loads on first use of the Chart tab, keeping it out of the start-up bundle.
let chart: ResultChart | null = null;
const editor = new SqlEditor($('editor'), STARTER_SQL, () => void run());
let activeTab = 'grid';

function setStatus(text: string): void {
  state.status = text;
  $('status').textContent = text;
}

function showError(message: string | null): void {
  const box = $('error');
  box.hidden = message === null;
  box.textContent = message ?? '';
}

async function withProgress<T>(work: (onProgress: (loaded: number, total: number) => void) => Promise<T>): Promise<T> {
  const bar = $<HTMLProgressElement>('db-progress');
  bar.hidden = false;
  bar.value = 0;
  try {
    return await work((loaded, total) => {
      bar.max = total > 0 ? total : 1;
      bar.value = loaded;
    });
  } finally {
    bar.hidden = true;
  }
}

async function refreshDatabaseList(): Promise<void> {
  const select = $<HTMLSelectElement>('db-select');
  const names = dbs.hasStorage() ? await dbs.listDatabases() : [];
  if (!names.includes(state.dbName) && state.dbName) {
    names.push(state.dbName);
  }
  select.innerHTML = '';
  for (const name of names.sort()) {
    const opt = document.createElement('option');
    opt.value = opt.textContent = name;
    opt.selected = name === state.dbName;
    select.appendChild(opt);
  }
}

async function refreshSchema(): Promise<void> {
  if (!db) {
    return;
  }
  try {
    const objects = await readSchema(db);
    renderSchema($('schema'), objects, (text) => editor.view.dispatch(editor.view.state.replaceSelection(text)));
    editor.setSchema(completionSchema(objects));
  } catch (e) {
    $('schema').textContent = `Cannot read the schema: ${(e as Error).message}`;
  }
}

async function openDatabase(name: string): Promise<void> {
  await db?.close();
  db = null;
  setStatus(`opening ${name}…`);
  db = await dbs.open(name);
  state.dbName = name;
  localStorage.setItem(CURRENT_KEY, name);
  await refreshDatabaseList();
  await refreshSchema();
  setStatus(`${name} open`);
}

/** Runs the selection or the whole script; shows the last statement's rows, or what changed. */
async function run(): Promise<void> {
  if (!db) {
    return;
  }
  const { text, offset } = editor.textToRun();
  const pieces = splitStatements(text);
  if (pieces.length === 0) {
    return;
  }
  editor.clearError();
  showError(null);
  state.lastError = null;
  const t0 = performance.now();
  let result: ResultSet | null = null;
  let lastQuery: string | null = null;
  let changes = 0;
  let schemaChanged = false;
  let ok = true;
  for (const piece of pieces) {
    try {
      const stmt = db.prepare(piece.sql);
      const columns = (await stmt.columns()).map((c) => c.name);
      if (columns.length > 0) {
        const rows = (await stmt.raw().all()) as SqlValue[][];
        result = { columns, rows };
        lastQuery = piece.sql;
      } else {
        changes += (await stmt.run()).changes;
      }
      if (/^\s*(CREATE|DROP|ALTER)\b/i.test(piece.sql)) {
        schemaChanged = true;
      }
    } catch (e) {
      ok = false;
      reportError(e, piece.sql, offset + piece.start);
      break;
    }
  }
  const ms = performance.now() - t0;
  state.runs++;
  renderHistory($('history'), addHistory({ sql: text.trim(), at: Date.now(), ok, ms }), (sql) => editor.setText(sql));
  if (result) {
    state.lastResult = result;
    grid.setResult(result);
    if (activeTab === 'chart') {
      drawChart();
    }
  } else if (ok) {
    state.lastResult = null;
    grid.showMessage(`${changes} row${changes === 1 ? '' : 's'} changed`);
  }
  if (ok) {
    setStatus(result
      ? `${result.rows.length} row${result.rows.length === 1 ? '' : 's'} in ${ms.toFixed(1)} ms`
      : `${changes} row${changes === 1 ? '' : 's'} changed in ${ms.toFixed(1)} ms`);
  } else {
    setStatus(`failed after ${ms.toFixed(1)} ms`);
  }
  if (lastQuery && ok) {
    void showPlan(lastQuery);
  }
  if (schemaChanged) {
    await refreshSchema();
  }
}

function reportError(e: unknown, sql: string, docOffset: number): void {
  const err = e as SqliteError & { offset?: number };
  const code = err instanceof SqliteError ? err.code : 'Error';
  const message = err.message ?? String(e);
  showError(`${code}: ${message}`);
  let from = -1;
  let len = 1;
  if (typeof err.offset === 'number' && err.offset >= 0) {
    from = err.offset;
    const near = /near "([^"]*)"/.exec(message);
    len = near ? Math.max(1, near[1].length) : 1;
  } else {
    const near = /near "([^"]*)"/.exec(message);
    if (near) {
      from = sql.indexOf(near[1]);
      len = Math.max(1, near[1].length);
    } else if (/incomplete input/.test(message)) {
      from = sql.length;
    }
  }
  const start = from >= 0 ? docOffset + from : docOffset;
  const end = from >= 0 ? start + len : docOffset + sql.length;
  state.lastError = { code, message, from: start, to: end };
  editor.markError(start, end, message);
}

async function showPlan(sql: string): Promise<void> {
  if (!db || !/^\s*(SELECT|WITH|VALUES)\b/i.test(sql)) {
    renderPlan($('plan'), []);
    return;
  }
  try {
    const rows = (await db.prepare(`EXPLAIN QUERY PLAN ${sql}`).raw().all()) as SqlValue[][];
    renderPlan($('plan'), rows);
  } catch {
    renderPlan($('plan'), []);
  }
}

function drawChart(): void {
  const kind = (document.querySelector('input[name="chart-kind"]:checked') as HTMLInputElement).value as 'bar' | 'line';
  if (!state.lastResult) {
    return;
  }
  const result = state.lastResult;
  void (async () => {
    if (!chart) {
      const { ResultChart: Impl } = await import('./chart');
      chart = new Impl($<HTMLCanvasElement>('chart'), $('chart-note'));
    }
    chart.draw(result, kind);
  })();
}

function wireUi(): void {
  $('run').onclick = () => void run();
  document.querySelectorAll<HTMLButtonElement>('.tabs button').forEach((b) => {
    b.onclick = () => {
      activeTab = b.dataset.tab ?? 'grid';
      document.querySelectorAll('.tabs button').forEach((x) => x.classList.toggle('active', x === b));
      document.querySelectorAll('.pane').forEach((p) => p.classList.toggle('active', p.id === `pane-${activeTab}`));
      if (activeTab === 'chart') {
        drawChart();
      }
    };
  });
  document.querySelectorAll<HTMLInputElement>('input[name="chart-kind"]').forEach((r) => {
    r.onchange = drawChart;
  });
  $<HTMLSelectElement>('db-select').onchange = (e) => void openDatabase((e.target as HTMLSelectElement).value);
  $('db-new').onclick = async () => {
    const name = prompt('Name of the new database', 'scratch.db');
    if (name) {
      await openDatabase(name.endsWith('.db') || name.endsWith('.sqlite') ? name : `${name}.db`);
    }
  };
  $('db-upload').onclick = () => $<HTMLInputElement>('db-file').click();
  $<HTMLInputElement>('db-file').onchange = async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) {
      return;
    }
    try {
      await db?.close();
      db = null;
      await withProgress((p) => dbs.importDatabase(file.name, file, p));
      await openDatabase(file.name);
    } catch (err) {
      showError(`Upload failed: ${(err as Error).message}`);
    }
    (e.target as HTMLInputElement).value = '';
  };
  $('db-download').onclick = async () => {
    if (!db) {
      return;
    }
    const bytes = await dbs.exportDatabase(db);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.sqlite3' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = state.dbName.endsWith('.db') || state.dbName.endsWith('.sqlite') ? state.dbName : `${state.dbName}.db`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  $('db-delete').onclick = async () => {
    if (!db || !confirm(`Delete ${state.dbName}? This cannot be undone.`)) {
      return;
    }
    const name = state.dbName;
    await db.close();
    db = null;
    await dbs.deleteDatabase(name);
    const rest = await dbs.listDatabases();
    await openDatabase(rest[0] ?? 'scratch.db');
  };
}

async function start(): Promise<void> {
  wireUi();
  renderHistory($('history'), loadHistory(), (sql) => editor.setText(sql));
  try {
    if (dbs.hasStorage()) {
      const names = await dbs.listDatabases();
      if (!localStorage.getItem(SEEDED_KEY) && !names.includes(DEFAULT_DB)) {
        setStatus('loading the Chinook sample…');
        await withProgress((p) => dbs.importDatabase(DEFAULT_DB, new URL('samples/chinook.sqlite', document.baseURI).href, p));
        localStorage.setItem(SEEDED_KEY, '1');
      }
      const last = localStorage.getItem(CURRENT_KEY);
      const all = await dbs.listDatabases();
      await openDatabase(last && all.includes(last) ? last : all.includes(DEFAULT_DB) ? DEFAULT_DB : all[0] ?? 'scratch.db');
    } else {
      await openDatabase(':memory:');
      setStatus('this browser has no OPFS: using an in-memory database');
    }
    state.ready = true;
  } catch (e) {
    showError(`Could not start: ${(e as Error).message}`);
    setStatus('failed to start');
  }
}

void start();
