/** Products (Payments page): membership plans, class packs and drop-ins, in the club currency; managers create them. */
import { useState } from 'react';
import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, InputLabel, LinearProgress, MenuItem, Select, Table, TableBody,
  TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import type { ProductView } from '../../../../main/contract/index';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { formatMoney, parseMajor } from './money';

const KIND_LABEL: Record<ProductView['kind'], string> = { membership: 'membership plan', pack: 'class pack', drop_in: 'drop-in' };

export function ProductsView({ canCreate }: { canCreate: boolean }) {
  const loaded = useLoad(() => Promise.all([api.payments.products({}), api.payments.policy({})]), []);
  const [creating, setCreating] = useState(false);
  const [products, policy] = loaded.data ?? [undefined, undefined];
  return (
    <Section title="Products" testId="payments-products" actions={canCreate ? <Button size="small" variant="contained" onClick={() => setCreating(true)} data-testid="product-new">New product</Button> : null}>
      {!products || !policy ? <LinearProgress /> : products.length === 0 ? <Typography color="text.secondary">No products yet.{canCreate ? ' Create a membership plan, a class pack or a drop-in.' : ''}</Typography> : (
        <Table size="small">
          <TableHead><TableRow><TableCell>Name</TableCell><TableCell>Kind</TableCell><TableCell align="right">Price</TableCell><TableCell>Gives</TableCell><TableCell>Stripe</TableCell></TableRow></TableHead>
          <TableBody>{products.map((p) => (
            <TableRow key={p.id} data-testid={`product-${p.id}`}>
              <TableCell>{p.name}{p.active ? null : <Chip size="small" label="not sold" sx={{ ml: 1 }} />}</TableCell>
              <TableCell>{KIND_LABEL[p.kind]}</TableCell>
              <TableCell align="right" data-testid="product-price">{formatMoney(p.amountMinor, p.currency)}</TableCell>
              <TableCell>{p.kind === 'membership' ? `unlimited classes, renews every ${p.intervalMonths ?? 1} month(s)` : `${p.credits ?? 1} class credit(s)`}</TableCell>
              <TableCell>{p.linkedToStripe ? 'linked' : 'created at the first sale or sync'}</TableCell>
            </TableRow>
          ))}</TableBody>
        </Table>
      )}
      {policy ? <NewProductDialog open={creating} currency={policy.currency} onClose={() => setCreating(false)} onCreated={() => { setCreating(false); loaded.reload(); }} /> : null}
    </Section>
  );
}

function NewProductDialog({ open, currency, onClose, onCreated }: { open: boolean; currency: string; onClose(): void; onCreated(): void }) {
  const { showError, showMessage } = useStudio();
  const [kind, setKind] = useState<ProductView['kind']>('pack');
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [credits, setCredits] = useState('10');
  const [months, setMonths] = useState('1');
  const amountMinor = parseMajor(price);
  const create = async () => {
    if (amountMinor === null) return;
    try {
      const p = await api.payments.createProduct({
        kind, name, amountMinor, currency,
        ...(kind === 'pack' ? { credits: Number(credits) } : {}), ...(kind === 'membership' ? { intervalMonths: Number(months) } : {}),
      });
      showMessage(`${p.name} created at ${formatMoney(p.amountMinor, p.currency)}`);
      setName(''); setPrice('');
      onCreated();
    } catch (e) { showError(e); }
  };
  return (
    <Dialog open={open} onClose={onClose} data-testid="product-dialog">
      <DialogTitle>New product</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, pt: '8px !important', minWidth: 380 }}>
        <FormControl size="small">
          <InputLabel id="product-kind-label">Kind</InputLabel>
          <Select labelId="product-kind-label" label="Kind" value={kind} onChange={(e) => setKind(e.target.value as ProductView['kind'])} data-testid="product-kind">
            <MenuItem value="membership" data-testid="product-kind-membership">Membership plan (recurring)</MenuItem>
            <MenuItem value="pack" data-testid="product-kind-pack">Class pack</MenuItem>
            <MenuItem value="drop_in" data-testid="product-kind-drop_in">Drop-in (one class)</MenuItem>
          </Select>
        </FormControl>
        <TextField size="small" label="Name" value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'product-name' } }} />
        <TextField size="small" label={`Price (${currency.toUpperCase()})`} value={price} onChange={(e) => setPrice(e.target.value)}
          error={price !== '' && amountMinor === null} helperText={price !== '' && amountMinor === null ? 'an amount such as 45 or 45.50' : amountMinor !== null ? formatMoney(amountMinor, currency) : 'in the club currency (Settings → Payments policy)'}
          slotProps={{ htmlInput: { 'data-testid': 'product-price-input', inputMode: 'decimal' } }} />
        {kind === 'pack' ? <TextField size="small" type="number" label="Class credits" value={credits} onChange={(e) => setCredits(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'product-credits', min: 1, max: 500 } }} /> : null}
        {kind === 'membership' ? <TextField size="small" type="number" label="Renews every (months)" value={months} onChange={(e) => setMonths(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'product-months', min: 1, max: 12 } }} /> : null}
        {kind === 'drop_in' ? <Alert severity="info">A drop-in gives one class credit.</Alert> : null}
        <Typography variant="caption" color="text.secondary">The Stripe Product and Price are created (with idempotency keys) at the first sale or sync.</Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={create} disabled={!name.trim() || amountMinor === null} data-testid="product-create">Create</Button>
      </DialogActions>
    </Dialog>
  );
}
