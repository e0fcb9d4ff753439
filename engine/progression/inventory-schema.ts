/**
 * The strict, bounded schema of a `LoadInventory` (types.ts), for the club inventory in
 * Settings and a member's home-gym override, and `validateInventory`, which names the field.
 * All masses are kg (SI; the UI converts lb at the edge); `unit` is the unit the plates are
 * made in. Bounds: masses 0–500 kg, at most 40 plate kinds of at most 50 pairs each, 200
 * dumbbells or kettlebells, 300 machines. A plate list must be non-empty and positive; the
 * stack step must be positive.
 */
import { z } from 'zod';
import type { LoadInventory } from './types';

const Kg = z.number().finite().min(0).max(500);
const PositiveKg = z.number().finite().gt(0).max(500);
const ExerciseId = z.string().min(1).max(120).regex(/^[a-z0-9][a-z0-9_-]*$/, 'an exercise id (lower-case letters, digits, - and _)');

export const MachineStackSchema = z.object({ minKg: Kg, stepKg: PositiveKg, maxKg: PositiveKg.optional() }).strict()
  .refine((m) => m.maxKg === undefined || m.maxKg >= m.minKg, { message: 'maxKg must be at least minKg', path: ['maxKg'] });

export const LoadInventorySchema = z.object({
  unit: z.enum(['kg', 'lb']),
  barKg: Kg,
  barKgByEquipment: z.object({ barbell: Kg.optional(), ez_bar: Kg.optional(), smith_machine: Kg.optional() }).strict().optional(),
  plateKg: z.array(PositiveKg).min(1).max(40),
  platePairs: z.array(z.number().int().min(0).max(50)).max(40).optional(),
  dumbbellKg: z.array(PositiveKg).max(200),
  stackStepKg: PositiveKg,
  stackMinKg: Kg,
  machineStacks: z.record(ExerciseId, MachineStackSchema).optional()
    .refine((m) => m === undefined || Object.keys(m).length <= 300, { message: 'at most 300 machines' }),
  kettlebellKg: z.array(PositiveKg).max(200),
}).strict().refine((i) => i.platePairs === undefined || i.platePairs.length === i.plateKg.length, {
  message: 'platePairs must give one count per plate in plateKg', path: ['platePairs'],
});

/** A bad inventory: `field` is the dotted path, e.g. `inventory.plateKg.2`. */
export class InventoryInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'InventoryInputError';
  }
}

/** `input` as a `LoadInventory`, or `InventoryInputError` naming the first bad field (prefix `inventory`). */
export function validateInventory(input: unknown, prefix = 'inventory'): LoadInventory {
  const parsed = LoadInventorySchema.safeParse(input);
  if (parsed.success) return parsed.data as LoadInventory;
  const issue = parsed.error.issues[0];
  const path = issue === undefined || issue.path.length === 0 ? '' : `.${issue.path.map(String).join('.')}`;
  throw new InventoryInputError(`${prefix}${path}`, issue?.message ?? 'invalid');
}
