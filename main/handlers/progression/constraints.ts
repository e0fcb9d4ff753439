/** The club's safety constraints: stored in settings, defaults from domain.md, validated by the engine. */
import { DEFAULT_CONSTRAINTS, validateConstraints, type SafetyConstraints } from '../../../engine/safety/index';
import type { Db } from '../../../db/open';
import { getSetting } from '../../../db/settings';

export const CONSTRAINTS_KEY = 'safety.constraints';

export function clubConstraints(db: Db): SafetyConstraints {
  const stored = getSetting(db, CONSTRAINTS_KEY);
  if (stored === null) return DEFAULT_CONSTRAINTS;
  try {
    return validateConstraints(stored);
  } catch (err) {
    console.error(`[studio] stored safety constraints are invalid, using the defaults: ${(err as Error).message}`);
    return DEFAULT_CONSTRAINTS;
  }
}
