/**
 * The progression benchmark (`npm run bench -- progression`), issue 3 "Real-data check" and "Speed":
 * 1. Real data: the Strong export replayed session by session through suggestNext + applySafety
 *    (bench/progression-replay.ts has the method), per exercise and overall: share of sessions
 *    within one loadable increment of the lifter's actual top set, MAE in kg, and the share of the
 *    lifter's own load increases the safety layer would have flagged. Double progression is the
 *    headline; RIR autoregulation is shown beside it. These figures describe an engine following a
 *    real lifter who had no plan from it; they are not a target to tune to.
 * 2. Speed: p50/p95 of one suggestion including the safety pass (over the replay's calls, after a
 *    warm-up pass), and the weekly analysis (analyzeWeek + proposeAdjustments) of a SIMULATED club
 *    of 2,000 members with 52 weeks of logs each (bench/progression-club.ts), total seconds.
 */
import { timeClubWeeklyAnalysis } from './progression-club';
import { loadReplayData, replay } from './progression-replay';
import type { ReplayResult, ReplayRow } from './progression-replay';
import { percentile, round } from './stats';

const CLUB_MEMBERS = 2_000;
const CLUB_WEEKS = 52;
const CLUB_SEED = 20_240_101;
const SPEED_PASSES = 5;

const share = (n: number, d: number) => (d === 0 ? Number.NaN : n / d);
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '—');

function line(r: ReplayRow): string {
  return `${r.exercise.slice(0, 34).padEnd(34)} ${String(r.sessions).padStart(5)} ${pct(share(r.within, r.sessions)).padStart(8)} ${(r.absErrKg / r.sessions).toFixed(2).padStart(7)}`
    + ` ${pct(share(r.naiveWithin, r.sessions)).padStart(8)} ${(r.naiveAbsErrKg / r.sessions).toFixed(2).padStart(7)} ${String(r.jumps).padStart(5)} ${pct(share(r.flagged, r.jumps)).padStart(8)}`;
}

function printReplay(log: (l: string) => void, title: string, res: ReplayResult): void {
  log(`\n${title}`);
  log(`${'exercise'.padEnd(34)} ${'sess'.padStart(5)} ${'within1'.padStart(8)} ${'MAE kg'.padStart(7)} ${'naive w1'.padStart(8)} ${'naive'.padStart(7)} ${'jumps'.padStart(5)} ${'flagged'.padStart(8)}`);
  for (const r of res.rows) log(line(r));
  log(line(res.total));
}

export async function progression(log: (line: string) => void): Promise<Record<string, number>> {
  const data = loadReplayData();
  const dp = replay(data, 'dp');
  const rir = replay(data, 'rir');
  log(`Real data: Strong export (1 lifter, logged in ${dp.unit}), ${String(data.byExercise.size)} loaded exercises matched; left out (body weight or unmatched): ${data.skippedNames.join(', ') || 'none'}`);
  log('within1 = suggestion within one loadable increment of the actual top set; naive = repeat the last top load; flagged = share of the lifter\'s load increases that applySafety would not pass');
  printReplay(log, 'Double progression dp(+1 step, 5–8 compound / 8–12 isolation) + safety', dp);
  printReplay(log, 'RIR autoregulation (target RIR 2; no RIR in the export, the rule assumes it) + safety', rir);

  const times: number[] = [];
  for (let i = 0; i < SPEED_PASSES; i++) times.push(...replay(data, i % 2 === 0 ? 'dp' : 'rir').callMs);
  times.sort((a, b) => a - b);
  log(`\nSpeed: ${String(times.length)} suggest + safety calls on the real histories: p50 ${round(percentile(times, 50), 3)} ms, p95 ${round(percentile(times, 95), 3)} ms`);

  const club = timeClubWeeklyAnalysis(CLUB_MEMBERS, CLUB_WEEKS, CLUB_SEED);
  const per = [...club.perMemberMs].sort((a, b) => a - b);
  log(`Weekly analysis (SIMULATED club): ${String(club.members)} members, ${String(club.sessions)} exercise sessions, ${String(club.sets)} sets over ${String(CLUB_WEEKS)} weeks; `
    + `${String(club.lines)} adjustment lines proposed; total ${round(club.totalS, 3)} s, per member p50 ${round(percentile(per, 50), 3)} ms, p95 ${round(percentile(per, 95), 3)} ms`);
  const t = dp.total;
  return {
    suggest_p50_ms: round(percentile(times, 50), 3),
    suggest_p95_ms: round(percentile(times, 95), 3),
    weekly_analysis_s: round(club.totalS, 3),
    replay_within_increment_share: round(share(t.within, t.sessions), 3),
    replay_mae_kg: round(t.absErrKg / t.sessions, 2),
    replay_flagged_share: round(share(t.flagged, t.jumps), 3),
    replay_sessions: t.sessions,
    replay_jumps: t.jumps,
    replay_naive_within_increment_share: round(share(t.naiveWithin, t.sessions), 3),
    replay_naive_mae_kg: round(t.naiveAbsErrKg / t.sessions, 2),
    replay_rir_within_increment_share: round(share(rir.total.within, rir.total.sessions), 3),
    replay_rir_mae_kg: round(rir.total.absErrKg / rir.total.sessions, 2),
  };
}
