/** Plan summaries; a click opens the plan. */
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { PlanSummary } from '../../../../main/contract/views';
import { formatDate, humanize } from '../../format';
import { navigate } from '../../router';
import { StatusChip } from '../../components/StatusChip';

export function PlansTable({ plans, showMember = true }: { plans: PlanSummary[]; showMember?: boolean }) {
  if (plans.length === 0) return <Typography color="text.secondary" sx={{ p: 1 }}>No plans.</Typography>;
  return (
    <TableContainer>
      <Table data-testid="plans-table" sx={{ '& td, & th': { whiteSpace: 'nowrap' }, '& td:first-of-type': { whiteSpace: 'normal' } }}>
        <TableHead>
          <TableRow>
            <TableCell>Plan</TableCell>
            {showMember ? <TableCell>Member</TableCell> : null}
            <TableCell>Status</TableCell>
            <TableCell>Goal</TableCell>
            <TableCell>Split</TableCell>
            <TableCell align="right">Weeks × days</TableCell>
            <TableCell>Created</TableCell>
            <TableCell>Approved</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {plans.map((p) => (
            <TableRow key={p.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate({ page: 'plan', planId: p.id })} data-testid="plan-row">
              <TableCell>{p.name}{p.generatedBy === 'ai' ? <Typography component="span" variant="caption" color="text.secondary"> · generated</Typography> : null}</TableCell>
              {showMember ? <TableCell>{p.memberName}</TableCell> : null}
              <TableCell><StatusChip status={p.status} /></TableCell>
              <TableCell>{humanize(p.goal)}</TableCell>
              <TableCell>{humanize(p.split)}</TableCell>
              <TableCell align="right">{p.weeksCount} × {p.daysPerWeek}</TableCell>
              <TableCell>{formatDate(p.createdAt)}</TableCell>
              <TableCell>{p.approvedAt ? `${formatDate(p.approvedAt)} · ${p.approvedBy?.name ?? '?'}` : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
