/**
 * Heuristics that fill in what an imported exercise record does not say: its movement
 * pattern, its substitution group, a missing mechanic and a missing or vague equipment.
 *
 * All rules read the lower-cased name with punctuation turned into spaces, so
 * `Push-Ups - Close Triceps Position` is read as ` push ups close triceps position `.
 * The rules are ordered; the first that fits wins. Pure functions, no I/O.
 */
import type { Equipment, Mechanic, Muscle, Pattern } from '../types';

/** What the pattern heuristic looks at. `category` is free-exercise-db's (`strength`, `stretching`, ...). */
export interface PatternInput {
  name: string;
  category: string;
  primaryMuscles: readonly Muscle[];
  force: 'push' | 'pull' | 'static';
  mechanic: Mechanic;
}

/** A pattern and the substitution group that goes with it. */
export interface PatternGuess {
  pattern: Pattern;
  substitutionGroup: string;
}

/** Lower-cases, turns every non-alphanumeric run into one space and pads with spaces. */
export function nameText(name: string): string {
  return ` ${name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

interface Rule {
  /** Tested against `nameText(name)`. */
  test: RegExp;
  pattern: Pattern;
  /** Substitution group, or a function choosing one from the name text. */
  group: string | ((text: string) => string);
  /** When set, the first primary muscle must be one of these. */
  muscles?: readonly Muscle[];
}

/** ` (a|b|c) `: any of the given word patterns, as a whole word of `nameText` output. */
const anyWord = (...words: string[]): RegExp => new RegExp(` (${words.join('|')}) `);

const PUSHERS: readonly Muscle[] = ['chest', 'shoulders', 'triceps'];
const SHOULDERS: readonly Muscle[] = ['shoulders', 'traps'];
const ABS: readonly Muscle[] = ['abdominals'];

const pick = (choices: Array<[RegExp, string]>, otherwise: string) => (text: string): string =>
  choices.find(([re]) => re.test(text))?.[1] ?? otherwise;

/**
 * Ordered name rules. Earlier rules catch the specific names (`leg curl`, `upright row`,
 * `calf press`) before the generic words (`curl`, `row`, `press`) they contain.
 */
const RULES: readonly Rule[] = [
  { test: / (farmer|farmers|carry|yoke walk|suitcase) /, pattern: 'carry', group: 'loaded-carry' },
  { test: / shrugs? /, pattern: 'shrug', group: 'shrug' },
  { test: / (calf|calves|heel raises?|donkey) /, pattern: 'calf_raise', group: 'calf-raise' },
  { test: / (face pulls?) /, pattern: 'rear_delt', group: 'face-pull' },
  {
    test: / (rear delt|rear lateral|bent over .*laterals?|reverse (machine )?fl(y|ye|yes|ies)|back flyes|pull apart|external rotation) /,
    pattern: 'rear_delt',
    group: pick([[/ external rotation /, 'rotator-cuff']], 'reverse-fly'),
  },
  { test: / (internal rotation) /, pattern: 'other', group: 'rotator-cuff' },
  { test: / (flye?s?|flies|crossover|butterfly|pec deck|iron cross) /, pattern: 'chest_fly', group: 'chest-fly', muscles: ['chest'] },
  { test: / (leg curls?|hamstring curl|glute ham|nordic|hamstring slides) /, pattern: 'knee_flexion', group: 'leg-curl' },
  { test: / (leg extensions?|sissy) /, pattern: 'knee_extension', group: 'leg-extension' },
  { test: / (abduct\w*|clam\w*|monster walk|lateral band walk|fire hydrant) /, pattern: 'hip_abduction', group: 'hip-abduction' },
  { test: / (adduct\w*) /, pattern: 'hip_adduction', group: 'hip-adduction' },
  { test: / (wrist|finger) (curls?|roller|rotations?) | wrist roller /, pattern: 'other', group: 'forearm' },
  { test: / curls? /, pattern: 'elbow_flexion', group: pick([[/ hammer /, 'hammer-curl']], 'biceps-curl'), muscles: ['biceps', 'forearms'] },
  { test: / upright .*row /, pattern: 'shoulder_raise', group: 'upright-row', muscles: SHOULDERS },
  { test: / (jerk|clean and press|push press|handstand|pike push|log lift) /, pattern: 'vertical_push', group: 'overhead-press' },
  { test: / dips? /, pattern: 'elbow_extension', group: 'triceps-dip', muscles: ['triceps'] },
  { test: / dips? /, pattern: 'horizontal_push', group: 'dip', muscles: ['chest'] },
  {
    test: anyWord(
      'push ups?', 'pushups?', 'bench press', 'chest press', 'floor press', 'close grip (barbell |dumbbell |ez bar |smith machine )?press',
      'board press', 'pin press(es)?', 'decline press', 'incline press', 'guillotine', 'svend press', 'neck press',
    ),
    pattern: 'horizontal_push',
    group: pick([
      [/ (close|narrow|triceps position) /, 'close-grip-press'], [/ push ups? | pushups? /, 'push-up'], [/ incline /, 'incline-press'],
    ], 'bench-press'),
    muscles: PUSHERS,
  },
  {
    test: / (tricep|triceps|skull ?crushers?|kickbacks?|push ?downs?|jm press|tate press|french press) /,
    pattern: 'elbow_extension',
    group: pick([[/ push ?downs? /, 'triceps-pushdown'], [/ skull| lying /, 'skullcrusher'], [/ kickback/, 'triceps-kickback']], 'triceps-extension'),
    muscles: ['triceps'],
  },
  { test: / straight arm (pulldown|pull down|pushdown)s? | pullovers? /, pattern: 'vertical_pull', group: 'pullover' },
  { test: / (pull ?downs?) /, pattern: 'vertical_pull', group: 'lat-pulldown' },
  { test: / (pull ?ups?|pullups?|chin ?ups?|chins?|muscle ups?) /, pattern: 'vertical_pull', group: 'pull-up', muscles: ['lats', 'middle_back', 'biceps'] },
  {
    test: / rows? | bench pull /,
    pattern: 'horizontal_pull',
    group: pick([
      [/ (inverted|suspended|bodyweight|body) /, 'inverted-row'], [/ bent over /, 'bent-over-row'],
      [/ (seated|cable|machine|leverage|lever|pulley) /, 'seated-row'],
    ], 'bent-over-row'),
  },
  { test: / press(es)? /, pattern: 'vertical_push', group: 'overhead-press', muscles: ['shoulders'] },
  { test: / press(es)? /, pattern: 'horizontal_push', group: pick([[/ incline /, 'incline-press']], 'bench-press'), muscles: ['chest'] },
  { test: / (leg press|hack) /, pattern: 'squat', group: 'leg-press' },
  {
    test: / (lunges?|split squats?|step ?ups?|bulgarian) /,
    pattern: 'lunge',
    group: pick([[/ (split squat|bulgarian)/, 'split-squat'], [/ step ?up/, 'step-up']], 'lunge'),
  },
  { test: / (squats?|thrusters?|wall sit) /, pattern: 'squat', group: 'squat' },
  {
    test: anyWord(
      'deadlifts?', 'rdl', 'good mornings?', 'swings?', 'cleans?', 'snatch\\w*', 'pull through', 'hyperextensions?',
      'back extensions?', 'rack pulls?', 'atlas stones?', 'keg load', 'tire flip', 'high pull',
    ),
    pattern: 'hinge',
    group: pick([
      [/ (romanian|rdl|stiff|one legged deadlift) /, 'romanian-deadlift'], [/ (good mornings?|pull through) /, 'good-morning'],
      [/ swing/, 'swing'], [/ (hyperextension|back extension)/, 'back-extension'], [/ (clean|snatch|high pull)/, 'olympic-lift'],
    ], 'deadlift'),
  },
  {
    test: / (hip thrusts?|glute bridge|bridge|hip raise|hip lift|butt lift|kickbacks?|hip extension|leg lift) /,
    pattern: 'hip_extension',
    group: pick([[/ (kickback|hip extension|leg lift) /, 'glute-kickback']], 'hip-thrust'),
    muscles: ['glutes'],
  },
  { test: / (plank|hollow|dead bug|bird dog|pallof|l sit|bottoms up) /, pattern: 'core_stability', group: pick([[/ pallof /, 'anti-rotation']], 'plank'), muscles: ABS },
  { test: / (rollouts?|ab roller|ab wheel|fallout) /, pattern: 'core_stability', group: 'rollout', muscles: ABS },
  { test: / (side bends?) /, pattern: 'core_rotation', group: 'side-bend', muscles: ABS },
  { test: / (twists?|wood ?chop|rotation|russian|windmills?|landmine 180 s?|judo flip|figure 8|oblique|cable lift) /, pattern: 'core_rotation', group: 'trunk-rotation', muscles: ABS },
  {
    test: anyWord(
      'crunch\\w*', 'sit ?ups?', 'situps?', 'leg raises?', 'knee raises?', 'v ups?', 'jackknife', 'toes to bar', 'pull in',
      'hip raise', 'tuck', 'butt ups', 'flutter', 'heel touchers', 'pike', 'elbow to knee',
    ),
    pattern: 'core_flexion',
    group: pick([[/ (leg raise|knee raise|pull in|hip raise|hanging|pike) /, 'leg-raise']], 'crunch'),
    muscles: ABS,
  },
  { test: / (raises?|laterals?|partials) /, pattern: 'shoulder_raise', group: pick([[/ front /, 'front-raise']], 'lateral-raise'), muscles: SHOULDERS },
];

/** Pattern from the first primary muscle, force and mechanic, when no name rule fits. */
function patternFromMuscle(input: PatternInput): Pattern {
  const { force, mechanic } = input;
  switch (input.primaryMuscles[0]) {
    case 'abdominals': return force === 'static' ? 'core_stability' : 'core_flexion';
    case 'abductors': return 'hip_abduction';
    case 'adductors': return 'hip_adduction';
    case 'biceps': return 'elbow_flexion';
    case 'triceps': return 'elbow_extension';
    case 'calves': return 'calf_raise';
    case 'chest': return mechanic === 'isolation' ? 'chest_fly' : 'horizontal_push';
    case 'glutes': return 'hip_extension';
    case 'hamstrings': return mechanic === 'isolation' ? 'knee_flexion' : 'hinge';
    case 'lats': return 'vertical_pull';
    case 'lower_back': return 'hinge';
    case 'middle_back': return 'horizontal_pull';
    case 'quadriceps': return mechanic === 'isolation' ? 'knee_extension' : 'squat';
    case 'shoulders':
      if (force === 'pull') return 'rear_delt';
      return mechanic === 'isolation' ? 'shoulder_raise' : 'vertical_push';
    case 'traps': return 'shrug';
    default: return 'other';
  }
}

/**
 * Guesses the movement pattern and substitution group of an imported exercise.
 *
 * Order of the rules:
 * 1. category `stretching` → `mobility`, group `stretch-<first primary muscle>`;
 *    `cardio` → `conditioning`, group `conditioning`; `plyometrics` → `conditioning`, group `plyometrics`.
 * 2. the first name rule in `RULES` whose words appear in the name (and whose muscle guard,
 *    if any, holds for the first primary muscle) gives pattern and group;
 * 3. otherwise the first primary muscle with force and mechanic decides the pattern
 *    (e.g. quadriceps + compound → `squat`, shoulders + pull → `rear_delt`), and the group
 *    is the pattern in kebab case (`horizontal-push`).
 * Never throws; the worst case is `{ pattern: 'other', substitutionGroup: 'other' }`.
 */
export function inferPattern(input: PatternInput): PatternGuess {
  const muscle = input.primaryMuscles[0];
  const category = input.category.toLowerCase();
  if (category === 'stretching') return { pattern: 'mobility', substitutionGroup: `stretch-${kebab(muscle ?? 'body')}` };
  if (category === 'cardio') return { pattern: 'conditioning', substitutionGroup: 'conditioning' };
  if (category === 'plyometrics') return { pattern: 'conditioning', substitutionGroup: 'plyometrics' };
  const text = nameText(input.name);
  for (const rule of RULES) {
    if (!rule.test.test(text)) continue;
    if (rule.muscles && (muscle === undefined || !rule.muscles.includes(muscle))) continue;
    const group = typeof rule.group === 'string' ? rule.group : rule.group(text);
    return { pattern: rule.pattern, substitutionGroup: group };
  }
  const pattern = patternFromMuscle(input);
  return { pattern, substitutionGroup: kebab(pattern) };
}

function kebab(value: string): string {
  return value.replace(/_/g, '-');
}

const MULTI_JOINT = anyWord(
  'squats?', 'press(es)?', 'rows?', 'deadlifts?', 'lunges?', 'pull ?ups?', 'pullups?', 'chin ?ups?', 'chins?', 'cleans?',
  'snatch\\w*', 'jerk', 'push ?ups?', 'pushups?', 'dips?', 'thrusts?', 'swings?', 'step ?ups?', 'burpees?', 'jumps?', 'carry',
  'walk\\w*', 'get ?up', 'climbers?', 'run\\w*', 'jog\\w*', 'swim\\w*', 'bik\\w*', 'bicycling', 'elliptical', 'rowing', 'skating',
  'stair\\w*', 'mill', 'sprints?', 'bounds?', 'hops?', 'crawl',
);

/**
 * Infers a missing mechanic: `compound` when the record lists at least one secondary muscle
 * or the name names a multi-joint movement (squat, press, row, deadlift, lunge, pull-up, clean,
 * jump, run, ...); otherwise `isolation`.
 */
export function inferMechanic(name: string, secondaryMuscles: readonly Muscle[]): Mechanic {
  if (secondaryMuscles.length > 0) return 'compound';
  return MULTI_JOINT.test(nameText(name)) ? 'compound' : 'isolation';
}

const NAME_EQUIPMENT: ReadonlyArray<[RegExp, Equipment]> = [
  [/ smith /, 'smith_machine'],
  [/ (ez|e z) (curl )?bar | ez /, 'ez_bar'],
  [/ barbell /, 'barbell'],
  [/ (dumbbells?|db) /, 'dumbbell'],
  [/ kettlebells? /, 'kettlebell'],
  [/ (cable|pulley) /, 'cable'],
  [/ bands? /, 'bands'],
  [/ medicine ball /, 'medicine_ball'],
  [/ (stability|exercise|swiss|physio) ?ball /, 'exercise_ball'],
  [/ (foam roll\w*|smr) /, 'foam_roll'],
  [/ (pull ?ups?|pullups?|chin ?ups?|inverted row|hanging) /, 'pullup_bar'],
  [/ (machine|treadmill|stationary|elliptical|bike|stairmaster|step mill|leverage|lever) /, 'machine'],
  [anyWord(
    'bodyweight', 'body weight', 'push ?ups?', 'pushups?', 'stretch\\w*', 'circles?', 'lunges?', 'squats?', 'jumps?', 'hops?',
    'bound', 'crunch\\w*', 'sit ?ups?', 'plank', 'bridge', 'pose', 'drill', 'running', 'walking', 'skipping', 'climbers?', 'step',
  ), 'body_only'],
];

/**
 * Equipment for an imported record. A known source value is kept, refined by the name where
 * the source is vague: `machine`/`barbell` named "Smith ..." → `smith_machine`, a `barbell`
 * named "EZ ..." → `ez_bar`, a `body_only` pull-up, chin-up or hanging exercise → `pullup_bar`.
 * A missing value is read from the name (first match in `NAME_EQUIPMENT`), else `other`.
 */
export function inferEquipment(name: string, source: Equipment | null): Equipment {
  const text = nameText(name);
  if (source === null) return NAME_EQUIPMENT.find(([re]) => re.test(text))?.[1] ?? 'other';
  if ((source === 'machine' || source === 'barbell') && / smith /.test(text)) return 'smith_machine';
  if (source === 'barbell' && / (ez|e z) /.test(text)) return 'ez_bar';
  if (source === 'body_only' && / (pull ?ups?|pullups?|chin ?ups?|chins?|hanging|muscle up) /.test(text)) return 'pullup_bar';
  return source;
}
