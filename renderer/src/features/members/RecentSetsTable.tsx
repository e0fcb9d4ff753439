import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { SetLogView } from '../../../../main/contract/views';
import type { WeightUnit } from '../../../../engine/exercises/vocabulary';
import { formatDateTime } from '../../format';
import { formatLoad } from '../../units';

export function RecentSetsTable({ sets, unit }: { sets: SetLogView[]; unit: WeightUnit }) {
  if (sets.length === 0) return <Typography color="text.secondary">No sets logged.</Typography>;
  return (
    <TableContainer sx={{ maxHeight: 340 }}>
      <Table stickyHeader data-testid="recent-sets">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>Exercise</TableCell>
            <TableCell align="right">Set</TableCell>
            <TableCell align="right">Load</TableCell>
            <TableCell align="right">Reps</TableCell>
            <TableCell align="right">RIR</TableCell>
            <TableCell>Source</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sets.map((s) => (
            <TableRow key={s.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.performedAt)}</TableCell>
              <TableCell>
                {s.exerciseName}
                {s.exerciseId === null ? <Typography component="span" variant="caption" color="warning.main"> (unmapped)</Typography> : null}
              </TableCell>
              <TableCell align="right">{s.setIndex}</TableCell>
              <TableCell align="right">{s.loadKg === 0 ? 'BW' : formatLoad(s.loadKg, unit)}</TableCell>
              <TableCell align="right">{s.reps}</TableCell>
              <TableCell align="right">{s.rir ?? (s.rpe !== null ? `RPE ${s.rpe}` : '—')}</TableCell>
              <TableCell>{s.source}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
