/**
 * The screen lock on the renderer's side: after `lockMinutes` without keyboard, mouse or touch
 * input the app locks itself (`auth/lock`); while someone is using it, a heartbeat (`auth/me`, at
 * most once a minute, only when there was input in the last minute) keeps the host from locking
 * an active user whose screen makes no calls.
 */
import { useEffect, useRef } from 'react';

const MINUTE = 60_000;
const CHECK_EVERY_MS = 5_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export type IdleAction = 'lock' | 'heartbeat' | null;

/** What to do at `now` (ms), given the last input and the last heartbeat. Pure, for the timer. */
export function idleAction(now: number, lastInputAt: number, lastBeatAt: number, lockMinutes: number): IdleAction {
  if (now - lastInputAt >= lockMinutes * MINUTE) return 'lock';
  if (now - lastInputAt < MINUTE && now - lastBeatAt >= MINUTE) return 'heartbeat';
  return null;
}

/** Runs the idle lock and the heartbeat while `enabled` (a signed-in, unlocked screen). */
export function useIdleLock(enabled: boolean, lockMinutes: number, onLock: () => void, onHeartbeat: () => void): void {
  const handlers = useRef({ onLock, onHeartbeat });
  handlers.current = { onLock, onHeartbeat };

  useEffect(() => {
    if (!enabled) return undefined;
    let lastInputAt = Date.now();
    // Signing in or unlocking was a call: the host has just seen this session.
    let lastBeatAt = Date.now();
    const onInput = () => { lastInputAt = Date.now(); };
    for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const now = Date.now();
      const action = idleAction(now, lastInputAt, lastBeatAt, lockMinutes);
      if (action === 'lock') {
        window.clearInterval(timer);
        handlers.current.onLock();
      } else if (action === 'heartbeat') {
        lastBeatAt = now;
        handlers.current.onHeartbeat();
      }
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput, { capture: true });
    };
  }, [enabled, lockMinutes]);
}
