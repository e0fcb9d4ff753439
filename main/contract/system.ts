/**
 * The studio itself: version, settings, the audit log, backups and restore, and members' data
 * rights (export and erasure). Spread into `contract` in index.ts.
 */
import { z } from 'zod';
import { MANAGERS, op, STAFF_ONLY } from './op';
import { IsoDate, MemberId } from './schemas';
import type * as A from './auth-views';
import type * as V from './views';

const IsoTime = z.union([z.iso.datetime(), IsoDate]);
const AuditFilter = {
  actorStaffId: z.number().int().positive().optional(),
  action: z.string().trim().max(60).regex(/^[a-z0-9_.*-]*$/, 'use an action like plan.approve, or a prefix like auth.*').optional(),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
};
const BackupFileName = z.string().regex(/^studio-[0-9TZ-]+-(daily|manual|before-restore)\.db$/, 'not a backup of this studio');

export const systemContract = {
  'system/info': op<V.SystemInfo>()({
    input: z.object({}).strict(),
    access: STAFF_ONLY,
    summary: 'Version, database, counts and who is signed in.',
  }),
  'system/settings': op<A.StudioSettingsView>()({
    input: z.object({}).strict(),
    access: MANAGERS,
    summary: 'Session lengths, the screen lock and how many daily backups are kept.',
  }),
  'system/set-settings': op<A.StudioSettingsView>()({
    input: z.object({
      policy: z.object({
        absoluteHours: z.number().int().min(1, 'must be 1–168 h').max(168, 'must be 1–168 h'),
        idleMinutes: z.number().int().min(5, 'must be 5–1440 min').max(1440, 'must be 5–1440 min'),
        lockMinutes: z.number().int().min(1, 'must be 1–240 min').max(240, 'must be 1–240 min'),
      }).strict().partial().optional(),
      backupKeep: z.number().int().min(1, 'keep at least 1').max(365, 'keep at most 365').optional(),
    }).strict(),
    access: MANAGERS,
    summary: 'Change the session policy or the number of daily backups kept.',
  }),
  'system/backup': op<A.BackupView>()({
    input: z.object({}).strict(),
    access: MANAGERS,
    summary: "Write a consistent copy of the database (SQLite's online backup) into the studio's backup folder.",
  }),
  'system/backups': op<A.BackupsView>()({
    input: z.object({}).strict(),
    access: MANAGERS,
    summary: 'The backups in the backup folder, newest first, with size and time.',
  }),
  'system/restore': op<A.RestoreReport>()({
    input: z.object({ fileName: BackupFileName, confirm: z.literal(true, 'confirm the restore') }).strict(),
    access: MANAGERS,
    summary: 'Restore a backup: its integrity is checked first and the current database is backed up before it is replaced.',
  }),
  'audit/list': op<A.AuditPage>()({
    input: z.object({ ...AuditFilter, limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }).strict(),
    access: MANAGERS,
    summary: 'Who did what and when, newest first; filter by person, action, entity and time.',
  }),
  'audit/export': op<A.ExportFile>()({
    input: z.object(AuditFilter).strict(),
    access: MANAGERS,
    summary: 'The audit log (filtered like audit/list) as a CSV file.',
  }),
  'members/export': op<A.ExportFile[]>()({
    input: z.object({ memberId: MemberId }).strict(),
    access: MANAGERS,
    summary: "Everything the studio holds about a member: one JSON file, and CSV files of sets, sessions, plans and check-ins.",
  }),
  'members/erase': op<A.MemberErasureReport>()({
    input: z.object({ memberId: MemberId, confirmName: z.string().trim().min(1, 'type the member\'s name to confirm').max(120) }).strict(),
    access: MANAGERS,
    summary: "Erase a member on request: their data is deleted, their audit entries made unreadable; club totals (class attendance counts) stay.",
  }),
} as const;
