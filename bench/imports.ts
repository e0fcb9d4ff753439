/**
 * `npm run bench -- imports`: the workout-export importer on the real shared exports
 * (`../shared/data/logs/exports/`, read in place, never copied).
 * - `files_imported` / `files_total`: shared exports imported through the host (file database,
 *   the import op in its worker) with every row accounted for (stored + rejected + skipped = rows).
 * - `import_15k_rows_ms`: the largest shared export (Fitbod, 16,067 sets) imported through the
 *   host into a new member, in a worker thread as a running studio does it (the host's spare
 *   worker booted, `spareWorker: true`), bundled as the desktop app ships it (esbuild,
 *   `dist/main/worker.cjs`); median of 3. Target ≤ 1,000 ms, aim 300.
 * - `import_15k_rows_cold_worker_ms`: the same with a worker booted for the call (the first
 *   import after a start), bundled.
 * - `import_15k_rows_tsx_worker_ms`: spare worker booted, but from TypeScript through tsx, as
 *   `npm run serve` runs it.
 * - `import_15k_rows_in_process_ms`: the same without a worker (parse + match + store only).
 * - `parse_rows_per_s`: engine parse only (detection, dates, units), rows of all files per second.
 * - `auto_match_share`: share (0–1) of imported sets whose exercise name matched the built-in
 *   library (app and language alias tables, then the matcher) without a mapping step. Aim ≥ 0.95.
 * - `auto_match_share_with_free_exercise_db`: the same once the club has imported the
 *   free-exercise-db library (`studio import exercises`), computed with the engine's matcher.
 * - `peak_rss_mb`: the bench process's peak resident memory.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseWorkoutExport } from '../engine/imports/parse';
import { appExerciseAlias } from '../engine/imports/exercise-aliases';
import { BUILTIN_EXERCISES } from '../engine/exercises/library';
import { mapFreeExerciseDb } from '../engine/exercises/free-exercise-db';
import { createExerciseMatcher } from '../engine/exercises/match';
import { SHARED_EXPORTS, SHARED_EXPORTS_DIR } from '../engine/imports/shared-exports';
import type { HistoryImportReport } from '../main/contract/index';
import { createTestHost } from '../main/host/testkit';
import { percentile, round } from './stats';

export async function imports(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = resolve(SHARED_EXPORTS_DIR);
  const files = SHARED_EXPORTS.map((e) => ({ ...e, path: join(dir, e.file) }));
  const missing = files.filter((f) => !existsSync(f.path));
  if (missing.length > 0) throw new Error(`shared exports missing (expected beside the repository): ${missing.map((f) => f.path).join(', ')}`);
  const texts = files.map((f) => readFileSync(f.path, 'utf8'));

  let rows = 0;
  const t0 = performance.now();
  const parsed = texts.map((text) => parseWorkoutExport(text));
  for (const p of parsed) rows += p.summary.rowsTotal;
  const parseS = (performance.now() - t0) / 1000;
  const withFreeDb = matchShareWithFreeExerciseDb(parsed);

  const tmp = mkdtempSync(join(tmpdir(), 'bench-imports-'));
  const { host, manager } = await createTestHost(join(tmp, 'studio.db'));
  try {
    let imported = 0;
    let sets = 0;
    let matchedSets = 0;
    for (const [i, f] of files.entries()) {
      const t = performance.now();
      const env = await host.call('imports/history', { fileName: f.file.split('/').pop(), content: texts[i], memberName: f.file.split('/')[0] }, manager);
      const ms = performance.now() - t;
      if (!env.ok) {
        log(`${f.file}: refused: ${env.error.message.slice(0, 200)}`);
        continue;
      }
      const r = env.value as HistoryImportReport;
      const skipped = r.skipped.reduce((n, s) => n + s.count, 0);
      const accounted = r.setsStored + r.duplicates + r.rejected.length + skipped === r.rowsTotal;
      if (accounted) imported += 1;
      const matched = r.matched.reduce((n, m) => n + m.sets, 0);
      const unmatched = r.unmatched.reduce((n, m) => n + m.sets, 0);
      sets += matched + unmatched;
      matchedSets += matched;
      log(`${f.file.padEnd(62)} ${r.detection.format.padEnd(8)} ${String(r.rowsTotal).padStart(6)} rows ${String(r.setsStored).padStart(6)} stored `
        + `${r.unit} (${r.unitSource}) matched ${round((100 * matched) / Math.max(1, matched + unmatched), 1)}% ${round(ms, 0)} ms${accounted ? '' : ' ROWS NOT ACCOUNTED'}`);
    }
    const largest = files.reduce((a, b) => (b.setRows > a.setRows ? b : a));
    const content = texts[files.indexOf(largest)]!;
    const warm = async (label: string) => {
      const { host: h, manager: m } = await createTestHost(join(tmp, `${label}.db`), { spareWorker: true });
      try {
        return await timeLargest(h, m, content, label, () => h.workerReady());
      } finally {
        h.close();
      }
    };
    const tsxMs = await warm('tsx');
    const { bundledMs, coldMs } = await withBundledWorker(async () => ({
      bundledMs: await warm('bundled'),
      coldMs: await timeLargest(host, manager, content, 'cold'),
    }));
    const { host: inProcess, manager: m2 } = await createTestHost(join(tmp, 'in-process.db'), { workers: false });
    const inProcessMs = await timeLargest(inProcess, m2, content, 'in process').finally(() => inProcess.close());
    log(`largest export (${largest.file}, ${largest.setRows} sets), median of 3: spare bundled worker ${bundledMs} ms, cold bundled worker ${coldMs} ms, spare tsx worker ${tsxMs} ms, in process ${inProcessMs} ms`);
    return {
      files_imported: imported,
      files_total: files.length,
      import_15k_rows_ms: bundledMs,
      import_15k_rows_cold_worker_ms: coldMs,
      import_15k_rows_tsx_worker_ms: tsxMs,
      import_15k_rows_in_process_ms: inProcessMs,
      parse_rows_per_s: Math.round(rows / parseS),
      auto_match_share: round(matchedSets / Math.max(1, sets), 3),
      auto_match_share_with_free_exercise_db: withFreeDb,
      peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 0),
    };
  } finally {
    host.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

type TestHost = Awaited<ReturnType<typeof createTestHost>>;

/** Median of 3 imports of `content` into new members. */
async function timeLargest(
  host: TestHost['host'], manager: TestHost['manager'], content: string, label: string, before: () => Promise<void> = async () => {},
): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    await before();
    const t = performance.now();
    const env = await host.call('imports/history', { fileName: 'largest.csv', content, memberName: `Bench largest ${label} ${String(run)}` }, manager);
    times.push(performance.now() - t);
    if (!env.ok) throw new Error(env.error.message);
  }
  times.sort((a, b) => a - b);
  return round(percentile(times, 50), 0);
}

