/**
 * Validation of a club model (issue 5, part 1 and "Bad input"). Shape errors come from zod; the
 * cross-checks below name the offending item in words, e.g.
 * `class type yoga: no room of type studio fits`.
 */
import { z } from 'zod';
import { EngineInputError } from '../errors';
import type { Club, WeeklyWindow } from './types';

/** Thrown for an invalid club; `problems` lists every message, each naming its item. */
export class ClubValidationError extends EngineInputError {
  readonly problems: string[];
  constructor(field: string, problems: string[]) {
    super(field, problems.join('; '), 'invalid_club');
    this.problems = problems;
  }
}

const id = z.string().min(1);
const minute = z.number().int().min(0).max(1440);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const windowSchema = z
  .object({ weekday: z.number().int().min(0).max(6), startMin: minute, endMin: minute })
  .refine((w) => w.endMin > w.startMin, { message: 'window ends before it starts' });

const roomSchema = z.object({
  id, name: z.string(), capacity: z.number().int().positive(), type: id,
  equipment: z.array(z.string()),
});
const classTypeSchema = z.object({
  id, name: z.string(), durationMin: z.number().int().positive(),
  maxCapacity: z.number().int().positive(), price: z.number().min(0),
  requiredQualification: id, allowedRoomTypes: z.array(id).min(1),
  requiredEquipment: z.array(z.string()).optional(),
  minRoomCapacity: z.number().int().positive().optional(),
  minPerWeek: z.number().int().min(0), maxPerWeek: z.number().int().min(0),
});
const trainerSchema = z.object({
  id, name: z.string(), qualifications: z.array(z.string()),
  availability: z.array(windowSchema), absences: z.array(isoDate),
  maxHoursPerWeek: z.number().min(0).max(168).optional(),
  preferred: z.array(windowSchema).optional(), avoided: z.array(windowSchema).optional(),
});
export const clubSchema = z.object({
  rooms: z.array(roomSchema).min(1), classTypes: z.array(classTypeSchema).min(1),
  trainers: z.array(trainerSchema).min(1), openingHours: z.array(windowSchema).min(1),
  slotMin: z.number().int().min(5).max(240), trainerGapMin: z.number().int().min(0).max(240).optional(),
  weekStart: isoDate,
});

/** Label an item for messages: `room "Studio A" (r1)` style, using the kind and the id. */
function pathLabel(club: unknown, path: readonly PropertyKey[]): string {
  const [list, index] = path;
  const kinds: Record<string, string> = {
    rooms: 'room', classTypes: 'class type', trainers: 'trainer', openingHours: 'opening hours',
  };
  if (typeof list === 'string' && typeof index === 'number' && kinds[list]) {
    const item = (club as Record<string, unknown[]>)[list]?.[index] as { id?: unknown } | undefined;
    const name = typeof item?.id === 'string' ? item.id : `#${index}`;
    const rest = path.slice(2).join('.');
    return `${kinds[list]} ${name}${rest ? ` (${rest})` : ''}`;
  }
  return path.join('.') || 'club';
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((x) => (seen.has(x) ? true : (seen.add(x), false)));
}

function overlapping(windows: WeeklyWindow[]): boolean {
  const sorted = [...windows].sort((a, b) => a.weekday - b.weekday || a.startMin - b.startMin);
  return sorted.some((w, i) => {
    const next = sorted[i + 1];
    return next !== undefined && next.weekday === w.weekday && next.startMin < w.endMin;
  });
}

/** Cross-item checks on a shape-valid club; returns messages naming the item. */
export function clubProblems(club: Club): string[] {
  const problems: string[] = [];
  for (const [kind, list] of [['room', club.rooms], ['class type', club.classTypes], ['trainer', club.trainers]] as const) {
    for (const dup of duplicates(list.map((x) => x.id))) problems.push(`${kind} ${dup}: duplicate id`);
  }
  if (overlapping(club.openingHours)) problems.push('opening hours: two entries overlap on one weekday');
  for (const ct of club.classTypes) {
    if (ct.minPerWeek > ct.maxPerWeek) problems.push(`class type ${ct.id}: minPerWeek ${ct.minPerWeek} > maxPerWeek ${ct.maxPerWeek}`);
    const fits = club.rooms.filter(
      (r) => ct.allowedRoomTypes.includes(r.type)
        && r.capacity >= (ct.minRoomCapacity ?? 1)
        && (ct.requiredEquipment ?? []).every((e) => r.equipment.includes(e)),
    );
    if (fits.length === 0) problems.push(`class type ${ct.id}: no room of type ${ct.allowedRoomTypes.join('/')} fits`);
    if (ct.minPerWeek > 0 && !club.trainers.some((t) => t.qualifications.includes(ct.requiredQualification))) {
      problems.push(`class type ${ct.id}: no trainer holds qualification ${ct.requiredQualification}`);
    }
    if (ct.durationMin > 1440) problems.push(`class type ${ct.id}: duration longer than a day`);
  }
  for (const t of club.trainers) {
    if (overlapping(t.availability)) problems.push(`trainer ${t.id}: availability windows overlap`);
  }
  return problems;
}

/**
 * Parse and check an unknown value as a club. Returns the typed club, or throws
 * `ClubValidationError` whose `problems` each name the item (room, class type, trainer).
 */
export function validateClub(input: unknown): Club {
  const parsed = clubSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${pathLabel(input, i.path)}: ${i.message}`);
    throw new ClubValidationError(String(parsed.error.issues[0]?.path[0] ?? 'club'), problems);
  }
  const club = parsed.data as Club;
  const problems = clubProblems(club);
  if (problems.length > 0) throw new ClubValidationError('club', problems);
  return club;
}
