/**
 * Signal extraction: what one piece of feedback says about a member's taste.
 *
 * The mapping, as a product rule table. "Done" means `accepted` or `modified`; a load or volume
 * change is read from the recommendation (`suggested` vs `original`); volume = sets × mid-range
 * reps; E = perceived exertion, D = difficulty, F = form quality (1–10). Targets are on 0–1,
 * 0.5 neutral, and are pulled on by the profile's moving average (./profile).
 *
 * | rule id                 | when                                                 | dimension → target            |
 * |-------------------------|------------------------------------------------------|-------------------------------|
 * | load_up_easy            | load raised, done, E ≤ 6                              | preferredIntensity → 1        |
 * | load_up_hard            | load raised, done, E ≥ 9                              | preferredIntensity → 0        |
 * | load_up_accepted        | load raised, accepted                                 | progressionRate → 1           |
 * | load_up_skipped         | load raised, skipped                                  | progressionRate → 0, preferredIntensity → 0.25 |
 * | load_modified_up/down   | modified, modifiedTo.loadKg above/below the suggestion| preferredIntensity, progressionRate → 1 / 0 |
 * | load_down_accepted      | load lowered (decrease_weight, deload), accepted      | preferredIntensity → 0.25     |
 * | load_down_skipped       | load lowered, skipped                                 | preferredIntensity → 1        |
 * | volume_up_easy / hard   | volume raised, done, D ≤ 7 / D ≥ 9                    | volumeTolerance → 1 / 0.25    |
 * | volume_up_skipped       | volume raised, skipped                                | volumeTolerance → 0           |
 * | volume_modified_up/down | modified, modifiedTo.sets above/below the suggestion  | volumeTolerance → 1 / 0       |
 * | rest_modified_up/down   | modified, modifiedTo.restS above/below the suggestion | restPreference → 1 / 0        |
 * | rest_longer/shorter_accepted | modify_rest accepted, rest lengthened/shortened  | restPreference → 0.75 / 0.25  |
 * | rest_longer/shorter_skipped  | modify_rest skipped                              | restPreference → 0.25 / 0.75  |
 * | change_accepted         | change_exercise accepted                              | exerciseVariety → 1           |
 * | change_modified         | change_exercise modified to another exercise          | exerciseVariety → 0.75        |
 * | change_skipped          | change_exercise skipped                               | exerciseVariety → 0           |
 * | form_cue_accepted       | suggest_form_focus or add_warmup accepted or modified | formFocus → 1                 |
 * | form_cue_skipped        | suggest_form_focus or add_warmup skipped              | formFocus → 0                 |
 * | form_poor               | done, F ≤ 5                                           | formFocus → 1                 |
 *
 * Thresholds: E ≤ 6 is ≥ 4 reps in reserve on the RPE = 10 − RIR scale (domain.md), work the member
 * found easy; E ≥ 9 is ≤ 1 RIR. F ≤ 5 sits below the safety layer's form limit of 6 (domain.md).
 * The acceptance, modification and skip rates are learnt from `action` itself (./profile).
 */
import type { Prescribed, Recommendation } from '../progression/types';
import type { Feedback, PreferenceDimension, PreferenceSignal } from './types';

const EASY_EXERTION = 6;
const HARD_EXERTION = 9;
const EASY_DIFFICULTY = 7;
const HARD_DIFFICULTY = 9;
const POOR_FORM = 5;

type Push = (dimension: PreferenceDimension, target: number, rule: string, note: string) => void;

const midVolume = (p: Prescribed): number => p.sets * ((p.repMin + p.repMax) / 2);

function loadChange(rec: Recommendation): number {
  const { original: o, suggested: s } = rec;
  if (rec.type === 'deload' || rec.type === 'decrease_weight') return -1;
  if (o.loadKg === null || s.loadKg === null) return rec.type === 'increase_weight' ? 1 : 0;
  return Math.sign(s.loadKg - o.loadKg);
}

function intensitySignals(rec: Recommendation, fb: Feedback, push: Push): void {
  const done = fb.action !== 'skipped';
  const dir = loadChange(rec);
  if (dir > 0) {
    if (done && fb.perceivedExertion <= EASY_EXERTION) push('preferredIntensity', 1, 'load_up_easy', `a heavier load felt easy (exertion ${String(fb.perceivedExertion)})`);
    if (done && fb.perceivedExertion >= HARD_EXERTION) push('preferredIntensity', 0, 'load_up_hard', `a heavier load felt very hard (exertion ${String(fb.perceivedExertion)})`);
    if (fb.action === 'accepted') push('progressionRate', 1, 'load_up_accepted', 'accepted a load increase');
    if (fb.action === 'skipped') {
      push('progressionRate', 0, 'load_up_skipped', 'skipped a load increase');
      push('preferredIntensity', 0.25, 'load_up_skipped', 'skipped a load increase');
    }
  } else if (dir < 0) {
    if (fb.action === 'accepted') push('preferredIntensity', 0.25, 'load_down_accepted', 'accepted a lighter load');
    if (fb.action === 'skipped') push('preferredIntensity', 1, 'load_down_skipped', 'kept the heavier load instead of a lighter one');
  }
  const used = fb.modifiedTo?.loadKg;
  const suggested = rec.suggested.loadKg;
  if (fb.action === 'modified' && used != null && suggested !== null && used !== suggested) {
    const up = used > suggested;
    const rule = up ? 'load_modified_up' : 'load_modified_down';
    const note = `used ${String(used)} kg instead of the suggested ${String(suggested)} kg`;
    push('preferredIntensity', up ? 1 : 0, rule, note);
    push('progressionRate', up ? 1 : 0, rule, note);
  }
}

