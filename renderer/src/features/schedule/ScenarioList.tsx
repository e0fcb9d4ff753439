/** The week's scenarios, newest first: pick one to show, tick two to compare. */
import { Box, Button, Checkbox, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ScenarioSummary } from '../../../../main/contract/index';
import { formatDateTime } from '../../format';
import { Section } from '../../components/Section';
import { ScenarioStatusChip } from './ScenarioStatusChip';
import { round1 } from './time';

interface Props {
  scenarios: ScenarioSummary[];
  selectedId: number | null;
  compareIds: number[];
  onSelect(id: number): void;
  onToggleCompare(id: number): void;
  onCompare(): void;
}

export function ScenarioList({ scenarios, selectedId, compareIds, onSelect, onToggleCompare, onCompare }: Props) {
  return (
    <Section title="Scenarios for this week" testId="scenario-list"
      actions={
        <Button size="small" variant="outlined" disabled={compareIds.length < 2} onClick={onCompare} data-testid="compare-scenarios">
          Compare{compareIds.length ? ` (${compareIds.length})` : ''}
        </Button>
      }>
      {scenarios.length === 0 ? (
        <Typography color="text.secondary" variant="body2" data-testid="no-scenarios">No timetable for this week yet. Optimize one to start.</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" title="Tick two to compare" />
                <TableCell>Name</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Classes</TableCell>
                <TableCell align="right">Predicted attendees</TableCell>
                <TableCell align="right">Objective</TableCell>
                <TableCell>Created</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {scenarios.map((s) => (
                <TableRow key={s.id} hover selected={s.id === selectedId} onClick={() => onSelect(s.id)} sx={{ cursor: 'pointer' }}
                  data-testid="scenario-row" data-scenario-id={s.id} data-status={s.status}>
                  <TableCell padding="checkbox" onClick={(e) => e.stopPropagation()}>
                    <Checkbox size="small" checked={compareIds.includes(s.id)} onChange={() => onToggleCompare(s.id)}
                      disabled={!compareIds.includes(s.id) && compareIds.length >= 4}
                      slotProps={{ input: { 'aria-label': `Compare ${s.name}`, ...({ 'data-testid': 'compare-checkbox' } as object) } }} />
                  </TableCell>
                  <TableCell data-testid="scenario-name">{s.name}</TableCell>
                  <TableCell><ScenarioStatusChip status={s.status} /></TableCell>
                  <TableCell align="right">{s.classCount}</TableCell>
                  <TableCell align="right">{round1(s.predictedAttendees)}</TableCell>
                  <TableCell align="right">{s.objective.toFixed(3)}</TableCell>
                  <TableCell>{formatDateTime(s.createdAt)}{s.createdBy ? ` · ${s.createdBy}` : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Section>
  );
}
