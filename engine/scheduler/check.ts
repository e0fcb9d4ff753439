/**
 * The one checker of a timetable's hard constraints (issue 5, parts 4–6). The same rules the MIP
 * enforces (`candidates.ts` per class, `model.ts` between classes), restated on a decoded week so
 * that manual moves, adjustments and re-optimised weeks can be verified without a solver:
 * - per class: trainer qualified, an availability window contains the class, trainer not absent
 *   that date, room type / capacity (`minRoomCapacity`) / equipment, inside opening hours, start on
 *   the slot grid (opening + k · slotMin);
 * - between classes: no room double booking; one trainer's classes at least `trainerGapMin`
 *   (default 15) minutes apart;
 * - per trainer: hours taught ≤ `maxHoursPerWeek` (default 40);
 * - per class type (whole timetable only): minPerWeek ≤ classes ≤ maxPerWeek.
 *
 * Messages are sentences naming items by their names, e.g.
 * "Studio 1 is already booked by Yoga (Mon 09:00–10:00)". Times are minutes after midnight,
 * weekday 0 = Monday. An id that is not in the club throws `TimetableInputError` naming it.
 */
import { EngineInputError } from '../errors';
import { dateOfWeekday, insideWindow, slotStarts } from './candidates';
import type { ClassType, Club, Room, ScheduledClass, Trainer } from './types';

/** Thrown for a timetable, class index or id that does not fit the club; `field` names it. */
export class TimetableInputError extends EngineInputError {
  constructor(field: string, message: string) {
    super(field, message, 'invalid_timetable');
  }
}

/** Stable codes of the hard rules. */
export type HardRule =
  | 'not_qualified' | 'not_available' | 'absent'
  | 'room_type' | 'room_capacity' | 'room_equipment'
  | 'outside_opening_hours' | 'off_slot_grid'
  | 'room_double_booked' | 'trainer_overlap' | 'trainer_hours' | 'class_count';

/** One broken hard rule; `classIndex` is null for week-level rules (hours, counts). */
export interface Violation {
  classIndex: number | null;
  rule: HardRule;
  message: string;
}

/** Where a class would go; `trainerId` defaults to the class's current trainer. */
export interface MoveTarget {
  weekday: number;
  startMin: number;
  roomId: string;
  trainerId?: string;
}

export type MoveCheck = { ok: true } | { ok: false; reasons: string[] };

/** Short weekday names, index 0 = Monday. */
export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** `540` → `"09:00"`. */
export function formatTime(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/** `"09:00"` → 540; `"24:00"` → 1440; null for anything that is not a time of day HH:MM. */
export function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 1440 ? minutes : null;
}

/** `"Mon 09:00–10:00"`. */
export function formatSlot(weekday: number, startMin: number, endMin: number): string {
  return `${WEEKDAY_SHORT[weekday] ?? `day ${weekday}`} ${formatTime(startMin)}–${formatTime(endMin)}`;
}

/** Format hours without trailing zeros: 41, 40.5, 12.75. */
export function formatHours(h: number): string {
  return `${Math.round(h * 100) / 100} h`;
}

/** The class type, room and trainer of a class; throws `TimetableInputError` for an unknown id. */
export interface ResolvedClass { cls: ScheduledClass; ct: ClassType; room: Room; trainer: Trainer; end: number }

export function resolveClass(club: Club, cls: ScheduledClass, field = 'timetable'): ResolvedClass {
  const ct = club.classTypes.find((c) => c.id === cls.classTypeId);
  if (!ct) throw new TimetableInputError(`${field}.classTypeId`, `unknown class type ${cls.classTypeId}`);
  const room = club.rooms.find((r) => r.id === cls.roomId);
  if (!room) throw new TimetableInputError(`${field}.roomId`, `unknown room ${cls.roomId}`);
  const trainer = club.trainers.find((t) => t.id === cls.trainerId);
  if (!trainer) throw new TimetableInputError(`${field}.trainerId`, `unknown trainer ${cls.trainerId}`);
  return { cls, ct, room, trainer, end: cls.startMin + ct.durationMin };
}

function label(r: ResolvedClass): string {
  return `${r.ct.name} (${formatSlot(r.cls.weekday, r.cls.startMin, r.end)})`;
}

/** Rules that concern one class alone (qualification, availability, absence, room, hours of day). */
export function classViolations(club: Club, r: ResolvedClass, classIndex: number | null): Violation[] {
  const { cls, ct, room, trainer: t } = r;
  const out: Violation[] = [];
  const add = (rule: HardRule, message: string) => out.push({ classIndex, rule, message });
  const slot = formatSlot(cls.weekday, cls.startMin, r.end);
  if (!t.qualifications.includes(ct.requiredQualification)) add('not_qualified', `${t.name} is not qualified for ${ct.name}`);
  const date = dateOfWeekday(club.weekStart, cls.weekday);
  if (t.absences.includes(date)) add('absent', `${t.name} is absent on ${date}`);
  else if (!insideWindow(t.availability, cls.weekday, cls.startMin, r.end)) add('not_available', `${t.name} is not available ${slot}`);
  if (!ct.allowedRoomTypes.includes(room.type)) add('room_type', `${room.name} is a ${room.type} room; ${ct.name} needs ${ct.allowedRoomTypes.join(' or ')}`);
  if (room.capacity < (ct.minRoomCapacity ?? 1)) add('room_capacity', `${room.name} holds ${room.capacity} people; ${ct.name} needs at least ${ct.minRoomCapacity ?? 1}`);
  const missing = (ct.requiredEquipment ?? []).filter((e) => !room.equipment.includes(e));
  if (missing.length > 0) add('room_equipment', `${room.name} lacks ${missing.join(', ')} for ${ct.name}`);
  if (!insideWindow(club.openingHours, cls.weekday, cls.startMin, r.end)) add('outside_opening_hours', `${ct.name} ${slot} is outside opening hours`);
  else if (!(slotStarts(club)[cls.weekday] ?? []).includes(cls.startMin)) add('off_slot_grid', `${ct.name} starts at ${formatTime(cls.startMin)}, not on the ${club.slotMin}-min slot grid`);
  return out;
}

