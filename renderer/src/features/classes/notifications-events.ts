/**
 * A renderer-local signal that studio notifications may have changed, so the bell reloads at once
 * instead of waiting for its 20 s poll. Booking actions (book, cancel, check-in, end a class) can
 * create notifications (a waitlist promotion, for one) and call `notificationsChanged()` after they succeed.
 */
const bus = new EventTarget();
const EVENT = 'notifications-changed';

/** Tell every listener (the bell) to reload the notifications list. */
export function notificationsChanged(): void { bus.dispatchEvent(new Event(EVENT)); }

/** Call `listener` on each `notificationsChanged()`; returns the unsubscribe function. */
export function onNotificationsChanged(listener: () => void): () => void {
  bus.addEventListener(EVENT, listener);
  return () => bus.removeEventListener(EVENT, listener);
}
