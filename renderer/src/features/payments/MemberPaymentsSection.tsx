/**
 * A member's payments (member page): contact and consents, memberships with their status and a
 * freeze with a return date, class-pack balances, and the payments and receipts, pending ones
 * first and loud. The front desk sells from here (SellDialog); a sale still awaiting payment
 * shows its QR code again.
 */
import { useState } from 'react';
import {
  Alert, Box, Button, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, LinearProgress, Table, TableBody, TableCell,
  TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import type { MemberPaymentsView, MembershipView, SaleView, StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../format';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { useAuth } from '../auth/auth-context';
import { formatMoney } from './money';
import { PayQr } from './PayQr';
import { SaleStatusChip } from './SaleStatusChip';
import { SellDialog } from './SellDialog';

const MEMBERSHIP_COLOR: Record<MembershipView['status'], 'success' | 'info' | 'warning' | 'default'> = { active: 'success', frozen: 'info', past_due: 'warning', cancelled: 'default' };
const MEMBERSHIP_LABEL: Record<MembershipView['status'], string> = { active: 'active', frozen: 'frozen', past_due: 'past due', cancelled: 'cancelled' };

export function MemberPaymentsSection({ memberId, memberName, role }: { memberId: number; memberName: string; role: StaffRole }) {
  const { me } = useAuth();
  const loaded = useLoad(() => api.payments.member({ memberId }), [memberId]);
  const [selling, setSelling] = useState(false);
  const [qrOf, setQrOf] = useState<SaleView | null>(null);
  const canSell = role === 'manager' || role === 'front_desk';
  const v = loaded.data;
  return (
    <Section title="Payments" testId="member-payments" actions={(
      <>
        <Button size="small" onClick={loaded.reload} data-testid="member-payments-refresh">Refresh</Button>
        {canSell ? <Button size="small" variant="contained" onClick={() => setSelling(true)} data-testid="open-sell">Sell</Button> : null}
      </>
    )}>
      {!v ? <LinearProgress /> : (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Chip label={`${v.credits} class credit${v.credits === 1 ? '' : 's'}`} color={v.credits > 0 ? 'success' : 'default'} data-testid="member-credits" data-credits={v.credits} />
            {v.pending > 0 ? <Chip label={`${v.pending} payment${v.pending === 1 ? '' : 's'} pending`} color="warning" data-testid="member-pending" /> : null}
          </Box>
          {v.sales.some((s) => s.status === 'queued') ? (
            <Alert severity="warning" data-testid="member-queued-alert">
              Sales made while Stripe was unreachable are pending: they are sent with the same key at the next sync ("Sync with Stripe" under Payments).
            </Alert>
          ) : null}
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '320px 1fr' }, gap: 1.5 }}>
            <ContactForm view={v} onSaved={loaded.set} />
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, minWidth: 0 }}>
              <Memberships view={v} canFreeze={canSell} onSaved={loaded.set} />
              <Packs view={v} />
            </Box>
          </Box>
          <Sales sales={v.sales} myId={me?.staff.id ?? null} myName={me?.staff.name ?? ''} onShowQr={setQrOf} />
        </Box>
      )}
      <SellDialog memberId={memberId} memberName={memberName} staffName={me?.staff.name ?? 'you'} open={selling}
        onClose={() => { setSelling(false); loaded.reload(); }} onSold={() => loaded.reload()} />
      <Dialog open={qrOf !== null} onClose={() => setQrOf(null)} data-testid="qr-dialog">
        <DialogTitle>{qrOf?.productName}: {qrOf ? formatMoney(qrOf.amountMinor, qrOf.currency) : ''}</DialogTitle>
        <DialogContent>{qrOf?.payUrl ? <PayQr url={qrOf.payUrl} /> : null}</DialogContent>
        <DialogActions><Button onClick={() => { setQrOf(null); loaded.reload(); }}>Close</Button></DialogActions>
      </Dialog>
    </Section>
  );
}

function ContactForm({ view, onSaved }: { view: MemberPaymentsView; onSaved(v: MemberPaymentsView): void }) {
  const { showError, showMessage } = useStudio();
  const [email, setEmail] = useState(view.contact.email ?? '');
  const [phone, setPhone] = useState(view.contact.phone ?? '');
  const [consentEmail, setConsentEmail] = useState(view.contact.consentEmail);
  const [consentSms, setConsentSms] = useState(view.contact.consentSms);
  const save = async () => {
    try {
      onSaved(await api.payments.setContact({ memberId: view.memberId, email: email.trim() || null, phone: phone.trim() || null, consentEmail, consentSms }));
      showMessage('Contact details saved');
    } catch (e) { showError(e); }
  };
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} data-testid="member-contact">
      <Typography variant="subtitle2">Contact and consent</Typography>
      <TextField size="small" label="Email (for Stripe receipts)" value={email} onChange={(e) => setEmail(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'contact-email' } }} />
      <TextField size="small" label="Phone" value={phone} onChange={(e) => setPhone(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'contact-phone' } }} />
      <FormControlLabel control={<Checkbox size="small" checked={consentEmail} onChange={(e) => setConsentEmail(e.target.checked)} />} label="May be emailed" />
      <FormControlLabel control={<Checkbox size="small" checked={consentSms} onChange={(e) => setConsentSms(e.target.checked)} />} label="May be texted" />
      <Box><Button size="small" variant="outlined" onClick={save} data-testid="contact-save">Save contact</Button></Box>
    </Box>
  );
}

