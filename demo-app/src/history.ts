/** Query history kept in localStorage (newest first), shown in the sidebar; a click puts the SQL back in the editor. */
const KEY = 'petrel.playground.history';
const MAX = 100;

export interface HistoryEntry {
  sql: string;
  at: number;
  ok: boolean;
  ms: number;
}

export function loadHistory(): HistoryEntry[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as HistoryEntry[];
  } catch {
    return [];
  }
}

export function addHistory(entry: HistoryEntry): HistoryEntry[] {
  const list = [entry, ...loadHistory().filter((e) => e.sql !== entry.sql)].slice(0, MAX);
  localStorage.setItem(KEY, JSON.stringify(list));
  return list;
}

export function renderHistory(host: HTMLElement, list: HistoryEntry[], pick: (sql: string) => void): void {
  host.innerHTML = '';
  for (const e of list) {
    const li = document.createElement('li');
    li.className = e.ok ? 'ok' : 'failed';
    li.textContent = e.sql.length > 120 ? `${e.sql.slice(0, 120)}…` : e.sql;
    li.title = `${new Date(e.at).toLocaleString()} · ${e.ms.toFixed(1)} ms${e.ok ? '' : ' · failed'}\n\n${e.sql}`;
    li.onclick = () => pick(e.sql);
    host.appendChild(li);
  }
}
