/**
 * The secure-context rule: browsers register service workers only on HTTPS or localhost. There
 * the app caches itself and reopens offline; over plain HTTP on a LAN address it works while
 * open (IndexedDB keeps every change) but cannot reopen without the studio.
 */
export function canReopenOffline(): boolean {
  return window.isSecureContext && 'serviceWorker' in navigator;
}

export function registerServiceWorker(): void {
  if (!canReopenOffline()) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((err: unknown) => console.warn('service worker not registered', err));
}

export const PLAIN_HTTP_ADVICE =
  'This page is served over plain HTTP, so it cannot reopen without the studio. It keeps working while open, and nothing you log is lost. To use it offline, pair again from the studio\'s HTTPS QR code and trust the studio certificate once (fingerprint shown at the desk).';
