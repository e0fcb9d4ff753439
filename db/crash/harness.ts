/**
 * The crash-test harness: runs the crash writer (db/crash/writer.ts) on one database file again
 * and again, SIGKILLs it at seeded random moments, and after every kill opens the file fresh and
 * checks it: `PRAGMA integrity_check` is exactly `ok` and `foreign_key_check` is empty, every seq
 * the writer ever reported as committed is complete (its plan with all weeks, sessions and
 * prescriptions, its set logs, its audit entry), and every seq with any row at all is complete.
 *
 * What it proves and what it does not: a SIGKILL ends the process, not the machine; the OS
 * keeps what SQLite wrote. So this covers application crashes, not power loss (with
 * synchronous=NORMAL in WAL mode, a power cut may drop the last commits; it cannot corrupt).
 */
import { mulberry32 } from '../../engine/random';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../open';
import { bundleWriter, startWriter, type WriterBundle, type WriterExit, type WriterRun } from './child';
import { crashParts, foreignKeyViolations, integrityCheck, type CrashParts } from './verify';
import { crashShape, type CrashShape, type WriterMode } from './workload';

export interface CrashOptions {
  /** The database file; created by the first writer when missing, reused (and grown) otherwise. */
  dbPath: string;
  /** How many times to start and SIGKILL the writer. */
  kills: number;
  /** Seeds the PRNG that picks every kill moment. */
  seed: number;
  /** Run the `--split` writer (three transactions per seq), which the check must catch. */
  split?: boolean;
  /** Overrides `split`: `report-early` is a writer that reports before committing. */
  mode?: WriterMode;
  /** A writer bundle to reuse (from `bundleWriter`); by default one is built and removed per run. */
  bundle?: WriterBundle;
}

export interface CrashReport {
  /** Writers started and SIGKILLed (= `options.kills`). */
  kills: number;
  /** Distinct seqs the writers reported as committed; each is checked after every later kill. */
  committedChecked: number;
  /** Rows of reported seqs that were missing (worst check per seq, summed over seqs). */
  rowsLost: number;
  /** Distinct seqs ever found with some but not all of their rows (or with rows twice). */
  halfWritten: number;
  /** Checks where the file did not open, `integrity_check` was not exactly 'ok', or a foreign key dangled. */
  integrityFailures: number;
  /** Trials in which the writer reported at least one commit before the kill. */
  trialsWithNewCommits: number;
  /** Kills that landed between a `begin <seq>` and its `committed` line, i.e. while writing. */
  killsMidWrite: number;
  /** Of those, how many left that seq with no row at all (rolled back, or cut before its BEGIN). */
  midWriteRolledBack: number;
  /** Of those, how many had committed the seq although the report never got out (not a loss). */
  midWriteCommittedUnreported: number;
  /** Wall time of the whole run, in ms (bundling included). */
  durationMs: number;
  /** The first problems found, in words (at most 20), for a failing test's message. */
  problems: string[];
}

/** When to kill: right after `ready`, after a delay in ms, or as soon as `commits` commits were reported. */
export type KillPlan = { kind: 'at-ready' } | { kind: 'delay'; ms: number } | { kind: 'after-commits'; commits: number };

/** Picks a kill moment: 15 % at ready, 60 % after 0–40 ms, 25 % after 1–20 commits. */
export function pickKill(rng: () => number): KillPlan {
  const r = rng();
  if (r < 0.15) return { kind: 'at-ready' };
  if (r < 0.75) return { kind: 'delay', ms: Math.floor(rng() * 41) };
  return { kind: 'after-commits', commits: 1 + Math.floor(rng() * 20) };
}

/** The result of checking the file once. */
export interface DatabaseCheck {
  /** Null when the file was sound, else what was wrong. */
  integrityProblem: string | null;
  parts: Map<number, CrashParts>;
}

const PART_KEYS = ['plans', 'weeks', 'sessions', 'prescriptions', 'workouts', 'sets', 'audits'] as const satisfies ReadonlyArray<keyof CrashShape>;

/** Rows of `seq` that `parts` lacks compared with its complete shape (0 when none are missing). */
export function missingRows(seq: number, parts: CrashParts | undefined): number {
  const shape = crashShape(seq);
  return PART_KEYS.reduce((n, k) => n + Math.max(0, shape[k] - (parts?.[k] ?? 0)), 0);
}

/** True when `parts` has exactly the rows of a complete `seq`. */
export function isComplete(seq: number, parts: CrashParts): boolean {
  const shape = crashShape(seq);
  return PART_KEYS.every((k) => parts[k] === shape[k]);
}

/** What is wrong with the file by SQLite's own checks, or null when it is sound. */
function integrityProblem(sqlite: Parameters<typeof integrityCheck>[0]): string | null {
  const integrity = integrityCheck(sqlite);
  if (integrity.length !== 1 || integrity[0] !== 'ok') return `integrity_check: ${integrity.slice(0, 3).join('; ')}`;
  const fk = foreignKeyViolations(sqlite);
  return fk > 0 ? `foreign_key_check: ${fk} dangling references` : null;
}

/**
 * Opens `dbPath` as the studio does (`openDatabase`), runs SQLite's checks and reads the crash
 * rows. Never throws: a file that does not open or fails mid-check is an `integrityProblem`.
 */
