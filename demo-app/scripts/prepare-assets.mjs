// Copies the embedded default database (Chinook, from ../shared/sample-dbs) into public/samples/ at build time,
// so the playground has something to query on first visit.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const candidates = [
  process.env.PETREL_SHARED_DIR,
  new URL('../../../shared', import.meta.url).pathname,
  new URL('../../shared', import.meta.url).pathname,
].filter(Boolean);
const shared = candidates.find((dir) => existsSync(`${dir}/sample-dbs/chinook/Chinook_Sqlite.sqlite`));
if (!shared) {
  console.error('cannot find shared/sample-dbs (set PETREL_SHARED_DIR)');
  process.exit(1);
}
const out = new URL('../public/samples/', import.meta.url);
mkdirSync(out, { recursive: true });
copyFileSync(`${shared}/sample-dbs/chinook/Chinook_Sqlite.sqlite`, new URL('chinook.sqlite', out));
copyFileSync(`${shared}/sample-dbs/chinook/LICENSE.md`, new URL('chinook-LICENSE.md', out));
console.log('copied Chinook into public/samples/');
