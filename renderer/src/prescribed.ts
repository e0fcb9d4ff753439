/** A prescription in words for a card: `3 × 8–10 · 62.5 kg · rest 2 min`. */
import type { Prescribed } from '../../engine/progression/types';
import type { WeightUnit } from '../../engine/exercises/vocabulary';
import { formatRest, humanize } from './format';
import { formatLoad } from './units';

export function formatReps(p: Pick<Prescribed, 'repMin' | 'repMax'>): string {
  return p.repMin === p.repMax ? String(p.repMin) : `${p.repMin}–${p.repMax}`;
}

export function formatPrescribed(p: Prescribed, unit: WeightUnit): string {
  return `${p.sets} × ${formatReps(p)} · ${formatLoad(p.loadKg, unit)} · rest ${formatRest(p.restS)}`;
}

/** A library id as a name when no display name is at hand (`Barbell_Squat` → `Barbell Squat`). */
export function exerciseIdName(id: string): string {
  return humanize(id.replace(/_/g, ' '));
}

/** `rule dp: 60 kg × 8 · RIR model: 62.5 kg × 8 · blended 62 kg`. */
export function formatSources(s: { rule: { name: string; loadKg: number | null; reps: number }; model: { loadKg: number; reps: number } | null; blendedLoadKg: number | null }, unit: WeightUnit): string {
  const parts = [`rule ${s.rule.name}: ${formatLoad(s.rule.loadKg, unit)} × ${s.rule.reps}`];
  parts.push(s.model ? `RIR model: ${formatLoad(s.model.loadKg, unit)} × ${s.model.reps}` : 'no RIR model estimate');
  if (s.blendedLoadKg !== null && s.model) parts.push(`blended ${formatLoad(s.blendedLoadKg, unit)}`);
  return parts.join(' · ');
}
