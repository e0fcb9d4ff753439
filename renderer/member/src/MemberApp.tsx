/** The member app: pairing, then Today / History / Classes / Sync at the bottom, one hand on the phone. */
import { useEffect, useState } from 'react';
import { Alert, BottomNavigation, BottomNavigationAction, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import { useMember, type MemberApp as App } from './use-member';
import { TodayScreen } from './TodayScreen';
import { HistoryScreen } from './HistoryScreen';
import { ClassesScreen } from './ClassesScreen';
import { SyncScreen } from './SyncScreen';

type Tab = 'today' | 'history' | 'classes' | 'sync';

function codeFromHash(): string | null {
  const m = /pair=([A-Z0-9]{8})/.exec(window.location.hash);
  return m ? m[1]! : null;
}

function PairScreen({ app, code }: { app: App; code: string | null }) {
  const [value, setValue] = useState(code ?? '');
  const [name, setName] = useState('My phone');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await app.pair(value.trim().toUpperCase(), name.trim() || 'My phone');
      history.replaceState(null, '', window.location.pathname);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Typography variant="h5">Pair this phone</Typography>
      <Typography>Scan the QR code the front desk shows you, or type its code. It works once, for 5 minutes.</Typography>
      <TextField label="Pairing code" value={value} onChange={(e) => setValue(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'pair-code', autoCapitalize: 'characters' } }} />
      <TextField label="Name of this phone" value={name} onChange={(e) => setName(e.target.value)} />
      {error && <Alert severity="error">{error}</Alert>}
      <Button variant="contained" onClick={() => void submit()} disabled={busy || value.trim().length !== 8} data-testid="pair-submit">Pair</Button>
    </Stack>
  );
}

export function MemberApp() {
  const app = useMember();
  const [tab, setTab] = useState<Tab>('today');
  const [code] = useState(codeFromHash);
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true), off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  }, []);
  if (!app.ready) return <Typography sx={{ p: 2 }}>Opening…</Typography>;
  if (!app.pairing || (code && app.pairing && !app.state?.member)) return <PairScreen app={app} code={code} />;
  return (
    <Box sx={{ pb: 10, maxWidth: 560, mx: 'auto' }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1.5, bgcolor: 'primary.main', color: 'white' }}>
        <Typography variant="h6" data-testid="member-name">{app.state?.member?.name ?? app.pairing.memberName}</Typography>
        <Chip size="small" data-testid="sync-chip" sx={{ bgcolor: 'white' }}
          label={!online ? `Offline · ${app.status.pending} waiting` : app.status.syncing ? 'Syncing…' : app.status.pending ? `${app.status.pending} to send` : 'All synced'} />
      </Stack>
      {tab === 'today' && <TodayScreen app={app} />}
      {tab === 'history' && <HistoryScreen app={app} />}
      {tab === 'classes' && <ClassesScreen app={app} />}
      {tab === 'sync' && <SyncScreen app={app} online={online} />}
      <BottomNavigation showLabels value={tab} onChange={(_e, v: Tab) => setTab(v)} sx={{ position: 'fixed', bottom: 0, left: 0, right: 0, borderTop: 1, borderColor: 'divider' }}>
        <BottomNavigationAction value="today" label="Today" data-testid="tab-today" />
        <BottomNavigationAction value="history" label="History" data-testid="tab-history" />
        <BottomNavigationAction value="classes" label="Classes" data-testid="tab-classes" />
        <BottomNavigationAction value="sync" label="Sync" data-testid="tab-sync" />
      </BottomNavigation>
    </Box>
  );
}
