/**
 * The crash-test child program. Usage:
 *
 *   node writer.mjs DB_PATH [--migrations DIR] [--split | --report-early] [--limit N]
 *
 * Opens DB_PATH with `openDatabase` (WAL, foreign keys, synchronous=NORMAL, migrations from DIR),
 * makes sure the crash member and its exercises exist, prints `ready`, then loops (forever, or N
 * times): for the next free `seq` it prints `begin <seq>`, writes a plan with its weeks, sessions
 * and prescriptions, one workout with its set logs and one audit entry, and prints
 * `committed <seq>` only after that has committed. Lines go out with a synchronous write, so a
 * `committed` line the parent reads is never ahead of the database.
 *
 * Modes: by default the three parts go in ONE transaction. `--split` writes them in three
 * transactions (a kill can leave a seq half-written); `--report-early` prints `committed` before
 * writing (a kill can lose a reported seq). Both exist so the harness can prove it catches them.
 * Errors: prints the message on stderr and exits with code 1 (bad arguments, open failures,
 * and EPIPE once the parent has gone, so an orphaned writer stops instead of looping on).
 */
import { writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { BUILTIN_EXERCISES } from '../../engine/exercises/library';
import type { Exercise } from '../../engine/types';
import { recordAudit } from '../audit';
import { getExercises, upsertExercises } from '../exercises';
import { insertWorkouts } from '../history';
import { createMember, findMembersByName } from '../members';
import { openDatabase, type Db } from '../open';
import { insertPlan } from '../plans';
import { nextCrashSeq } from './verify';
import {
  CRASH_AUDIT_ACTION, CRASH_AUDIT_ENTITY, CRASH_EXERCISE_IDS, CRASH_MEMBER_NAME,
  crashMember, crashPlanDraft, crashPlanName, crashWorkout, type WriterMode,
} from './workload';

interface WriterArgs { dbPath: string; migrationsFolder?: string; mode: WriterMode; limit: number }
interface Fixtures { memberId: number; exercises: Exercise[] }

function parseArgs(argv: readonly string[]): WriterArgs {
  const args: WriterArgs = { dbPath: '', mode: 'atomic', limit: Infinity };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--split') args.mode = 'split';
    else if (a === '--report-early') args.mode = 'report-early';
    else if (a === '--migrations') args.migrationsFolder = argv[++i];
    else if (a === '--limit') args.limit = Number(argv[++i]);
    else if (!a.startsWith('--') && !args.dbPath) args.dbPath = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.dbPath) throw new Error('usage: writer DB_PATH [--migrations DIR] [--split | --report-early] [--limit N]');
  return args;
}

/** Writes `line` + newline to fd 1 synchronously, retrying while a non-blocking pipe is full. */
function report(line: string): void {
  const buf = Buffer.from(`${line}\n`);
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(1, buf, off);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}

/** The crash member and the exercises its rows refer to, created when missing. */
function ensureFixtures(db: Db): Fixtures {
  const have = getExercises(db, CRASH_EXERCISE_IDS);
  const missing = BUILTIN_EXERCISES.filter((e) => (CRASH_EXERCISE_IDS as readonly string[]).includes(e.id) && !have.has(e.id));
  if (missing.length > 0) upsertExercises(db, missing);
  const byId = getExercises(db, CRASH_EXERCISE_IDS);
  const exercises = CRASH_EXERCISE_IDS.map((id) => {
    const e = byId.get(id);
    if (!e) throw new Error(`the built-in exercise ${id} is missing`);
    return e;
  });
  const member = db.transaction((tx) => findMembersByName(tx, CRASH_MEMBER_NAME)[0] ?? createMember(tx, crashMember()));
  return { memberId: member.id, exercises };
}

function writePlan(db: Db, seq: number, f: Fixtures): number {
  return insertPlan(db, crashPlanDraft(seq, f.memberId, f.exercises), { name: crashPlanName(seq), createdBy: null, generatedBy: 'trainer' });
}

function writeSets(sqlite: Database.Database, seq: number, f: Fixtures): number {
  return insertWorkouts(sqlite, [crashWorkout(seq, f.memberId, f.exercises)]).stored;
}

function writeAudit(db: Db, seq: number, after: { planId: number; sets: number }): void {
  recordAudit(db, { actorStaffId: null, action: CRASH_AUDIT_ACTION, entity: CRASH_AUDIT_ENTITY, entityId: seq, after });
}

/** Writes the three parts of `seq` in one transaction, or in three for `split`. */
function writeSeq(db: Db, sqlite: Database.Database, seq: number, f: Fixtures, mode: WriterMode): void {
  if (mode === 'split') {
    const planId = db.transaction((tx) => writePlan(tx, seq, f));
    const sets = db.transaction(() => writeSets(sqlite, seq, f));
    db.transaction((tx) => writeAudit(tx, seq, { planId, sets }));
    return;
  }
  db.transaction((tx) => {
    const planId = writePlan(tx, seq, f);
    writeAudit(tx, seq, { planId, sets: writeSets(sqlite, seq, f) });
  });
}

function main(argv: readonly string[]): void {
  const args = parseArgs(argv);
  const store = openDatabase(args.dbPath, args.migrationsFolder ? { migrationsFolder: args.migrationsFolder } : {});
  const fixtures = ensureFixtures(store.db);
  let seq = nextCrashSeq(store.db);
  report('ready');
  for (let n = 0; n < args.limit; n++, seq++) {
    report(`begin ${seq}`);
    if (args.mode === 'report-early') report(`committed ${seq}`);
    writeSeq(store.db, store.sqlite, seq, fixtures, args.mode);
    if (args.mode !== 'report-early') report(`committed ${seq}`);
  }
  store.close();
}

try {
  main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`crash writer: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
}