export function checkDatabase(dbPath: string): DatabaseCheck {
  let store;
  try {
    store = openDatabase(dbPath);
  } catch (err) {
    return { integrityProblem: `the database did not open: ${(err as Error).message}`, parts: new Map() };
  }
  try {
    const problem = integrityProblem(store.sqlite);
    return { integrityProblem: problem, parts: crashParts(store.db) };
  } catch (err) {
    return { integrityProblem: `checking the database failed: ${(err as Error).message}`, parts: new Map() };
  } finally {
    store.close();
  }
}

/** Waits out the kill plan on a ready writer (a sleep only for `delay`). */
async function awaitKillMoment(run: WriterRun, plan: KillPlan): Promise<void> {
  if (plan.kind === 'delay') await new Promise((r) => setTimeout(r, plan.ms));
  else if (plan.kind === 'after-commits') await run.whenCommitted(plan.commits);
}

/** Starts one writer, kills it at the planned moment and returns what it reported. Errors: a writer that fails on its own. */
async function runTrial(bundle: WriterBundle, dbPath: string, mode: WriterMode, plan: KillPlan): Promise<WriterExit> {
  const run = startWriter(bundle, { dbPath, migrationsFolder: DEFAULT_MIGRATIONS_FOLDER, mode });
  try {
    await run.ready;
    await awaitKillMoment(run, plan);
  } finally {
    run.kill();
  }
  const exit = await run.closed;
  if (exit.signal !== 'SIGKILL') throw new Error(`the crash writer ended by itself (code ${exit.code}): ${exit.stderr.trim()}`);
  return exit;
}

/** Running totals of a crash run. */
class Tally {
  readonly committed = new Set<number>();
  readonly lost = new Map<number, number>();
  readonly half = new Set<number>();
  readonly problems: string[] = [];
  integrityFailures = 0;
  trialsWithNewCommits = 0;
  killsMidWrite = 0;
  midWriteRolledBack = 0;
  midWriteCommittedUnreported = 0;

  note(problem: string): void { if (this.problems.length < 20) this.problems.push(problem); }

  /** Folds one trial and the check after it into the totals. */
  add(trial: number, exit: WriterExit, check: DatabaseCheck): void {
    for (const seq of exit.committed) this.committed.add(seq);
    if (exit.committed.length > 0) this.trialsWithNewCommits++;
    if (check.integrityProblem) { this.integrityFailures++; this.note(`after kill ${trial}: ${check.integrityProblem}`); }
    this.addMidWrite(exit, check);
    for (const seq of this.committed) {
      const missing = missingRows(seq, check.parts.get(seq));
      if (missing > (this.lost.get(seq) ?? 0)) {
        if (!this.lost.has(seq)) this.note(`after kill ${trial}: committed seq ${seq} lacks ${missing} rows`);
        this.lost.set(seq, missing);
      }
    }
    for (const [seq, parts] of check.parts) {
      if (!isComplete(seq, parts) && !this.half.has(seq)) {
        this.half.add(seq);
        this.note(`after kill ${trial}: seq ${seq} is half-written ${JSON.stringify(parts)}`);
      }
    }
  }

  private addMidWrite(exit: WriterExit, check: DatabaseCheck): void {
    const seq = exit.lastBegun;
    if (seq === null || exit.committed.at(-1) === seq) return;
    this.killsMidWrite++;
    const parts = check.parts.get(seq);
    if (!parts) this.midWriteRolledBack++;
    else if (isComplete(seq, parts)) this.midWriteCommittedUnreported++;
  }

  report(kills: number, durationMs: number): CrashReport {
    return {
      kills, committedChecked: this.committed.size, rowsLost: [...this.lost.values()].reduce((a, b) => a + b, 0),
      halfWritten: this.half.size, integrityFailures: this.integrityFailures, trialsWithNewCommits: this.trialsWithNewCommits,
      killsMidWrite: this.killsMidWrite, midWriteRolledBack: this.midWriteRolledBack,
      midWriteCommittedUnreported: this.midWriteCommittedUnreported, durationMs, problems: this.problems,
    };
  }
}

/**
 * Runs `options.kills` trials on `options.dbPath` (see the file comment) and returns the totals.
 * Kill moments are a function of `seed`; what the writer manages to do before each kill depends
 * on OS timing. Errors: the writer failing on its own (not by the kill), or not getting ready
 * within 15 s; esbuild errors while bundling.
 */
export async function runCrashTrials(options: CrashOptions): Promise<CrashReport> {
  const started = performance.now();
  const mode: WriterMode = options.mode ?? (options.split ? 'split' : 'atomic');
  const bundle = options.bundle ?? await bundleWriter();
  const rng = mulberry32(options.seed);
  const tally = new Tally();
  try {
    for (let trial = 1; trial <= options.kills; trial++) {
      const exit = await runTrial(bundle, options.dbPath, mode, pickKill(rng));
      tally.add(trial, exit, checkDatabase(options.dbPath));
    }
  } finally {
    if (!options.bundle) bundle.dispose();
  }
  return tally.report(options.kills, Math.round(performance.now() - started));
}
