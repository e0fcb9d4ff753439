/** What "Analyse all members" did: how many proposals wait for review, and who was skipped and why. */
import { Alert, AlertTitle, Box, Link, Typography } from '@mui/material';
import type { PlanAdjustmentView, WeeklyRunView } from '../../../../main/contract/views';

interface Props { run: WeeklyRunView; onOpen(view: PlanAdjustmentView): void; onClose(): void }

export function WeeklyRunResult({ run, onOpen, onClose }: Props) {
  const n = run.analyzed.length;
  const title = `${n} member${n === 1 ? '' : 's'} analysed` + (run.skipped.length ? `, ${run.skipped.length} skipped` : '');
  return (
    <Alert
      severity={n === 0 ? 'info' : run.skipped.length ? 'warning' : 'success'} onClose={onClose} data-testid="analyze-all-result"
      data-analyzed={n} data-skipped={run.skipped.length}
    >
      <AlertTitle>{title}</AlertTitle>
      {n === 0 && run.skipped.length === 0 ? 'No member has an approved plan to analyse.' : null}
      {n > 0 ? (
        <Typography variant="body2" component="div">
          Waiting for review:{' '}
          {run.analyzed.map((a, i) => (
            <span key={a.id}>
              {i > 0 ? ', ' : ''}
              <Link component="button" variant="body2" onClick={() => onOpen(a)} sx={{ verticalAlign: 'baseline' }}>{a.memberName}</Link>
              {` (${a.lines.length} change${a.lines.length === 1 ? '' : 's'})`}
            </span>
          ))}
        </Typography>
      ) : null}
      {run.skipped.length > 0 ? (
        <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }} data-testid="analyze-all-skipped">
          {run.skipped.map((s) => (
            <Typography component="li" variant="body2" key={s.memberId}><b>{s.memberName}</b>: {s.reason}</Typography>
          ))}
        </Box>
      ) : null}
    </Alert>
  );
}
