/**
 * A member's phones on the member page: pair a phone (QR code with the address, a one-time code
 * for 5 minutes and the CA fingerprint on HTTPS), the paired devices with last seen, pending and
 * rejected operations, and revoking one.
 */
import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { MemberSyncView, PairingCodeView } from '../../../../main/contract/index';
import { api } from '../../api';
import { useStudio } from '../../studio-context';
import { Section } from '../../components/Section';
import { useLoad } from '../../use-load';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function PhonesSection({ memberId, version }: { memberId: number; version: number }) {
  const { showError } = useStudio();
  const status = useLoad(() => api.phones.devices({ memberId }), [memberId, version]);
  const [code, setCode] = useState<PairingCodeView | null>(null);
  const pair = () => api.phones.pairingCode({ memberId, baseUrl: window.location.origin.startsWith('http') ? window.location.origin : undefined }).then(setCode, showError);
  const revoke = (deviceId: number) => api.phones.revoke({ memberId, deviceId }).then((v: MemberSyncView) => status.set(v), showError);
  const s = status.data;
  return (
    <Section title="Member phones" testId="phones-section" actions={<Button variant="contained" onClick={() => void pair()} data-testid="pair-phone">Pair a phone</Button>}>
      {s && s.devices.length === 0 && <Typography color="text.secondary">No phone paired yet.</Typography>}
      {s && s.devices.length > 0 && (
        <Table size="small" data-testid="devices-table">
          <TableHead><TableRow><TableCell>Phone</TableCell><TableCell>Paired</TableCell><TableCell>Last seen</TableCell><TableCell>Pending</TableCell><TableCell>Applied</TableCell><TableCell>Rejected</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>
            {s.devices.map((d) => (
              <TableRow key={d.id} data-testid="device-row">
                <TableCell>{d.name}{d.revokedAt ? ' (unpaired)' : ''}</TableCell>
                <TableCell>{when(d.createdAt)}</TableCell>
                <TableCell>{when(d.lastSeenAt)}</TableCell>
                <TableCell>{d.pendingOps}</TableCell>
                <TableCell>{d.applied}</TableCell>
                <TableCell>{d.rejected}</TableCell>
                <TableCell>{d.revokedAt ? null : <Button color="error" onClick={() => void revoke(d.id)}>Revoke</Button>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {s && s.rejections.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="rejections">
          Rejected from phones: {s.rejections.slice(0, 5).map((r) => <div key={r.opId}>{when(r.at)} · {r.deviceName} · {r.kind}: {r.reason}</div>)}
        </Alert>
      )}
      <Dialog open={code !== null} onClose={() => setCode(null)}>
        <DialogTitle>Scan with the member's phone</DialogTitle>
        {code && (
          <DialogContent>
            <Box component="img" src={code.qr} alt="pairing QR code" sx={{ width: 260, height: 260, display: 'block', mx: 'auto' }} data-testid="pair-qr" />
            <Typography sx={{ mt: 1 }}>Code <b data-testid="pair-code-text">{code.code}</b>, valid until {new Date(code.expiresAt).toLocaleTimeString()} (once).</Typography>
            <Typography variant="body2" sx={{ wordBreak: 'break-all' }} data-testid="pair-url">{code.url}</Typography>
            {code.caFingerprint
              ? <Alert severity="info" sx={{ mt: 1 }}>HTTPS: the phone will ask to trust the studio's certificate. Its fingerprint (SHA-256) is <code>{code.caFingerprint}</code>.</Alert>
              : <Alert severity="warning" sx={{ mt: 1 }}>Plain HTTP: the app works while open but cannot reopen offline. Start the studio with HTTPS for that (see the README).</Alert>}
          </DialogContent>
        )}
        <DialogActions><Button onClick={() => setCode(null)}>Done</Button></DialogActions>
      </Dialog>
    </Section>
  );
}
