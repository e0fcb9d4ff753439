/**
 * Accuracy of the RIR model against what members logged: for each set with a logged RIR the
 * prediction made before the set is compared with the observed value (0 on a set taken to
 * failure, else the reported RIR). Against reports the error includes the member's own report
 * noise (≈1 rep, Halperin et al. 2022) and bias, so it bounds the model's accuracy from above
 * rather than measuring it against true RIR.
 */
import { mondayOf, parseTime } from '../e1rm/dates';

export interface LoggedPrediction {
  exerciseId: string;
  exerciseName: string;
  performedAt: string;
  predictedRir: number;
  low80: number;
  high80: number;
  reportedRir: number | null;
  observedRir: number | null;
}

export interface AccuracySummary {
  sets: number;
  /** Mean |predicted − observed| RIR, reps; null without sets. */
  maeReps: number | null;
  /** Share of observed values inside the 80 % interval. */
  coverage80: number | null;
  byWeek: Array<{ weekStart: string; maeReps: number; sets: number }>;
  byExercise: Array<{ exerciseId: string; exerciseName: string; maeReps: number; sets: number; disagreeShare: number; meanWidth80: number }>;
  /** Predicted vs observed mean RIR per predicted whole-rep bucket (calibration). */
  calibration: Array<{ predicted: number; meanPredicted: number; meanObserved: number; sets: number }>;
}

/** Disagreement: the model and the member differ by this many reps or more. */
export const DISAGREE_REPS = 2;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function observed(p: LoggedPrediction): number | null {
  return p.observedRir ?? p.reportedRir;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it); else out.set(k, [it]);
  }
  return out;
}

export function summarizeAccuracy(predictions: readonly LoggedPrediction[]): AccuracySummary {
  const rows = predictions.flatMap((p) => {
    const obs = observed(p);
    return obs === null ? [] : [{ p, obs, err: Math.abs(p.predictedRir - obs) }];
  });
  if (rows.length === 0) return { sets: 0, maeReps: null, coverage80: null, byWeek: [], byExercise: [], calibration: [] };
  const byWeek = [...groupBy(rows, (r) => mondayOf(parseTime(r.p.performedAt) ?? 0))]
    .map(([weekStart, rs]) => ({ weekStart, maeReps: mean(rs.map((r) => r.err)), sets: rs.length }))
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const byExercise = [...groupBy(rows, (r) => r.p.exerciseId)].map(([exerciseId, rs]) => ({
    exerciseId, exerciseName: rs[0]!.p.exerciseName, maeReps: mean(rs.map((r) => r.err)), sets: rs.length,
    disagreeShare: rs.filter((r) => r.err >= DISAGREE_REPS).length / rs.length,
    meanWidth80: mean(rs.map((r) => r.p.high80 - r.p.low80)),
  })).sort((a, b) => b.sets - a.sets);
  const calibration = [...groupBy(rows, (r) => String(Math.max(0, Math.min(6, Math.round(r.p.predictedRir)))))]
    .map(([bucket, rs]) => ({ predicted: Number(bucket), meanPredicted: mean(rs.map((r) => r.p.predictedRir)), meanObserved: mean(rs.map((r) => r.obs)), sets: rs.length }))
    .sort((a, b) => a.predicted - b.predicted);
  return {
    sets: rows.length,
    maeReps: mean(rows.map((r) => r.err)),
    coverage80: rows.filter((r) => r.obs >= r.p.low80 && r.obs <= r.p.high80).length / rows.length,
    byWeek, byExercise, calibration,
  };
}
