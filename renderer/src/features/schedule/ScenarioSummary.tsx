/** How good the selected timetable is: per-objective scores, the quantities behind them and how it was solved. */
import { Alert, AlertTitle, Box, Table, TableBody, TableCell, TableRow } from '@mui/material';
import type { ScenarioView } from '../../../../main/contract/index';
import { Section } from '../../components/Section';
import { ScoresChart } from './ScoresChart';
import { WEIGHT_KEYS, WEIGHT_LABELS } from './SetupSettings';
import { round1 } from './time';

const seconds = (s: number | null) => (s === null ? '—' : `${round1(s)} s`);

export function ScenarioSummary({ scenario }: { scenario: ScenarioView }) {
  const s = scenario.scores;
  const rows: Array<[string, string, string]> = [
    ['Predicted attendees', `${round1(s.predictedAttendees)} people`, 'summary-attendees'],
    ['Idle minutes', `${Math.round(s.idleMinutes).toLocaleString('en-GB')} min`, 'summary-idle'],
    ['Revenue potential', Math.round(s.revenuePotential).toLocaleString('en-GB'), 'summary-revenue'],
    ['Classes', String(scenario.classCount), 'summary-classes'],
    ['Objective', scenario.objective.toFixed(3), 'summary-objective'],
    ['Gap', scenario.gapPct === null ? '—' : `${round1(scenario.gapPct)} %`, 'summary-gap'],
    ['Solve time', seconds(scenario.solveS), 'summary-solve'],
    ['First feasible after', seconds(scenario.firstFeasibleS), 'summary-first-feasible'],
    ['Solver', scenario.backend, 'summary-backend'],
    ['Status', scenario.solveStatus, 'summary-status'],
    ['Manual edits', String(scenario.edits), 'summary-edits'],
    ['Weights', WEIGHT_KEYS.map((k) => `${k} ${scenario.weights[k]}`).join(', '), 'summary-weights'],
    ['Demand source', scenario.demandSource, 'summary-demand'],
  ];
  return (
    <Section title={`Summary · ${scenario.name}`} testId="scenario-summary">
      {scenario.violations.length ? (
        <Alert severity="error" sx={{ mb: 1 }} data-testid="scenario-violations">
          <AlertTitle>Hard constraints broken</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>{scenario.violations.map((v) => <li key={v}>{v}</li>)}</Box>
        </Alert>
      ) : null}
      {scenario.warnings.length ? (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="scenario-warnings">
          <AlertTitle>Outside the wanted classes per week</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>{scenario.warnings.map((v) => <li key={v}>{v}</li>)}</Box>
        </Alert>
      ) : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <ScoresChart testId="scores-chart" labels={WEIGHT_KEYS.map((k) => WEIGHT_LABELS[k])}
          series={[{ label: scenario.name, values: WEIGHT_KEYS.map((k) => s[k]) }]} />
        <Table size="small">
          <TableBody>
            {rows.map(([label, value, id]) => (
              <TableRow key={label}><TableCell sx={{ color: 'text.secondary' }}>{label}</TableCell><TableCell data-testid={id}>{value}</TableCell></TableRow>
            ))}
            {WEIGHT_KEYS.map((k) => (
              <TableRow key={k}><TableCell sx={{ color: 'text.secondary' }}>Score: {WEIGHT_LABELS[k]}</TableCell><TableCell data-testid={`score-${k}`}>{s[k].toFixed(3)}</TableCell></TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {scenario.notes.length ? <Box component="ul" sx={{ m: 0, mt: 1, pl: 2, fontSize: 13 }} data-testid="scenario-notes">{scenario.notes.map((n) => <li key={n}>{n}</li>)}</Box> : null}
    </Section>
  );
}
