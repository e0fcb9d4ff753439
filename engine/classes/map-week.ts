/**
 * Re-publishing a week (issue 12, part 1): which existing occurrences carry on as a class of the
 * new timetable, which are gone, and which classes are new. A class "still exists" when the
 * new timetable has the same class type on the same date at the same start; its room, trainer
 * or capacity may have changed (then its members are told). Each old occurrence matches at
 * most one new class and vice versa; among several candidates the same room is preferred.
 */

/** What identifies a class on a day (date ISO club-local, start minutes after club-local midnight). */
export interface ClassSlot {
  classTypeId: string;
  date: string;
  startMin: number;
  roomId: string;
  trainerId: string;
  capacity: number;
}

export interface KeptClass {
  occurrenceId: number;
  /** Index into the new classes. */
  index: number;
  changed: Array<'room' | 'trainer' | 'capacity'>;
}

export interface WeekMapping {
  kept: KeptClass[];
  /** Old occurrences with no class in the new timetable. */
  removed: number[];
  /** Indexes of new classes with no old occurrence. */
  added: number[];
}

const slotKey = (s: ClassSlot) => `${s.classTypeId}|${s.date}|${s.startMin}`;

/** Maps old occurrences onto the new week's classes. Pure; order of `kept` follows `next`. */
export function mapWeek(old: ReadonlyArray<ClassSlot & { id: number }>, next: readonly ClassSlot[]): WeekMapping {
  const pool = new Map<string, Array<ClassSlot & { id: number }>>();
  for (const o of old) (pool.get(slotKey(o)) ?? pool.set(slotKey(o), []).get(slotKey(o))!).push(o);
  const kept: KeptClass[] = [];
  const added: number[] = [];
  const pending: number[] = [];
  // Same room first, so two classes of one type at one time in two rooms keep their own members.
  next.forEach((n, index) => {
    const list = pool.get(slotKey(n)) ?? [];
    const i = list.findIndex((o) => o.roomId === n.roomId);
    if (i < 0) { pending.push(index); return; }
    kept.push(keep(list.splice(i, 1)[0]!, n, index));
  });
  for (const index of pending) {
    const n = next[index]!;
    const o = (pool.get(slotKey(n)) ?? []).shift();
    if (o) kept.push(keep(o, n, index)); else added.push(index);
  }
  kept.sort((a, b) => a.index - b.index);
  const removed = [...pool.values()].flat().map((o) => o.id).sort((a, b) => a - b);
  return { kept, removed, added };
}

function keep(o: ClassSlot & { id: number }, n: ClassSlot, index: number): KeptClass {
  const changed: KeptClass['changed'] = [];
  if (o.roomId !== n.roomId) changed.push('room');
  if (o.trainerId !== n.trainerId) changed.push('trainer');
  if (o.capacity !== n.capacity) changed.push('capacity');
  return { occurrenceId: o.id, index, changed };
}
