/**
 * Forms that show a failure where it belongs: on the field the host named (`fieldErrorOf`),
 * or, when it names none, in one line above the buttons. Used by the sign-in screens and the
 * staff dialogs.
 */
import { useCallback, useState } from 'react';
import { Alert, TextField, type TextFieldProps } from '@mui/material';
import { fieldErrorOf, studioErrorOf } from '../errors';

export interface FormErrors {
  busy: boolean;
  /** Message per field name (the last part of the host's field path, e.g. `policy.lockMinutes` → `lockMinutes`). */
  fields: Record<string, string>;
  general: string | null;
  /** Runs `work`; a failure is shown on its field or as the general line. Resolves true when it worked. */
  run(work: () => Promise<unknown>, fieldAliases?: Record<string, string>): Promise<boolean>;
  /** Sets an error found before asking the host (e.g. two passwords that differ). */
  fail(field: string | null, message: string): void;
  clear(): void;
}

/** `shown`: the fields this form has; an error about any other (e.g. `staffId`) is shown as the general line. */
export function useFormErrors(shown?: readonly string[]): FormErrors {
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const clear = useCallback(() => { setFields({}); setGeneral(null); }, []);
  const fail = useCallback((field: string | null, message: string) => {
    if (field) { setFields({ [field]: message }); setGeneral(null); } else { setFields({}); setGeneral(message); }
  }, []);
  const run = useCallback(async (work: () => Promise<unknown>, aliases: Record<string, string> = {}) => {
    setBusy(true);
    setFields({});
    setGeneral(null);
    try {
      await work();
      return true;
    } catch (err) {
      const f = fieldErrorOf(err);
      const name = f ? f.field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? f.field : null;
      const field = name ? aliases[name] ?? name : null;
      if (f && field && (!shown || shown.includes(field))) setFields({ [field]: f.message });
      else setGeneral(studioErrorOf(err)?.message ?? (err instanceof Error ? err.message : String(err)));
      return false;
    } finally {
      setBusy(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown?.join()]);
  return { busy, fields, general, run, fail, clear };
}

/** A text field bound to one named field of a form, with its error under it. `data-testid`: `<testPrefix>-<name>`. */
export function FormField({ form, name, testPrefix, ...props }: { form: FormErrors; name: string; testPrefix: string } & TextFieldProps) {
  const error = form.fields[name];
  return (
    <TextField
      fullWidth
      {...props}
      name={name}
      error={Boolean(error)}
      helperText={error ?? props.helperText}
      slotProps={{ ...props.slotProps, htmlInput: { 'data-testid': `${testPrefix}-${name}`, ...(props.slotProps?.htmlInput as object) } }}
      data-testid={`${testPrefix}-${name}-field`}
    />
  );
}

export function GeneralError({ form, testId }: { form: FormErrors; testId: string }) {
  return form.general ? <Alert severity="error" data-testid={testId}>{form.general}</Alert> : null;
}
