// No Vite configuration: the package must find its worker and wasm by itself, in `vite` and in `vite build`.
import { connect, SqliteError } from 'petrel-db';

const out = document.getElementById('result');
try {
  const db = await connect('vite-app.sqlite');
  const row = await db.prepare("select 6*7 as answer, 'petrel' as name").get();
  let errorCode = null;
  try {
    await db.exec('select 1 2');
  } catch (e) {
    errorCode = e instanceof SqliteError ? e.code : String(e);
  }
  out.textContent = JSON.stringify({ ...row, errorCode, isolated: window.crossOriginIsolated });
  out.dataset.state = 'done';
} catch (e) {
  out.textContent = `failed: ${e && e.code ? e.code + ' ' : ''}${e && e.message ? e.message : e}`;
  out.dataset.state = 'failed';
}
