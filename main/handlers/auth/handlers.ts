/** Sign-in, the session (lock, quick switch, sign-out) and staff accounts. */
import type { PartialHandlers } from '../../host/registry';
import { sessionHandlers } from './session';
import { signInHandlers } from './sign-in';
import { staffHandlers } from './staff';

export const authHandlers: PartialHandlers = { ...signInHandlers, ...sessionHandlers, ...staffHandlers };
