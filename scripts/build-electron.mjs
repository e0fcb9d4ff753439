// Bundles the Electron main process and the preload bridge to CommonJS with esbuild.
// better-sqlite3 stays external (a native module, rebuilt for Electron by electron-builder); so do
// highs (it loads its .wasm beside its own file), @touch4it/ical-timezones (reads zone files),
// @node-rs/argon2 (a native module), pdfkit (reads its font metrics beside its own file), ws's
// optional native helpers and node-llama-cpp (native prebuilt binaries, ESM only: the coach's
// worker loads it with import()).
import { build } from 'esbuild';
import { cpSync } from 'node:fs';

const nativeOrFileReading = ['better-sqlite3', 'highs', '@touch4it/ical-timezones', '@node-rs/argon2', 'pdfkit', 'bufferutil', 'utf-8-validate', 'node-llama-cpp'];
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };
await build({
  ...common,
  entryPoints: ['main/electron/main.ts'],
  outfile: 'dist/main/electron.cjs',
  external: ['electron', ...nativeOrFileReading],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: ['main/host/worker-entry.ts'],
  outfile: 'dist/main/worker.cjs',
  external: nativeOrFileReading,
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
});
// The coach's inference worker (STUDIO_COACH_WORKER_ENTRY): ESM, so node-llama-cpp imports natively.
await build({ ...common, format: 'esm', entryPoints: ['main/coach/inference-worker.ts'], outfile: 'dist/main/coach-worker.mjs', external: ['node-llama-cpp'] });
await build({ ...common, entryPoints: ['preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'] });
// Migrations and package.json are read at run time, relative to the bundle.
cpSync('db/migrations', 'dist/main/migrations', { recursive: true });
console.log('built dist/main/electron.cjs and dist/preload/index.cjs');
