/** Suggestions for the published week: underused classes, full or waitlisted ones, absent trainers. */
import { Box, Card, CardContent, Chip, LinearProgress, Typography } from '@mui/material';
import type { AdjustmentSuggestionView } from '../../../../main/contract/index';
import { api } from '../../api';
import { useLoad } from '../../use-load';
import { Section } from '../Section';
import { hhmm, weekdayName } from './time';

const place = (p: { weekday: number; startMin: number; roomId: string } | null) => (p ? `${weekdayName(p.weekday)} ${hhmm(p.startMin)} (${p.roomId})` : '');
const KIND_LABEL = { reduce: 'Reduce', move: 'Move', add: 'Add' } as const;

function SuggestionCard({ s }: { s: AdjustmentSuggestionView }) {
  return (
    <Card variant="outlined" data-testid="adjustment-card" data-kind={s.kind}>
      <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 0.5 }}>
          <Chip size="small" label={KIND_LABEL[s.kind]} color={s.kind === 'add' ? 'success' : s.kind === 'reduce' ? 'warning' : 'info'} />
          <Typography variant="subtitle2">{s.classTypeName}</Typography>
          <Typography variant="caption" color="text.secondary">{[place(s.from), place(s.to)].filter(Boolean).join(' → ')}</Typography>
        </Box>
        <Typography variant="body2" data-testid="adjustment-reason">{s.reason}</Typography>
        <Typography variant="caption" color="text.secondary">
          Evidence: {s.evidence.occurrences} classes · {Math.round(s.evidence.meanFill * 100)} % full on average · waitlisted {Math.round(s.evidence.waitlistedShare * 100)} %
        </Typography>
      </CardContent>
    </Card>
  );
}

export function AdjustmentsPanel({ weekStart, version }: { weekStart: string; version: number }) {
  const view = useLoad(() => api.schedule.adjustments({ weekStart }), [weekStart, version]);
  const v = view.data;
  return (
    <Section title="Suggested adjustments" testId="adjustments">
      {!v ? (view.loading ? <LinearProgress /> : null) : (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="caption" color="text.secondary">Looking at {v.from} – {v.to}</Typography>
          {v.absences.map((a) => (
            <Typography key={`${a.trainerId}-${a.date}`} variant="body2" data-testid="adjustment-absence">
              {a.trainerName} is away on {a.date}: {a.classes} published classes need cover.
            </Typography>
          ))}
          {v.suggestions.length === 0 && v.absences.length === 0
            ? <Typography variant="body2" color="text.secondary" data-testid="no-adjustments">Nothing to adjust: the published classes fit their demand.</Typography>
            : v.suggestions.map((s, i) => <SuggestionCard key={i} s={s} />)}
        </Box>
      )}
    </Section>
  );
}
