/** The member's RIR model: learnt bias in words, predicted vs reported, accuracy, calibration, watch lists. */
import type { ReactNode } from 'react';
import { Box, Chip, LinearProgress, Typography } from '@mui/material';
import type { RirMemberView } from '../../../../main/contract/views';
import type { WeightUnit } from '../../../../engine/exercises/vocabulary';
import { api } from '../../api';
import { useLoad } from '../../use-load';
import { round1 } from '../../units';
import { Section } from '../../components/Section';
import { RirRecentChart } from './RirRecentChart';
import { RirAccuracyChart } from './RirAccuracyChart';
import { RirCalibrationTable } from './RirCalibrationTable';
import { RirDisagreeList, RirUnsureList } from './RirWatchLists';

const RECENT_SETS = 60;

function Part({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ minWidth: 0 }} data-testid={testId}>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 0.5 }}>{title}</Typography>
      {children}
    </Box>
  );
}

function Summary({ view, memberName }: { view: RirMemberView; memberName: string }) {
  const { accuracy: a } = view;
  const first = memberName.split(' ')[0] || memberName;
  const sentence = view.bias.sentence.charAt(0).toUpperCase() + view.bias.sentence.slice(1);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1.5 }}>
      <Typography variant="body1" sx={{ mr: 1 }}>
        How {first} judges RIR: <b data-testid="rir-bias">{sentence}</b>
      </Typography>
      <Chip label={`learnt from ${view.setsLearnt.toLocaleString()} sets`} data-testid="rir-sets-learnt" />
      {a.maeReps !== null ? <Chip color="success" variant="outlined" label={`error ${round1(a.maeReps)} reps`} data-testid="rir-mae" /> : null}
      {a.coverage80 !== null ? (
        <Chip
          variant="outlined" color={Math.abs(a.coverage80 - 0.8) > 0.05 ? 'warning' : 'success'}
          label={`80 % interval held ${Math.round(a.coverage80 * 100)} %`} data-testid="rir-coverage"
        />
      ) : null}
    </Box>
  );
}

interface Props { memberId: number; memberName: string; unit: WeightUnit }

export function RirSection({ memberId, memberName, unit }: Props) {
  const rir = useLoad(() => api.rir.member({ memberId, limit: RECENT_SETS }), [memberId]);
  const v = rir.data;
  const caption = v ? <Typography variant="caption" color="text.secondary">model {v.modelVersion}</Typography> : null;
  return (
    <Section title="RIR model" testId="rir-section" actions={caption}>
      {!v ? (rir.loading ? <LinearProgress /> : <Typography color="text.secondary">The RIR model could not be loaded.</Typography>) : v.accuracy.sets === 0 ? (
        <Typography color="text.secondary" sx={{ py: 3, textAlign: 'center' }} data-testid="rir-empty">
          No sets with a logged RIR yet: the model starts learning this member&apos;s reps in reserve from the first set
          logged with a RIR (or taken to failure).
        </Typography>
      ) : (
        <>
          <Summary view={v} memberName={memberName} />
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2 }}>
            <Part title={`Predicted vs reported RIR, last ${v.recent.length} sets`} testId="rir-recent">
              <RirRecentChart recent={v.recent} unit={unit} />
            </Part>
            <Part title={`Accuracy per week (${v.accuracy.sets.toLocaleString()} sets)`} testId="rir-accuracy">
              <RirAccuracyChart byWeek={v.accuracy.byWeek} />
              <Typography variant="caption" color="text.secondary" component="div">
                Error against what the member logged, so it includes their own misjudgement (about 1 rep).
              </Typography>
            </Part>
          </Box>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, gap: 2, mt: 2 }}>
            <Part title="Calibration: predicted vs observed"><RirCalibrationTable rows={v.accuracy.calibration} /></Part>
            <Part title="Where the model is unsure"><RirUnsureList items={v.unsure} /></Part>
            <Part title="Where it and the member often disagree"><RirDisagreeList items={v.disagree} /></Part>
          </Box>
        </>
      )}
    </Section>
  );
}
