import { describe, expect, it } from 'vitest';
import { checkToolCall, TOOL_DEFINITIONS, TOOL_NAMES, WRITING_TOOLS } from './tools';
import { parsePlanRequest } from './plan-request';

describe('tool calls are checked before anything runs', () => {
  it('refuses an unknown tool and arguments that do not parse, naming the field', () => {
    expect(checkToolCall('delete_member', {})).toEqual({ ok: false, tool: 'delete_member', problem: 'there is no tool "delete_member"' });
    expect(checkToolCall('schedule_appointment', { kind: 'pt', date: 'next tuesday', time: '18:00' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^date: a date YYYY-MM-DD/) });
    expect(checkToolCall('schedule_appointment', { kind: 'class', date: '2026-12-08', time: '18:00' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^classType: a class booking names the class/) });
    expect(checkToolCall('check_availability', { kind: 'pt', days: 99 })).toMatchObject({ ok: false, problem: expect.stringMatching(/^days:/) });
    expect(checkToolCall('log_feedback', { text: 'ok', memberId: 4 })).toMatchObject({ ok: false });
  });

  it('fills defaults for valid calls', () => {
    expect(checkToolCall('schedule_appointment', { kind: 'pt', date: '2026-12-08', time: '18:00' })).toEqual({ ok: true, call: { tool: 'schedule_appointment', args: { kind: 'pt', date: '2026-12-08', time: '18:00', minutes: 60 } } });
  });

  it('offers the model every tool but the plan draft (that one is the grammar step), and marks the writes', () => {
    expect(Object.keys(TOOL_DEFINITIONS).sort()).toEqual(TOOL_NAMES.filter((t) => t !== 'draft_plan').sort());
    expect([...WRITING_TOOLS].sort()).toEqual(['draft_plan', 'log_feedback', 'schedule_appointment']);
  });

  it('parses a plan request from JSON and reports what is wrong with a bad one', () => {
    expect(parsePlanRequest('{"daysPerWeek":3,"weeks":4,"level":"beginner","goal":"strength","avoidEquipment":["barbell","barbell"]}'))
      .toEqual({ ok: true, call: { tool: 'draft_plan', args: { daysPerWeek: 3, weeks: 4, level: 'beginner', goal: 'strength', avoidEquipment: ['barbell'] } } });
    expect(parsePlanRequest('{"daysPerWeek": 39239')).toMatchObject({ ok: false, problem: expect.stringContaining('not JSON') });
    expect(parsePlanRequest('{"daysPerWeek": 9, "weeks": 4}')).toMatchObject({ ok: false, problem: expect.stringContaining('daysPerWeek') });
  });
});
