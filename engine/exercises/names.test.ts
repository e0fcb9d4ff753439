import { describe, expect, it } from 'vitest';
import { nameTokens, normalizedKey, parseStrongName, singular } from './names';

describe('nameTokens', () => {
  it.each([
    ['Chin-Up', ['chinup']], ['chin up', ['chinup']], ['Chinups', ['chinup']],
    ['Biceps Curls', ['bicep', 'curl']], ['Bicep Curl', ['bicep', 'curl']],
    ["Farmer's Walk", ['farmer', 'walk']], ['DB Flyes', ['dumbbell', 'fly']], ['RDL', ['romanian', 'deadlift']],
    ['One-Arm Row', ['single', 'arm', 'row']], ['E-Z Bar Curl', ['ez', 'bar', 'curl']], ['Crunches', ['crunch']],
    ['Presses', ['press']], ['Pull Through', ['pull', 'through']], ['Café Press', ['cafe', 'press']],
  ])('%s → %j', (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });

  it('keeps short words and words ending in -ss', () => {
    expect(singular('abs')).toBe('abs');
    expect(singular('press')).toBe('press');
    expect(singular('raises')).toBe('raise');
  });
});

describe('normalizedKey', () => {
  it('ignores word order, so the equipment may come first or last', () => {
    expect(normalizedKey('Bench Press (Barbell)')).toBe(normalizedKey('Barbell Bench Press'));
    expect(normalizedKey('Squat (Bodyweight)')).toBe(normalizedKey('Body-weight squats'));
  });
});

describe('parseStrongName', () => {
  it('splits the equipment off Strong names', () => {
    expect(parseStrongName('Bench Press (Barbell)')).toEqual({ movement: ['bench', 'press'], equipment: 'barbell' });
    expect(parseStrongName('Triceps Pushdown (Cable - Straight Bar)'))
      .toEqual({ movement: ['tricep', 'pushdown', 'straight', 'bar'], equipment: 'cable' });
    expect(parseStrongName('Overhead Press (Smith Machine)')).toEqual({ movement: ['overhead', 'press'], equipment: 'smith_machine' });
    expect(parseStrongName('Seated Calf Raise (Plate Loaded)')).toMatchObject({ equipment: 'machine' });
  });

  it('keeps parenthesised words that are not equipment', () => {
    expect(parseStrongName('Lat Pulldown (Single Arm)')).toEqual({ movement: ['lat', 'pulldown', 'single', 'arm'], equipment: null });
  });

  it('reads equipment from the name when there are no parentheses', () => {
    expect(parseStrongName('Dumbbell Curl')).toEqual({ movement: ['curl'], equipment: 'dumbbell' });
    expect(parseStrongName('Chin Up')).toEqual({ movement: ['chinup'], equipment: null });
  });
});
