/** Every feature's handlers, merged and checked against the contract. */
import { buildRegistry, type HandlerMap } from '../host/registry';
import { authHandlers } from './auth/handlers';
import { demoHandlers } from './demo/handlers';
import { exerciseHandlers } from './exercises/handlers';
import { historyHandlers } from './history/handlers';
import { importHandlers } from './imports/handlers';
import { memberHandlers } from './members/handlers';
import { privacyHandlers } from './members/privacy';
import { planHandlers } from './plans/handlers';
import { rirHandlers } from './rir/handlers';
import { modelHandlers } from './rir/model-handlers';
import { progressionHandlers } from './progression/handlers';
import { scheduleHandlers } from './schedule/handlers';
import { classesHandlers } from './classes/handlers';
import { systemHandlers } from './system/handlers';
import { liveHandlers } from './live/handlers';
import { phoneHandlers } from './phones/handlers';
import { coachHandlers } from './coach/handlers';
import { paymentsHandlers } from './payments/handlers';
import { onboardingHandlers } from './onboarding/handlers';
import { inventoryHandlers } from './inventory/handlers';
import { recommendHandlers } from './recommend/handlers';

export function allHandlers(): HandlerMap {
  return buildRegistry(
    authHandlers, systemHandlers, memberHandlers, privacyHandlers, historyHandlers, exerciseHandlers, importHandlers, planHandlers, demoHandlers, rirHandlers, modelHandlers, progressionHandlers, scheduleHandlers, classesHandlers, liveHandlers, phoneHandlers, coachHandlers, paymentsHandlers, onboardingHandlers, inventoryHandlers, recommendHandlers,
  );
}
