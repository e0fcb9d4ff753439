import { Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography, Box } from '@mui/material';
import type { PlanSessionView, PlanView } from '../../../../main/contract/views';
import { PrescriptionRow } from './PrescriptionRow';

interface Props { session: PlanSessionView; editable: boolean; inSession: boolean; onSaved(plan: PlanView): void }

export function SessionCard({ session, editable, inSession, onSaved }: Props) {
  return (
    <Paper sx={{ overflow: 'hidden' }} data-testid="session-card">
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, px: 1.5, py: 1, bgcolor: 'grey.50', borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="subtitle2">Day {session.day} · {session.name}</Typography>
        <Typography variant="caption" color="text.secondary">about {session.estimatedMinutes} min</Typography>
      </Box>
      <Table sx={{ tableLayout: 'fixed' }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 40 }}>#</TableCell>
            <TableCell>Exercise</TableCell>
            <TableCell sx={{ width: 110 }}>Sets × reps</TableCell>
            <TableCell align="right" sx={{ width: 56 }}>RIR</TableCell>
            <TableCell sx={{ width: 124 }}>Predicted</TableCell>
            <TableCell align="right" sx={{ width: 100 }}>Load</TableCell>
            <TableCell align="right" sx={{ width: 72 }}>Rest</TableCell>
            <TableCell align="right" sx={{ width: 150 }} />
          </TableRow>
        </TableHead>
        <TableBody>
          {session.prescriptions.map((p) => (
            <PrescriptionRow key={p.id} prescription={p} editable={editable} inSession={inSession} onSaved={onSaved} />
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
