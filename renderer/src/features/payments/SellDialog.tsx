/**
 * Selling at the front desk (member page): choose a product and how it is paid. A Checkout
 * Session or Payment Link comes back as a QR code for the member's phone; cash and card terminal
 * are recorded by hand, as taken by the signed-in staff member. Offline, the sale is kept as
 * pending and sent at the next sync. One operation id per sale: pressing Sell again after a
 * failed call sends the same id, so the host (and Stripe) never make a second sale of it.
 * While the dialog shows a sale that is pending or awaiting payment, it syncs every
 * `WATCH_MS` and shows the new status (paid, expired, flagged), so the desk sees the member's
 * payment land without pressing anything.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, InputLabel, LinearProgress, MenuItem, Radio,
  RadioGroup, Select, Typography,
} from '@mui/material';
import type { SaleView, SellResult } from '../../../../main/contract/index';
import { api } from '../../api';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { formatMoney, newOpId } from './money';
import { PayQr } from './PayQr';
import { SaleStatusChip } from './SaleStatusChip';

type Method = SaleView['method'];
/** How often an open sale is checked with Stripe while the dialog shows it (ms). */
export const WATCH_MS = 5_000;
const METHODS: Array<{ value: Method; label: string }> = [
  { value: 'checkout', label: 'Stripe Checkout (QR code)' },
  { value: 'payment_link', label: 'Stripe Payment Link (QR code)' },
  { value: 'cash', label: 'Cash (recorded by hand)' },
  { value: 'terminal', label: 'Card terminal (recorded by hand)' },
];

interface Props { memberId: number; memberName: string; staffName: string; open: boolean; onClose(): void; onSold(r: SellResult): void }

export function SellDialog({ memberId, memberName, staffName, open, onClose, onSold }: Props) {
  const { showError } = useStudio();
  const products = useLoad(() => (open ? api.payments.products({}) : Promise.resolve([])), [open]);
  const [productId, setProductId] = useState<number | ''>('');
  const [method, setMethod] = useState<Method>('checkout');
  const [opId, setOpId] = useState(newOpId);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SellResult | null>(null);
  useEffect(() => { if (open) { setResult(null); setOpId(newOpId()); } }, [open]);
  const watching = open && result !== null && (result.sale.status === 'queued' || result.sale.status === 'awaiting_payment');
  const saleId = result?.sale.id;
  useEffect(() => {
    if (!watching || saleId === undefined) return;
    let live = true;
    const timer = window.setInterval(() => {
      void (async () => {
        try {
          await api.payments.sync({});
          const view = await api.payments.member({ memberId });
          const sale = view.sales.find((x) => x.id === saleId);
          if (live && sale) setResult((r) => (r && r.sale.status !== sale.status ? { ...r, sale, message: `${sale.productName}: ${sale.statusText}` } : r));
        } catch { /* offline or signed out: the next tick tries again; the sale stays pending */ }
      })();
    }, WATCH_MS);
    return () => { live = false; window.clearInterval(timer); };
  }, [watching, saleId, memberId]);
  const active = useMemo(() => (products.data ?? []).filter((p) => p.active), [products.data]);
  const product = active.find((p) => p.id === productId);
  const allowed = METHODS.filter((m) => !(product?.kind === 'membership' && m.value === 'payment_link'));

  const sell = async () => {
    if (!product) return;
    setBusy(true);
    try {
      const r = await api.payments.sell({ opId, memberId, productId: product.id, method });
      setResult(r);
      setOpId(newOpId()); // the next sale is a new operation
      onSold(r);
    } catch (e) {
      showError(e); // the same opId is kept: pressing Sell again retries this sale, never a second one
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth data-testid="sell-dialog">
      <DialogTitle>Sell to {memberName}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, pt: '8px !important' }}>
        {products.loading ? <LinearProgress /> : null}
        {result ? <SellOutcome result={result} /> : (
          <>
            {active.length === 0 && !products.loading ? <Alert severity="info">No products yet: a manager defines them under Payments.</Alert> : null}
            <FormControl size="small" fullWidth>
              <InputLabel id="sell-product-label">Product</InputLabel>
              <Select labelId="sell-product-label" label="Product" value={productId} onChange={(e) => { setProductId(e.target.value as number); if (method === 'payment_link') setMethod('checkout'); }}
                data-testid="sell-product">
                {active.map((p) => (
                  <MenuItem key={p.id} value={p.id} data-testid={`sell-product-${p.id}`}>
                    {p.name} — {formatMoney(p.amountMinor, p.currency)}{p.kind === 'membership' ? ` every ${p.intervalMonths ?? 1} month(s)` : ` · ${p.credits ?? 1} credit(s)`}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            <RadioGroup value={method} onChange={(e) => setMethod(e.target.value as Method)} data-testid="sell-method">
              {allowed.map((m) => <FormControlLabel key={m.value} value={m.value} control={<Radio size="small" />} label={m.label} data-testid={`sell-method-${m.value}`} />)}
            </RadioGroup>
            {method === 'cash' || method === 'terminal'
              ? <Typography variant="body2" color="text.secondary">Recorded as paid now, taken by {staffName}. A receipt number is issued.</Typography>
              : <Typography variant="body2" color="text.secondary">The member pays on their own phone; no card data passes through the studio. Offline, the sale waits as pending and is sent at the next sync.</Typography>}
          </>
        )}
      </DialogContent>
      <DialogActions>
        {result ? <Button variant="contained" onClick={onClose} data-testid="sell-done">Done</Button> : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="contained" onClick={sell} disabled={!product || busy} data-testid="sell-submit">
              {method === 'cash' || method === 'terminal' ? 'Record payment' : 'Create payment'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

function SellOutcome({ result }: { result: SellResult }) {
  const s = result.sale;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="sell-result">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography sx={{ flexGrow: 1 }} data-testid="sell-message">{result.message}</Typography>
        <SaleStatusChip sale={s} />
      </Box>
      {s.status === 'queued' ? (
        <Alert severity="warning" data-testid="sell-pending">
          Pending: Stripe could not be reached{s.lastError ? ` (${s.lastError})` : ''}. The sale is kept and sent with the same key at the next sync; the
          member's credits become usable once it is paid.
        </Alert>
      ) : null}
      {s.payUrl && s.status === 'awaiting_payment' ? <PayQr url={s.payUrl} /> : null}
      {s.status === 'paid' ? <Typography variant="body2" data-testid="sell-receipt">Receipt {s.receiptNo} · {formatMoney(s.amountMinor, s.currency)}</Typography> : null}
    </Box>
  );
}
