import { capacityLifters, splitLifters, rirConfig } from './progression-capacity';
import { DEFAULT_INVENTORY, roundToInventory, suggestNext, withRuleState } from '../engine/progression/index';
import { applySafety } from '../engine/safety/apply';
import { demonstratedE1rm, impliedRir } from '../engine/progression/capacity';
const ls = capacityLifters();
const { tune } = splitLifters(ls);
const cfg = rirConfig(2, 1, 1);
let shown = 0; const ev: Record<string, number> = {}; const types: Record<string, number> = {};
for (const l of tune) {
  const inv = DEFAULT_INVENTORY(l.unit);
  for (const { exercise: ex, sessions } of l.byExercise.values()) {
    const range: [number, number] = ex.mechanic === 'compound' ? [5, 8] : [8, 12];
    let rule = cfg(ex, inv, range);
    for (let i = 1; i < sessions.length; i++) {
      const last = sessions[i-1]!, now = sessions[i]!;
      const history = sessions.slice(Math.max(0, i - 6), i);
      const top = last.sets.reduce((m, x) => Math.max(m, x.loadKg), 0);
      const prescribed = { exerciseId: ex.id, sets: 3, repMin: range[0], repMax: range[1], loadKg: top, restS: 120, targetRir: 2 };
      const { recommendation, ruleState } = suggestNext({ memberId: 1, exercise: ex, prescribed, sessions: history, checkIns: [], rule, inventory: inv, now: now.performedAt });
      const safe = applySafety(recommendation, { now: now.performedAt, checkIn: null, history, roundDownKg: (kg) => roundToInventory(kg, ex.equipment, inv, 'down') });
      rule = withRuleState(rule, ruleState);
      const e1 = demonstratedE1rm(now); if (e1 === null || safe.status !== 'pass') continue;
      const s = safe.recommendation!.suggested;
      const rir = impliedRir(s.loadKg!, s.repMin, e1);
      if (rir > 4) {
        types[recommendation.type] = (types[recommendation.type] ?? 0) + 1;
        const why = recommendation.reasoning.slice(0, 60); ev[why.split(':')[1]?.slice(0, 25) ?? why] = (ev[why.split(':')[1]?.slice(0, 25) ?? why] ?? 0) + 1;
        if (shown++ < 12) console.log(ex.name.slice(0,20), 'last', last.sets.map(x => `${x.loadKg.toFixed(1)}x${x.reps}`).join(' '), '| sug', `${s.loadKg!.toFixed(1)}x${s.repMin}`, '| next', now.sets.map(x => `${x.loadKg.toFixed(1)}x${x.reps}`).join(' '), 'rir', rir.toFixed(1), recommendation.type);
      }
    }
  }
}
console.log(types); console.log(Object.entries(ev).sort((a,b)=>b[1]-a[1]).slice(0,8));
