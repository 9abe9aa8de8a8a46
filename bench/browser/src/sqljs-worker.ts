/**
 * sql.js (SQLite compiled with Emscripten, in-memory only) in a dedicated Worker. sql.js binds a bigint as TEXT;
 * the INTEGER column affinity stores it as the same integer.
 */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { serve, type WireParam } from './worker-host';

/** A statement and whether it returns rows (asked once, at prepare). */
type Stmt = { s: any; returnsData: boolean };

let db: any;

serve<Stmt>(initSqlJs({ locateFile: () => wasmUrl }).then((SQL: any) => ({
  open() {
    db = new SQL.Database();
    return db.exec('select sqlite_version()')[0].values[0][0] as string;
  },
  exec(sql) {
    db.run(sql);
  },
  prepare(sql) {
    const s = db.prepare(sql);
    return { s, returnsData: s.getColumnNames().length > 0 };
  },
  run({ s, returnsData }, params: WireParam[]) {
    if (params.length > 0) s.bind(params);
    const rows: unknown[][] = [];
    while (s.step()) {
      if (returnsData) rows.push(s.get());
    }
    s.reset();
    return returnsData ? rows : null;
  },
  changes() {
    return db.getRowsModified();
  },
  finalize(stmt) {
    stmt.s.free();
  },
  close() {
    db.close();
  },
})));
