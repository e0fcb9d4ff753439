/** All plans, filtered by status. */
import { useState } from 'react';
import { Box, LinearProgress, Paper, Tab, Tabs, Typography } from '@mui/material';
import { PLAN_STATUSES, type PlanStatus } from '../../../../main/contract/views';
import { api } from '../../api';
import { useLoad } from '../../use-load';
import { PlansTable } from './PlansTable';

type Filter = PlanStatus | 'all';

export function PlansPage() {
  const [filter, setFilter] = useState<Filter>('draft');
  const plans = useLoad(() => api.plans.list(filter === 'all' ? {} : { status: filter }), [filter]);
  return (
    <Box>
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>Plans</Typography>
      <Paper>
        <Tabs value={filter} onChange={(_, f: Filter) => setFilter(f)} sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}>
          <Tab value="draft" label="Waiting for review" data-testid="plans-filter-draft" />
          {PLAN_STATUSES.filter((s) => s !== 'draft').map((s) => (
            <Tab key={s} value={s} label={s.charAt(0).toUpperCase() + s.slice(1)} data-testid={`plans-filter-${s}`} />
          ))}
          <Tab value="all" label="All" data-testid="plans-filter-all" />
        </Tabs>
        {plans.loading ? <LinearProgress /> : null}
        {plans.data ? <PlansTable plans={plans.data} /> : null}
      </Paper>
    </Box>
  );
}
