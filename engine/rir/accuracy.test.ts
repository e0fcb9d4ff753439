import { describe, expect, it } from 'vitest';
import { summarizeAccuracy, type LoggedPrediction } from './accuracy';

const p = (over: Partial<LoggedPrediction>): LoggedPrediction => ({
  exerciseId: 'bench', exerciseName: 'Bench', performedAt: '2024-01-01T10:00:00Z', predictedRir: 2, low80: 1, high80: 3,
  reportedRir: 2, observedRir: null, ...over,
});

describe('summarizeAccuracy', () => {
  it('is empty without observed values', () => {
    expect(summarizeAccuracy([p({ reportedRir: null })])).toMatchObject({ sets: 0, maeReps: null });
  });
  it('prefers the observed RIR of a failure set over the report, and groups by week and exercise', () => {
    const s = summarizeAccuracy([
      p({ predictedRir: 2, reportedRir: 3 }),
      p({ predictedRir: 1, reportedRir: 2, observedRir: 0, performedAt: '2024-01-09T10:00:00Z' }),
      p({ exerciseId: 'row', exerciseName: 'Row', predictedRir: 4, low80: 3, high80: 5, reportedRir: 1, performedAt: '2024-01-09T11:00:00Z' }),
    ]);
    expect(s.sets).toBe(3);
    expect(s.maeReps).toBeCloseTo((1 + 1 + 3) / 3);
    expect(s.coverage80).toBeCloseTo(1 / 3);
    expect(s.byWeek.map((w) => [w.weekStart, w.sets])).toEqual([['2024-01-01', 1], ['2024-01-08', 2]]);
    expect(s.byExercise.find((e) => e.exerciseId === 'row')).toMatchObject({ disagreeShare: 1, sets: 1 });
    expect(s.calibration.map((c) => c.predicted)).toEqual([1, 2, 4]);
  });
});
