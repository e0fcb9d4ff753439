/** What a trainer's absence changes: affected classes with ranked substitutes, the re-planned changes and the new draft. */
import { Alert, Box, Chip, Typography } from '@mui/material';
import type { AbsenceView, ScheduleChangeView, ScheduledClassView } from '../../../../main/contract/index';
import { SubstituteList } from './SubstituteList';
import { hhmm, weekdayName } from './time';

const when = (c: ScheduledClassView) => `${weekdayName(c.weekday)} ${hhmm(c.startMin)} ${c.classTypeName} (${c.roomName}, ${c.trainerName})`;
const KIND_COLOR = { substitute: 'info', moved: 'warning', cancelled: 'error' } as const;

function Change({ change }: { change: ScheduleChangeView }) {
  return (
    <Box component="li" data-testid="absence-change" data-kind={change.kind} sx={{ mb: 0.5 }}>
      <Chip size="small" label={change.kind} color={KIND_COLOR[change.kind]} sx={{ mr: 1 }} />
      {when(change.before)}{change.after ? ` → ${when(change.after)}` : ''}
      <Typography variant="caption" color="text.secondary" component="div">{change.reason}</Typography>
    </Box>
  );
}

export function AbsenceResult({ result }: { result: AbsenceView }) {
  return (
    <Box data-testid="absence-result">
      <Alert severity={result.draft ? 'success' : 'warning'} sx={{ mb: 1 }} data-testid="absence-summary">
        {result.affected.length} classes affected · {result.changes.length} changes · {result.unchangedCount} classes unchanged
        {result.draft ? ` · new draft "${result.draft.name}"` : ` · no new draft (${result.status})`}
      </Alert>
      <Typography variant="subtitle2">Affected classes and substitutes</Typography>
      {result.affected.map((a) => (
        <Box key={a.classIndex} sx={{ mb: 1, pl: 1, borderLeft: '3px solid', borderColor: a.cls.color }} data-testid="absence-affected">
          <Typography variant="body2"><b>{when(a.cls)}</b> · {a.cls.date}</Typography>
          <SubstituteList substitutes={a.substitutes.slice(0, 3)} testId="absence-substitutes" />
        </Box>
      ))}
      <Typography variant="subtitle2" sx={{ mt: 1 }}>Changes in the new draft</Typography>
      {result.changes.length ? <Box component="ul" sx={{ m: 0, pl: 2, listStyle: 'none' }}>{result.changes.map((c) => <Change key={c.before.index} change={c} />)}</Box>
        : <Typography variant="body2" color="text.secondary">None.</Typography>}
    </Box>
  );
}
