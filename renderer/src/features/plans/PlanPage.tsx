/** One plan: review week by week, edit prescriptions while a draft, undo, approve (locks), archive. */
import { useState } from 'react';
import { Alert, Box, Button, Chip, LinearProgress, Link, Paper, Tab, Tabs, Typography } from '@mui/material';
import type { PlanView } from '../../../../main/contract/views';
import { api } from '../../api';
import { formatDateTime, humanize } from '../../format';
import { hrefOf } from '../../router';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { StatusChip } from '../../components/StatusChip';
import { SessionCard } from './SessionCard';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PlanNotes } from './PlanNotes';

type Action = 'undo' | 'approve' | 'archive';

export function PlanPage({ planId }: { planId: number }) {
  const { showError, showMessage } = useStudio();
  const plan = useLoad(() => api.plans.get({ planId }), [planId]);
  const [week, setWeek] = useState(0);
  const [confirm, setConfirm] = useState<'approve' | 'archive' | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (action: Action) => {
    setBusy(true);
    try {
      const updated: PlanView = await api.plans[action]({ planId });
      plan.set(updated);
      setConfirm(null);
      showMessage(action === 'undo' ? 'Last edit undone' : action === 'approve' ? 'Plan approved and locked' : 'Plan archived');
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const p = plan.data;
  if (!p) return plan.loading ? <LinearProgress /> : <Typography>Plan not found.</Typography>;
  const editable = p.status === 'draft';
  const inSession = p.status === 'approved' || p.status === 'active';
  const shown = p.weeks[Math.min(week, p.weeks.length - 1)];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="plan-page">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ mr: 1 }} data-testid="plan-name">{p.name}</Typography>
        <StatusChip status={p.status} testId="plan-status" />
        <Box sx={{ flexGrow: 1 }} />
        {editable ? (
          <Button variant="outlined" disabled={!p.canUndo || busy} onClick={() => act('undo')} data-testid="undo-edit">Undo last edit</Button>
        ) : null}
        {editable ? (
          <Button variant="contained" color="success" disabled={busy} onClick={() => setConfirm('approve')} data-testid="approve-plan">Approve</Button>
        ) : null}
        {p.status !== 'archived' ? (
          <Button variant="outlined" color="inherit" disabled={busy} onClick={() => setConfirm('archive')} data-testid="archive-plan">Archive</Button>
        ) : null}
      </Box>
      <Paper sx={{ p: 1.5 }}>
        <Typography variant="body2" data-testid="plan-summary">
          For <Link href={hrefOf({ page: 'member', memberId: p.memberId })}>{p.memberName}</Link>
          {' · '}{humanize(p.split)} · {humanize(p.goal)} · {humanize(p.level)} · {p.weeksCount} weeks × {p.daysPerWeek} days · {p.sessionMinutes} min sessions
          {' · '}{p.generatedBy === 'ai' ? 'generated' : 'written by a trainer'} {formatDateTime(p.createdAt)}
        </Typography>
        {p.approvedAt ? (
          <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="plan-approved">
            Approved by <b>{p.approvedBy?.name ?? 'unknown'}</b> at {formatDateTime(p.approvedAt)}
          </Typography>
        ) : null}
        {p.archivedAt ? <Typography variant="body2" sx={{ mt: 0.5 }}>Archived {formatDateTime(p.archivedAt)}</Typography> : null}
        <PlanNotes notes={p.notes} />
      </Paper>
      {!editable && p.status !== 'archived' ? (
        <Alert severity="success" data-testid="plan-locked">This plan is approved and locked: prescriptions can no longer be edited.</Alert>
      ) : null}
      <Tabs value={Math.min(week, p.weeks.length - 1)} onChange={(_, w: number) => setWeek(w)} variant="scrollable" data-testid="week-tabs">
        {p.weeks.map((w, i) => (
          <Tab
            key={w.id}
            value={i}
            data-testid={`week-tab-${w.week}`}
            label={
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
                Week {w.week}
                {w.isDeload ? <Chip label="deload" color="info" sx={{ height: 18 }} data-testid="deload-chip" /> : null}
              </Box>
            }
          />
        ))}
      </Tabs>
      {shown ? (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="week-panel">
          <Typography variant="body2" color="text.secondary">
            Target RIR this week: {shown.targetRir}{shown.isDeload ? ' · deload week: lighter loads and fewer sets to recover' : ''}
          </Typography>
          {shown.sessions.map((s) => <SessionCard key={s.id} session={s} planId={p.id} memberId={p.memberId} editable={editable} inSession={inSession} onSaved={plan.set} />)}
        </Box>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        busy={busy}
        title={confirm === 'approve' ? 'Approve this plan?' : 'Archive this plan?'}
        text={confirm === 'approve'
          ? `Approving records you as the approver and locks the plan for ${p.memberName}: no further edits.`
          : 'An archived plan stays readable but is no longer offered to the member.'}
        confirmLabel={confirm === 'approve' ? 'Approve' : 'Archive'}
        onConfirm={() => confirm && act(confirm)}
        onClose={() => setConfirm(null)}
      />
    </Box>
  );
}
