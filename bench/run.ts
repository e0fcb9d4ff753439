/**
 * `npm run bench [-- NAME] [--json]`: runs the benchmarks (all, or the one named after its
 * capability). Each prints a table; with --json the last line printed is one JSON object of
 * all figures, in units named in the keys.
 */
import { imports } from './imports';
import { planner } from './planner';
import { progression } from './progression';
import { rir } from './rir';
import { scheduler } from './scheduler';
import { security } from './security';
import { bookings } from './bookings';
import { live } from './live';
import { sync } from './sync';
import { coach } from './coach';
import { payments } from './payments';
import { models } from './models';
import { onboarding } from './onboarding';
import { demandBench } from './scheduler-demand';
import { recommend } from './recommend';

type Bench = (log: (line: string) => void) => Promise<Record<string, number>>;
const BENCHES: Record<string, Bench> = { planner, rir, progression, scheduler, security, imports, bookings, live, sync, coach, payments, models, onboarding, demand: demandBench, recommend };

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length) {
    console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`);
    process.exit(2);
  }
  const figures: Record<string, number> = {};
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    console.log(`# ${name}`);
    const result = await BENCHES[name]!((line) => console.log(line));
    for (const [k, v] of Object.entries(result)) {
      console.log(`${k.padEnd(28)} ${v}`);
      figures[k] = v;
    }
  }
  if (json) console.log(JSON.stringify(figures));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
