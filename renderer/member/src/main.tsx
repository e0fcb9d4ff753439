import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { memberTheme } from './theme';
import { MemberApp } from './MemberApp';
import { registerServiceWorker } from './offline';

registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeProvider theme={memberTheme}>
      <CssBaseline />
      <MemberApp />
    </ThemeProvider>
  </StrictMode>,
);
