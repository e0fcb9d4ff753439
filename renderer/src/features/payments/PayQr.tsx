/** A pay URL (Checkout Session or Payment Link) as a QR code for the member's phone, with the link beside it. */
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { Box, Link, Typography } from '@mui/material';

export function PayQr({ url, size = 200 }: { url: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: size }).then((d) => { if (live) setSrc(d); }, () => { if (live) setSrc(null); });
    return () => { live = false; };
  }, [url, size]);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 0.5 }} data-testid="pay-qr">
      {src ? <img src={src} width={size} height={size} alt="QR code of the payment page" data-testid="pay-qr-image" /> : <Box sx={{ width: size, height: size }} />}
      <Typography variant="caption" color="text.secondary">The member scans this to pay on their own phone</Typography>
      <Link href={url} target="_blank" rel="noreferrer" variant="caption" sx={{ wordBreak: 'break-all' }} data-testid="pay-url">{url}</Link>
    </Box>
  );
}
