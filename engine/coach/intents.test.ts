import { describe, expect, it } from 'vitest';
import { rulesAccuracy } from './accuracy';
import { parseRequest } from './intents';
import { FIXTURE_CLUB, HELD_OUT_2, HELD_OUT_3, HELD_OUT_REQUESTS, LABELLED_REQUESTS } from './requests.fixture';
import { WRITING_TOOLS } from './tools';
import { parseWhen } from './when';
import { correctTokens, editDistance } from './text';

describe('rules mode on labelled front-desk requests', () => {
  it('has at least 40 requests and gets at least 95 % fully right (intent, tool, arguments)', () => {
    const report = rulesAccuracy(LABELLED_REQUESTS, FIXTURE_CLUB);
    console.log(`rules-mode accuracy: ${report.correct}/${report.total} = ${(report.accuracy * 100).toFixed(1)} %`, report.misses);
    expect(report.total).toBeGreaterThanOrEqual(40);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('reports unseen phrasing (batch 3, never tuned against) and gets the tuning batches right', () => {
    const unseen = rulesAccuracy(HELD_OUT_3, FIXTURE_CLUB);
    console.log(`rules-mode accuracy on unseen phrasing: ${unseen.correct}/${unseen.total}`, unseen.misses);
    expect(unseen.total).toBeGreaterThanOrEqual(12);
    expect(rulesAccuracy([...HELD_OUT_REQUESTS, ...HELD_OUT_2], FIXTURE_CLUB).accuracy).toBe(1);
  });

  it('never proposes a write that was not asked for, on every batch (misses stay read-only)', () => {
    const unexpected = [...LABELLED_REQUESTS, ...HELD_OUT_REQUESTS, ...HELD_OUT_2, ...HELD_OUT_3].flatMap((r) => {
      const calls = parseRequest(r.text, FIXTURE_CLUB).toolCalls.filter((c) => WRITING_TOOLS.has(c.tool));
      return calls.filter((c) => c.tool !== r.tool).map((c) => `${r.text} → ${c.tool}`);
    });
    expect(unexpected).toEqual([]);
  });

  it('reads the example of the issue as a 3-day beginner plan without a barbell', () => {
    const r = parseRequest('Make Sara a 3-day beginner plan, no barbell', FIXTURE_CLUB);
    expect(r.toolCalls).toEqual([{ tool: 'draft_plan', args: { daysPerWeek: 3, weeks: 4, level: 'beginner', avoidEquipment: ['barbell'] } }]);
  });

  it('asks for what is missing instead of guessing a booking time', () => {
    const r = parseRequest('book her into spin', FIXTURE_CLUB);
    expect(r.intent).toBe('book');
    expect(r.toolCalls[0]?.tool).toBe('check_availability');
    expect(r.problems).toEqual(['which day', 'what time']);
  });

  it('declines medical questions with no tool', () => {
    expect(parseRequest('what medication helps tendinitis', FIXTURE_CLUB)).toEqual({ intent: 'medical', toolCalls: [], problems: [] });
  });

  it('treats unknown text as unknown', () => {
    expect(parseRequest('the weather is lovely', FIXTURE_CLUB).intent).toBe('unknown');
  });
});

describe('dates and times', () => {
  const today = '2026-12-04'; // a Friday
  it('reads next Tue 6pm, tomorrow at 7, a bare 5 after "at" as pm, and a part of the day', () => {
    expect(parseWhen('next Tue 6pm', today)).toMatchObject({ date: '2026-12-08', time: '18:00' });
    expect(parseWhen('tomorrow at 7', today)).toMatchObject({ date: '2026-12-05', time: '07:00' });
    expect(parseWhen('friday at 5', today)).toMatchObject({ date: '2026-12-04', time: '17:00' });
    expect(parseWhen('next friday', today)).toMatchObject({ date: '2026-12-11' });
    expect(parseWhen('monday morning', today)).toMatchObject({ date: '2026-12-07', time: null, part: 'morning' });
  });
  it('rolls a past day of the month into the next month and a past date into next year', () => {
    expect(parseWhen('on the 2nd', today).date).toBe('2027-01-02');
    expect(parseWhen('Nov 30 at 10am', today)).toMatchObject({ date: '2027-11-30', time: '10:00' });
  });
  it('leaves a bare number alone (not a time)', () => {
    expect(parseWhen('3 sets of 8', today).time).toBeNull();
  });
});

describe('typo correction', () => {
  it('corrects within one edit for short words, two for long ones, and swaps count once', () => {
    expect(editDistance('tomorow', 'tomorrow')).toBe(1);
    expect(editDistance('tommorow', 'tomorrow')).toBe(2);
    expect(correctTokens(['availble', 'tomorow', 'teh', 'spni'], new Set(['available', 'tomorrow', 'spin']))).toEqual(['available', 'tomorrow', 'teh', 'spin']);
  });
});
