/** The shapes of sign-in, sessions, staff accounts, the audit log and backups. Times: ISO-8601 UTC. */
import type { SessionPolicy } from '../auth/policy';
import type { Staff } from './views';

export type { SessionPolicy };

export interface AuthStatusView {
  /** No manager can sign in yet: the studio asks for the first manager account and serves nothing else. */
  needsFirstManager: boolean;
  version: string;
  policy: SessionPolicy;
}

export interface SignedInView {
  /**
   * The session token, to send as `Authorization: Bearer <token>`. Null over the desktop
   * window's IPC: the main process keeps it and the window never sees it.
   */
  token: string | null;
  staff: Staff;
  expiresAt: string;
  hasPin: boolean;
  mustChangePassword: boolean;
  policy: SessionPolicy;
}

export interface MeView {
  staff: Staff;
  locked: boolean;
  expiresAt: string;
  hasPin: boolean;
  mustChangePassword: boolean;
  policy: SessionPolicy;
}

export interface StaffAccount extends Staff {
  username: string | null;
  /** Has a password and is not disabled. */
  canSignIn: boolean;
  hasPin: boolean;
  mustChangePassword: boolean;
  disabledAt: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  openSessions: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: Staff | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** ipc, http, cli or system; null for entries from before it was recorded. */
  via: string | null;
}

export interface AuditPage { entries: AuditEntry[]; total: number }

export interface ExportFile {
  fileName: string;
  mediaType: 'application/json' | 'text/csv';
  content: string;
}

export interface BackupView {
  fileName: string;
  bytes: number;
  at: string;
  kind: 'daily' | 'manual' | 'before-restore';
}

export interface BackupsView {
  folder: string;
  keep: number;
  backups: BackupView[];
}

export interface RestoreReport {
  restored: BackupView;
  /** The copy of the database as it was just before the restore. */
  safetyBackup: BackupView;
  schemaVersion: number;
}

export interface MemberErasureReport {
  memberId: number;
  /** Rows removed per table. */
  removed: Record<string, number>;
  /** Audit entries about the member whose content can no longer be read. */
  auditEntriesSealed: number;
  /** The member's payments kept as financial records without the member (`retained_payments`). */
  paymentsKept: number;
}

export interface StudioSettingsView {
  policy: SessionPolicy;
  /** Daily backups kept (older ones are deleted). */
  backupKeep: number;
}
