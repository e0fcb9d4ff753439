import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHourlyCountsCsv } from '../engine/scheduler/demand/parse';
import { evaluateRolling } from '../engine/scheduler/demand/rolling';
import type { DemandForecaster } from '../engine/scheduler/demand/rolling';
import { fitYearlySelected } from '../engine/scheduler/demand/yearly';
const picks: string[] = [];
const fs: [string, DemandForecaster][] = [
  ['selected', (t, c) => { const s = fitYearlySelected(t, c, { innerOrigins: Number(process.env.INNER ?? 3), seasonalOrigin: process.env.SEAS === '1' }); picks.push(String(s.chosen.neighbourWeight)); return s.forecast; }],
];
for (const g of ['Circle', 'East', 'West']) {
  const s = parseHourlyCountsCsv(readFileSync(resolve('../shared/data/occupancy/msu-isitbusy', `${g}.csv`), 'utf8'));
  for (const [n, f] of fs) {
    const t0 = Date.now(); picks.length = 0;
    const e = evaluateRolling(s.rows, f);
    console.log(g, n.padEnd(14), 'model', e.modelMae.toFixed(2), 'best', e.bestBaselineMae.toFixed(2), e.bestBaseline, 'gain', (100*(1-e.modelMae/e.bestBaselineMae)).toFixed(1), 'cov', e.coverage.toFixed(3), e.origins.map(o => o.modelMae.toFixed(1)+'/'+o.coverage.toFixed(2)).join(' '), ((Date.now()-t0)/1000).toFixed(1));
    console.log('  picks', picks.join(' '));
  }
}
