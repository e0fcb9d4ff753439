/**
 * Front-desk requests as staff type them (typos, "next Tue 6pm", names), each with the intent,
 * tool and arguments the rules-mode coach must give. Today is Friday 4 December 2026 at the club.
 * Used by the accuracy test and by the bench (`rules_intent_accuracy`).
 */
import type { ClubVocabulary, Intent } from './intents';
import type { ToolName } from './tools';

export const FIXTURE_CLUB: ClubVocabulary = {
  today: '2026-12-04',
  trainers: ['Tom Baker', 'Ana Silva', 'Jonas Berg'],
  classTypes: ['Spin', 'HIIT', 'Yoga Flow', 'Pilates'],
};

export interface LabelledRequest {
  text: string;
  intent: Intent;
  /** The first proposed tool (null: none) and the arguments it must contain. */
  tool: ToolName | null;
  args?: Record<string, unknown>;
}

export const LABELLED_REQUESTS: LabelledRequest[] = [
  // availability
  { text: 'Is Tom free next Tue 6pm?', intent: 'availability', tool: 'check_availability', args: { kind: 'pt', trainer: 'Tom Baker', date: '2026-12-08', fromTime: '18:00', toTime: '19:00' } },
  { text: 'any spin classes tomorow?', intent: 'availability', tool: 'check_availability', args: { kind: 'class', classType: 'Spin', date: '2026-12-05' } },
  { text: 'what PT slots are availble on monday morning', intent: 'availability', tool: 'check_availability', args: { kind: 'pt', date: '2026-12-07', fromTime: '06:00', toTime: '12:00' } },
  { text: 'Is there space in HIIT this evening?', intent: 'availability', tool: 'check_availability', args: { kind: 'class', classType: 'HIIT', date: '2026-12-04', fromTime: '17:00' } },
  { text: 'when is Ana available next week', intent: 'availability', tool: 'check_availability', args: { trainer: 'Ana Silva', date: '2026-12-07', days: 7 } },
  { text: 'any openings with jonas on thurs afternoon?', intent: 'availability', tool: 'check_availability', args: { trainer: 'Jonas Berg', date: '2026-12-10', fromTime: '12:00' } },
  { text: 'is yoga full on sunday', intent: 'availability', tool: 'check_availability', args: { kind: 'class', classType: 'Yoga Flow', date: '2026-12-06' } },
  { text: 'free slots today?', intent: 'availability', tool: 'check_availability', args: { date: '2026-12-04', kind: 'any' } },
  { text: 'Does Tom have any spots on the 12th', intent: 'availability', tool: 'check_availability', args: { trainer: 'Tom Baker', date: '2026-12-12' } },
  // booking
  { text: 'Book Sara a PT session with Tom next Tue 6pm', intent: 'book', tool: 'schedule_appointment', args: { kind: 'pt', trainer: 'Tom Baker', date: '2026-12-08', time: '18:00' } },
  { text: 'bok her into spin tomorrow at 7am', intent: 'book', tool: 'schedule_appointment', args: { kind: 'class', classType: 'Spin', date: '2026-12-05', time: '07:00' } },
  { text: 'can you put him in the HIIT class on wed at 6.30pm', intent: 'book', tool: 'schedule_appointment', args: { kind: 'class', classType: 'HIIT', date: '2026-12-09', time: '18:30' } },
  { text: 'schedule a 30 min session with Ana on Monday at 8', intent: 'book', tool: 'schedule_appointment', args: { kind: 'pt', trainer: 'Ana Silva', date: '2026-12-07', time: '08:00', minutes: 30 } },
  { text: 'reserve pilates for her Dec 9 at 18:00', intent: 'book', tool: 'schedule_appointment', args: { kind: 'class', classType: 'Pilates', date: '2026-12-09', time: '18:00' } },
  { text: 'sign Ben up for yoga flow saturday 10am', intent: 'book', tool: 'schedule_appointment', args: { kind: 'class', classType: 'Yoga Flow', date: '2026-12-05', time: '10:00' } },
  { text: 'Book a PT with Jonas', intent: 'book', tool: 'check_availability', args: { kind: 'pt', trainer: 'Jonas Berg', days: 7 } },
  { text: 'book him in for friday at 5', intent: 'book', tool: 'schedule_appointment', args: { kind: 'pt', date: '2026-12-04', time: '17:00' } },
  { text: 'Please book an appointment with Tom on 8/12 at noon', intent: 'book', tool: 'schedule_appointment', args: { kind: 'pt', trainer: 'Tom Baker', date: '2026-12-08', time: '12:00' } },
  // plan questions
  { text: "what's on Sara's plan today?", intent: 'plan_question', tool: 'get_member_plan' },
  { text: 'how many sets of squats is she doing this week', intent: 'plan_question', tool: 'get_member_plan' },
  { text: 'show me week 2 of his programme', intent: 'plan_question', tool: 'get_member_plan', args: { week: 2 } },
  { text: 'What is Ben doing in his workout on Monday?', intent: 'plan_question', tool: 'get_member_plan' },
  { text: 'what reps for the bench in her plan', intent: 'plan_question', tool: 'get_member_plan' },
  // plan drafts
  { text: 'Make Sara a 3-day beginner plan, no barbell', intent: 'draft_plan', tool: 'draft_plan', args: { daysPerWeek: 3, level: 'beginner', avoidEquipment: ['barbell'] } },
  { text: 'create a four day strength program for him', intent: 'draft_plan', tool: 'draft_plan', args: { daysPerWeek: 4, goal: 'strength' } },
  { text: 'draft a 2 day plan without machines for 6 weeks', intent: 'draft_plan', tool: 'draft_plan', args: { daysPerWeek: 2, weeks: 6, avoidEquipment: ['machine'] } },
  { text: 'can you build her a 5 day hypertrophy split', intent: 'draft_plan', tool: 'draft_plan', args: { daysPerWeek: 5, goal: 'hypertrophy' } },
  // substitutions
  { text: 'What can Sara do instead of barbell back squats? her knee hurts', intent: 'substitution', tool: 'suggest_substitution', args: { exercise: 'barbell back squats' } },
  { text: 'swap the bench press for something else', intent: 'substitution', tool: 'suggest_substitution', args: { exercise: 'bench press' } },
  { text: 'need a subsitute for deadlifts, lower back is sore', intent: 'substitution', tool: 'suggest_substitution', args: { exercise: 'deadlifts' } },
  { text: 'alternative to pull-ups?', intent: 'substitution', tool: 'suggest_substitution', args: { exercise: 'pullups' } },
  { text: "he can't do lunges, what else", intent: 'substitution', tool: 'suggest_substitution', args: { exercise: 'lunges' } },
  // explanations
  { text: 'why did the app drop her squat load?', intent: 'explain', tool: 'explain_recommendation', args: { exercise: 'squat' } },
  { text: 'explain the overhead press recomendation', intent: 'explain', tool: 'explain_recommendation', args: { exercise: 'overhead press' } },
  { text: 'how come his bench went up 5kg', intent: 'explain', tool: 'explain_recommendation', args: { exercise: 'bench' } },
  // opening hours
  { text: 'what time do you open on sunday', intent: 'opening_hours', tool: null },
  { text: 'opening hours?', intent: 'opening_hours', tool: null },
  { text: 'when does the gym close tonight', intent: 'opening_hours', tool: null },
  // progress
  { text: "How is Sara's progress on squat?", intent: 'progress', tool: 'get_member_progress' },
  { text: 'is ben getting stronger', intent: 'progress', tool: 'get_member_progress' },
  { text: 'how is she doing lately', intent: 'progress', tool: 'get_member_progress' },
  { text: 'has his deadlift plateaued', intent: 'progress', tool: 'get_member_progress' },
  // feedback
  { text: 'log that she found the leg day too hard, 8/10', intent: 'feedback', tool: 'log_feedback', args: { rating: 8 } },
  { text: 'note: he said the new warm-up felt great', intent: 'feedback', tool: 'log_feedback' },
  // medical: declined, no tool
  { text: 'should she take ibuprofen for the knee?', intent: 'medical', tool: null },
  { text: 'is it safe to train with a sprained ankle', intent: 'medical', tool: null },
  { text: 'can you diagnose his shoulder pain', intent: 'medical', tool: null },
];

