/**
 * Writes a `NeutralModel` as CPLEX LP-format text, for inspecting a model or feeding it to another
 * solver (the HiGHS backend now passes arrays, `toHighsModelData`). Variables are named `v<index>`
 * and rows `r<index>` so that no user-supplied id ever reaches an LP parser.
 */
import type { LinearTerm, NeutralModel } from '../model';

function num(c: number): string {
  return Number.isInteger(c) ? String(c) : c.toPrecision(15).replace(/\.?0+(e|$)/, '$1');
}

/** `+ 3 v1 - 2 v7 …`, wrapped every 8 terms (LP format allows continuation lines). */
function expr(terms: readonly LinearTerm[]): string {
  if (terms.length === 0) return '0 v0';
  const parts = terms.map((t, i) => `${t.c < 0 ? '-' : i === 0 ? '' : '+'} ${num(Math.abs(t.c))} v${t.v}`.trim());
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '));
  return lines.join('\n   ');
}

/** The whole model as LP text: Maximize, Subject To, Bounds, Binary, End. */
export function toLpText(model: NeutralModel): string {
  const out: string[] = [model.sense === 'max' ? 'Maximize' : 'Minimize', ` obj: ${expr(model.objective)}`, 'Subject To'];
  model.constraints.forEach((row, i) => {
    const body = expr(row.terms);
    if (row.lo !== null && row.hi !== null && row.lo === row.hi) out.push(` r${i}: ${body} = ${num(row.hi)}`);
    else {
      if (row.lo !== null) out.push(` r${i}l: ${body} >= ${num(row.lo)}`);
      if (row.hi !== null) out.push(` r${i}u: ${body} <= ${num(row.hi)}`);
    }
  });
  out.push('Bounds');
  model.variables.forEach((v, i) => {
    if (v.kind === 'continuous') out.push(` ${num(v.lb)} <= v${i} <= ${num(v.ub)}`);
  });
  const bins = model.variables.flatMap((v, i) => (v.kind === 'binary' ? [`v${i}`] : []));
  if (bins.length > 0) {
    out.push('Binary');
    for (let i = 0; i < bins.length; i += 20) out.push(` ${bins.slice(i, i + 20).join(' ')}`);
  }
  out.push('End');
  return out.join('\n');
}
