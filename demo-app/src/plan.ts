/** Renders EXPLAIN QUERY PLAN rows (id, parent, notused, detail) as a tree, as the sqlite3 shell draws it. */
import type { SqlValue } from 'petrel-db';

interface Node {
  id: number;
  detail: string;
  children: Node[];
}

export function renderPlan(host: HTMLElement, rows: SqlValue[][]): void {
  host.innerHTML = '';
  if (rows.length === 0) {
    host.textContent = 'No plan: run a query to see how Petrel executes it.';
    return;
  }
  const nodes = new Map<number, Node>();
  const roots: Node[] = [];
  for (const [id, parent, , detail] of rows) {
    const node: Node = { id: Number(id), detail: String(detail), children: [] };
    nodes.set(node.id, node);
    const p = nodes.get(Number(parent));
    (p ? p.children : roots).push(node);
  }
  const title = document.createElement('div');
  title.className = 'plan-title';
  title.textContent = 'QUERY PLAN';
  host.appendChild(title);
  host.appendChild(list(roots));
}

function list(nodes: Node[]): HTMLUListElement {
  const ul = document.createElement('ul');
  for (const n of nodes) {
    const li = document.createElement('li');
    const label = document.createElement('span');
    label.className = /^SCAN/.test(n.detail) ? 'plan-scan' : /^SEARCH/.test(n.detail) ? 'plan-search' : '';
    label.textContent = n.detail;
    li.appendChild(label);
    if (n.children.length > 0) {
      li.appendChild(list(n.children));
    }
    ul.appendChild(li);
  }
  return ul;
}
