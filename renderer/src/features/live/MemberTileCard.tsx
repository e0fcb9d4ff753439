/** One member on the monitor: name, bpm, zone colour, % of max and time in the current zone, readable across a studio. */
import { Box, Paper, Typography } from '@mui/material';
import type { MemberTile } from '../../../../main/contract/index';
import { minutesSeconds, zoneColour } from './live-state';

export function MemberTileCard({ tile, alerting }: { tile: MemberTile; alerting: boolean }) {
  const lost = tile.signal !== 'ok';
  const { bg, fg } = lost ? { bg: '#b0bec5', fg: '#263238' } : zoneColour(tile.zone);
  const inZone = tile.zone === null ? null : tile.secondsInZone[tile.zone] ?? 0;
  return (
    <Paper
      elevation={alerting ? 8 : 1}
      data-testid={`live-tile-${String(tile.memberId)}`}
      data-zone={tile.zone ?? ''}
      data-signal={tile.signal}
      sx={{ bgcolor: bg, color: fg, p: 1.5, minHeight: 150, display: 'flex', flexDirection: 'column', outline: alerting ? '4px solid #b71c1c' : 'none' }}
    >
      <Typography sx={{ fontSize: 22, fontWeight: 700, lineHeight: 1.1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {tile.displayName}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, flexGrow: 1 }}>
        <Typography sx={{ fontSize: 64, fontWeight: 800, lineHeight: 1 }} data-testid="live-bpm">{tile.bpm ?? '—'}</Typography>
        <Typography sx={{ fontSize: 18 }}>bpm</Typography>
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, fontSize: 17, whiteSpace: 'nowrap' }}>
        <span data-testid="live-pct" title="of maximum heart rate">{tile.pctOfMax === null ? 'max unknown' : `${String(Math.round(tile.pctOfMax * 100))}% max`}</span>
        <span>{tile.zone === null ? '' : `Z${String(tile.zone)}`}</span>
        <span title="time in this zone (m:ss)">{inZone === null ? '' : minutesSeconds(inZone)}</span>
      </Box>
      {lost ? <Typography sx={{ fontSize: 16, fontWeight: 700 }}>{tile.signal === 'waiting' ? 'waiting for a signal' : 'signal lost'}</Typography> : null}
    </Paper>
  );
}
