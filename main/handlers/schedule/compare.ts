/** Scenarios side by side (`schedule/compare`): real scores under one set of weights, and the classes that differ. */
import { demandFromTable } from '../../../engine/scheduler/demand/club-demand';
import { scoreTimetable, weightedObjective } from '../../../engine/scheduler/score';
import type { ScheduledClass } from '../../../engine/scheduler/types';
import type { Db } from '../../../db/open';
import type { ScenarioComparison } from '../../contract/schedule-views';
import { requireScenario } from './store';
import { classView, scenarioParts, scenarioSummary } from './views';

export function compare(db: Db, ids: number[]): ScenarioComparison {
  const parts = ids.map((id) => scenarioParts(requireScenario(db, id)));
  const scored = parts.map((p) => ({ p, s: scoreTimetable(p.club, demandFromTable(p.demand), p.timetable) }));
  // Scores are compared under one set of weights: the first scenario's.
  const w = parts[0]!.weights;
  const row = (key: string, label: string, f: (x: (typeof scored)[number]) => number) => ({ key, label, values: scored.map(f) });
  const keyOf = (c: ScheduledClass) => `${c.classTypeId}|${c.weekday}|${c.startMin}|${c.roomId}|${c.trainerId}`;
  const keys = parts.map((p) => new Set(p.timetable.map(keyOf)));
  const onlyIn = parts.map((p, i) => p.timetable.flatMap((c, idx) => (keys.every((k, j) => j === i || !k.has(keyOf(c)))
    ? [classView(p.setup, p.club, p.demand, c, idx)] : [])));
  const sameClasses = parts[0]!.timetable.filter((c) => keys.every((k) => k.has(keyOf(c)))).length;
  return {
    scenarios: scored.map((x) => scenarioSummary(x.p, x.s)),
    rows: [
      row('objective', `Weighted objective (weights of "${parts[0]!.row.name}")`, (x) => weightedObjective(x.s, w)),
      row('attendance', 'Attendance score', (x) => x.s.attendance),
      row('idle', 'Trainer idle-time score', (x) => x.s.idle),
      row('balance', 'Balance score', (x) => x.s.balance),
      row('revenue', 'Revenue score', (x) => x.s.revenue),
      row('preference', 'Trainer preference score', (x) => x.s.preference),
      row('predictedAttendees', 'Predicted attendees (people)', (x) => x.s.predictedAttendees),
      row('idleMinutes', 'Trainer idle time (min)', (x) => x.s.idleMinutes),
      row('revenuePotential', 'Revenue potential', (x) => x.s.revenuePotential),
      row('classCount', 'Classes', (x) => x.p.timetable.length),
    ],
    onlyIn,
    sameClasses,
  };
}
