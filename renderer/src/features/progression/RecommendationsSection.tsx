/** Progression suggestions for the member's next session, and the trainer's answers to them. */
import { useState } from 'react';
import { Box, Button, Chip, LinearProgress, Typography } from '@mui/material';
import type { CheckInView, RecommendationView } from '../../../../main/contract/views';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { RecommendationCard } from './RecommendationCard';

const SHOWN = 8;

function CheckInLine({ checkIn }: { checkIn: CheckInView | undefined }) {
  if (!checkIn) return <Typography variant="body2" color="text.secondary" data-testid="latest-checkin">No check-in yet.</Typography>;
  const c = checkIn;
  return (
    <Box sx={{ display: 'flex', gap: 0.75, alignItems: 'center', flexWrap: 'wrap' }} data-testid="latest-checkin">
      <Typography variant="body2" color="text.secondary">Check-in {formatDateTime(c.at)}:</Typography>
      <Chip variant="outlined" label={`sleep ${c.sleep}`} />
      <Chip variant="outlined" label={`energy ${c.energy}`} color={c.energy < 4 ? 'warning' : 'default'} />
      <Chip variant="outlined" label={`fatigue ${c.fatigue}`} color={c.fatigue >= 8 ? 'warning' : 'default'} />
      <Chip variant="outlined" label={`soreness ${c.soreness}`} />
      {c.painReported ? <Chip color="error" label={`pain${c.painNote ? `: ${c.painNote}` : ''}`} /> : null}
      {c.illness ? <Chip color="error" label="ill" /> : null}
    </Box>
  );
}

interface Props { memberId: number; checkIn: CheckInView | undefined; onFeedback(): void }

export function RecommendationsSection({ memberId, checkIn, onFeedback }: Props) {
  const { showError, showMessage } = useStudio();
  const recs = useLoad(() => api.recommendations.list({ memberId }), [memberId]);
  const [busy, setBusy] = useState(false);
  const [all, setAll] = useState(false);

  const generate = async () => {
    setBusy(true);
    try {
      const fresh = await api.recommendations.generate({ memberId });
      const ids = new Set(fresh.map((r) => r.id));
      const renewed = new Set(fresh.map((r) => r.exerciseId));
      // the host marks older pending suggestions for the same exercises as superseded
      const older = (recs.data ?? []).filter((r) => !ids.has(r.id))
        .map((r) => (r.status === 'pending' && renewed.has(r.exerciseId) ? { ...r, status: 'superseded' as const } : r));
      recs.set([...fresh, ...older]);
      showMessage(fresh.length ? `${fresh.length} suggestions for the next session` : 'Nothing to suggest for the next session');
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const saved = (rec: RecommendationView) => {
    recs.set((recs.data ?? []).map((r) => (r.id === rec.id ? rec : r)));
    onFeedback();
  };

  // superseded suggestions are history: shown only under "Show all"
  const list = (recs.data ?? []).filter((r) => all || r.status !== 'superseded');
  const shown = all ? list : list.slice(0, SHOWN);
  const action = (
    <Button variant="contained" onClick={generate} disabled={busy} data-testid="suggest-next-session">
      {busy ? 'Suggesting…' : 'Suggest next session'}
    </Button>
  );
  return (
    <Section title="Recommendations" testId="recommendations-section" actions={action}>
      <CheckInLine checkIn={checkIn} />
      {recs.loading || busy ? <LinearProgress sx={{ mt: 1 }} /> : null}
      {!recs.loading && list.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 2, textAlign: 'center' }} data-testid="recommendations-empty">
          No recommendations yet. With an approved plan, “Suggest next session” proposes the next loads and reps, checked by the safety layer.
        </Typography>
      ) : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))', xl: 'repeat(3, minmax(0, 1fr))' }, gap: 1.5, mt: 1.5 }} data-testid="recommendation-list">
        {shown.map((r) => <RecommendationCard key={r.id} rec={r} onSaved={saved} />)}
      </Box>
      {list.length > SHOWN ? (
        <Button onClick={() => setAll((a) => !a)} sx={{ mt: 1 }} data-testid="recommendations-all">
          {all ? 'Show fewer' : `Show all ${list.length}`}
        </Button>
      ) : null}
    </Section>
  );
}
