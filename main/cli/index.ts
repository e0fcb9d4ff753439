/**
 * The `studio` CLI: the same handlers as the desktop and HTTP transports, for scripts and
 * checks. Global options: `--db PATH`, `--json`, `--as STAFF` (id or name; default: the first
 * manager who can sign in). The CLI asks for no password: whoever runs it can read the database
 * file anyway (see the README's security section).
 */
import { Command, Option } from 'commander';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { GOALS, UNITS } from '../../engine/exercises/vocabulary';
import type { HistoryImportReport, OpName } from '../contract/index';
import { IMPORT_FORMATS } from '../../engine/imports/formats';
import { cliCaller, createHost, type Host } from '../host/host';
import type { Caller } from '../host/context';
import { defaultDbPath } from '../host/paths';
import { listStaffAccounts } from '../../db/staff';
import { contract } from '../contract/index';
import { printHuman } from './print';
import { scheduleCommand } from './schedule';
import { staffCommand } from './staff';
import { serveCommand } from './serve';
import { coachCommand } from './coach';

interface Globals { db?: string; json?: boolean; as?: string }

function resolveStaff(host: Host, who: string | undefined): number | null {
  if (!who) return null;
  const all = listStaffAccounts(host.store.db);
  const w = who.toLowerCase();
  const found = /^\d+$/.test(who) ? all.find((s) => s.id === Number(who)) : all.find((s) => s.username === w) ?? all.find((s) => s.name.toLowerCase() === w);
  if (!found) throw new Error(`--as: no staff member "${who}" (known: ${all.map((s) => `${s.id} ${s.name}`).join(', ')})`);
  return found.id;
}

/** Runs one operation and prints its value (JSON with --json); exits 1 on an error envelope. */
async function run(program: Command, name: OpName, input: unknown, print = true): Promise<unknown> {
  const g = program.opts<Globals>();
  const host = createHost(g.db ?? defaultDbPath());
  try {
    // Sign-in and first-run are public: they need no account to act as.
    const caller: Caller = contract[name].access.includes('public') ? { transport: 'cli', staff: null, session: null } : cliCaller(host, resolveStaff(host, g.as));
    const progress = !g.json && process.stderr.isTTY
      ? (f: number, m: string) => process.stderr.write(`\r${Math.round(f * 100)}% ${m}`.padEnd(70))
      : undefined;
    const envelope = await host.call(name, input, caller, progress);
    if (progress) process.stderr.write('\n');
    if (!envelope.ok) {
      if (g.json) console.log(JSON.stringify(envelope));
      else console.error(`error (${envelope.error.reason}${envelope.error.field ? `, ${envelope.error.field}` : ''}): ${envelope.error.message}`);
      process.exitCode = 1;
      return null;
    }
    if (!print) return envelope.value;
    if (g.json) console.log(JSON.stringify(envelope.value, null, 2));
    else printHuman(name, envelope.value);
    return envelope.value;
  } finally {
    host.close();
  }
}

function readText(file: string): { fileName: string; content: string } {
  try {
    return { fileName: basename(file), content: readFileSync(resolve(file), 'utf8') };
  } catch (err) {
    throw new Error(`FILE: cannot read ${file}: ${(err as Error).message}`);
  }
}

/** Finds a member by id or exact name through the API; exits with an error naming --member. */
async function memberIdOf(program: Command, ref: string): Promise<number> {
  if (/^\d+$/.test(ref)) return Number(ref);
  const g = program.opts<Globals>();
  const host = createHost(g.db ?? defaultDbPath());
  try {
    const env = await host.call('members/list', { query: ref }, cliCaller(host, resolveStaff(host, g.as)));
    const list = env.ok ? (env.value as Array<{ id: number; name: string }>) : [];
    const exact = list.filter((m) => m.name.toLowerCase() === ref.toLowerCase());
    if (exact.length !== 1) throw new Error(`--member: ${exact.length === 0 ? 'no member is called' : 'several members are called'} "${ref}"`);
    return exact[0]!.id;
  } finally {
    host.close();
  }
}

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`"${v}" is not a whole number`);
  return n;
};

