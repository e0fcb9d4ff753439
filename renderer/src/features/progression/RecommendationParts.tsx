/** Pieces of a recommendation card: safety banner, alternatives, the decision given. */
import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Chip, Collapse, Typography } from '@mui/material';
import type { RecommendationView } from '../../../../main/contract/views';
import type { WeightUnit } from '../../../../engine/exercises/vocabulary';
import { formatRest, humanize } from '../../format';
import { formatPrescribed } from '../../prescribed';
import { formatLoad } from '../../units';

export function SafetyBanner({ safety }: { safety: RecommendationView['safety'] }) {
  if (safety.status === 'pass') return null;
  return (
    <Alert severity={safety.status === 'blocked' ? 'error' : 'warning'} sx={{ py: 0, overflowWrap: 'anywhere' }} data-testid="safety-banner">
      <AlertTitle sx={{ mb: 0.25 }}>Safety: {safety.status}</AlertTitle>
      {safety.overrides.map((o, i) => (
        <Typography key={i} variant="body2" data-testid="safety-override"><b>{humanize(o.kind)}</b>: {o.reason}</Typography>
      ))}
    </Alert>
  );
}

export function Alternatives({ items, unit }: { items: RecommendationView['alternatives']; unit: WeightUnit }) {
  const [open, setOpen] = useState(false);
  if (items.length === 0) return null;
  return (
    <Box>
      <Button size="small" onClick={() => setOpen((o) => !o)} sx={{ px: 0.5 }} data-testid="alternatives-toggle">
        {open ? 'Hide' : 'Show'} alternatives ({items.length})
      </Button>
      <Collapse in={open} unmountOnExit>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.75, pl: 1, borderLeft: 2, borderColor: 'divider' }} data-testid="alternatives">
          {items.map((a, i) => (
            <Box key={i}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <Chip label={humanize(a.type)} variant="outlined" />
                <Typography variant="body2">{formatPrescribed(a.suggested, unit)}</Typography>
              </Box>
              <Typography variant="caption" color="text.secondary">{a.reasoning}</Typography>
            </Box>
          ))}
        </Box>
      </Collapse>
    </Box>
  );
}

/** What the trainer decided and how the member rated it. */
export function DecisionLine({ rec, unit }: { rec: RecommendationView; unit: WeightUnit }) {
  const f = rec.feedback;
  if (!f) return null;
  const m = f.modifiedTo;
  const changed = m ? [
    m.loadKg !== undefined ? `load ${formatLoad(m.loadKg, unit)}` : '',
    m.sets !== undefined ? `${m.sets} sets` : '',
    m.repMin !== undefined || m.repMax !== undefined ? `reps ${m.repMin ?? rec.suggested.repMin}–${m.repMax ?? rec.suggested.repMax}` : '',
    m.restS !== undefined ? `rest ${formatRest(m.restS)}` : '',
  ].filter(Boolean).join(', ') : '';
  const time = f.completionTimeS !== undefined ? ` · ${Math.round(f.completionTimeS / 60)} min` : '';
  return (
    <Alert severity={f.action === 'skipped' ? 'info' : 'success'} icon={false} sx={{ py: 0 }} data-testid="recommendation-decision">
      <Typography variant="body2">
        <b>{humanize(f.action)}</b>{changed ? ` to ${changed}` : ''} · difficulty {f.difficulty} · effectiveness {f.effectiveness}
        {' · '}RPE {f.perceivedExertion} · form {f.formQuality}{time}
      </Typography>
      {f.notes ? <Typography variant="caption" color="text.secondary">“{f.notes}”</Typography> : null}
    </Alert>
  );
}
