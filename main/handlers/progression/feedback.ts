/** Feedback on a recommendation: validated, stored, and learnt into the member's preference profile. */
import { initialProfile, memberInsights, parseFeedback, updateProfile } from '../../../engine/preferences/index';
import type { Feedback, FeedbackEntry, PreferenceProfile } from '../../../engine/preferences/types';
import { progressionFeatures } from '../../../engine/progression/index';
import type { Recommendation } from '../../../engine/progression/types';
import { recordAudit } from '../../../db/audit';
import { getExercises } from '../../../db/exercises';
import { appendPreference, feedbackFor, getRecommendation, insertFeedback, listRecommendations, preferenceTimeline, setRecommendationStatus, type RecommendationRow } from '../../../db/progression';
import type { Db } from '../../../db/open';
import { phoneWeekAdherence } from '../phones/adherence';
import { StudioError } from '../../contract/errors';
import type { ParsedInputOf, PreferenceInsightsView, RecommendationView } from '../../contract/index';
import { auditActor, type HandlerContext } from '../../host/context';
import { memberSessions } from './sources';

export function recommendationView(row: RecommendationRow, feedback: unknown): RecommendationView {
  const rec = row.body as Recommendation;
  // Rows stored before issue 14 carry the old formula's number without a basis: not shown.
  const basis = rec.confidenceBasis ?? null;
  return {
    ...rec, confidence: basis === null ? null : rec.confidence, confidenceBasis: basis, id: row.id, createdAt: row.createdAt, exerciseName: row.exerciseName, status: row.status,
    safety: { status: row.safetyStatus as RecommendationView['safety']['status'], overrides: (row.overrides as Array<{ kind: string; reason: string }>).map((o) => ({ kind: o.kind, reason: o.reason })) },
    feedback: (feedback as Feedback | undefined) ?? null,
  };
}

export function recommendationViews(db: Db, rows: RecommendationRow[]): RecommendationView[] {
  const fb = feedbackFor(db, rows.map((r) => r.id));
  return rows.map((r) => recommendationView(r, fb.get(r.id)));
}

function currentProfile(db: Db, memberId: number): PreferenceProfile {
  return (preferenceTimeline(db, memberId).at(-1)?.profile as PreferenceProfile | undefined) ?? initialProfile(memberId);
}

export function giveFeedback(ctx: HandlerContext, input: ParsedInputOf<'recommendations/feedback'>): RecommendationView {
  const db = ctx.store.db;
  const row = getRecommendation(db, input.recommendationId);
  if (!row) throw new StudioError('not_found', `there is no recommendation with id ${input.recommendationId}`, 'recommendationId');
  if (row.status === 'superseded') throw new StudioError('conflict', 'a newer recommendation for this exercise replaced this one; answer that one', 'recommendationId');
  if (row.status !== 'pending') throw new StudioError('conflict', `the recommendation was already ${row.status}`, 'recommendationId');
  if (row.safetyStatus === 'blocked' && input.action !== 'skipped') {
    throw new StudioError('conflict', 'the safety layer blocked this recommendation; it can only be skipped', 'action');
  }
  const feedback = parseFeedback({ ...input, recommendationId: String(row.id) });
  const { profile, signals } = updateProfile(currentProfile(db, row.memberId), row.body as Recommendation, feedback);
  const at = ctx.now().toISOString();
  db.transaction((tx) => {
    insertFeedback(tx, row.id, at, feedback);
    setRecommendationStatus(tx, row.id, input.action);
    appendPreference(tx, row.memberId, at, profile, { recommendationId: row.id, feedback, signals });
    recordAudit(tx, { ...auditActor(ctx), action: `recommendation.${input.action}`, entity: 'recommendation', entityId: row.id, after: feedback, subjectMemberId: row.memberId });
  });
  return recommendationView(getRecommendation(db, row.id)!, feedback);
}

export function insightsFor(ctx: HandlerContext, memberId: number): PreferenceInsightsView {
  const db = ctx.store.db;
  const timeline = preferenceTimeline(db, memberId);
  const profile = currentProfile(db, memberId);
  const rows = listRecommendations(db, memberId, undefined, 1000);
  const fb = feedbackFor(db, rows.map((r) => r.id));
  const entries: FeedbackEntry[] = rows.filter((r) => fb.has(r.id)).map((r) => ({
    recommendationId: String(r.id), recommendation: r.body as Recommendation, feedback: fb.get(r.id) as Feedback,
  }));
  const sessions = memberSessions(db, memberId);
  const exerciseIds = [...new Set(sessions.map((s) => s.exerciseId))];
  const exercises = getExercises(db, exerciseIds);
  const now = ctx.now().toISOString();
  const trends = exerciseIds.flatMap((id) => {
    const e = exercises.get(id);
    if (!e) return [];
    const f = progressionFeatures(sessions.filter((s) => s.exerciseId === id), [], now);
    return [{ exerciseId: id, primaryMuscles: e.primaryMuscles, e1rmChangePctPerWeek: f.e1rmTrendPctPerWeek }];
  });
  // Adherence: plan sessions with sets logged against them on the member's phones.
  const insights = memberInsights({ profile, entries, outcomes: [], trends, adherence: phoneWeekAdherence(db, memberId, ctx.now().getTime()) });
  return {
    profile, insights,
    history: timeline.map((t) => {
      const p = t.profile as PreferenceProfile;
      return { at: t.at, acceptanceRate: p.rates.accepted, dimensions: { ...p.dimensions } };
    }),
  };
}

/** The member's current preference profile and their feedback entries (for the exercise recommender). */
export function memberFeedback(db: Db, memberId: number): { profile: PreferenceProfile; entries: FeedbackEntry[] } {
  const rows = listRecommendations(db, memberId, undefined, 1000);
  const fb = feedbackFor(db, rows.map((r) => r.id));
  const entries: FeedbackEntry[] = rows.filter((r) => fb.has(r.id)).map((r) => ({
    recommendationId: String(r.id), recommendation: r.body as Recommendation, feedback: fb.get(r.id) as Feedback,
  }));
  return { profile: currentProfile(db, memberId), entries };
}
