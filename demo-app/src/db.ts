/**
 * The playground's view of petrel-db: which databases exist in this browser (OPFS), opening one, importing and
 * exporting .sqlite files. Everything goes through the package's public API, as any web app would use it.
 */
import * as petrel from 'petrel-db';
import type { Database } from 'petrel-db';

export type { Database };

type Progress = (loaded: number, total: number) => void;

// Optional parts of the API are looked up by name so the playground degrades gracefully (in-memory only) on a
// build of the package without OPFS support.
const api = petrel as unknown as Record<string, any>;

/** Whether databases can be stored in this browser (OPFS support in the package and the browser). */
export function hasStorage(): boolean {
  return typeof api.listDatabases === 'function' && typeof navigator.storage?.getDirectory === 'function';
}

export async function listDatabases(): Promise<string[]> {
  if (!hasStorage()) {
    return [];
  }
  const list = await api.listDatabases();
  return (list as Array<string | { name: string }>).map((d) => (typeof d === 'string' ? d : d.name)).sort();
}

export async function open(name: string): Promise<Database> {
  return petrel.connect(name);
}

export async function deleteDatabase(name: string): Promise<void> {
  await api.deleteDatabase(name);
}

/** Stores a .sqlite file (bytes, a File or a URL) in OPFS under `name`, reporting progress. */
export async function importDatabase(name: string, source: Uint8Array | File | string, onProgress: Progress): Promise<void> {
  await api.importDatabase(name, source, {
    onProgress: (p: { loaded: number; total?: number }) => onProgress(p.loaded, p.total ?? 0),
  });
}

export async function exportDatabase(db: Database): Promise<Uint8Array> {
  return (db as unknown as { export(): Promise<Uint8Array> }).export();
}
