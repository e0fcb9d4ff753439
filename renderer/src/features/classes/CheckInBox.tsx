/**
 * Front-desk check-in: a box a QR scanner types the member card's code into (Enter checks in),
 * or a member found by name; "walk-in" lets a member without a booking in when a place is free.
 */
import { useState } from 'react';
import { Box, Button, Checkbox, FormControlLabel, TextField } from '@mui/material';
import type { MemberSummary } from '../../../../main/contract/index';
import { MemberPicker } from './MemberPicker';

interface Props { onCheckIn(input: { code?: string; memberId?: number; walkIn: boolean }): Promise<boolean> }

export function CheckInBox({ onCheckIn }: Props) {
  const [code, setCode] = useState('');
  const [member, setMember] = useState<MemberSummary | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const submitCode = async () => { if (code.trim() && await onCheckIn({ code: code.trim(), walkIn })) setCode(''); };
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      <TextField size="small" label="Scan member card" value={code} onChange={(e) => setCode(e.target.value)} sx={{ minWidth: 240 }}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void submitCode(); } }}
        slotProps={{ htmlInput: { 'data-testid': 'check-in-code', autoComplete: 'off' } }} />
      <MemberPicker label="or find a member" value={member} onChange={setMember} testId="check-in-member" />
      <FormControlLabel control={<Checkbox checked={walkIn} onChange={(e) => setWalkIn(e.target.checked)} slotProps={{ input: { 'data-testid': 'check-in-walk-in' } as object }} />} label="walk-in" />
      <Button variant="contained" disabled={!member} data-testid="check-in-submit"
        onClick={async () => { if (member && await onCheckIn({ memberId: member.id, walkIn })) setMember(null); }}>Check in</Button>
    </Box>
  );
}
