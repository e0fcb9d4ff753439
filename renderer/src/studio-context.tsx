/**
 * What every screen shares: the display unit and a way to tell the
 * person what happened (errors name the field they are about).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Alert, AlertTitle, Snackbar } from '@mui/material';
import type { WeightUnit } from '../../engine/exercises/vocabulary';
import { studioErrorOf } from './errors';
import { readDisplayUnit, saveDisplayUnit } from './preferences';
import { fieldLabel, humanize } from './format';

interface Notice { severity: 'error' | 'success' | 'info'; title: string; text: string; key: number }

interface StudioContextValue {
  unit: WeightUnit;
  setUnit(unit: WeightUnit): void;
  /** Shows an error (a StudioError names its reason and field; `fieldName` overrides how the field is named). */
  showError(error: unknown, fieldName?: string): void;
  showMessage(text: string): void;
}

const StudioContext = createContext<StudioContextValue | null>(null);

export function describeError(error: unknown, fieldName?: string): { title: string; text: string } {
  const e = studioErrorOf(error);
  if (e) {
    const name = fieldName ?? (e.field ? fieldLabel(e.field) : undefined);
    const title = name ? `${name}: ${humanize(e.reason)}` : humanize(e.reason);
    return { title, text: e.message };
  }
  return { title: 'Something went wrong', text: error instanceof Error ? error.message : String(error) };
}

export function StudioProvider({ children }: { children: ReactNode }) {
  const [unit, setUnitState] = useState<WeightUnit>(readDisplayUnit);
  const [notice, setNotice] = useState<Notice | null>(null);

  const setUnit = useCallback((u: WeightUnit) => {
    saveDisplayUnit(u);
    setUnitState(u);
  }, []);
  const showError = useCallback((error: unknown, fieldName?: string) => {
    console.error(error);
    // The lock screen or the sign-in says these itself (see features/auth/auth-context.tsx).
    const e = studioErrorOf(error);
    if (e && (e.reason === 'locked' || e.reason === 'unauthorized')) return;
    setNotice({ severity: 'error', ...describeError(error, fieldName), key: Date.now() });
  }, []);
  const showMessage = useCallback((text: string) => {
    setNotice({ severity: 'success', title: '', text, key: Date.now() });
  }, []);

  const value = useMemo(() => ({ unit, setUnit, showError, showMessage }), [unit, setUnit, showError, showMessage]);
  return (
    <StudioContext.Provider value={value}>
      {children}
      <Snackbar
        key={notice?.key}
        open={notice !== null}
        autoHideDuration={notice?.severity === 'error' ? 10000 : 4000}
        onClose={(_, why) => why !== 'clickaway' && setNotice(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          data-testid={notice?.severity === 'error' ? 'error-alert' : 'message-alert'}
          severity={notice?.severity ?? 'info'}
          variant="filled"
          onClose={() => setNotice(null)}
          sx={{ minWidth: 360 }}
        >
          {notice?.title ? <AlertTitle>{notice.title}</AlertTitle> : null}
          {notice?.text}
        </Alert>
      </Snackbar>
    </StudioContext.Provider>
  );
}

export function useStudio(): StudioContextValue {
  const value = useContext(StudioContext);
  if (!value) throw new Error('useStudio outside StudioProvider');
  return value;
}