/** Room and trainer clashes of class `a` (at `classIndex`) with class `b`. */
export function clashViolations(club: Club, a: ResolvedClass, b: ResolvedClass, classIndex: number | null): Violation[] {
  if (a.cls.weekday !== b.cls.weekday) return [];
  const out: Violation[] = [];
  const gap = club.trainerGapMin ?? 15;
  if (a.room.id === b.room.id && a.cls.startMin < b.end && b.cls.startMin < a.end) {
    out.push({ classIndex, rule: 'room_double_booked', message: `${a.room.name} is already booked by ${label(b)}` });
  }
  if (a.trainer.id === b.trainer.id && a.cls.startMin < b.end + gap && b.cls.startMin < a.end + gap) {
    const overlap = a.cls.startMin < b.end && b.cls.startMin < a.end;
    out.push({
      classIndex, rule: 'trainer_overlap',
      message: overlap
        ? `${a.trainer.name} already teaches ${label(b)}`
        : `${a.trainer.name} teaches ${label(b)} and needs ${gap} min between classes`,
    });
  }
  return out;
}

/** Hours a trainer teaches in `classes` (resolved), in hours. */
function hoursOf(classes: readonly ResolvedClass[], trainerId: string): number {
  return classes.reduce((h, r) => h + (r.trainer.id === trainerId ? r.ct.durationMin / 60 : 0), 0);
}

function hoursViolation(t: Trainer, hours: number): Violation | null {
  const max = t.maxHoursPerWeek ?? 40;
  return hours > max + 1e-9
    ? { classIndex: null, rule: 'trainer_hours', message: `${t.name} would teach ${formatHours(hours)}, more than their maximum of ${formatHours(max)}` }
    : null;
}

/**
 * Every broken hard rule of a whole timetable (club assumed valid; see `validateClub`). Clashes
 * are reported once, on the later class of the pair (index order), naming the earlier one.
 * Throws `TimetableInputError` when a class names an unknown class type, room or trainer.
 */
export function checkTimetable(club: Club, timetable: readonly ScheduledClass[]): Violation[] {
  const resolved = timetable.map((c, i) => resolveClass(club, c, `timetable[${i}]`));
  const out: Violation[] = [];
  resolved.forEach((r, i) => {
    out.push(...classViolations(club, r, i));
    for (let j = 0; j < i; j++) out.push(...clashViolations(club, r, resolved[j]!, i));
  });
  for (const t of club.trainers) {
    const v = hoursViolation(t, hoursOf(resolved, t.id));
    if (v) out.push(v);
  }
  for (const ct of club.classTypes) {
    const n = timetable.filter((c) => c.classTypeId === ct.id).length;
    if (n < ct.minPerWeek || n > ct.maxPerWeek) {
      out.push({
        classIndex: null, rule: 'class_count',
        message: `${ct.name} has ${n} classes this week; it needs ${ct.minPerWeek === ct.maxPerWeek ? `exactly ${ct.minPerWeek}` : `${ct.minPerWeek} to ${ct.maxPerWeek}`}`,
      });
    }
  }
  return out;
}

/**
 * The hard rules class `index` breaks when placed as `cls` in `timetable` (which it replaces at
 * `index`; pass `index = timetable.length` for a class to be added): its own rules, clashes with
 * every other class, and its trainer's weekly hours. Class counts are not checked.
 */
export function violationsOfPlacement(club: Club, timetable: readonly ScheduledClass[], index: number, cls: ScheduledClass): Violation[] {
  const me = resolveClass(club, cls, 'target');
  const others = timetable.flatMap((c, j) => (j === index ? [] : [resolveClass(club, c, `timetable[${j}]`)]));
  const out = classViolations(club, me, index);
  for (const o of others) out.push(...clashViolations(club, me, o, index));
  const before = timetable[index];
  if (before?.trainerId !== cls.trainerId) {
    const v = hoursViolation(me.trainer, hoursOf(others, me.trainer.id) + me.ct.durationMin / 60);
    if (v) out.push({ ...v, classIndex: index });
  }
  return out;
}

/**
 * Can class `index` move to `target` (weekday 0 = Monday, `startMin` minutes after midnight,
 * room, optionally another trainer)? Checks every hard rule against the rest of the week except
 * class counts (a move does not change them). Reasons are sentences, e.g.
 * "Studio 1 is already booked by Yoga (Mon 09:00–10:00)", "Anna is not qualified for Spin".
 * Throws `TimetableInputError` for an index outside the timetable or an unknown room / trainer.
 */
export function checkMove(club: Club, timetable: readonly ScheduledClass[], index: number, target: MoveTarget): MoveCheck {
  const cls = timetable[index];
  if (!Number.isInteger(index) || cls === undefined) {
    throw new TimetableInputError('index', `class index ${index} is not in the timetable (${timetable.length} classes)`);
  }
  const moved: ScheduledClass = {
    ...cls, weekday: target.weekday, startMin: target.startMin, roomId: target.roomId,
    trainerId: target.trainerId ?? cls.trainerId,
  };
  const reasons = violationsOfPlacement(club, timetable, index, moved).map((v) => v.message);
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
