// Copies the TeaVM outputs (engine .wasm and its ES-module runtime) from wasm-bindings into dist/.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
const from = new URL('../../wasm-bindings/target/wasm/', import.meta.url);
const to = new URL('../dist/', import.meta.url);
mkdirSync(to, { recursive: true });
for (const name of ['petrel.wasm', 'petrel-runtime.mjs']) {
  const src = new URL(name, from);
  if (!existsSync(src)) {
    console.error(`missing ${src.pathname}: build wasm-bindings first (mvn -pl wasm-bindings -am package)`);
    process.exit(1);
  }
  copyFileSync(src, new URL(name, to));
}
console.log('copied petrel.wasm and petrel-runtime.mjs into dist/');

// TeaVM's runtime loads 'node:fs/promises' (only when it runs under Node) with a literal dynamic import, which makes
// browser bundlers warn ("externalized for browser compatibility"). A computed specifier keeps them quiet.
const runtime = new URL('petrel-runtime.mjs', to);
const text = readFileSync(runtime, 'utf8');
const literal = 'import("node:fs/promises")';
if (text.includes(literal)) {
  writeFileSync(runtime, text.replace(literal, 'import(["node", "fs/promises"].join(":"))'));
}
