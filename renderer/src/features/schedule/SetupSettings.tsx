/** The scheduler settings of the club: slot grid, trainer gap, time zone and default objective weights. */
import { Box, TextField, Typography } from '@mui/material';
import type { ClubSetup } from '../../../../main/contract/index';
import type { ObjectiveWeights } from '../../../../engine/scheduler/types';
import { Section } from '../../components/Section';

export const WEIGHT_KEYS = ['attendance', 'idle', 'balance', 'revenue', 'preference'] as const satisfies readonly (keyof ObjectiveWeights)[];
export const WEIGHT_LABELS: Record<keyof ObjectiveWeights, string> = {
  attendance: 'Attendance', idle: 'Trainer idle time', balance: 'Balance over the week', revenue: 'Revenue', preference: 'Trainer preferences',
};

type Settings = Pick<ClubSetup, 'slotMin' | 'trainerGapMin' | 'timezone' | 'weights'>;
interface Props { settings: Settings; canEdit: boolean; onChange(patch: Partial<Settings>): void }

export function SetupSettings({ settings, canEdit, onChange }: Props) {
  const num = (text: string) => (text.trim() === '' ? NaN : Number(text));
  return (
    <Section title="Scheduler settings" testId="setup-settings">
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', mb: 1.5 }}>
        <TextField size="small" type="number" label="Start-time grid (min)" value={settings.slotMin} disabled={!canEdit}
          onChange={(e) => onChange({ slotMin: num(e.target.value) })} slotProps={{ htmlInput: { 'data-testid': 'setting-slotMin' } }}
          helperText="Classes start every … minutes after opening" />
        <TextField size="small" type="number" label="Trainer break (min)" value={settings.trainerGapMin} disabled={!canEdit}
          onChange={(e) => onChange({ trainerGapMin: num(e.target.value) })} slotProps={{ htmlInput: { 'data-testid': 'setting-trainerGapMin' } }}
          helperText="Least break between one trainer's classes" />
        <TextField size="small" label="Time zone" value={settings.timezone} disabled={!canEdit}
          onChange={(e) => onChange({ timezone: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'setting-timezone' } }}
          helperText="For calendar export, e.g. Europe/Berlin" />
      </Box>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>Default weights when optimizing</Typography>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
        {WEIGHT_KEYS.map((k) => (
          <TextField key={k} size="small" type="number" label={WEIGHT_LABELS[k]} value={settings.weights[k]} disabled={!canEdit} sx={{ width: 170 }}
            onChange={(e) => onChange({ weights: { ...settings.weights, [k]: num(e.target.value) } })}
            slotProps={{ htmlInput: { step: 0.05, min: 0, 'data-testid': `setting-weight-${k}` } }} />
        ))}
      </Box>
    </Section>
  );
}
