/**
 * Member handlers. Trainers see and change their own members and unassigned ones (the list is
 * filtered; single members are checked by `checkOwnership` from the contract's `ownedBy`).
 */
import { recordAudit } from '../../../db/audit';
import { createMember, getMember, listMembers, memberStats, updateMember, type MemberRow } from '../../../db/members';
import { getStaff } from '../../../db/staff';
import { StudioError } from '../../contract/errors';
import { auditBy, type HandlerContext } from '../../host/context';
import { coachesMember } from '../../host/access';
import type { PartialHandlers } from '../../host/registry';
import { memberSummary, memberView } from './views';
import { stampStaffEdit } from '../../sync/stamp';

/** The member's row and view, or a `not_found` error naming `memberId`. */
export function requireMember(ctx: HandlerContext, memberId: number) {
  const row = getMember(ctx.store.db, memberId);
  if (!row) throw new StudioError('not_found', `there is no member with id ${memberId}`, 'memberId');
  return row;
}

export function memberViewById(ctx: HandlerContext, memberId: number) {
  const row = requireMember(ctx, memberId);
  const trainer = row.trainerStaffId !== null ? getStaff(ctx.store.db, row.trainerStaffId) : null;
  return memberView(row, memberStats(ctx.store.db, [row.id]).get(row.id)!, trainer);
}

/**
 * Who a member is assigned to after a create or an update. Managers assign anyone who coaches
 * (a trainer or a manager) or nobody; a trainer may only take an unassigned member or let one go.
 */
function checkAssignment(ctx: HandlerContext, wanted: number | null, current: MemberRow | null): void {
  const me = ctx.caller.staff;
  if (wanted !== null) {
    const coach = getStaff(ctx.store.db, wanted);
    if (!coach || coach.role === 'front_desk') throw new StudioError('invalid_input', `staff member ${wanted} is not a trainer`, 'trainerStaffId');
  }
  if (me?.role === 'trainer') {
    const mineOrFree = (id: number | null) => id === null || id === me.id;
    if (!mineOrFree(wanted) || (current && !mineOrFree(current.trainerStaffId))) {
      throw new StudioError('forbidden', 'only a manager can assign a member to another trainer', 'trainerStaffId');
    }
  } else if (me?.role === 'front_desk' && wanted !== null) {
    throw new StudioError('forbidden', 'front desk cannot assign members to trainers', 'trainerStaffId');
  }
}

export const memberHandlers: PartialHandlers = {
  'members/list': ({ query }, ctx) => {
    const rows = listMembers(ctx.store.db, query).filter((r) => coachesMember(ctx.caller, r.trainerStaffId));
    const stats = memberStats(ctx.store.db, rows.map((r) => r.id));
    return rows.map((r) => memberSummary(r, stats.get(r.id)!));
  },
  'members/get': ({ memberId }, ctx) => memberViewById(ctx, memberId),
  'members/create': ({ trainerStaffId, ...fields }, ctx) => {
    const assigned = trainerStaffId !== undefined ? trainerStaffId : ctx.caller.staff?.role === 'trainer' ? ctx.caller.staff.id : null;
    checkAssignment(ctx, assigned, null);
    const row = ctx.store.db.transaction((tx) => {
      const created = createMember(tx, { ...fields, trainerStaffId: assigned, isDemo: false });
      recordAudit(tx, auditBy(ctx, { action: 'member.create', entity: 'member', entityId: created.id, after: created, subjectMemberId: created.id }));
      return created;
    });
    return memberViewById(ctx, row.id);
  },
  'members/update': ({ memberId, patch }, ctx) => {
    const before = requireMember(ctx, memberId);
    if (patch.trainerStaffId !== undefined && patch.trainerStaffId !== before.trainerStaffId) checkAssignment(ctx, patch.trainerStaffId, before);
    ctx.store.db.transaction((tx) => {
      const after = updateMember(tx, memberId, patch);
      // Staff edits of the fields a member's phone may edit take part in the per-field LWW merge.
      if (ctx.sync) stampStaffEdit(tx, memberId, Object.keys(patch), ctx.sync.clock, `staff-${ctx.now().getTime()}`);
      recordAudit(tx, auditBy(ctx, { action: 'member.update', entity: 'member', entityId: memberId, before, after, subjectMemberId: memberId }));
    });
    return memberViewById(ctx, memberId);
  },
};
