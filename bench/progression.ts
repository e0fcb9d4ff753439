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
import { zoneShares } from '../engine/progression/capacity';
import { detrainingCut } from '../engine/e1rm/forecast';
import { LAYOFF_CUT_FORMER, LAYOFF_MIN_CUT, layoffCut } from '../engine/safety/assess';
import type { LayoffCut } from '../engine/safety/assess';
import type { ZoneTally } from '../engine/progression/capacity';
import { DP_CONFIG, LP_CONFIG, candidateConfigs, capacityLifters, productDefaultConfig, scoreAll, scoreLifter, splitLifters } from './progression-capacity';
import type { CapacityScore, EngineConfig } from './progression-capacity';
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
  return `${r.exercise.slice(0, 34).padEnd(34)} ${String(r.sessions).padStart(5)} ${pct(share(r.within, r.sessions)).padStart(8)} ${(r.absErrKg / Math.max(1, r.sessions - r.blocked)).toFixed(2).padStart(7)}`
    + ` ${pct(share(r.naiveWithin, r.sessions)).padStart(8)} ${(r.naiveAbsErrKg / r.sessions).toFixed(2).padStart(7)} ${String(r.jumps).padStart(5)} ${pct(share(r.flagged, r.jumps)).padStart(8)}`;
}

function printReplay(log: (l: string) => void, title: string, res: ReplayResult): void {
  log(`\n${title}`);
  log(`${'exercise'.padEnd(34)} ${'sess'.padStart(5)} ${'within1'.padStart(8)} ${'MAE kg'.padStart(7)} ${'naive w1'.padStart(8)} ${'naive'.padStart(7)} ${'jumps'.padStart(5)} ${'flagged'.padStart(8)}`);
  for (const r of res.rows) log(line(r));
  log(line(res.total));
}

function zoneCells(t: ZoneTally): string {
  const z = zoneShares(t);
  return `${pct(z.inZone).padStart(7)} ${pct(z.tooHard).padStart(7)} ${pct(z.tooEasy).padStart(7)} ${String(t.blocked).padStart(4)} ${(Number.isFinite(z.meanRir) ? z.meanRir.toFixed(1) : '—').padStart(6)}`;
}

function capacityLine(name: string, s: CapacityScore): string {
  return `${name.slice(0, 34).padEnd(34)} ${String(s.engine.judged + s.engine.blocked).padStart(5)} | ${zoneCells(s.engine)} | ${zoneCells(s.repeatLast)} | ${zoneCells(s.plus)}`;
}

/**
 * Item 3 of issue 14: every real lifter, each prescription judged by the RIR it implies at the
 * e1RM shown in the next session (bench/progression-capacity.ts). The headline engine is the
 * PRODUCT's default rule (`defaultRule`, engine/progression/defaults.ts). The tuning lifters'
 * choice among `candidateConfigs()` (highest in-zone share) is printed beside it, with whether it
 * is the same rule; figures are on the held-out lifters, and on all lifters for context.
 */
