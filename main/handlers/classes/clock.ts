/**
 * One step of the classes clock (issue 12, part 2), run by the host every `CLOCK_TICK_MS`: a
 * class whose start has come is `running`; a running class's unchecked bookings are released
 * as no-shows once the policy allows (`noShowReleaseMin`); a class past its end is ended, with
 * its attendance recorded and its summary generated. Idempotent.
 */
import { occurrencesToEnd, occurrencesToStart, occurrencesWithStatus, updateOccurrence } from '../../../db/classes';
import type { ClockTickView } from '../../contract/classes-views';
import { auditActor, type HandlerContext } from '../../host/context';
import { releaseNoShows } from './bookings';
import { endClass } from './end-class';

export function clockTick(ctx: HandlerContext): ClockTickView {
  const db = ctx.store.db;
  const now = ctx.now();
  const at = now.toISOString();
  const starting = occurrencesToStart(db, at);
  for (const o of starting) updateOccurrence(db, o.id, { status: 'running' });
  let released = 0;
  for (const o of occurrencesWithStatus(db, 'running')) released += db.transaction((tx) => releaseNoShows(tx, o, now.getTime()));
  const ending = occurrencesToEnd(db, at);
  for (const o of ending) {
    ctx.live?.flush();
    endClass(db, o.id, now, auditActor(ctx));
    ctx.live?.end(o.id);
  }
  return { started: starting.length, noShowsReleased: released, ended: ending.length, at };
}