function volumeSignals(rec: Recommendation, fb: Feedback, push: Push): void {
  const raised = midVolume(rec.suggested) > midVolume(rec.original);
  if (raised && fb.action !== 'skipped') {
    if (fb.difficulty <= EASY_DIFFICULTY) push('volumeTolerance', 1, 'volume_up_easy', `more volume at difficulty ${String(fb.difficulty)}`);
    if (fb.difficulty >= HARD_DIFFICULTY) push('volumeTolerance', 0.25, 'volume_up_hard', `more volume felt very hard (difficulty ${String(fb.difficulty)})`);
  }
  if (raised && fb.action === 'skipped') push('volumeTolerance', 0, 'volume_up_skipped', 'skipped more volume');
  const sets = fb.modifiedTo?.sets;
  if (fb.action === 'modified' && sets !== undefined && sets !== rec.suggested.sets) {
    const up = sets > rec.suggested.sets;
    push('volumeTolerance', up ? 1 : 0, up ? 'volume_modified_up' : 'volume_modified_down', `did ${String(sets)} sets instead of ${String(rec.suggested.sets)}`);
  }
}

function restSignals(rec: Recommendation, fb: Feedback, push: Push): void {
  const rest = fb.modifiedTo?.restS;
  if (fb.action === 'modified' && rest !== undefined && rest !== rec.suggested.restS) {
    const up = rest > rec.suggested.restS;
    push('restPreference', up ? 1 : 0, up ? 'rest_modified_up' : 'rest_modified_down', `rested ${String(rest)} s instead of ${String(rec.suggested.restS)} s`);
  }
  if (rec.type !== 'modify_rest' || rec.suggested.restS === rec.original.restS) return;
  const longer = rec.suggested.restS > rec.original.restS;
  if (fb.action === 'accepted') push('restPreference', longer ? 0.75 : 0.25, longer ? 'rest_longer_accepted' : 'rest_shorter_accepted', `accepted ${longer ? 'longer' : 'shorter'} rest`);
  if (fb.action === 'skipped') push('restPreference', longer ? 0.25 : 0.75, longer ? 'rest_longer_skipped' : 'rest_shorter_skipped', `kept the rest instead of ${longer ? 'longer' : 'shorter'} rest`);
}

function varietyAndFormSignals(rec: Recommendation, fb: Feedback, push: Push): void {
  if (rec.type === 'change_exercise') {
    if (fb.action === 'accepted') push('exerciseVariety', 1, 'change_accepted', 'accepted a new exercise');
    if (fb.action === 'skipped') push('exerciseVariety', 0, 'change_skipped', 'kept the usual exercise');
    const other = fb.modifiedTo?.exerciseId;
    if (fb.action === 'modified' && other !== undefined && other !== rec.original.exerciseId) {
      push('exerciseVariety', 0.75, 'change_modified', `changed to ${other} instead`);
    }
  }
  if (rec.type === 'suggest_form_focus' || rec.type === 'add_warmup') {
    if (fb.action === 'skipped') push('formFocus', 0, 'form_cue_skipped', `skipped ${rec.type === 'add_warmup' ? 'a warm-up' : 'a form cue'}`);
    else push('formFocus', 1, 'form_cue_accepted', `took up ${rec.type === 'add_warmup' ? 'a warm-up' : 'a form cue'}`);
  }
  if (fb.action !== 'skipped' && fb.formQuality <= POOR_FORM) push('formFocus', 1, 'form_poor', `form rated ${String(fb.formQuality)}/10`);
}

/** The signals one feedback gives on the recommendation it answers (see the table above). Pure. */
export function extractSignals(recommendation: Recommendation, feedback: Feedback): PreferenceSignal[] {
  const signals: PreferenceSignal[] = [];
  const push: Push = (dimension, target, rule, note) => signals.push({ dimension, target, rule, note });
  intensitySignals(recommendation, feedback, push);
  volumeSignals(recommendation, feedback, push);
  restSignals(recommendation, feedback, push);
  varietyAndFormSignals(recommendation, feedback, push);
  return signals;
}
