/** Pick a library exercise by typing part of its name (exercises/list with a query). */
import { useEffect, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import type { ExerciseView } from '../../../../main/contract/views';
import { api } from '../../api';
import { humanize } from '../../format';

interface Props {
  value: ExerciseView | null;
  onChange(exercise: ExerciseView | null): void;
  /** First search text, e.g. the unmatched name. */
  initialQuery?: string;
  testId?: string;
}

export function ExercisePicker({ value, onChange, initialQuery = '', testId }: Props) {
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<ExerciseView[]>([]);
  const [loading, setLoading] = useState(false);
  const query = input.trim() || initialQuery.replace(/\(.*?\)/g, '').trim();

  useEffect(() => {
    let live = true;
    setLoading(true);
    const t = setTimeout(() => {
      const search = async () => {
        const found = await api.exercises.list({ query: query || undefined, limit: 30 });
        // A suggestion from the unmatched name may find nothing: then offer the library's first page.
        return found.length === 0 && !input.trim() && query ? api.exercises.list({ limit: 30 }) : found;
      };
      search()
        .then((list) => live && setOptions(list), () => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query, input]);

  return (
    <Autocomplete
      size="small"
      sx={{ minWidth: 260 }}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      value={value}
      loading={loading}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(e) => e.name}
      getOptionKey={(e) => e.id}
      renderOption={(props, e) => (
        <li {...props} key={e.id}>
          {e.name}
          <span style={{ marginLeft: 8, color: '#777', fontSize: 11 }}>{humanize(e.equipment)} · {humanize(e.pattern)}</span>
        </li>
      )}
      onChange={(_, e) => onChange(e)}
      onInputChange={(_, text, why) => why === 'input' && setInput(text)}
      renderInput={(params) => <TextField {...params} placeholder="Search the library" data-testid={testId} />}
    />
  );
}
