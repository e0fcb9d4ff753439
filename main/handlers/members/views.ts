/** Maps member rows to the contract's member views. */
import type { MemberRow, MemberStats } from '../../../db/members';
import type { Member, MemberSummary, Staff } from '../../contract/index';

export function memberSummary(row: MemberRow, stats: MemberStats): MemberSummary {
  return {
    id: row.id, name: row.name, goal: row.goal as Member['goal'], level: row.level as Member['level'],
    isDemo: row.isDemo, setCount: stats.setCount, lastTrainedAt: stats.lastTrainedAt, planStatus: stats.planStatus,
  };
}

export function memberView(row: MemberRow, stats: MemberStats, trainer: Staff | null): Member {
  return {
    ...memberSummary(row, stats),
    daysPerWeek: row.daysPerWeek, sessionMinutes: row.sessionMinutes,
    equipment: row.equipment as Member['equipment'],
    excludedMuscles: row.excludedMuscles as Member['excludedMuscles'],
    excludedPatterns: row.excludedPatterns as Member['excludedPatterns'],
    excludedExerciseIds: row.excludedExerciseIds,
    preferredUnit: row.preferredUnit, bodyMassKg: row.bodyMassKg, sex: row.sex ?? null, birthYear: row.birthYear ?? null,
    nickname: row.nickname ?? null, restingHrBpm: row.restingHrBpm ?? null, maxHrBpm: row.maxHrBpm ?? null,
    notes: row.notes, createdAt: row.createdAt, trainer,
    sessionCount: stats.sessionCount, firstTrainedAt: stats.firstTrainedAt,
  };
}
