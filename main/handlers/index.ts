/** Every feature's handlers, merged and checked against the contract. */
import { buildRegistry, type HandlerMap } from '../host/registry';
import { demoHandlers } from './demo';
import { exerciseHandlers } from './exercises';
import { historyHandlers } from './history';
import { memberHandlers } from './members';
import { planHandlers } from './plans';
import { rirHandlers } from './rir';
import { modelHandlers } from './models';
import { progressionHandlers } from './progression';
import { scheduleHandlers } from './schedule';
import { systemHandlers } from './system';

export function allHandlers(): HandlerMap {
  return buildRegistry(systemHandlers, memberHandlers, historyHandlers, exerciseHandlers, planHandlers, demoHandlers, rirHandlers, modelHandlers, progressionHandlers, scheduleHandlers);
}
