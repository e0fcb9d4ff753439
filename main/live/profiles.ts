/**
 * The heart profile of members for zones, the same for the live monitor and the post-class
 * summary: resting heart rate as recorded (else the zones' 60 bpm default); maximum as recorded
 * on the member (`members.max_hr_bpm`), else the highest sample of their earlier classes, else
 * Tanaka from the age in the class's year (`engine/live/zones.ts`).
 */
import type { Db } from '../../db/open';
import { observedMaxBpm } from '../../db/classes-stats';
import { memberHeartRows } from '../../db/live';
import type { HeartProfile } from '../../engine/live/zones';

/** Profiles of `memberIds` for a class starting at `startsAtIso` (earlier classes: samples before it). */
export function heartProfiles(db: Db, memberIds: readonly number[], startsAtIso: string): Map<number, HeartProfile> {
  const rows = memberHeartRows(db, memberIds);
  const observed = observedMaxBpm(db, memberIds, startsAtIso);
  const year = Number(startsAtIso.slice(0, 4));
  const out = new Map<number, HeartProfile>();
  for (const id of memberIds) {
    const r = rows.get(id);
    out.set(id, {
      restingBpm: r?.restingHrBpm ?? null,
      observedMaxBpm: r?.maxHrBpm ?? observed.get(id) ?? null,
      ageYears: r?.birthYear ? Math.max(1, year - r.birthYear) : null,
    });
  }
  return out;
}
