/** Migration 0010_coach (conversations, messages, pending actions, PT appointments, feedback) and its queries. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from './open';
import { getMember } from './members';
import { appointmentsBetween, conversationOf, decideAction, insertAction, insertAppointment, insertMessage, messagesOf } from './coach';
import { eraseMember, memberData } from './privacy';
import { migrationsUpTo as cutMigrations, useTempDirs } from './migration-testkit';

const tempDir = useTempDirs('studio-coach-');
const migrationsUpTo = (upTo: number | string): string => cutMigrations(tempDir(), upTo);

describe('migration _coach', () => {
  it('keeps the members and staff of the migration before it, and the coach tables work on them', () => {
    const path = join(tempDir(), 'studio.db');
    const old = openDatabase(path, { migrationsFolder: migrationsUpTo('_coach') });
    old.sqlite.prepare("INSERT INTO members (name, goal, level, days_per_week, session_minutes, equipment, excluded_muscles, excluded_patterns, excluded_exercise_ids, preferred_unit) VALUES ('Sara', 'strength', 'beginner', 3, 60, '[]', '[]', '[]', '[]', 'kg')").run();
    old.sqlite.prepare("INSERT INTO staff (name, role) VALUES ('Tom', 'trainer')").run();
    const before = old.schemaVersion;
    old.close();
    const store = openDatabase(path);
    expect(store.schemaVersion).toBeGreaterThan(before);
    expect(getMember(store.db, 1)!.name).toBe('Sara');
    const conv = conversationOf(store.db, 1, 1);
    expect(conversationOf(store.db, 1, 1).id).toBe(conv.id);
    const msg = insertMessage(store.db, { conversationId: conv.id, role: 'coach', text: 'Tom is free at 18:00', mode: 'rules', intent: 'availability', sources: [{ id: 'club:hours' }] });
    expect(messagesOf(store.db, conv.id).map((m) => [m.text, m.sources, m.status])).toEqual([['Tom is free at 18:00', [{ id: 'club:hours' }], 'complete']]);
    const action = insertAction(store.db, { conversationId: conv.id, messageId: msg.id, memberId: 1, tool: 'schedule_appointment', op: 'appointments/book', input: { memberId: 1 }, summary: 'PT', proposedBy: 1 });
    expect(action.status).toBe('pending');
    expect(decideAction(store.db, action.id, { status: 'rejected', decidedBy: 1, decidedAt: '2026-12-04T10:00:00Z' })).toBe(true);
    expect(decideAction(store.db, action.id, { status: 'confirmed', decidedBy: 1, decidedAt: '2026-12-04T10:01:00Z' })).toBe(false);
    insertAppointment(store.db, { memberId: 1, trainerId: 'tom', startsAt: '2026-12-08T18:00:00.000Z', endsAt: '2026-12-08T19:00:00.000Z' });
    expect(appointmentsBetween(store.db, '2026-12-08T18:30:00.000Z', '2026-12-08T20:00:00.000Z', { trainerId: 'tom' })).toHaveLength(1);
    expect(appointmentsBetween(store.db, '2026-12-08T19:00:00.000Z', '2026-12-08T20:00:00.000Z', { trainerId: 'tom' })).toHaveLength(0);
    expect(memberData(store.db, 1)!.coach).toMatchObject({ conversations: [{ messages: [{ text: 'Tom is free at 18:00' }], actions: [{ status: 'rejected' }] }], ptAppointments: [{ trainerId: 'tom' }], feedback: [] });
    const erased = eraseMember(store.db, 1);
    expect(erased.removed).toMatchObject({ coach_actions: 1, coach_messages: 1, coach_conversations: 1, pt_appointments: 1, members: 1 });
    store.close();
  });
});