export function buildProgram(): Command {
  const program = new Command('studio')
    .description('Trainer Studio: imports, members, plans and the studio server')
    .option('--db <path>', 'database file (default: the user data directory)')
    .option('--json', 'print JSON')
    .option('--as <staff>', 'act as this staff member (id, username or name; default: the first manager)');

  program.command('import').description('import a file: a workout-app export (Strong, Hevy, Fitbod, FitNotes), or `exercises FILE`')
    .argument('<file>', 'the export to import (or `exercises` / `strong`, then the file)')
    .argument('[file2]', 'the file, after `exercises` or `strong`')
    .option('--member <name>', 'member to import into (created if new; default: the file name)')
    .option('--member-id <id>', 'existing member id', int)
    .addOption(new Option('--format <format>', 'the app the file comes from (default: recognised from the file)').choices(['auto', ...IMPORT_FORMATS]).default('auto'))
    .addOption(new Option('--unit <unit>', 'unit of the file weights (default: from the file, else detected)').choices(UNITS))
    .option('--preview', 'show what would be imported (app, layout, unit and reason, first sets) and store nothing')
    .option('--map <name=exerciseId...>', 'map exercise names to library ids after the import')
    .action(async (first: string, second: string | undefined, o: {
      member?: string; memberId?: number; format: string; unit?: 'kg' | 'lb'; preview?: boolean; map?: string[];
    }) => {
      if (first === 'exercises' && second !== undefined) {
        await run(program, 'imports/exercises', readText(second));
        return;
      }
      const file = first === 'strong' && second !== undefined ? second : first;
      const format = first === 'strong' && second !== undefined ? 'strong' : o.format;
      if (o.preview) {
        await run(program, 'imports/preview', { ...readText(file), format, unit: o.unit });
        return;
      }
      const report = await run(program, 'imports/history', { ...readText(file), memberName: o.member, memberId: o.memberId, format, unit: o.unit }) as HistoryImportReport | null;
      for (const pair of report ? o.map ?? [] : []) {
        const [name, exerciseId] = pair.split('=');
        if (!name || !exerciseId) throw new Error(`--map: "${pair}" is not NAME=EXERCISE_ID`);
        await run(program, 'exercises/map-name', { name, exerciseId, source: report!.detection.format });
      }
    });

  program.command('members').description('list members').option('--search <text>', 'filter by name')
    .action(async (o: { search?: string }) => { await run(program, 'members/list', { query: o.search }); });

  program.command('plan').description('generate a draft plan for a member')
    .requiredOption('--member <id|name>', 'member id or name')
    .option('--weeks <n>', 'weeks, 1–12', int, 4)
    .option('--days <n>', 'training days per week, 2–6', int)
    .addOption(new Option('--goal <goal>', 'training goal').choices(GOALS))
    .option('--minutes <n>', 'session length in minutes', int)
    .option('--as-of <date>', 'plan as if today were DATE (YYYY-MM-DD)')
    .action(async (o: { member: string; weeks: number; days?: number; goal?: string; minutes?: number; asOf?: string }) => {
      const memberId = await memberIdOf(program, o.member);
      await run(program, 'plans/generate', { memberId, weeks: o.weeks, daysPerWeek: o.days, goal: o.goal, sessionMinutes: o.minutes, asOf: o.asOf });
    });

  program.command('plans').description('list plans').option('--member <id|name>').option('--status <status>')
    .action(async (o: { member?: string; status?: string }) => {
      const memberId = o.member ? await memberIdOf(program, o.member) : undefined;
      await run(program, 'plans/list', { memberId, status: o.status });
    });
  program.command('approve <planId>').description('approve a draft plan')
    .action(async (planId: string) => { await run(program, 'plans/approve', { planId: int(planId) }); });
  program.command('demo').description('create the labelled demo club')
    .option('--seed <n>', 'random seed', int, 7).option('--members <n>', 'how many members', int, 6)
    .action(async (o: { seed: number; members: number }) => { await run(program, 'demo/create', o); });
  const models = program.command('models').description('the RIR model registry');
  models.command('list', { isDefault: true }).description('trained models, the active one and every switch')
    .action(async () => { await run(program, 'models/list', {}); });
  models.command('refit').description('refit the population part; activated only if it beats the active model on held-out sets')
    .action(async () => { await run(program, 'models/refit', {}); });
  models.command('rollback').description('re-activate the previously active model')
    .action(async () => { await run(program, 'models/rollback', {}); });
  const recommend = program.command('recommend').description('exercise recommendations: scored suggestions and the ALS model')
    .option('--member <id|name>', 'member id or name').option('--swap <exerciseId>', 'suggest swaps for this exercise')
    .option('--top <n>', 'how many', int, 5)
    .action(async (o: { member?: string; swap?: string; top: number }) => {
      if (o.member === undefined) throw new Error('--member is required (or use `studio recommend train`)');
      const context = o.swap === undefined ? { kind: 'slot' } : { kind: 'swap', exerciseId: o.swap };
      await run(program, 'recommend/exercises', { memberId: await memberIdOf(program, o.member), context, topN: o.top });
    });
  recommend.command('train').description("train the ALS model on every member's sessions (nightly: run this from the OS scheduler); activated only if it beats popularity and the active model on held-out sessions")
    .action(async () => { await run(program, 'recommend/train', {}); });
  program.command('rir').description("a member's learnt RIR bias and the model's accuracy")
    .requiredOption('--member <id|name>', 'member id or name')
    .action(async (o: { member: string }) => { await run(program, 'rir/member', { memberId: await memberIdOf(program, o.member), limit: 10 }); });
  scheduleCommand(program, (name, input) => run(program, name, input, false), readText);
  program.command('backup').description("write a consistent copy of the database into the studio's backup folder")
    .action(async () => { await run(program, 'system/backup', {}); });
  program.command('backups').description('list the backups')
    .action(async () => { await run(program, 'system/backups', {}); });
  program.command('restore <fileName>').description('restore a backup from the backup folder (the current database is backed up first)')
    .action(async (fileName: string) => { await run(program, 'system/restore', { fileName, confirm: true }); });
  program.command('audit').description('the audit log, newest first')
    .option('--actor <id>', 'staff id', int).option('--action <action>', 'an action or a prefix like auth.*')
    .option('--from <date>').option('--to <date>').option('--limit <n>', 'entries', int, 50)
    .option('--csv <file>', 'write the matching entries as CSV instead')
    .action(async (o: { actor?: number; action?: string; from?: string; to?: string; limit: number; csv?: string }) => {
      const filter = { actorStaffId: o.actor, action: o.action, from: o.from, to: o.to };
      if (!o.csv) return void (await run(program, 'audit/list', { ...filter, limit: o.limit }));
      const file = (await run(program, 'audit/export', filter, false)) as { content: string } | null;
      if (file) writeFileSync(resolve(o.csv), file.content);
    });
  const member = program.command('member').description("a member's data rights");
  member.command('export <member>').description('write everything held about a member (JSON and CSV) into a folder')
    .requiredOption('--out <dir>', 'folder to write into')
    .action(async (ref: string, o: { out: string }) => {
      const files = (await run(program, 'members/export', { memberId: await memberIdOf(program, ref) }, false)) as Array<{ fileName: string; content: string }> | null;
      mkdirSync(resolve(o.out), { recursive: true });
      for (const f of files ?? []) writeFileSync(join(resolve(o.out), f.fileName), f.content);
      if (files) console.log(`Wrote ${files.map((f) => f.fileName).join(', ')} to ${resolve(o.out)}`);
    });
  member.command('erase <member>').description('erase a member on request (cannot be undone)')
    .requiredOption('--confirm-name <name>', "the member's name, typed again")
    .action(async (ref: string, o: { confirmName: string }) => {
      await run(program, 'members/erase', { memberId: await memberIdOf(program, ref), confirmName: o.confirmName });
    });
  staffCommand(program, (name, input, print) => run(program, name, input, print));
  serveCommand(program);
  coachCommand(program, resolveStaff);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `studio plan ... | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); else throw err; });
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return;
    if (!code?.startsWith('commander.')) console.error(`error: ${(err as Error).message}`);
    process.exitCode = (err as { exitCode?: number }).exitCode ?? 1;
  }
}
