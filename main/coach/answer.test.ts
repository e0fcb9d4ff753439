import { describe, expect, it } from 'vitest';
import { composeAnswer } from './answer';

const club = { openingHours: ['Mon 06:00–22:00'], classes: [], trainers: [] };

describe('the words of an answer', () => {
  it('names invalid calls from the model as not run, after the model text and the tool lines', () => {
    const text = composeAnswer({
      mode: 'model', intent: 'availability', modelText: 'Let me check.', club,
      outcomes: [{ kind: 'read', lines: ['PT with Ben: Mon 7 Dec, 10:00.'] }, { kind: 'write', op: 'appointments/book', input: {}, summary: 'PT with Ben' }],
      problems: ['schedule_appointment: date: a date YYYY-MM-DD'],
    });
    expect(text).toBe('Let me check.\n\nPT with Ben: Mon 7 Dec, 10:00.\n\nProposed: PT with Ben. Confirm or reject it on the card.\n\nNot run (invalid): schedule_appointment: date: a date YYYY-MM-DD.');
  });

  it('puts the medical notice first in either mode, and asks for what a booking lacks in rules mode', () => {
    expect(composeAnswer({ mode: 'model', intent: 'medical', modelText: '', outcomes: [], problems: [], club })).toMatch(/^That is a question for a medical professional/);
    expect(composeAnswer({ mode: 'rules', intent: 'book', modelText: '', outcomes: [], problems: ['which day', 'what time'], club })).toBe('To book it, tell me which day and what time. What is free:');
  });
});
