/** Scenarios side by side: every row with the better value marked, the scores as grouped bars, and the classes only in each. */
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ScenarioComparison } from '../../../../main/contract/index';
import { Section } from '../../components/Section';
import { ScoresChart } from './ScoresChart';
import { WEIGHT_KEYS } from './SetupSettings';
import { hhmm, weekdayName } from './time';

/** Rows where less is better; rows not listed here and not in NEUTRAL are better when higher. */
const LOWER_IS_BETTER = new Set(['idleMinutes']);
const NEUTRAL = new Set(['classCount']);

function bestIndex(key: string, values: number[]): number | null {
  if (NEUTRAL.has(key) || values.length < 2 || values.every((v) => v === values[0])) return null;
  const best = LOWER_IS_BETTER.has(key) ? Math.min(...values) : Math.max(...values);
  return values.indexOf(best);
}

const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en-GB') : v.toFixed(3));

export function CompareView({ comparison, onClose }: { comparison: ScenarioComparison; onClose(): void }) {
  const { scenarios, rows, onlyIn } = comparison;
  const scoreRows = rows.filter((r) => (WEIGHT_KEYS as readonly string[]).includes(r.key));
  return (
    <Section title="Comparison" testId="comparison" actions={<Button size="small" onClick={onClose}>Close</Button>}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 2 }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell />
              {scenarios.map((s) => <TableCell key={s.id} align="right" data-testid="compare-header">{s.name}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => {
              const best = bestIndex(r.key, r.values);
              return (
                <TableRow key={r.key} data-testid="compare-row" data-key={r.key}>
                  <TableCell>{r.label}</TableCell>
                  {r.values.map((v, i) => (
                    <TableCell key={i} align="right" data-testid="compare-value" data-best={best === i}
                      sx={best === i ? { fontWeight: 700, color: 'success.dark', bgcolor: 'rgba(46,139,87,0.08)' } : undefined}>
                      {fmt(v)}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <ScoresChart testId="compare-chart" labels={scoreRows.map((r) => r.label)}
          series={scenarios.map((s, i) => ({ label: s.name, values: scoreRows.map((r) => r.values[i] ?? 0) }))} />
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="compare-same">{comparison.sameClasses} classes are the same in all.</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${scenarios.length}, 1fr)`, gap: 2, mt: 1 }}>
        {scenarios.map((s, i) => (
          <Box key={s.id} data-testid="compare-only-in">
            <Typography variant="subtitle2">Only in {s.name} ({onlyIn[i]?.length ?? 0})</Typography>
            <Box component="ul" sx={{ m: 0, pl: 2, fontSize: 13 }}>
              {(onlyIn[i] ?? []).map((c) => (
                <li key={c.index}>{weekdayName(c.weekday)} {hhmm(c.startMin)} {c.classTypeName} · {c.roomName} · {c.trainerName}</li>
              ))}
            </Box>
          </Box>
        ))}
      </Box>
    </Section>
  );
}