/**
 * Requests written after the parser was finished and never tuned against: an honest estimate of
 * rules mode on new phrasing (reported, not gated at 95 %).
 */
export const HELD_OUT_REQUESTS: LabelledRequest[] = [
  { text: 'Does Ana have anything open thursday evening?', intent: 'availability', tool: 'check_availability', args: { trainer: 'Ana Silva', date: '2026-12-10', fromTime: '17:00' } },
  { text: 'whats free in pilates on monday', intent: 'availability', tool: 'check_availability', args: { kind: 'class', classType: 'Pilates', date: '2026-12-07' } },
  { text: 'Could you book Sara in with Jonas tomorrow 9am please', intent: 'book', tool: 'schedule_appointment', args: { kind: 'pt', trainer: 'Jonas Berg', date: '2026-12-05', time: '09:00' } },
  { text: 'put her down for HIIT next tuesday 7pm', intent: 'book', tool: 'schedule_appointment', args: { kind: 'class', classType: 'HIIT', date: '2026-12-08', time: '19:00' } },
  { text: 'which exercises is she doing on day 2', intent: 'plan_question', tool: 'get_member_plan' },
  { text: "what's his current programme look like", intent: 'plan_question', tool: 'get_member_plan' },
  { text: 'Write up a 4 day intermediate plan for Ben, no machines', intent: 'draft_plan', tool: 'draft_plan', args: { daysPerWeek: 4, level: 'intermediate', avoidEquipment: ['machine'] } },
  { text: 'give her something else instead of the leg press', intent: 'substitution', tool: 'suggest_substitution', args: { exercise: 'leg press' } },
  { text: 'her wrists hurt on push-ups, any swap?', intent: 'substitution', tool: 'suggest_substitution', args: { exercise: 'pushups' } },
  { text: "why is the app telling him to deload his bench?", intent: 'explain', tool: 'explain_recommendation', args: { exercise: 'bench' } },
  { text: 'are you open on saturdays', intent: 'opening_hours', tool: null },
  { text: 'what are the gym hours on christmas eve', intent: 'opening_hours', tool: null },
  { text: 'how much has her squat gone up since she started', intent: 'progress', tool: 'get_member_progress' },
  { text: 'she said the session felt easy today, note it', intent: 'feedback', tool: 'log_feedback' },
  { text: 'he thinks he tore something in his hamstring, what should he do?', intent: 'medical', tool: null },
  { text: 'is sara ok to train while pregnant', intent: 'medical', tool: null },
];