function Memberships({ view, canFreeze, onSaved }: { view: MemberPaymentsView; canFreeze: boolean; onSaved(v: MemberPaymentsView): void }) {
  const { showError } = useStudio();
  const [freezing, setFreezing] = useState<MembershipView | null>(null);
  const [until, setUntil] = useState('');
  const freeze = async (membershipId: number, date: string | null) => {
    try { onSaved(await api.payments.freeze({ membershipId, until: date })); setFreezing(null); } catch (e) { showError(e, 'until'); }
  };
  return (
    <Box data-testid="member-memberships">
      <Typography variant="subtitle2">Memberships</Typography>
      {view.memberships.length === 0 ? <Typography variant="body2" color="text.secondary">No membership.</Typography> : (
        <Table size="small">
          <TableHead><TableRow><TableCell>Plan</TableCell><TableCell>Status</TableCell><TableCell>Since</TableCell><TableCell>Renews</TableCell><TableCell>Books now</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>{view.memberships.map((m) => (
            <TableRow key={m.id} data-testid={`membership-${m.id}`}>
              <TableCell>{m.planName}</TableCell>
              <TableCell><Chip size="small" label={m.status === 'frozen' && m.frozenUntil ? `frozen until ${m.frozenUntil}` : MEMBERSHIP_LABEL[m.status]} color={MEMBERSHIP_COLOR[m.status]} data-testid="membership-status" /></TableCell>
              <TableCell>{m.startDate}</TableCell><TableCell>{m.renewalDate}</TableCell>
              <TableCell>{m.access ? 'yes' : <Typography variant="body2" color="warning.main">{m.why}</Typography>}</TableCell>
              <TableCell align="right">
                {canFreeze && m.status !== 'cancelled' ? (m.status === 'frozen'
                  ? <Button size="small" onClick={() => freeze(m.id, null)} data-testid="membership-unfreeze">Unfreeze</Button>
                  : <Button size="small" onClick={() => { setFreezing(m); setUntil(''); }} data-testid="membership-freeze">Freeze</Button>) : null}
              </TableCell>
            </TableRow>
          ))}</TableBody>
        </Table>
      )}
      <Dialog open={freezing !== null} onClose={() => setFreezing(null)} data-testid="freeze-dialog">
        <DialogTitle>Freeze {freezing?.planName}</DialogTitle>
        <DialogContent sx={{ pt: '8px !important' }}>
          <TextField type="date" size="small" label="Returns on" value={until} onChange={(e) => setUntil(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'freeze-until' } }} />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>No classes are booked on it until that day; it is active again from then.</Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setFreezing(null)}>Cancel</Button>
          <Button variant="contained" disabled={!until} onClick={() => freezing && freeze(freezing.id, until)} data-testid="freeze-save">Freeze</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

function Packs({ view }: { view: MemberPaymentsView }) {
  return (
    <Box data-testid="member-packs">
      <Typography variant="subtitle2">Class packs</Typography>
      {view.packs.length === 0 ? <Typography variant="body2" color="text.secondary">No class packs.</Typography> : (
        <Table size="small">
          <TableHead><TableRow><TableCell>Pack</TableCell><TableCell>Payment</TableCell><TableCell align="right">Credits left</TableCell></TableRow></TableHead>
          <TableBody>{view.packs.map((p) => (
            <TableRow key={p.saleId} data-testid={`pack-${p.saleId}`}>
              <TableCell>{p.productName}</TableCell>
              <TableCell><SaleStatusChip sale={{ status: p.saleStatus, statusText: p.saleStatus === 'paid' ? 'paid: the credits are usable' : 'the credits are usable once paid', lastError: null }} /></TableCell>
              <TableCell align="right" data-testid="pack-balance">{p.saleStatus === 'paid' ? p.balance : '—'}</TableCell>
            </TableRow>
          ))}</TableBody>
        </Table>
      )}
    </Box>
  );
}

function Sales({ sales, myId, myName, onShowQr }: { sales: SaleView[]; myId: number | null; myName: string; onShowQr(s: SaleView): void }) {
  return (
    <Box data-testid="member-sales">
      <Typography variant="subtitle2">Payments and receipts</Typography>
      {sales.length === 0 ? <Typography variant="body2" color="text.secondary">No payments yet.</Typography> : (
        <Table size="small">
          <TableHead><TableRow><TableCell>When</TableCell><TableCell>Product</TableCell><TableCell>How</TableCell><TableCell align="right">Amount</TableCell><TableCell>Status</TableCell><TableCell>Receipt</TableCell><TableCell>Taken by</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>{sales.map((s) => (
            <TableRow key={s.id} data-testid={`sale-${s.id}`} data-status={s.status}>
              <TableCell>{formatDateTime(s.createdAt)}</TableCell>
              <TableCell>{s.productName}</TableCell>
              <TableCell>{s.method.replace('_', ' ')}</TableCell>
              <TableCell align="right">{formatMoney(s.amountMinor, s.currency)}</TableCell>
              <TableCell><SaleStatusChip sale={s} /></TableCell>
              <TableCell data-testid="sale-receipt">{s.receiptNo ?? '—'}</TableCell>
              <TableCell>{s.recordedBy === null ? '—' : s.recordedBy === myId ? myName : `staff #${s.recordedBy}`}</TableCell>
              <TableCell align="right">{s.status === 'awaiting_payment' && s.payUrl ? <Button size="small" onClick={() => onShowQr(s)} data-testid="sale-show-qr">QR</Button> : null}</TableCell>
            </TableRow>
          ))}</TableBody>
        </Table>
      )}
    </Box>
  );
}
