/**
 * A SECOND, independent simulator of training cohorts for the RIR predictor (issue 14 item 1).
 * Nothing here is measured: every member is invented. It differs from `./simulate` (sim1) on every
 * axis the issue names, so that a predictor fitted on one and scored on the other is not scored on
 * its own assumptions:
 *
 * | axis | sim1 (`simulate.ts`) | sim2 (this file) |
 * |---|---|---|
 * | reps-to-failure curve | Epley form k · (1RM/load − 1) | Wathan 1994 exponential: %1RM = 48.8 + 53.8 · e^(−0.075 · reps), solved for reps, × a member × exercise endurance factor (lognormal, sd ≈ 0.25; isolation × 1.15) |
 * | fatigue across sets | a share of RTF (≈ 5 %) per set | an absolute loss of 0.5–1.5 reps per set (member-specific) |
 * | self-report bias | Normal(−0.95, 1) | skewed: 0.6 − Gamma(2, 0.78) (mean −0.96, sd 1.1, long tail of large under-reporting; Halperin et al. 2022 give the mean and "large heterogeneity", not the shape) |
 * | report noise | sd 0.8 → 1.4 with RIR, whole reps | sd 0.5 + 0.2 · RIR (cap 1.7), RPE half points (RIR rounded to 0.5) |
 * | day-to-day readiness | 2 % of 1RM | 5 % of 1RM |
 * | stopping | everyone stops by feel at the target | 45 % count reps (do the prescribed reps unless they fail), 55 % stop by feel *near* the target (perceived RIR within target ± 1) |
 * | exercise mix | barbell lifts + Hoeger's machines | machines, cables, dumbbells, mostly isolation |
 * | programme | 3 sessions/week, target 3 → 1, loads from Epley | 2–4 sessions/week, double progression (reps up the range, then +load), targets 3, 3, 2, 2, 1, 1; 30 % of members take a 3-week layoff in week 3 |
 * | failure sets | week-1 calibration sets + 10 % | one AMRAP per exercise in week 1 + 4 % |
 *
 * Same options → the same cohort (seeded mulberry32). The true RIR of each set is kept apart.
 */
import type { Exercise } from '../types';
import { mulberry32 } from '../random';
import { roundToLoadable } from '../units/loadable';
import type { RirSet } from './types';

/** Sim2's exercises (built-in ids): machines, cables and dumbbells, mostly isolation. */
export const SIM2_EXERCISE_IDS: readonly string[] = [
  'machine-chest-press', 'machine-shoulder-press', 'machine-hack-squat', 'machine-seated-leg-curl', 'machine-chest-fly',
  'dumbbell-lateral-raise', 'dumbbell-curl', 'cable-rope-pushdown', 'machine-leg-extension', 'cable-lat-pulldown',
];

/** Median 1RM (kg) of a sim2 member per exercise (dumbbells: per hand). Assumptions, not measured. */
const SIM2_ONE_RM: Readonly<Record<string, number>> = {
  'machine-chest-press': 70, 'machine-shoulder-press': 45, 'machine-hack-squat': 120, 'machine-seated-leg-curl': 50,
  'machine-chest-fly': 50, 'dumbbell-lateral-raise': 10, 'dumbbell-curl': 14, 'cable-rope-pushdown': 30,
  'machine-leg-extension': 65, 'cable-lat-pulldown': 60,
};

export const SIM2_PARAMETERS = Object.freeze({
  endurance: { memberSd: 0.15, exerciseSd: 0.2, isolationFactor: 1.15, machineFactor: 1 },
  lnOneRmMemberSd: 0.3,
  lnOneRmExerciseSd: 0.15,
  weeklyGain: [0.0, 0.02] as readonly [number, number],
  detrainPerWeek: 0.02,
  readinessSd: 0.05,
  setNoiseReps: 0.4,
  repLossPerSet: [0.5, 1.5] as readonly [number, number],
  bias: { shift: 0.6, gammaShape: 2, gammaScale: 0.78 },
  reportNoise: { base: 0.5, perRep: 0.2, cap: 1.7 },
  repCounterShare: 0.45,
  layoffShare: 0.3,
  layoffWeeks: 3,
  failureShare: 0.04,
  coldPriorSd: 0.15,
  coldPriorFactor: 1,
});

/** Whole-block target RIR by week (1-based). */
export function sim2TargetRir(week: number): number {
  return [3, 3, 2, 2, 1, 1][week - 1] ?? 2;
}

/**
 * Reps to failure at `fraction` of 1RM by the exponential curve of Wathan 1994
 * (%1RM = 48.8 + 53.8 · e^(−0.075 · reps), solved for reps), ≥ 0; below 52 % it is held at 52 %
 * (≈ 38 reps), where the curve's asymptote would run to infinity.
 */
