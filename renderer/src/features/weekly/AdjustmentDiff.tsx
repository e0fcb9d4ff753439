/** A proposed next-week adjustment of an approved plan: the analysis, the lines, and the decisions. */
import { useState } from 'react';
import {
  Alert, Box, Button, Chip, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography,
} from '@mui/material';
import type { PlanAdjustmentView } from '../../../../main/contract/views';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { hrefOf } from '../../router';
import { useStudio } from '../../studio-context';
import { AdjustmentLineRow } from './AdjustmentLineRow';

type Decide = { all: 'accept' | 'reject' } | { line: { id: string; decision: 'accept' | 'reject' | 'edit'; value?: number } };

interface Props { adjustment: PlanAdjustmentView; onDecided(view: PlanAdjustmentView): void }

export function AdjustmentDiff({ adjustment: a, onDecided }: Props) {
  const { showError, showMessage } = useStudio();
  const [busy, setBusy] = useState(false);
  const pendingLines = a.lines.filter((l) => l.status === 'pending').length;

  const decide = async (d: Decide) => {
    setBusy(true);
    try {
      const view = 'all' in d
        ? await api.weekly.decide({ adjustmentId: a.id, all: d.all, lines: [] })
        : await api.weekly.decide({ adjustmentId: a.id, lines: [d.line] });
      onDecided(view);
      if (view.status === 'decided') showMessage(`Week ${view.week} for ${view.memberName}: decided`);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1.5, minWidth: 0 }} data-testid="adjustment-diff" data-adjustment-id={a.id}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          <Link href={hrefOf({ page: 'member', memberId: a.memberId })} underline="hover">{a.memberName}</Link> · week {a.week}
        </Typography>
        <Chip label={a.status} color={a.status === 'pending' ? 'warning' : 'success'} data-testid="adjustment-status" />
        <Link href={hrefOf({ page: 'plan', planId: a.planId })} variant="body2">plan</Link>
        <Box sx={{ flexGrow: 1 }} />
        {a.status === 'pending' ? (
          <>
            <Button variant="outlined" color="inherit" disabled={busy} onClick={() => decide({ all: 'reject' })} data-testid="adjustment-reject-all">Reject all</Button>
            <Button variant="contained" color="success" disabled={busy} onClick={() => decide({ all: 'accept' })} data-testid="adjustment-accept-all">Accept all</Button>
          </>
        ) : null}
      </Box>
      <Typography variant="caption" color="text.secondary">
        Proposed {formatDateTime(a.createdAt)}{a.decidedAt ? ` · decided ${formatDateTime(a.decidedAt)}` : ` · ${pendingLines} of ${a.lines.length} lines waiting`}
        {' · '}only accepted and edited lines reach the member, after the safety layer.
      </Typography>
      {a.summary.length > 0 ? (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="adjustment-summary">
          {a.summary.map((s, i) => <Typography component="li" variant="body2" key={i}>{s}</Typography>)}
        </Box>
      ) : null}
      {a.lines.length === 0 ? (
        <Alert severity="info" data-testid="adjustment-no-lines">The analysis found nothing to change for next week.</Alert>
      ) : (
        <TableContainer>
          <Table data-testid="adjustment-lines">
            <TableHead>
              <TableRow>
                <TableCell>Exercise</TableCell>
                <TableCell>Field</TableCell>
                <TableCell>Before → after</TableCell>
                <TableCell>Reason</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Decision</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {a.lines.map((l) => (
                <AdjustmentLineRow key={l.id} line={l} busy={busy || a.status !== 'pending'}
                  onDecide={(decision, value) => decide({ line: { id: l.id, decision, ...(value !== undefined ? { value } : {}) } })} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Paper>
  );
}
