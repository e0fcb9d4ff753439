/** What the studio learnt about a member from their feedback: sentences, rates, areas and trends. */
import type { ReactNode } from 'react';
import { Box, Chip, LinearProgress, Tooltip, Typography } from '@mui/material';
import type { PreferenceInsightsView } from '../../../../main/contract/views';
import type { MuscleArea } from '../../../../engine/preferences/types';
import { api } from '../../api';
import { humanize } from '../../format';
import { useLoad } from '../../use-load';
import { round1 } from '../../units';
import { Section } from '../../components/Section';
import { AcceptanceChart, DimensionsChart } from './PreferenceTrendCharts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);

function Part({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ minWidth: 0 }} data-testid={testId}>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 0.5 }}>{title}</Typography>
      {children}
    </Box>
  );
}

function Areas({ areas, color, testId }: { areas: MuscleArea[]; color: 'warning' | 'success'; testId: string }) {
  if (areas.length === 0) return <Typography variant="body2" color="text.secondary" data-testid={testId}>None stands out yet.</Typography>;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }} data-testid={testId}>
      {areas.map((a) => (
        <Chip key={a.muscle} color={color} variant="outlined"
          label={`${humanize(a.muscle)} ${a.e1rmChangePctPerWeek >= 0 ? '+' : ''}${round1(a.e1rmChangePctPerWeek)} %/wk`} />
      ))}
    </Box>
  );
}

function Body({ view }: { view: PreferenceInsightsView }) {
  const { insights: i, profile: p } = view;
  return (
    <>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <Tooltip title="Share of answers that accepted the recommendation">
          <Chip color="success" label={`acceptance ${pct(i.acceptanceRate)}`} data-testid="insights-acceptance" />
        </Tooltip>
        <Chip variant="outlined" label={`recommendation accuracy ${pct(i.recommendationAccuracy)}`} data-testid="insights-accuracy" />
        <Chip variant="outlined" label={`${p.counts.total} answer${p.counts.total === 1 ? '' : 's'}: ${p.counts.accepted} accepted · ${p.counts.modified} modified · ${p.counts.skipped} skipped`} />
        <Chip variant="outlined" label={`profile confidence ${pct(p.confidence.rates)}`} />
      </Box>
      <Box component="ul" sx={{ m: 0, pl: 2.5, mb: 1 }} data-testid="insights-summary">
        {i.summary.map((s, k) => <Typography component="li" variant="body2" key={k}>{s}</Typography>)}
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' }, gap: 1.5, mb: 1.5 }}>
        <Part title="Improvement"><Typography variant="body2" data-testid="insights-improvement">{i.improvement.sentence}</Typography></Part>
        <Part title="Consistency"><Typography variant="body2" data-testid="insights-consistency">{i.consistency.sentence}</Typography></Part>
        <Part title="Weak areas"><Areas areas={i.weakAreas} color="warning" testId="insights-weak" /></Part>
        <Part title="Strong areas"><Areas areas={i.strongAreas} color="success" testId="insights-strong" /></Part>
      </Box>
      <Part title="Next focus areas" testId="insights-focus">
        {i.nextFocusAreas.length === 0 ? <Typography variant="body2" color="text.secondary">Nothing yet.</Typography> : (
          <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
            {i.nextFocusAreas.map((s, k) => <Typography component="li" variant="body2" key={k}>{s}</Typography>)}
          </Box>
        )}
      </Part>
      {view.history.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 2, textAlign: 'center' }} data-testid="insights-no-history">
          No feedback yet: the trends start with the first accepted, modified or skipped recommendation.
        </Typography>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 2fr) minmax(0, 3fr)' }, gap: 2, mt: 1.5 }}>
          <Part title="Learnt acceptance rate (moving average) after each answer" testId="insights-acceptance-chart"><AcceptanceChart history={view.history} /></Part>
          <Part title="Learnt preferences (0.5 = neutral)" testId="insights-dimensions-chart"><DimensionsChart history={view.history} /></Part>
        </Box>
      )}
    </>
  );
}

/** `version` changes after each piece of feedback, to reload. */
export function InsightsPanel({ memberId, version }: { memberId: number; version: number }) {
  const insights = useLoad(() => api.preferences.insights({ memberId }), [memberId, version]);
  const v = insights.data;
  return (
    <Section title="Member insights" testId="insights-panel">
      {!v ? (insights.loading ? <LinearProgress /> : <Typography color="text.secondary">The insights could not be loaded.</Typography>) : <Body view={v} />}
    </Section>
  );
}