export function wathanReps(fraction: number): number {
  const p = Math.max(52, 100 * fraction);
  if (p >= 102.6) return 0;
  return Math.max(0, -Math.log((p - 48.8) / 53.8) / 0.075);
}

export interface Sim2Truth {
  /** True reps in reserve at the end of the set (0 on a failure set). */
  rir: number;
  targetRir: number;
  /** The reps the prescription asked for. */
  prescribedReps: number;
  week: number;
}

export interface Sim2Member {
  simulated: true;
  memberId: number;
  parameters: { reportBias: number; stopping: 'count' | 'feel'; repLossPerSet: number; layoff: boolean };
  sets: RirSet[];
  truth: Sim2Truth[];
}

export interface Sim2Cohort { simulated: true; seed: number; weeks: number; exerciseIds: string[]; members: Sim2Member[] }

export interface Sim2Options {
  seed: number;
  members: number;
  /** Training weeks (a layoff adds weeks of calendar time, not training weeks). */
  weeks: number;
  exercises: readonly Exercise[];
  start: string;
  firstMemberId?: number;
}

interface Rng { next(): number; normal(mean: number, sd: number): number; uniform(a: number, b: number): number; gamma(shape: number, scale: number): number }

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const normal = (mean: number, sd: number): number => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next, normal,
    uniform: (a, b) => a + (b - a) * next(),
    // Integer shape: a sum of exponentials (exact for shape 2).
    gamma: (shape, scale) => { let s = 0; for (let i = 0; i < shape; i++) s -= Math.log(1 - next()); return s * scale; },
  };
}

interface ExTruth { endurance: number; oneRmKg: number; repMin: number; repMax: number }
interface Progress { loadKg: number; reps: number }

function reportNoiseSd(rir: number): number {
  const n = SIM2_PARAMETERS.reportNoise;
  return Math.min(n.cap, n.base + n.perRep * Math.max(0, rir));
}

const epley = (reps: number): number => 1 + reps / 30;

