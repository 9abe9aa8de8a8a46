/** Reads the open database's schema (sqlite_schema + PRAGMA table_info) and renders the sidebar tree. */
import type { Database } from 'petrel-db';
import type { SchemaMap } from './editor';

export interface ColumnInfo {
  name: string;
  type: string;
  pk: boolean;
  notNull: boolean;
}

export interface SchemaObject {
  type: 'table' | 'view' | 'index' | 'trigger';
  name: string;
  table: string;
  columns: ColumnInfo[];
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function readSchema(db: Database): Promise<SchemaObject[]> {
  const rows = await db.prepare(
    "SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name",
  ).raw().all();
  const out: SchemaObject[] = [];
  for (const [type, name, table] of rows as [SchemaObject['type'], string, string][]) {
    const obj: SchemaObject = { type, name, table, columns: [] };
    if (type === 'table' || type === 'view') {
      const cols = await db.prepare(`PRAGMA table_info(${quoteIdent(name)})`).raw().all();
      obj.columns = (cols as [number, string, string, number, unknown, number][]).map(
        ([, colName, colType, notNull, , pk]) => ({ name: colName, type: colType, pk: pk > 0, notNull: notNull !== 0 }),
      );
    }
    out.push(obj);
  }
  return out;
}

/** Tables and views with their columns, for the editor's completion. */
export function completionSchema(objects: SchemaObject[]): SchemaMap {
  const map: SchemaMap = {};
  for (const o of objects) {
    if (o.type === 'table' || o.type === 'view') {
      map[o.name] = o.columns.map((c) => c.name);
    }
  }
  return map;
}

export function renderSchema(host: HTMLElement, objects: SchemaObject[], insert: (text: string) => void): void {
  host.innerHTML = '';
  const groups: Array<[string, SchemaObject['type']]> = [['Tables', 'table'], ['Views', 'view'], ['Indexes', 'index'],
    ['Triggers', 'trigger']];
  for (const [title, type] of groups) {
    const items = objects.filter((o) => o.type === type);
    if (items.length === 0) {
      continue;
    }
    const group = document.createElement('details');
    group.open = type === 'table' || type === 'view';
    const summary = document.createElement('summary');
    summary.textContent = `${title} (${items.length})`;
    group.appendChild(summary);
    for (const o of items) {
      const item = document.createElement('details');
      item.className = `schema-${type}`;
      const s = document.createElement('summary');
      const label = document.createElement('span');
      label.textContent = o.name;
      label.className = 'schema-name';
      label.title = type === 'index' || type === 'trigger' ? `on ${o.table}` : 'double-click to insert';
      label.ondblclick = () => insert(quoteIfNeeded(o.name));
      s.appendChild(label);
      item.appendChild(s);
      if (o.columns.length > 0) {
        const ul = document.createElement('ul');
        for (const c of o.columns) {
          const li = document.createElement('li');
          li.innerHTML = '';
          const n = document.createElement('span');
          n.textContent = c.name;
          n.className = c.pk ? 'col pk' : 'col';
          n.ondblclick = () => insert(quoteIfNeeded(c.name));
          const t = document.createElement('span');
          t.className = 'coltype';
          t.textContent = `${c.type || 'ANY'}${c.pk ? ' · PK' : ''}${c.notNull ? ' · NOT NULL' : ''}`;
          li.append(n, t);
          ul.appendChild(li);
        }
        item.appendChild(ul);
      } else if (type === 'index' || type === 'trigger') {
        const on = document.createElement('div');
        on.className = 'coltype';
        on.textContent = `on ${o.table}`;
        item.appendChild(on);
      }
      group.appendChild(item);
    }
    host.appendChild(group);
  }
  if (objects.length === 0) {
    host.textContent = 'Empty database.';
  }
}

function quoteIfNeeded(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : quoteIdent(name);
}
