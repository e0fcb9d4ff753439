/**
 * Tables of member phones and sync (issue 11): paired devices (token stored as SHA-256 only),
 * one-time pairing codes, every operation a phone pushed (the exactly-once record, applied or
 * rejected), the change sequence the pull cursor reads, the append-only versions of phone-logged
 * sets with their link to the plan, phone sessions, and the per-field clocks of the member's
 * editable fields. Re-exported by `schema.ts`. Instants are ISO-8601 UTC text; loads in kg.
 *
 * `sync_changes` is filled by triggers (written into the migration by hand after drizzle-kit's
 * tables, see README "Sync protocol") on plans, prescriptions, members, class occurrences,
 * class bookings and set-log versions, so no code path can change what a phone sees without
 * moving the cursor.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members, planSessions, prescriptions, setLogs, staff, workoutSessions } from './schema';

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

export const memberDevices = sqliteTable('member_devices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** SHA-256 (hex) of the device token; the token itself is only ever on the phone. */
  tokenHash: text('token_hash').notNull(),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  lastSeenAt: text('last_seen_at'),
  lastAddress: text('last_address'),
  /** How many ops the phone said it still held at its last push. */
  pendingOps: integer('pending_ops').notNull().default(0),
  pairedBy: integer('paired_by').references(() => staff.id),
  revokedAt: text('revoked_at'),
  revokedBy: integer('revoked_by').references(() => staff.id),
}, (t) => [uniqueIndex('member_devices_token').on(t.tokenHash), index('member_devices_member').on(t.memberId)]);

export const pairingCodes = sqliteTable('pairing_codes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  createdBy: integer('created_by').references(() => staff.id),
  deviceId: integer('device_id').references(() => memberDevices.id),
}, (t) => [uniqueIndex('pairing_codes_code').on(t.codeHash)]);

/** Every pushed op, by its client ULID: the exactly-once record, written in the op's own transaction. */
export const syncOps = sqliteTable('sync_ops', {
  opId: text('op_id').primaryKey(),
  deviceId: integer('device_id').notNull().references(() => memberDevices.id, { onDelete: 'cascade' }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  hlc: text('hlc').notNull(),
  status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
  reason: text('reason'),
  message: text('message'),
  receivedAt: text('received_at').notNull(),
}, (t) => [index('sync_ops_member').on(t.memberId, t.status)]);

/** The change sequence: one row per change a phone may need to pull (member null: everyone's). */
export const syncChanges = sqliteTable('sync_changes', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id'),
  /** plan | timetable | bookings | member | log | rejected */
  kind: text('kind').notNull(),
  ref: text('ref'),
}, (t) => [index('sync_changes_member').on(t.memberId, t.kind, t.seq)]);

/** Every version of a phone-logged set (append-only; the current one is the latest by HLC, then op id). */
export const setLogVersions = sqliteTable('set_log_versions', {
  opId: text('op_id').primaryKey(),
  logId: text('log_id').notNull(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  deviceId: integer('device_id').references(() => memberDevices.id, { onDelete: 'set null' }),
  hlc: text('hlc').notNull(),
  /** The SetLogPayload as pushed (engine/sync/ops.ts). */
  payload: json<unknown>('payload').notNull(),
  receivedAt: text('received_at').notNull(),
}, (t) => [index('set_log_versions_log').on(t.logId), index('set_log_versions_member').on(t.memberId)]);

/** The current version of each phone-logged set, its row in `set_logs` and the plan it fulfils. */
export const setLogLinks = sqliteTable('set_log_links', {
  logId: text('log_id').primaryKey(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  /** Null while the current version is voided. */
  setLogId: integer('set_log_id').references(() => setLogs.id, { onDelete: 'set null' }),
  currentOpId: text('current_op_id').notNull(),
  currentHlc: text('current_hlc').notNull(),
  planSessionId: integer('plan_session_id').references(() => planSessions.id, { onDelete: 'set null' }),
  prescriptionId: integer('prescription_id').references(() => prescriptions.id, { onDelete: 'set null' }),
  setNumber: integer('set_number').notNull(),
}, (t) => [index('set_log_links_set').on(t.setLogId), index('set_log_links_prescription').on(t.prescriptionId)]);

/** A training session started on a phone, and the workout session it fills. */
export const phoneSessions = sqliteTable('phone_sessions', {
  sessionId: text('session_id').primaryKey(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  workoutSessionId: integer('workout_session_id').notNull().references(() => workoutSessions.id, { onDelete: 'cascade' }),
  planSessionId: integer('plan_session_id').references(() => planSessions.id, { onDelete: 'set null' }),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
});

/** Per-field clocks of the member's editable fields (last writer wins by HLC, then op id). */
export const memberFieldClocks = sqliteTable('member_field_clocks', {
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  field: text('field').notNull(),
  hlc: text('hlc').notNull(),
  opId: text('op_id').notNull(),
}, (t) => [primaryKey({ columns: [t.memberId, t.field] })]);
