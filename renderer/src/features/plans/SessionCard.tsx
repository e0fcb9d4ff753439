import { useState } from 'react';
import { Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography, Box } from '@mui/material';
import { api } from '../../api';
import { SuggestionsDialog } from './SuggestionsDialog';
import type { PlanSessionView, PlanView } from '../../../../main/contract/views';
import { PrescriptionRow } from './PrescriptionRow';

interface Props { session: PlanSessionView; planId: number; memberId: number; editable: boolean; inSession: boolean; onSaved(plan: PlanView): void }

export function SessionCard({ session, planId, memberId, editable, inSession, onSaved }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <Paper sx={{ overflow: 'hidden' }} data-testid="session-card">
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, px: 1.5, py: 1, bgcolor: 'grey.50', borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="subtitle2">Day {session.day} · {session.name}</Typography>
        <Typography variant="caption" color="text.secondary">about {session.estimatedMinutes} min</Typography>
        {editable ? <Button size="small" sx={{ ml: 'auto' }} onClick={() => setAdding(true)} data-testid="add-exercise">Add exercise</Button> : null}
        {adding ? (
          <SuggestionsDialog
            title={`Add an exercise to ${session.name}`} memberId={memberId} open
            context={{ kind: 'slot', sessionName: session.name, musclesOfExerciseIds: session.prescriptions.map((p) => p.exerciseId), excludeExerciseIds: session.prescriptions.map((p) => p.exerciseId) }}
            onClose={() => setAdding(false)}
            onChoose={async (exerciseId) => { onSaved(await api.plans.addPrescription({ planId, sessionId: session.id, exerciseId })); }}
          />
        ) : null}
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
            <PrescriptionRow key={p.id} prescription={p} memberId={memberId} editable={editable} inSession={inSession} onSaved={onSaved} />
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