function capacitySection(log: (l: string) => void): Record<string, number> {
  const lifters = capacityLifters();
  const { tune, held } = splitLifters(lifters);
  log(`\nProgression judged on what the lifter could do: ${String(lifters.length)} real lifters (DericMei's Strong export + the 14 of logs/exports)`);
  log('implied RIR = 30 × (e1RM / load − 1) − reps (inverse Epley, domain.md), e1RM = best usable set of the NEXT session (≤ 10 reps; unlogged RIR = failure, so a lower bound);');
  log('zones: in 0–4, hard < 0, easy > 4; shares of all prescriptions, a suggestion blocked by safety counted as blocked (in no zone); meanRIR over judged ones');
  log(`tuning lifters: ${tune.map((l) => l.name.split('__')[0]).join(', ')}; held out: ${held.map((l) => l.name.split('__')[0]).join(', ')}`);
  let best: { name: string; config: EngineConfig; share: number } | null = null;
  for (const [name, config] of candidateConfigs()) {
    const s = scoreAll(tune, config);
    const share = zoneShares(s.engine).inZone;
    log(`  tuning: ${name.padEnd(48)} in zone ${pct(share)}`);
    if (best === null || share > best.share) best = { name, config, share };
  }
  const chosen = best!;
  const head = `${'lifter'.padEnd(34)} ${'n'.padStart(5)} | ${'engine: in    hard    easy  blk  meanRIR'} | repeat last: in hard easy blk mean | +2.5 % when made: in hard easy blk mean`;
  const report = (title: string, config: EngineConfig, set: typeof lifters): CapacityScore => {
    log(`\n${title}`);
    log(head);
    const scores = set.map((l) => ({ l, s: scoreLifter(l, config) }));
    for (const { l, s } of scores) log(capacityLine(l.name, s));
    const total = scoreAll(set, config);
    log(capacityLine('overall', total));
    log(`  not judged (next session had no set of ≤ 10 reps): ${String(total.unjudged)}; safety statuses: ${JSON.stringify(total.safety)}`);
    return total;
  };
  const product = productDefaultConfig();
  const heldScore = report('Engine = PRODUCT DEFAULT (engine/progression/defaults.ts defaultRule, what recommendations/generate uses), HELD-OUT lifters:', product, held);
  const allScore = report(`Same product default, ALL ${String(lifters.length)} lifters (tuning lifters included, context):`, product, lifters);
  const tunedHeld = scoreAll(held, chosen.config);
  const same = JSON.stringify(tunedHeld.engine) === JSON.stringify(heldScore.engine);
  log(`\nThe tuning lifters' choice: ${chosen.name}: held out in zone ${pct(zoneShares(tunedHeld.engine).inZone)} (${same ? 'identical to the product default' : 'DIFFERS from the product default'})`);
  const dpAll = scoreAll(lifters, DP_CONFIG);
  const dpHeld = scoreAll(held, DP_CONFIG);
  const lpHeld = scoreAll(held, LP_CONFIG);
  log(`The former product defaults on the held-out lifters: dp (non-strength goals) ${capacityLine('dp', dpHeld)}`);
  log(`                                                    lp (strength goals)     ${capacityLine('lp', lpHeld)}`);
  log(`The replay's double progression (the old headline rule), all lifters: ${capacityLine('dp overall', dpAll)}`);
  // Item 2 of the brief: the layoff cut schedule, chosen on the TUNING lifters (product default rule), reported held out.
  log('\nLayoff re-entry cut (safety layer), chosen on the tuning lifters with the product default rule:');
  const schedules: [string, LayoffCut][] = [
    ['former: −10/−15/−20 % from 14/28/56 d', LAYOFF_CUT_FORMER],
    ['in use: max(5 %, detraining) = −5 % to 56 d, −10 % to 182 d, −20 %', layoffCut],
    ['detraining + 5 % = −5/−10/−15/−20 % (14/15–56/–182/longer d)', (d) => Math.min(0.25, detrainingCut(d) + LAYOFF_MIN_CUT)],
  ];
  const layoffRows = schedules.map(([name, cut]) => {
    const t = scoreAll(tune, product, { layoffCut: cut });
    const h = cut === layoffCut ? heldScore : scoreAll(held, product, { layoffCut: cut });
    const tz = zoneShares(t.engine); const hz = zoneShares(h.engine); const lz = zoneShares(h.engineLayoff);
    log(`  ${name.padEnd(66)} tuning in zone ${pct(tz.inZone)} | held out in zone ${pct(hz.inZone)}; its ${String(h.engineLayoff.judged)} layoff re-entries: in ${pct(lz.inZone)}, hard ${pct(lz.tooHard)}, easy ${pct(lz.tooEasy)}`);
    return { name, cut, tune: tz.inZone, held: hz.inZone, layoff: lz, n: h.engineLayoff.judged };
  });
  const bestLayoff = layoffRows.reduce((a, b) => (b.tune > a.tune ? b : a));
  log(`  best on the tuning lifters: ${bestLayoff.name}${bestLayoff.cut === layoffCut ? ' (the one in use)' : ' — NOT the one in use'}`);
  const pre = zoneShares(heldScore.engineBeforeSafety); const rep = zoneShares(heldScore.engineReplaced);
  log(`Held out, diagnostic: the engine's rule BEFORE applySafety: in zone ${pct(pre.inZone)}, too hard ${pct(pre.tooHard)}, too easy ${pct(pre.tooEasy)}; `
    + `the ${String(heldScore.engineReplaced.judged)} prescriptions safety replaced (layoff ≥ 14 d cut, e1RM drop > 10 % deload) were too easy in ${pct(rep.tooEasy)}`);
  const e = zoneShares(heldScore.engine); const r = zoneShares(heldScore.repeatLast); const p = zoneShares(heldScore.plus);
  const ea = zoneShares(allScore.engine); const ra = zoneShares(allScore.repeatLast); const pa = zoneShares(allScore.plus);
  const r3 = (v: number) => round(v, 3);
  return {
    progression_in_zone_share: r3(e.inZone),
    progression_too_hard_share: r3(e.tooHard),
    progression_too_easy_share: r3(e.tooEasy),
    progression_blocked_count: heldScore.engine.blocked,
    progression_judged_count: heldScore.engine.judged + heldScore.engine.blocked,
    progression_repeat_last_in_zone_share: r3(r.inZone),
    progression_repeat_last_too_hard_share: r3(r.tooHard),
    progression_repeat_last_too_easy_share: r3(r.tooEasy),
    progression_plus_2_5_in_zone_share: r3(p.inZone),
    progression_plus_2_5_too_hard_share: r3(p.tooHard),
    progression_plus_2_5_too_easy_share: r3(p.tooEasy),
    progression_all_lifters_in_zone_share: r3(ea.inZone),
    progression_all_lifters_repeat_last_in_zone_share: r3(ra.inZone),
    progression_all_lifters_plus_2_5_in_zone_share: r3(pa.inZone),
    progression_all_lifters_blocked_count: allScore.engine.blocked,
    progression_before_safety_in_zone_share: r3(pre.inZone),
    progression_product_default_in_zone_share: r3(e.inZone),
    progression_tuned_choice_in_zone_share: r3(zoneShares(tunedHeld.engine).inZone),
    progression_tuned_choice_is_product_default: same ? 1 : 0,
    progression_replaced_count: heldScore.engineReplaced.judged,
    progression_replaced_too_easy_share: r3(rep.tooEasy),
    progression_layoff_former_in_zone_share: r3(layoffRows[0]!.held),
    progression_layoff_former_tuning_in_zone_share: r3(layoffRows[0]!.tune),
    progression_layoff_in_use_tuning_in_zone_share: r3(layoffRows[1]!.tune),
    progression_layoff_reentries_count: layoffRows[1]!.n,
    progression_layoff_reentries_too_easy_share: r3(layoffRows[1]!.layoff.tooEasy),
    progression_layoff_former_reentries_too_easy_share: r3(layoffRows[0]!.layoff.tooEasy),
    progression_layoff_in_use_is_tuning_best: bestLayoff.cut === layoffCut ? 1 : 0,
    progression_former_lp_in_zone_share: r3(zoneShares(lpHeld.engine).inZone),
    progression_dp_in_zone_share: r3(zoneShares(dpHeld.engine).inZone),
    progression_dp_all_lifters_in_zone_share: r3(zoneShares(dpAll.engine).inZone),
  };
}

export async function progression(log: (line: string) => void): Promise<Record<string, number>> {
  const capacity = capacitySection(log);
  log('\nOLD score (kept for comparison): did the engine guess the load the Strong lifter chose?');
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
    ...capacity,
    suggest_p50_ms: round(percentile(times, 50), 3),
    suggest_p95_ms: round(percentile(times, 95), 3),
    weekly_analysis_s: round(club.totalS, 3),
    replay_within_increment_share: round(share(t.within, t.sessions), 3),
    replay_mae_kg: round(t.absErrKg / Math.max(1, t.sessions - t.blocked), 2),
    replay_flagged_share: round(share(t.flagged, t.jumps), 3),
    replay_sessions: t.sessions,
    replay_blocked_count: t.blocked,
    replay_jumps: t.jumps,
    replay_naive_within_increment_share: round(share(t.naiveWithin, t.sessions), 3),
    replay_naive_mae_kg: round(t.naiveAbsErrKg / t.sessions, 2),
    replay_rir_within_increment_share: round(share(rir.total.within, rir.total.sessions), 3),
    replay_rir_mae_kg: round(rir.total.absErrKg / rir.total.sessions, 2),
  };
}
