/** Members: search, plan status, demo members, and the ways in (new, demo club, import). */
import { useEffect, useState } from 'react';
import {
  Box, Button, Chip, LinearProgress, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead,
  TableRow, TextField, Typography,
} from '@mui/material';
import type { StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { formatDate, humanize } from '../../format';
import { hrefOf, navigate } from '../../router';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { useDebounced } from '../../use-debounced';
import { StatusChip } from '../../components/StatusChip';
import { NewMemberDialog } from './NewMemberDialog';
import { ImportDialog } from '../imports/ImportDialog';

export function MembersPage({ role }: { role: StaffRole }) {
  const coach = role !== 'front_desk';
  const { showError, showMessage } = useStudio();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const members = useLoad(() => api.members.list(query ? { query } : {}), [query]);
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const [demoBusy, setDemoBusy] = useState(false);

  const createDemo = async () => {
    setDemoBusy(true);
    try {
      const report = await api.demo.create({});
      showMessage(`Demo club created: ${report.members.length} members, ${report.sets.toLocaleString()} sets`);
      members.reload();
    } catch (err) {
      showError(err);
    } finally {
      setDemoBusy(false);
    }
  };

  const rows = members.data ?? [];
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>Members</Typography>
        <TextField
          placeholder="Search members"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'member-search', 'aria-label': 'Search members' } }}
          sx={{ width: 240 }}
        />
        <Button variant="contained" onClick={() => setDialog('new')} data-testid="new-member">New member</Button>
        {coach ? (
          <>
            <Button variant="outlined" onClick={() => setDialog('import')} data-testid="open-import">Import</Button>
            <Button variant="outlined" color="secondary" onClick={createDemo} disabled={demoBusy} data-testid="create-demo">
              Create demo club
            </Button>
          </>
        ) : null}
      </Box>
      <Paper>
        {members.loading || demoBusy ? <LinearProgress /> : <Box sx={{ height: 4 }} />}
        <TableContainer>
          <Table stickyHeader data-testid="members-table">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Goal</TableCell>
                <TableCell>Level</TableCell>
                <TableCell align="right">Sets logged</TableCell>
                <TableCell>Last trained</TableCell>
                <TableCell>Plan</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((m) => (
                <TableRow key={m.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate({ page: 'member', memberId: m.id })} data-testid="member-row">
                  <TableCell>
                    <Link href={hrefOf({ page: 'member', memberId: m.id })} underline="hover" onClick={(e) => e.stopPropagation()}>
                      {m.name}
                    </Link>
                    {m.isDemo ? <Chip label="demo" color="secondary" variant="outlined" sx={{ ml: 1 }} data-testid="demo-chip" /> : null}
                  </TableCell>
                  <TableCell>{humanize(m.goal)}</TableCell>
                  <TableCell>{humanize(m.level)}</TableCell>
                  <TableCell align="right">{m.setCount.toLocaleString()}</TableCell>
                  <TableCell>{formatDate(m.lastTrainedAt)}</TableCell>
                  <TableCell><StatusChip status={m.planStatus} /></TableCell>
                </TableRow>
              ))}
              {!members.loading && rows.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={6} sx={{ color: 'text.secondary', py: 3, textAlign: 'center' }}>
                    {query ? `No member matches “${query}”.` : 'No members yet: add one, import a Strong export, or create the demo club.'}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>
      <NewMemberDialog
        open={dialog === 'new'}
        role={role}
        onClose={() => setDialog(null)}
        onCreated={(m) => { setDialog(null); navigate({ page: 'member', memberId: m.id }); }}
      />
      <ImportDialog open={dialog === 'import'} onClose={() => setDialog(null)} onImported={members.reload} />
    </Box>
  );
}
