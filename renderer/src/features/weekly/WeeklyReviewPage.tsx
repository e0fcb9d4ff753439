/** Weekly review: run a member's (or everyone's) weekly analysis, list pending plan adjustments, decide them line by line. */
import { useEffect, useState } from 'react';
import {
  Box, Chip, LinearProgress, List, ListItemButton, ListItemText, Paper, Typography,
} from '@mui/material';
import type { PlanAdjustmentView, StaffRole, WeeklyRunView } from '../../../../main/contract/index';
import { api } from '../../api';
import { formatDate } from '../../format';
import { navigate } from '../../router';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { RunWeeklyAnalysis } from './RunWeeklyAnalysis';
import { AdjustmentDiff } from './AdjustmentDiff';
import { WeeklyRunResult } from './WeeklyRunResult';

interface Props { role: StaffRole | null; adjustmentId: number | null }

export function WeeklyReviewPage({ role, adjustmentId }: Props) {
  const canView = role === 'trainer' || role === 'manager';
  const pending = useLoad(() => (canView ? api.weekly.pending({}) : Promise.resolve([])), [canView]);
  // The adjustment on screen: kept after it is decided (it then leaves the pending list).
  const [shown, setShown] = useState<PlanAdjustmentView | null>(null);
  const [run, setRun] = useState<WeeklyRunView | null>(null);

  useEffect(() => {
    if (adjustmentId === null) return setShown(null);
    const found = pending.data?.find((a) => a.id === adjustmentId);
    if (found) setShown(found);
  }, [adjustmentId, pending.data]);

  const open = (a: PlanAdjustmentView) => {
    setShown(a);
    navigate({ page: 'weekly', adjustmentId: a.id });
  };
  const decided = (view: PlanAdjustmentView) => {
    setShown(view);
    pending.reload();
  };
  const analysed = (view: PlanAdjustmentView) => {
    pending.reload();
    open(view);
  };
  const analysedAll = (result: WeeklyRunView) => {
    setRun(result);
    pending.reload();
  };

  if (!canView) return <Typography color="text.secondary">Only trainers and managers review plan adjustments.</Typography>;
  const list = pending.data ?? [];
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="weekly-page">
      <Typography variant="h5" component="h1">Weekly review</Typography>
      <Section title="Run the weekly analysis">
        <RunWeeklyAnalysis onDone={analysed} onAllDone={analysedAll} />
        {run ? <Box sx={{ mt: 1.5 }}><WeeklyRunResult run={run} onOpen={open} onClose={() => setRun(null)} /></Box> : null}
      </Section>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: '300px minmax(0, 1fr)' }, gap: 1.5, alignItems: 'start' }}>
        <Paper sx={{ minWidth: 0 }} data-testid="pending-adjustments">
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, px: 1.5, pt: 1.25 }}>
            Waiting for a trainer {pending.data ? `(${list.length})` : ''}
          </Typography>
          {pending.loading ? <LinearProgress /> : null}
          <List dense>
            {list.map((a) => (
              <ListItemButton key={a.id} selected={shown?.id === a.id} onClick={() => open(a)} data-testid="pending-adjustment" data-adjustment-id={a.id}>
                <ListItemText primary={a.memberName} secondary={`week ${a.week} · ${formatDate(a.createdAt)}`} />
                <Chip label={`${a.lines.filter((l) => l.status === 'pending').length} to review`} color="warning" variant="outlined" sx={{ flexShrink: 0 }} />
              </ListItemButton>
            ))}
          </List>
          {!pending.loading && list.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ px: 1.5, pb: 1.5 }} data-testid="no-pending">
              No adjustments are waiting. Run the weekly analysis for a member with an approved plan.
            </Typography>
          ) : null}
        </Paper>
        {shown ? <AdjustmentDiff key={shown.id} adjustment={shown} onDecided={decided} /> : (
          <Paper sx={{ p: 3, color: 'text.secondary', textAlign: 'center' }}>Pick a member on the left to see the proposed changes.</Paper>
        )}
      </Box>
    </Box>
  );
}
