/** Finds a member by name (the host searches), for booking and check-in. */
import { useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import type { MemberSummary } from '../../../../main/contract/index';
import { api } from '../../api';
import { useDebounced } from '../../use-debounced';
import { useLoad } from '../../use-load';

interface Props { label: string; value: MemberSummary | null; onChange(m: MemberSummary | null): void; testId: string }

export function MemberPicker({ label, value, onChange, testId }: Props) {
  const [text, setText] = useState('');
  const query = useDebounced(text, 200);
  const found = useLoad(() => api.members.list({ query: query || undefined }), [query]);
  return (
    <Autocomplete
      size="small" sx={{ minWidth: 240 }} value={value} options={found.data ?? []} loading={found.loading}
      getOptionLabel={(m) => m.name} isOptionEqualToValue={(a, b) => a.id === b.id} filterOptions={(x) => x}
      onInputChange={(_, v) => setText(v)} onChange={(_, m) => onChange(m)}
      renderInput={(params) => <TextField {...params} label={label} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }} />}
    />
  );
}