/**
 * A second batch, written after the parser was tuned on the first held-out batch, and measured
 * once without changes to the parser: the figure the README quotes for unseen phrasing.
 */
export const HELD_OUT_2: LabelledRequest[] = [
  { text: 'can Tom fit Sara in on friday afternoon', intent: 'availability', tool: 'check_availability', args: { trainer: 'Tom Baker', date: '2026-12-04', fromTime: '12:00' } },
  { text: 'how many spots left in spin sat morning?', intent: 'availability', tool: 'check_availability', args: { kind: 'class', classType: 'Spin', date: '2026-12-05' } },
  { text: 'reserve a session with ana for monday 6pm', intent: 'book', tool: 'schedule_appointment', args: { kind: 'pt', trainer: 'Ana Silva', date: '2026-12-07', time: '18:00' } },
  { text: 'get him on the yoga flow class this sunday at 9am', intent: 'book', tool: 'schedule_appointment', args: { kind: 'class', classType: 'Yoga Flow', date: '2026-12-06', time: '09:00' } },
  { text: 'what weight is she meant to use on deadlifts', intent: 'plan_question', tool: 'get_member_plan' },
  { text: 'draft him a three-day fat loss plan', intent: 'draft_plan', tool: 'draft_plan', args: { daysPerWeek: 3 } },
  { text: 'something easier on the shoulders than overhead press?', intent: 'substitution', tool: 'suggest_substitution', args: { exercise: 'overhead press' } },
  { text: 'explain why her rows were cut', intent: 'explain', tool: 'explain_recommendation', args: { exercise: 'rows' } },
  { text: 'what time do you shut on sundays', intent: 'opening_hours', tool: null },
  { text: 'is his bench improving?', intent: 'progress', tool: 'get_member_progress' },
  { text: 'she loved the new circuit, log it', intent: 'feedback', tool: 'log_feedback' },
  { text: 'her doctor said no lifting for 2 weeks, is light cardio fine?', intent: 'medical', tool: null },
];

/**
 * A third batch, written after the tuning on the second and measured once with the parser frozen:
 * the figure the README quotes for unseen phrasing.
 */
export const HELD_OUT_3: LabelledRequest[] = [
  { text: 'When could Jonas see her this week?', intent: 'availability', tool: 'check_availability', args: { trainer: 'Jonas Berg', days: 7 } },
  { text: 'room in hiit on wednesday?', intent: 'availability', tool: 'check_availability', args: { kind: 'class', classType: 'HIIT', date: '2026-12-09' } },
  { text: 'lock in a PT with Tom for 8am tomorrow', intent: 'book', tool: 'schedule_appointment', args: { kind: 'pt', trainer: 'Tom Baker', date: '2026-12-05', time: '08:00' } },
  { text: 'Add Ben to spin on Tuesday at 6pm', intent: 'book', tool: 'schedule_appointment', args: { kind: 'class', classType: 'Spin', date: '2026-12-08', time: '18:00' } },
  { text: "how many reps should she do on goblet squats", intent: 'plan_question', tool: 'get_member_plan' },
  { text: 'set up a 5-day plan for Sara', intent: 'draft_plan', tool: 'draft_plan', args: { daysPerWeek: 5 } },
  { text: 'she hates burpees, what can replace them', intent: 'substitution', tool: 'suggest_substitution' },
  { text: 'why was the rdl weight lowered', intent: 'explain', tool: 'explain_recommendation' },
  { text: 'till when are you open today', intent: 'opening_hours', tool: null },
  { text: "show me sara's progress", intent: 'progress', tool: 'get_member_progress' },
  { text: 'record feedback: the warm-up was too long', intent: 'feedback', tool: 'log_feedback' },
  { text: 'his blood pressure is high, can he still lift heavy?', intent: 'medical', tool: null },
];
