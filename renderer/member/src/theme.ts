/** Big, high-contrast touch targets for a phone held between sets in a bright gym. */
import { createTheme } from '@mui/material';

export const memberTheme = createTheme({
  palette: { primary: { main: '#0d47a1' }, success: { main: '#1b5e20' }, background: { default: '#ffffff' } },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', fontSize: 16, button: { textTransform: 'none', fontWeight: 700 } },
  components: {
    MuiButton: { defaultProps: { disableElevation: true, size: 'large' }, styleOverrides: { root: { minHeight: 52, fontSize: '1.05rem' } } },
    MuiIconButton: { styleOverrides: { root: { minWidth: 52, minHeight: 52 } } },
    MuiBottomNavigationAction: { styleOverrides: { root: { minHeight: 60 } } },
  },
});
