import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { theme } from './theme';
import { StudioProvider } from './studio-context';
import { AuthProvider } from './features/auth/auth-context';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <StudioProvider>
        <AuthProvider>
          <App />
        </AuthProvider>
      </StudioProvider>
    </ThemeProvider>
  </StrictMode>,
);
