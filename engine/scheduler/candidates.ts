/**
 * Enumerates the feasible (class type, room, trainer, weekday, start) combinations — one binary
 * variable each in the MIP. Every per-class hard constraint of issue 5 is applied here, so the
 * model never sees an infeasible combination:
 * - opening hours: the class `[start, start + durationMin)` lies inside one opening window;
 * - starts on the slot grid: `start = open + k · slotMin`;
 * - room type in `allowedRoomTypes`, room capacity ≥ `minRoomCapacity`, required equipment present;
 * - trainer holds `requiredQualification`, is not absent that date, and one availability window
 *   contains the whole class.
 */
import type { ClassType, Club, Room, ScheduledClass, Trainer, WeeklyWindow } from './types';

/** Slot start times (minutes after midnight) per weekday 0–6 (0 = Monday), from opening hours. */
export function slotStarts(club: Club): number[][] {
  const starts: number[][] = Array.from({ length: 7 }, () => []);
  for (const w of club.openingHours) {
    for (let s = w.startMin; s < w.endMin; s += club.slotMin) starts[w.weekday]?.push(s);
  }
  return starts.map((s) => [...new Set(s)].sort((a, b) => a - b));
}

/** ISO date of weekday `d` (0 = Monday) in the week starting `weekStart`. */
export function dateOfWeekday(weekStart: string, d: number): string {
  const t = Date.parse(`${weekStart}T00:00:00Z`) + d * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** True when `[start, end)` lies inside one of `windows` on `weekday`. */
export function insideWindow(windows: readonly WeeklyWindow[], weekday: number, start: number, end: number): boolean {
  return windows.some((w) => w.weekday === weekday && w.startMin <= start && end <= w.endMin);
}

/** True when `[start, end)` overlaps one of `windows` on `weekday`. */
export function overlapsWindow(windows: readonly WeeklyWindow[], weekday: number, start: number, end: number): boolean {
  return windows.some((w) => w.weekday === weekday && w.startMin < end && start < w.endMin);
}

/** Rooms a class type may use (type, capacity, equipment). */
export function roomsFor(ct: ClassType, rooms: readonly Room[]): Room[] {
  return rooms.filter(
    (r) => ct.allowedRoomTypes.includes(r.type)
      && r.capacity >= (ct.minRoomCapacity ?? 1)
      && (ct.requiredEquipment ?? []).every((e) => r.equipment.includes(e)),
  );
}

/** True when trainer `t` can teach `ct` on weekday `d` from `start` (qualification, absence, availability). */
export function trainerCanTeach(club: Club, t: Trainer, ct: ClassType, d: number, start: number): boolean {
  return t.qualifications.includes(ct.requiredQualification)
    && !t.absences.includes(dateOfWeekday(club.weekStart, d))
    && insideWindow(t.availability, d, start, start + ct.durationMin);
}

/** All feasible assignments, in a deterministic order (class type, weekday, start, room, trainer). */
export function enumerateCandidates(club: Club): ScheduledClass[] {
  const starts = slotStarts(club);
  const out: ScheduledClass[] = [];
  for (const ct of club.classTypes) {
    const rooms = roomsFor(ct, club.rooms);
    for (let d = 0; d < 7; d++) {
      for (const s of starts[d] ?? []) {
        if (!insideWindow(club.openingHours, d, s, s + ct.durationMin)) continue;
        const trainers = club.trainers.filter((t) => trainerCanTeach(club, t, ct, d, s));
        for (const r of rooms) {
          for (const t of trainers) out.push({ classTypeId: ct.id, roomId: r.id, trainerId: t.id, weekday: d, startMin: s });
        }
      }
    }
  }
  return out;
}
