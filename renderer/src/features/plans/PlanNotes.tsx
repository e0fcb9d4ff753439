/** The planner's notes on a plan (split choice, layoffs, exclusions); long lists fold. */
import { useState } from 'react';
import { Box, Button } from '@mui/material';

const SHOWN = 4;

export function PlanNotes({ notes }: { notes: string[] }) {
  const [all, setAll] = useState(false);
  if (notes.length === 0) return null;
  const shown = all ? notes : notes.slice(0, SHOWN);
  return (
    <Box data-testid="plan-notes">
      <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5, color: 'text.secondary', fontSize: 13 }}>
        {shown.map((n, i) => <li key={i}>{n}</li>)}
      </Box>
      {notes.length > SHOWN ? (
        <Button onClick={() => setAll((a) => !a)} sx={{ ml: 1 }} data-testid="plan-notes-toggle">
          {all ? 'Show fewer notes' : `Show all ${notes.length} notes`}
        </Button>
      ) : null}
    </Box>
  );
}
