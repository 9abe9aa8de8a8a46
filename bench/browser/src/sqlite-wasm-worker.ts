/**
 * The official SQLite wasm build (@sqlite.org/sqlite-wasm, its oo1 API) in a dedicated Worker: ':memory:', or the
 * `opfs-sahpool` VFS (sync access handles; needs no COOP/COEP headers, like petrel-db). Default settings of both:
 * 4 KiB pages, rollback journal, synchronous=FULL.
 */
import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import { serve, type WireParam } from './worker-host';

type Db = any;
/** A statement and whether it returns rows (asked once, at prepare). */
type Stmt = { s: any; returnsData: boolean };

let db: Db;

serve<Stmt>(sqlite3InitModule().then((sqlite3: any) => ({
  async open(mode) {
    if (mode === 'opfs') {
      const pool = await sqlite3.installOpfsSAHPoolVfs({ name: 'bench-sahpool', clearOnInit: true });
      db = new pool.OpfsSAHPoolDb('/bench.sqlite3');
    } else {
      db = new sqlite3.oo1.DB(':memory:', 'c');
    }
    return sqlite3.version.libVersion;
  },
  exec(sql) {
    db.exec(sql);
  },
  prepare(sql) {
    const s = db.prepare(sql);
    return { s, returnsData: s.columnCount > 0 };
  },
  run({ s, returnsData }, params: WireParam[]) {
    if (params.length > 0) s.bind(params);
    const rows: unknown[][] = [];
    while (s.step()) {
      if (returnsData) rows.push(s.get([]));
    }
    s.reset(true);
    return returnsData ? rows : null;
  },
  changes() {
    return db.changes();
  },
  finalize(stmt) {
    stmt.s.finalize();
  },
  close() {
    db.close();
  },
})));
