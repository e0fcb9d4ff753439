/** Settings → Member phones: switch the member app and the sync API on or off; where phones reach the studio. */
import { Alert, FormControlLabel, Switch, Typography } from '@mui/material';
import { api } from '../../api';
import { useStudio } from '../../studio-context';
import { Section } from '../../components/Section';
import { useLoad } from '../../use-load';

export function PhoneSettingsSection({ canEdit }: { canEdit: boolean }) {
  const { showError } = useStudio();
  const settings = useLoad(() => api.phones.settings({}), []);
  const s = settings.data;
  if (!s) return null;
  return (
    <Section title="Member phones" testId="phone-settings">
      <FormControlLabel
        control={<Switch checked={s.enabled} disabled={!canEdit} onChange={(e) => void api.phones.setSettings({ enabled: e.target.checked }).then(settings.set, showError)} slotProps={{ input: { 'aria-label': 'serve the member app' } }} data-testid="phones-enabled" />}
        label="Serve the member app and sync to phones (pairing)"
      />
      <Typography variant="body2">Phones reach the studio at: {s.addresses.length ? s.addresses.join(', ') : 'the studio is not served over HTTP (start it with `studio serve --lan`)'}</Typography>
      {s.caFingerprint
        ? <Typography variant="body2">HTTPS certificate authority (SHA-256): <code>{s.caFingerprint}</code></Typography>
        : <Alert severity="info" sx={{ mt: 1 }}>Without HTTPS the member app works while open but cannot reopen offline: start the studio with `--https` (see the README).</Alert>}
    </Section>
  );
}
