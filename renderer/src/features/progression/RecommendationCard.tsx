/** One recommendation: what changes and why, how sure, how risky, and accept / modify / skip. */
import { useState } from 'react';
import { Box, Button, Chip, LinearProgress, Paper, Tooltip, Typography } from '@mui/material';
import type { RecommendationStatus, RecommendationView } from '../../../../main/contract/views';
import type { FeedbackAction } from '../../../../engine/preferences/types';
import { confidenceBand, confidenceSentence } from '../../../../engine/progression/confidence';
import { humanize } from '../../format';
import { exerciseIdName, formatPrescribed, formatSources } from '../../prescribed';
import { useStudio } from '../../studio-context';
import { FeedbackDialog } from './FeedbackDialog';
import { Alternatives, DecisionLine, SafetyBanner } from './RecommendationParts';

const RISK_COLORS = { low: 'success', medium: 'warning', high: 'error' } as const;
/** Confidence bands (engine/progression/confidence.ts): warning below 50 %, success from 70 %. */
const BAND_COLORS = { low: 'warning', medium: 'primary', high: 'success' } as const;
const STATUS_COLORS: Record<RecommendationStatus, 'default' | 'success' | 'info' | 'warning'> = {
  pending: 'warning', accepted: 'success', modified: 'info', skipped: 'default', superseded: 'default',
};

interface Props { rec: RecommendationView; onSaved(rec: RecommendationView): void }

export function RecommendationCard({ rec, onSaved }: Props) {
  const { unit } = useStudio();
  const [action, setAction] = useState<FeedbackAction | null>(null);
  const blocked = rec.safety.status === 'blocked';
  const swapped = rec.suggested.exerciseId !== rec.original.exerciseId;
  const pct = rec.confidence === null ? null : Math.round(rec.confidence * 100);
  const band = rec.confidence === null ? null : confidenceBand(rec.confidence);

  return (
    <Paper sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }} data-testid="recommendation-card" data-status={rec.status} data-recommendation-id={rec.id}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Chip label={humanize(rec.type)} color="primary" data-testid="recommendation-type" />
        <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }} data-testid="recommendation-exercise">{rec.exerciseName}</Typography>
        <Chip label={`${rec.risk} risk`} color={RISK_COLORS[rec.risk]} variant="outlined" data-testid="recommendation-risk" />
        <Chip label={rec.status} color={STATUS_COLORS[rec.status]} data-testid="recommendation-status" />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1.5, rowGap: 0.25, alignItems: 'baseline' }}>
        <Typography variant="caption" color="text.secondary">Was</Typography>
        <Typography variant="body2" data-testid="recommendation-original">{formatPrescribed(rec.original, unit)}</Typography>
        <Typography variant="caption" color="text.secondary">Suggested</Typography>
        <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="recommendation-suggested">
          {swapped ? `${exerciseIdName(rec.suggested.exerciseId)}: ` : ''}{formatPrescribed(rec.suggested, unit)}
        </Typography>
      </Box>
      <Tooltip title={confidenceSentence(rec.confidenceBasis)}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} data-testid="recommendation-confidence" data-band={band ?? 'none'}
          aria-label={confidenceSentence(rec.confidenceBasis)}>
          <Typography variant="caption" color="text.secondary" sx={{ width: 70 }}>Confidence</Typography>
          <LinearProgress variant="determinate" value={pct ?? 0} sx={{ flexGrow: 1, height: 8, borderRadius: 4 }}
            color={band === null ? 'inherit' : BAND_COLORS[band]} />
          <Typography variant="body2" sx={{ width: 40, textAlign: 'right' }}>{pct === null ? '—' : `${String(pct)} %`}</Typography>
        </Box>
      </Tooltip>
      <SafetyBanner safety={rec.safety} />
      <Typography variant="body2" data-testid="recommendation-reasoning">{rec.reasoning}</Typography>
      {rec.factors.length > 0 ? (
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }} data-testid="recommendation-factors">
          {rec.factors.map((f, i) => (
            <Tooltip key={`${f.name}-${i}`} title={`${humanize(f.name)} = ${f.value}`}>
              <Chip variant="outlined" label={`${humanize(f.name)}: ${f.note}`} sx={{ maxWidth: '100%' }} />
            </Tooltip>
          ))}
        </Box>
      ) : null}
      <Typography variant="body2" color="text.secondary">
        <b>Expected:</b> {rec.expectedOutcome}
      </Typography>
      <Typography variant="caption" color="text.secondary" data-testid="recommendation-sources">{formatSources(rec.sources, unit)}</Typography>
      <Alternatives items={rec.alternatives} unit={unit} />
      {rec.status === 'pending' ? (
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
          <Button variant="outlined" color="inherit" onClick={() => setAction('skipped')} data-testid="recommendation-skip">Skip</Button>
          <Button variant="outlined" disabled={blocked} onClick={() => setAction('modified')} data-testid="recommendation-modify">Modify</Button>
          <Button variant="contained" color="success" disabled={blocked} onClick={() => setAction('accepted')} data-testid="recommendation-accept">Accept</Button>
        </Box>
      ) : <DecisionLine rec={rec} unit={unit} />}
      <FeedbackDialog rec={rec} action={action} onClose={() => setAction(null)} onSaved={(r) => { setAction(null); onSaved(r); }} />
    </Paper>
  );
}