/** Simulates a sim2 cohort (see the module docstring for every axis). */
export function simulateCohort2(options: Sim2Options): Sim2Cohort {
  const { exercises } = options;
  if (exercises.length === 0) throw new RangeError('exercises must not be empty');
  const startMs = Date.parse(options.start);
  if (!Number.isFinite(startMs)) throw new RangeError(`start must be an ISO-8601 time, got ${options.start}`);
  const P = SIM2_PARAMETERS;
  const rng = makeRng(options.seed);
  const members: Sim2Member[] = [];
  for (let m = 0; m < options.members; m++) {
    const memberId = (options.firstMemberId ?? 1) + m;
    const lnEnd = rng.normal(0, P.endurance.memberSd);
    const lnStr = rng.normal(0, P.lnOneRmMemberSd);
    const ex = new Map<string, ExTruth>();
    for (const e of exercises) {
      const factor = (e.mechanic === 'isolation' ? P.endurance.isolationFactor : 1) * (e.equipment === 'machine' ? P.endurance.machineFactor : 1);
      const iso = e.mechanic === 'isolation';
      ex.set(e.id, {
        endurance: factor * Math.exp(lnEnd + rng.normal(0, P.endurance.exerciseSd)),
        oneRmKg: (SIM2_ONE_RM[e.id] ?? 40) * Math.exp(lnStr + rng.normal(0, P.lnOneRmExerciseSd)),
        repMin: iso ? 10 : 6, repMax: iso ? 15 : 10,
      });
    }
    const parameters: Sim2Member['parameters'] = {
      reportBias: P.bias.shift - rng.gamma(P.bias.gammaShape, P.bias.gammaScale),
      stopping: rng.next() < P.repCounterShare ? 'count' : 'feel',
      repLossPerSet: rng.uniform(P.repLossPerSet[0], P.repLossPerSet[1]),
      layoff: rng.next() < P.layoffShare,
    };
    const member: Sim2Member = { simulated: true, memberId, parameters, sets: [], truth: [] };
    const gain = rng.uniform(P.weeklyGain[0], P.weeklyGain[1]);
    const perWeek = 2 + Math.floor(rng.next() * 3);
    const setsPerExercise = rng.next() < 0.5 ? 3 : 4;
    const progress = new Map<string, Progress>();
    const seen = new Set<string>();
    let slot = Math.floor(rng.next() * exercises.length);
    let trainedWeeks = 0; // strength: gains while training, losses during the layoff
    let lnGain = 0;
    for (let w = 1; w <= options.weeks; w++) {
      const calendarWeek = w - 1 + (parameters.layoff && w >= 3 ? P.layoffWeeks : 0);
      if (parameters.layoff && w === 3) lnGain -= P.detrainPerWeek * P.layoffWeeks;
      trainedWeeks++;
      lnGain += gain * Math.exp(-trainedWeeks / 16);
      const target = sim2TargetRir(w);
      for (let s = 0; s < perWeek; s++) {
        const at = startMs + (calendarWeek * 7 + Math.floor((s * 7) / perWeek)) * 86_400_000 + 17 * 3_600_000;
        const readiness = Math.exp(rng.normal(0, P.readinessSd));
        let minute = 0;
        for (let j = 0; j < 4; j++, slot++) {
          const e = exercises[slot % exercises.length]!;
          const t = ex.get(e.id)!;
          const oneRm = t.oneRmKg * Math.exp(lnGain) * readiness;
          const first = !seen.has(e.id);
          seen.add(e.id);
          let pr = progress.get(e.id);
          if (pr === undefined) {
            const prior = t.oneRmKg * Math.exp(rng.normal(0, P.coldPriorSd)) * P.coldPriorFactor;
            pr = { loadKg: prior / epley(t.repMin + target), reps: t.repMin };
          }
          const loadKg = roundToLoadable(Math.max(1, pr.loadKg), e.equipment, 'kg') ?? pr.loadKg;
          const reports: number[] = [];
          let lastDone: { loadKg: number; reps: number } | null = null;
          for (let setIndex = 1; setIndex <= setsPerExercise; setIndex++) {
            const fresh = t.endurance * wathanReps(Math.min(1.2, loadKg / oneRm));
            const latent = fresh - parameters.repLossPerSet * (setIndex - 1) + rng.normal(0, P.setNoiseReps);
            const rtf = Math.max(0, Math.floor(latent));
            const isLast = setIndex === setsPerExercise;
            const amrap = isLast && (first || rng.next() < P.failureShare);
            let reps: number;
            if (amrap) reps = rtf;
            else if (parameters.stopping === 'count') reps = Math.min(rtf, pr.reps);
            else {
              // Stops by feel when the perceived reps left come within ±1 of the target.
              const perceivedStop = target + (rng.next() < 0.5 ? 0 : rng.next() < 0.5 ? 1 : -1);
              const feel = parameters.reportBias + rng.normal(0, reportNoiseSd(target));
              reps = Math.min(rtf, t.repMax + 4, Math.max(1, Math.round(rtf - perceivedStop + feel)));
            }
            reps = Math.max(rtf === 0 ? 0 : 1, reps);
            if (reps === 0) continue; // could not complete a rep: not logged
            const trueRir = rtf - reps;
            const failed = amrap || trueRir <= 0;
            let reported: number | null = null;
            if (!failed) {
              const raw = trueRir + parameters.reportBias + rng.normal(0, reportNoiseSd(trueRir));
              reported = Math.min(10, Math.max(0, Math.round(raw * 2) / 2));
              reports.push(reported);
            }
            member.sets.push({
              memberId, exerciseId: e.id, performedAt: new Date(at + minute * 60_000).toISOString(), loadKg, reps,
              reportedRir: reported, toFailure: failed, setIndex,
            });
            lastDone = { loadKg, reps };
            member.truth.push({ rir: Math.max(0, trueRir), targetRir: target, prescribedReps: pr.reps, week: w });
            minute += 3;
          }
          // Double progression on the member's reports (what the trainer's app sees).
          const meanReport = reports.length ? reports.reduce((a, b) => a + b, 0) / reports.length : 0;
          const next: Progress = { loadKg: pr.loadKg, reps: pr.reps };
          if (first) {
            // After the week-1 AMRAP: the Epley load for the bottom of the range at the target.
            const basis = lastDone ?? { loadKg: loadKg * 0.8, reps: 1 };
            next.loadKg = (basis.loadKg * epley(basis.reps)) / epley(t.repMin + target);
            next.reps = t.repMin;
          } else if (meanReport < target - 1 || meanReport > target + 1.5) {
            // Off target: the Epley correction from the reports, at most ±10 % a session (safety default).
            const ratio = epley(pr.reps + meanReport) / epley(pr.reps + target);
            next.loadKg *= Math.min(1.1, Math.max(0.9, ratio));
          }
          else if (pr.reps < t.repMax) next.reps = pr.reps + 1;
          else { next.loadKg *= 1.05; next.reps = t.repMin; }
          progress.set(e.id, next);
        }
      }
    }
    members.push(member);
  }
  return { simulated: true, seed: options.seed, weeks: options.weeks, exerciseIds: exercises.map((e) => e.id), members };
}