/** Bundles the worker as scripts/build-electron.mjs does (with the migrations beside it) and runs `fn` with it. */
async function withBundledWorker<T>(fn: () => Promise<T>): Promise<T> {
  await build({
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
    entryPoints: ['main/host/worker-entry.ts'], outfile: 'dist/main/worker.cjs',
    external: ['better-sqlite3', 'highs', '@touch4it/ical-timezones', '@node-rs/argon2'],
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  cpSync('db/migrations', 'dist/main/migrations', { recursive: true });
  const before = process.env.STUDIO_WORKER_ENTRY;
  process.env.STUDIO_WORKER_ENTRY = resolve('dist/main/worker.cjs');
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.STUDIO_WORKER_ENTRY;
    else process.env.STUDIO_WORKER_ENTRY = before;
  }
}

/** Share of sets matched once free-exercise-db is in the library (NaN when its file is missing). */
function matchShareWithFreeExerciseDb(parsed: ReadonlyArray<ReturnType<typeof parseWorkoutExport>>): number {
  const file = resolve('../shared/data/free-exercise-db/exercises.json');
  if (!existsSync(file)) return Number.NaN;
  const library = [...BUILTIN_EXERCISES, ...mapFreeExerciseDb(JSON.parse(readFileSync(file, 'utf8'))).exercises];
  const matcher = createExerciseMatcher(library);
  let sets = 0;
  let matched = 0;
  for (const p of parsed) {
    for (const { name, sets: n } of p.summary.exercises) {
      sets += n;
      if (appExerciseAlias(p.detection!.format, name) !== null || matcher(name) !== null) matched += n;
    }
  }
  return round(matched / Math.max(1, sets), 3);
}
