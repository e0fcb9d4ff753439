/** Exercise names of an import the library did not recognise; each can be mapped by hand. */
import { useState } from 'react';
import { Alert, Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ExerciseView, NameMatch } from '../../../../main/contract/views';
import type { ImportFormat } from '../../../../engine/imports/formats';
import { api } from '../../api';
import { useStudio } from '../../studio-context';
import { ExercisePicker } from './ExercisePicker';

function UnmatchedRow({ name, source }: { name: NameMatch; source: ImportFormat }) {
  const { showError } = useStudio();
  const [choice, setChoice] = useState<ExerciseView | null>(null);
  const [mapped, setMapped] = useState<{ exercise: string; sets: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const map = async () => {
    if (!choice) return;
    setBusy(true);
    try {
      const result = await api.exercises.mapName({ name: name.name, exerciseId: choice.id, source });
      setMapped({ exercise: choice.name, sets: result.updatedSets });
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <TableRow data-testid="unmatched-row">
      <TableCell>{name.name}</TableCell>
      <TableCell align="right">{name.sets}</TableCell>
      <TableCell>
        {mapped ? (
          <Chip color="success" label={`→ ${mapped.exercise} (${mapped.sets} sets updated)`} data-testid="unmatched-mapped" />
        ) : (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <ExercisePicker value={choice} onChange={setChoice} initialQuery={name.name} testId="unmatched-picker" />
            <Button variant="contained" disabled={!choice || busy} onClick={map} data-testid="unmatched-map">Map</Button>
          </Box>
        )}
      </TableCell>
    </TableRow>
  );
}

/** `source`: the app the names come from (mappings are kept per app). */
export function UnmatchedNames({ names, source }: { names: NameMatch[]; source: ImportFormat }) {
  if (names.length === 0) {
    return <Alert severity="success" data-testid="unmatched-none">Every exercise name matched the library.</Alert>;
  }
  return (
    <Box data-testid="unmatched-names">
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        Unmatched names ({names.length}): their sets are stored but count towards no lift until mapped.
      </Typography>
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>Name in file</TableCell>
            <TableCell align="right">Sets</TableCell>
            <TableCell>Library exercise</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {names.map((n) => <UnmatchedRow key={n.name} name={n} source={source} />)}
        </TableBody>
      </Table>
    </Box>
  );
}
