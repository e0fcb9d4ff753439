/** Settings: the live monitor's zone bands (% of heart-rate reserve) and alert thresholds. */
import { useEffect, useState } from 'react';
import { Box, Button, LinearProgress, TextField, Typography } from '@mui/material';
import type { LiveSettingsView } from '../../../../main/contract/index';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';

const pct = (f: number) => Math.round(f * 1000) / 10;

export function LiveZonesSection() {
  const { showError, showMessage } = useStudio();
  const loaded = useLoad(() => api.live.settings({}), []);
  const [bands, setBands] = useState('');
  const [fields, setFields] = useState({ plannedZone: '', highPct: '', highForS: '', lostSignalS: '', farBelowForS: '', warmupS: '' });
  useEffect(() => {
    const s = loaded.data;
    if (!s) return;
    setBands(s.bands.map(pct).join(', '));
    setFields({
      plannedZone: String(s.plannedZone), highPct: String(pct(s.highPctOfMax)), highForS: String(s.highForS),
      lostSignalS: String(s.lostSignalS), farBelowForS: String(s.farBelowForS), warmupS: String(s.warmupS),
    });
  }, [loaded.data]);
  const save = async () => {
    try {
      const saved: LiveSettingsView = await api.live.setSettings({
        bands: bands.split(/[,\s]+/).filter(Boolean).map((b) => Number(b) / 100),
        plannedZone: Number(fields.plannedZone), highPctOfMax: Number(fields.highPct) / 100, highForS: Number(fields.highForS),
        lostSignalS: Number(fields.lostSignalS), farBelowForS: Number(fields.farBelowForS), warmupS: Number(fields.warmupS),
      });
      loaded.set(saved);
      showMessage('Live monitor settings saved');
    } catch (err) {
      showError(err);
    }
  };
  const field = (key: keyof typeof fields, label: string) => (
    <TextField size="small" label={label} value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} sx={{ width: 170 }} slotProps={{ htmlInput: { 'data-testid': `live-setting-${key}` } }} />
  );
  return (
    <Section title="Live class monitor" testId="live-settings" actions={<Button variant="contained" size="small" onClick={() => { void save(); }} data-testid="live-settings-save">Save</Button>}>
      {loaded.data ? (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          <Typography variant="body2" color="text.secondary">
            Zones by heart-rate reserve (Karvonen): target = rest + % × (max − rest), max observed or else Tanaka 208 − 0.7 × age.
            The bands are the lower bounds of zones 1, 2, … (Myzone uses 50, 60, 70, 80, 90).
          </Typography>
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
            <TextField size="small" label="Zone bands, % of reserve" value={bands} onChange={(e) => setBands(e.target.value)} sx={{ width: 260 }} slotProps={{ htmlInput: { 'data-testid': 'live-setting-bands' } }} />
            {field('plannedZone', 'Planned zone')}
            {field('highPct', 'High: % of max')}
            {field('highForS', 'High for (s)')}
            {field('lostSignalS', 'Lost signal after (s)')}
            {field('farBelowForS', 'Far below for (s)')}
            {field('warmupS', 'Warm-up (s)')}
          </Box>
        </Box>
      ) : loaded.loading ? <LinearProgress /> : null}
    </Section>
  );
}
