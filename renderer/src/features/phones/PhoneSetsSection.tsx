/** Sets logged on the member's phones against the plan, with adherence per prescription; refreshed live as phones sync. */
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { WeightUnit } from '../../../../engine/types';
import { formatLoad } from '../../../../engine/units/convert';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { useLoad } from '../../use-load';

const COLOR = { done: 'success', partial: 'warning', skipped: 'error' } as const;

export function PhoneSetsSection({ memberId, unit, version }: { memberId: number; unit: WeightUnit; version: number }) {
  const view = useLoad(() => api.phones.loggedSets({ memberId, limit: 100 }), [memberId, version]);
  const v = view.data;
  return (
    <Section title="Logged on the phone, against the plan" testId="phone-sets">
      {v && v.sets.length === 0 && <Typography color="text.secondary">Nothing logged on a phone yet.</Typography>}
      {v && v.adherence.length > 0 && (
        <Box sx={{ display: 'flex', gap: 1, mb: 1 }} data-testid="phone-adherence">
          <Chip color="success" label={`${v.counts.done} done`} data-testid="adherence-done" />
          <Chip color="warning" label={`${v.counts.partial} partial`} data-testid="adherence-partial" />
          <Chip color="error" variant="outlined" label={`${v.counts.skipped} skipped`} data-testid="adherence-skipped" />
        </Box>
      )}
      {v && v.sets.length > 0 && (
        <Table size="small" data-testid="phone-sets-table">
          <TableHead><TableRow><TableCell>When</TableCell><TableCell>Exercise</TableCell><TableCell>Set</TableCell><TableCell>Logged</TableCell><TableCell>Prescribed</TableCell><TableCell>Note</TableCell></TableRow></TableHead>
          <TableBody>
            {v.sets.map((s) => (
              <TableRow key={s.logId} data-testid="phone-set-row">
                <TableCell>{new Date(s.performedAt).toLocaleString()}</TableCell>
                <TableCell>{s.exerciseName}</TableCell>
                <TableCell>{s.setNumber}</TableCell>
                <TableCell>{formatLoad(s.loadKg, unit)} × {s.reps}{s.rir !== null ? ` @ RIR ${s.rir}` : ''}</TableCell>
                <TableCell>{s.prescribed ? `${s.prescribed.sets} × ${s.prescribed.repMin}–${s.prescribed.repMax} · ${formatLoad(s.prescribed.loadKg, unit)} · RIR ${s.prescribed.targetRir}` : 'off plan'}</TableCell>
                <TableCell>{s.note}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {v && v.adherence.length > 0 && (
        <Table size="small" sx={{ mt: 1 }}>
          <TableHead><TableRow><TableCell>Plan</TableCell><TableCell>Exercise</TableCell><TableCell>Sets</TableCell><TableCell>Reps vs plan</TableCell><TableCell>Load vs plan</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>
            {v.adherence.map((a) => (
              <TableRow key={a.prescriptionId}>
                <TableCell>W{a.week} {a.sessionName}</TableCell>
                <TableCell>{a.exerciseName}</TableCell>
                <TableCell>{a.setsLogged}/{a.setsPlanned}</TableCell>
                <TableCell>{a.repsVsPlan === null ? '—' : `${a.repsVsPlan >= 0 ? '+' : ''}${a.repsVsPlan.toFixed(1)}`}</TableCell>
                <TableCell>{a.loadRatio === null ? '—' : `${Math.round(a.loadRatio * 100)} %`}</TableCell>
                <TableCell><Chip size="small" color={COLOR[a.status]} label={a.status} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
