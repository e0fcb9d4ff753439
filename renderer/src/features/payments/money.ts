/** Money for people: integer minor units (cents) with an ISO currency code, as the host keeps it. */

/** `4500, 'eur'` → `€45.00` (the browser's locale). */
export function formatMoney(amountMinor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(amountMinor / 100);
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** `"45.5"` → 4550; null when it is not an amount with at most two decimals. */
export function parseMajor(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/**
 * A fresh operation id for one sale (the host derives the Stripe idempotency key from it, so a
 * retry of the same sale sends the same id). `crypto.getRandomValues` works outside secure contexts too.
 */
export function newOpId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `desk-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
