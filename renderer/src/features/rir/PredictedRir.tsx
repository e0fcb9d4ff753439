/** The RIR model's prediction beside a prescription: `≈ RIR 2 (1–3)` at the top of the rep range. */
import { Box, Tooltip, Typography } from '@mui/material';
import type { PrescriptionView } from '../../../../main/contract/views';

type Prediction = NonNullable<PrescriptionView['predictedRir']>;

export const SOURCE_WORDS: Record<Prediction['source'], string> = {
  member: "this member's own sets of this exercise",
  similar: "this member's sets of similar exercises",
  population: 'population figures (the member has no usable sets of it yet)',
};

/** What the RIR predictor's expected effort rests on most (engine/rir/predictor candidates). */
export const BASIS_WORDS: Record<NonNullable<Prediction['expected']>['basis'], string> = {
  target: "the prescription's target",
  'last-report': "the member's last report on this exercise",
  'stopping-habit': 'how far from the target this member usually stops',
  'recent-sets': "the member's recent sets of this exercise at similar loads",
};

/** The model speaks of RIR 0–10; beyond 10 the set is far from hard and the exact figure means little. */
const CAP = 10;

/** Whole reps, never below 0 (a negative RIR means failure before the top of the range), `10+` above the cap. */
const reps = (n: number) => (n >= CAP ? `${CAP}+` : String(Math.max(0, Math.round(n))));

export function predictedRirText(p: Prediction): string {
  const low = reps(p.low80);
  const high = reps(p.high80);
  return `≈ RIR ${reps(p.atRepMax)}${low === high ? '' : ` (${low}–${high})`}`;
}

interface Props { prescription: PrescriptionView }

export function PredictedRir({ prescription: rx }: Props) {
  const p = rx.predictedRir;
  if (!p) {
    return (
      <Tooltip title="No prediction: body-weight work has no load to predict from.">
        <Typography variant="body2" color="text.secondary" component="span" data-testid="predicted-rir" data-source="none">—</Typography>
      </Tooltip>
    );
  }
  // Flagged only when the model is fairly sure (the target lies outside its 80 % interval).
  const off = rx.targetRir < p.low80 || rx.targetRir > p.high80;
  const failsEarly = p.atRepMax < -0.5;
  const title = (
    <Box sx={{ fontSize: 12 }}>
      The model&apos;s prediction for the <b>first set</b> at this load: about {reps(p.atRepMax)} reps left in reserve after {rx.repMax} reps
      {rx.repMin !== rx.repMax ? `, about ${reps(p.atRepMin)} after ${rx.repMin} reps` : ''}; 80 % interval {reps(p.low80)}–{reps(p.high80)}.
      {failsEarly ? ` It expects failure before ${rx.repMax} reps.` : ''}
      {off ? ` That is ${p.atRepMax > rx.targetRir ? 'easier' : 'harder'} than the target RIR ${rx.targetRir}.` : ''}
      <br />Based on {SOURCE_WORDS[p.source]}.
      {p.expected ? (
        <>
          <br />Expected at the end of the set, from how this member stops: about {reps(p.expected.rir)} reps in reserve
          (80 % {reps(p.expected.low80)}–{reps(p.expected.high80)}), resting mostly on {BASIS_WORDS[p.expected.basis]}.
        </>
      ) : null}
    </Box>
  );
  return (
    <Tooltip title={title}>
      <Typography
        variant="body2" component="span" data-testid="predicted-rir" data-source={p.source}
        sx={{ whiteSpace: 'nowrap', cursor: 'help', borderBottom: '1px dotted', borderColor: 'text.disabled', color: off ? 'warning.dark' : 'text.primary' }}
      >
        {predictedRirText(p)}
      </Typography>
    </Tooltip>
  );
}
