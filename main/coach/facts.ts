/**
 * What the coach knows for one message, read from the studio: the member's profile, exclusions,
 * plan, recent sessions, check-ins and RIR bias; the club's opening hours, classes, trainers and
 * booking policy; all as prompt facts and as retrievable passages (engine/coach/retrieval.ts).
 */
import { listPlanHeaders, planTree } from '../../db/plans';
import { recentSets } from '../../db/history';
import { memberCheckIns } from '../../db/progression';
import { getRirState } from '../../db/rir';
import { readClubSetup } from '../../db/schedule';
import type { Db } from '../../db/open';
import { feedbackOf } from '../../db/coach';
import type { MemberRow } from '../../db/members';
import { rirModel } from '../../engine/rir/model';
import type { MemberRirState } from '../../engine/rir/types';
import type { ClubFacts, MemberFacts } from '../../engine/coach/prompt';
import type { Passage } from '../../engine/coach/retrieval';
import type { ClubVocabulary } from '../../engine/coach/intents';
import { utcToClubLocal } from '../../engine/classes/club-time';
import type { ClubSetup } from '../contract/schedule-views';
import { loadPolicy } from '../handlers/classes/policy-store';

const DAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

export interface ClubContext {
  setup: ClubSetup | null;
  timezone: string;
  /** Club-local today (YYYY-MM-DD) and its weekday (0 = Monday). */
  today: string;
  facts: ClubFacts;
  vocabulary: ClubVocabulary;
  passages: Passage[];
}

export function clubContext(db: Db, now: Date): ClubContext {
  const setup = readClubSetup(db);
  const timezone = setup?.timezone ?? 'UTC';
  const today = utcToClubLocal(now.getTime(), timezone).date;
  const openingHours = (setup?.openingHours ?? []).slice().sort((a, b) => a.weekday - b.weekday || a.startMin - b.startMin)
    .map((w) => `${DAY[w.weekday]} ${hhmm(w.startMin)}–${hhmm(w.endMin)}`);
  const classes = (setup?.classTypes ?? []).map((c) => `${c.name} (${c.durationMin} min)`);
  const trainers = (setup?.trainers ?? []).map((t) => t.name);
  const policy = loadPolicy(db);
  const passages: Passage[] = [
    { id: 'club:hours', kind: 'club', title: 'Opening hours', text: `The club is open ${openingHours.join(', ') || '(not set)'}; closed on days not listed.` },
    { id: 'club:classes', kind: 'club', title: 'Classes', text: `Classes: ${classes.join(', ') || 'none'}.` },
    { id: 'club:trainers', kind: 'club', title: 'Trainers', text: `Trainers: ${trainers.join(', ') || 'none'}. PT sessions with a trainer within their hours.` },
    { id: 'policy:booking', kind: 'policy', title: 'Booking and cancellation policy', text: JSON.stringify(policy).slice(0, 500).replace(/[{}"]/g, ' ') },
  ];
  return {
    setup, timezone, today,
    facts: { openingHours, classes, trainers },
    vocabulary: { today, trainers, classTypes: (setup?.classTypes ?? []).map((c) => c.name) },
    passages,
  };
}

export interface MemberContext { facts: MemberFacts; passages: Passage[]; profilePassage: Passage }

export function memberContext(db: Db, member: MemberRow): MemberContext {
  const exclusions = [
    ...member.excludedMuscles.map((m) => `muscle ${m.replace('_', ' ')}`),
    ...member.excludedPatterns.map((p) => `pattern ${p.replace('_', ' ')}`),
    ...member.excludedExerciseIds.map((e) => `exercise ${e}`),
  ];
  const header = listPlanHeaders(db, { memberId: member.id }).find((p) => p.status === 'approved') ?? listPlanHeaders(db, { memberId: member.id }).find((p) => p.status === 'draft');
  const passages: Passage[] = [];
  let activePlan: string | null = null;
  if (header) {
    activePlan = `${header.name} (${header.status})`;
    const week = planTree(db, header.id).weeks[0];
    if (week) {
      for (const s of week.sessions) {
        passages.push({ id: `plan:${header.id}:day${s.day}`, kind: 'plan', title: `${header.name}, day ${s.day}`, text: s.prescriptions.map((p) => `${p.exerciseName} ${p.sets}x${p.repMin}-${p.repMax} @RIR ${p.targetRir}${p.loadKg ? ` ${p.loadKg} kg` : ''}`).join('; ') });
      }
    }
  }
  const sets = recentSets(db, member.id, 30);
  const byDay = new Map<string, string[]>();
  for (const s of sets) {
    const day = s.performedAt.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), `${s.exerciseName} ${s.loadKg} kg x${s.reps}${s.rir !== null ? ` RIR ${s.rir}` : ''}`]);
  }
  const recentSessions = [...byDay.entries()].slice(0, 3).map(([d, l]) => `${d}: ${l.slice(0, 4).join(', ')}`);
  recentSessions.forEach((text, i) => passages.push({ id: `history:${i}`, kind: 'history', title: `Session ${text.slice(0, 10)}`, text }));
  const checkIns = memberCheckIns(db, member.id, 3);
  const recentCheckIns = checkIns.map((c) => `${c.at.slice(0, 10)} sleep ${c.sleep} fatigue ${c.fatigue} soreness ${c.soreness} energy ${c.energy}${c.painReported ? `, pain${c.painNote ? `: ${c.painNote}` : ''}` : ''}${c.illness ? ', ill' : ''}`);
  recentCheckIns.forEach((text, i) => passages.push({ id: `checkin:${checkIns[i]!.id}`, kind: 'checkin', title: `Check-in ${text.slice(0, 10)}`, text }));
  for (const f of feedbackOf(db, member.id, 3)) passages.push({ id: `feedback:${f.id}`, kind: 'member', title: `Feedback ${f.createdAt.slice(0, 10)}`, text: f.text });
  let rirBiasReps: number | null = null;
  const rir = getRirState(db, member.id);
  if (rir) {
    try { rirBiasReps = rirModel.describeBias(rir.state as MemberRirState).meanReps; } catch { rirBiasReps = null; }
  }
  const facts: MemberFacts = { name: member.name, goal: member.goal, level: member.level, exclusions, activePlan, recentSessions, recentCheckIns, rirBiasReps };
  const profilePassage: Passage = { id: `member:${member.id}`, kind: 'member', title: member.name, text: `Goal ${member.goal.replace('_', ' ')}, ${member.level}, ${member.daysPerWeek} days a week, ${member.sessionMinutes} min; equipment ${member.equipment.join(', ')}; exclusions ${exclusions.join(', ') || 'none'}.${member.notes ? ` Notes: ${member.notes.slice(0, 200)}` : ''}` };
  return { facts, passages: [profilePassage, ...passages], profilePassage };
}
