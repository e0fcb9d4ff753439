/** The session policy (managers): longest session, end after idle, screen lock after. */
import { useEffect, useState } from 'react';
import { Box, Button, InputAdornment, Typography } from '@mui/material';
import type { SessionPolicy, StudioSettingsView } from '../../../../main/contract/index';
import { api } from '../../api';
import { FormField, GeneralError, useFormErrors } from '../../components/form-errors';
import { useStudio } from '../../studio-context';
import { Section } from '../../components/Section';

const FIELDS: Array<{ key: keyof SessionPolicy; label: string; unit: string; help: string }> = [
  { key: 'absoluteHours', label: 'Longest session', unit: 'h', help: '1–168 h; then everyone signs in again (one shift)' },
  { key: 'idleMinutes', label: 'Session ends after no use for', unit: 'min', help: '5–1440 min' },
  { key: 'lockMinutes', label: 'Screen locks after no use for', unit: 'min', help: '1–240 min, at most the idle time; the PIN unlocks it' },
];

type Drafts = Record<keyof SessionPolicy, string>;
const draftsOf = (p: SessionPolicy): Drafts => ({ absoluteHours: String(p.absoluteHours), idleMinutes: String(p.idleMinutes), lockMinutes: String(p.lockMinutes) });

export function SecuritySection({ settings, onSaved }: { settings: StudioSettingsView; onSaved(s: StudioSettingsView): void }) {
  const { showMessage } = useStudio();
  const form = useFormErrors(FIELDS.map((f) => f.key));
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(settings.policy));
  useEffect(() => setDrafts(draftsOf(settings.policy)), [settings]);

  const save = () => {
    const policy: Partial<SessionPolicy> = {};
    for (const f of FIELDS) {
      const n = Number(drafts[f.key]);
      if (drafts[f.key].trim() === '' || !Number.isInteger(n)) return form.fail(f.key, 'enter a whole number');
      if (n !== settings.policy[f.key]) policy[f.key] = n;
    }
    if (Object.keys(policy).length === 0) return;
    void form.run(async () => {
      const saved = await api.system.setSettings({ policy });
      onSaved(saved);
      const clamped = FIELDS.filter((f) => policy[f.key] !== undefined && saved.policy[f.key] !== policy[f.key]);
      showMessage(clamped.length > 0
        ? `Session policy saved; ${clamped.map((f) => `${f.label.toLowerCase()} is ${saved.policy[f.key]} ${f.unit}`).join(', ')} (kept within the other limits)`
        : 'Session policy saved');
    });
  };

  return (
    <Section title="Security" testId="security-section">
      <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); save(); }}
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 220px))', gap: 1.5, alignItems: 'start' }}>
        {FIELDS.map((f) => (
          <FormField key={f.key} form={form} name={f.key} testPrefix="policy" label={f.label} type="number" value={drafts[f.key]}
            helperText={f.help} onChange={(e) => setDrafts({ ...drafts, [f.key]: e.target.value })}
            slotProps={{ input: { endAdornment: <InputAdornment position="end">{f.unit}</InputAdornment> } }} />
        ))}
        <Box sx={{ gridColumn: '1 / -1', display: 'flex', gap: 1, alignItems: 'center' }}>
          <Button type="submit" variant="contained" disabled={form.busy} data-testid="save-policy">Save session policy</Button>
          <Typography variant="caption" color="text.secondary">Applies to every open session at its next call.</Typography>
        </Box>
        <Box sx={{ gridColumn: '1 / -1' }}><GeneralError form={form} testId="policy-error" /></Box>
      </Box>
    </Section>
  );
}
