/**
 * A virtualized result grid: only the rows in view (plus a margin) exist in the DOM, so 100,000 rows scroll as
 * smoothly as 10. Rows have a fixed height; column widths come from the header and a sample of the data.
 */
import type { SqlValue } from 'petrel-db';

const ROW_HEIGHT = 26;
const OVERSCAN = 12;
const SAMPLE_ROWS = 300;

export interface ResultSet {
  columns: string[];
  rows: SqlValue[][];
}

export function formatValue(v: SqlValue): string {
  if (v === null) {
    return 'NULL';
  }
  if (v instanceof Uint8Array) {
    const hex = Array.from(v.subarray(0, 32), (b) => b.toString(16).padStart(2, '0')).join('');
    return `x'${hex}${v.length > 32 ? '…' : ''}'`;
  }
  return String(v);
}

export class Grid {
  private readonly viewport: HTMLDivElement;
  private readonly header: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private result: ResultSet = { columns: [], rows: [] };
  private template = '';
  private renderedFrom = -1;
  private renderedTo = -1;

  constructor(private readonly host: HTMLElement) {
    host.innerHTML = '';
    this.viewport = document.createElement('div');
    this.viewport.className = 'grid-viewport';
    this.header = document.createElement('div');
    this.header.className = 'grid-header';
    this.spacer = document.createElement('div');
    this.spacer.className = 'grid-spacer';
    this.body = document.createElement('div');
    this.body.className = 'grid-body';
    this.spacer.appendChild(this.body);
    this.viewport.append(this.header, this.spacer);
    host.appendChild(this.viewport);
    this.viewport.addEventListener('scroll', () => this.render(false), { passive: true });
    new ResizeObserver(() => this.render(true)).observe(this.viewport);
  }

  /** Shows a message instead of rows (e.g. "3 rows changed"). */
  showMessage(text: string): void {
    this.result = { columns: [], rows: [] };
    this.header.innerHTML = '';
    this.spacer.style.height = '0px';
    this.body.innerHTML = '';
    const note = document.createElement('div');
    note.className = 'grid-message';
    note.textContent = text;
    this.body.appendChild(note);
    this.renderedFrom = this.renderedTo = -1;
  }

  setResult(result: ResultSet): void {
    this.result = result;
    const widths = result.columns.map((name, c) => {
      let longest = name.length;
      const n = Math.min(result.rows.length, SAMPLE_ROWS);
      for (let r = 0; r < n; r++) {
        longest = Math.max(longest, formatValue(result.rows[r][c]).length);
      }
      return Math.min(Math.max(longest * 8 + 20, 60), 420);
    });
    this.template = ['56px', ...widths.map((w) => `${w}px`)].join(' ');
    this.header.innerHTML = '';
    this.header.style.gridTemplateColumns = this.template;
    this.header.appendChild(cell('#', 'rownum'));
    for (const name of result.columns) {
      this.header.appendChild(cell(name, 'th'));
    }
    this.spacer.style.height = `${result.rows.length * ROW_HEIGHT}px`;
    this.viewport.scrollTop = 0;
    this.render(true);
  }

  private render(force: boolean): void {
    const { rows } = this.result;
    if (this.result.columns.length === 0) {
      return;
    }
    const top = Math.max(0, this.viewport.scrollTop - this.header.offsetHeight);
    const height = this.viewport.clientHeight;
    const from = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const to = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    if (!force && from === this.renderedFrom && to === this.renderedTo) {
      return;
    }
    this.renderedFrom = from;
    this.renderedTo = to;
    const frag = document.createDocumentFragment();
    for (let r = from; r < to; r++) {
      const row = document.createElement('div');
      row.className = 'grid-row';
      row.style.gridTemplateColumns = this.template;
      row.style.transform = `translateY(${r * ROW_HEIGHT}px)`;
      row.appendChild(cell(String(r + 1), 'rownum'));
      for (const v of rows[r]) {
        const td = cell(formatValue(v), v === null ? 'null' : typeof v === 'number' || typeof v === 'bigint' ? 'num' : '');
        td.title = td.textContent ?? '';
        row.appendChild(td);
      }
      frag.appendChild(row);
    }
    this.body.replaceChildren(frag);
  }
}

function cell(text: string, cls: string): HTMLDivElement {
  const d = document.createElement('div');
  d.className = `grid-cell ${cls}`;
  d.textContent = text;
  return d;
}
