/** Member handlers. */
import { recordAudit } from '../../../db/audit';
import { createMember, getMember, listMembers, memberStats, updateMember } from '../../../db/members';
import { StudioError } from '../../contract/errors';
import type { HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';
import { memberSummary, memberView } from './views';

/** The member's row and view, or a `not_found` error naming `memberId`. */
export function requireMember(ctx: HandlerContext, memberId: number) {
  const row = getMember(ctx.store.db, memberId);
  if (!row) throw new StudioError('not_found', `there is no member with id ${memberId}`, 'memberId');
  return row;
}

export function memberViewById(ctx: HandlerContext, memberId: number) {
  const row = requireMember(ctx, memberId);
  return memberView(row, memberStats(ctx.store.db, [row.id]).get(row.id)!);
}

export const memberHandlers: PartialHandlers = {
  'members/list': ({ query }, { store }) => {
    const rows = listMembers(store.db, query);
    const stats = memberStats(store.db, rows.map((r) => r.id));
    return rows.map((r) => memberSummary(r, stats.get(r.id)!));
  },
  'members/get': ({ memberId }, ctx) => memberViewById(ctx, memberId),
  'members/create': (fields, ctx) => {
    const row = ctx.store.db.transaction((tx) => {
      const created = createMember(tx, { ...fields, isDemo: false });
      recordAudit(tx, { actorStaffId: ctx.caller.staff?.id ?? null, action: 'member.create', entity: 'member', entityId: created.id, after: created });
      return created;
    });
    return memberViewById(ctx, row.id);
  },
  'members/update': ({ memberId, patch }, ctx) => {
    const before = requireMember(ctx, memberId);
    ctx.store.db.transaction((tx) => {
      const after = updateMember(tx, memberId, patch);
      recordAudit(tx, { actorStaffId: ctx.caller.staff?.id ?? null, action: 'member.update', entity: 'member', entityId: memberId, before, after });
    });
    return memberViewById(ctx, memberId);
  },
};
