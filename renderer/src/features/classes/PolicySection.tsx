/** Settings: the booking policy (window, cutoff, no-shows, strikes, target zone), with per class type overrides (blank: the default). */
import { useEffect, useState } from 'react';
import { Box, Button, Checkbox, FormControlLabel, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import type { BookingPolicy, ClassPolicy } from '../../../../main/contract/index';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';

const FIELDS: Array<[Exclude<keyof BookingPolicy, 'lateCancelCounts'>, string]> = [
  ['bookingOpensDays', 'Opens (days before)'], ['bookingClosesMin', 'Closes (min before)'], ['cancelCutoffMin', 'Cancel cutoff (min)'],
  ['noShowReleaseMin', 'No-show after (min)'], ['strikeWindowDays', 'Strikes over (days)'], ['maxStrikes', 'Max strikes (0: none)'], ['targetZone', 'Target zone'],
];

export function PolicySection() {
  const { showError, showMessage } = useStudio();
  const loaded = useLoad(() => Promise.all([api.classes.policy({}), api.schedule.club({})]), []);
  const [policy, setPolicy] = useState<ClassPolicy | null>(null);
  useEffect(() => { if (loaded.data) setPolicy(loaded.data[0]); }, [loaded.data]);
  if (!policy || !loaded.data) return <LinearProgress />;
  const types = loaded.data[1].classTypes;
  const setDefault = (k: keyof BookingPolicy, v: number | boolean) => setPolicy({ ...policy, default: { ...policy.default, [k]: v } });
  const setOverride = (type: string, k: keyof BookingPolicy, raw: string) => {
    const o = { ...(policy.byClassType[type] ?? {}) } as Record<string, number>;
    if (raw === '') delete o[k]; else o[k] = Number(raw);
    const byClassType = { ...policy.byClassType, [type]: o };
    if (Object.keys(o).length === 0) delete byClassType[type];
    setPolicy({ ...policy, byClassType });
  };
  const save = async () => {
    try { setPolicy(await api.classes.setPolicy({ policy })); showMessage('The booking policy is saved'); } catch (e) { showError(e); }
  };
  return (
    <Section title="Booking policy" testId="booking-policy" actions={<Button variant="contained" size="small" onClick={save} data-testid="policy-save">Save policy</Button>}>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead><TableRow><TableCell>Applies to</TableCell>{FIELDS.map(([k, label]) => <TableCell key={k}>{label}</TableCell>)}</TableRow></TableHead>
          <TableBody>
            <TableRow>
              <TableCell>Every class</TableCell>
              {FIELDS.map(([k]) => (
                <TableCell key={k}><TextField size="small" type="number" value={policy.default[k]} onChange={(e) => setDefault(k, Number(e.target.value))} sx={{ width: 90 }}
                  slotProps={{ htmlInput: { 'data-testid': `policy-default-${k}` } }} /></TableCell>
              ))}
            </TableRow>
            {types.map((t) => (
              <TableRow key={t.id}>
                <TableCell>{t.name}</TableCell>
                {FIELDS.map(([k]) => (
                  <TableCell key={k}><TextField size="small" type="number" placeholder={String(policy.default[k])} value={policy.byClassType[t.id]?.[k] ?? ''} sx={{ width: 90 }}
                    onChange={(e) => setOverride(t.id, k, e.target.value)} slotProps={{ htmlInput: { 'data-testid': `policy-${t.id}-${k}` } }} /></TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <FormControlLabel control={<Checkbox checked={policy.default.lateCancelCounts} onChange={(e) => setDefault('lateCancelCounts', e.target.checked)} />} label="Late cancels count as strikes (no-shows always do)" />
    </Section>
  );
}
