/** The class policy as stored in settings (`classes.policy`), read through the engine's validator. */
import { readClassPolicy, type ClassPolicy } from '../../../engine/classes/policy';
import { getSetting, putSetting } from '../../../db/settings';
import type { Db } from '../../../db/open';

export const POLICY_KEY = 'classes.policy';

export function loadPolicy(db: Db): ClassPolicy {
  return readClassPolicy(getSetting(db, POLICY_KEY));
}

export function savePolicy(db: Db, policy: ClassPolicy, staffId: number | null): void {
  putSetting(db, POLICY_KEY, policy, staffId);
}
