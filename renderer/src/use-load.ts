/** Loads data for a screen, reports failures, and can be reloaded after a change. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStudio } from './studio-context';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload(): void;
  /** Replaces the data with a fresher copy the caller already has (e.g. an update's answer). */
  set(data: T): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const { showError } = useStudio();
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(err);
        setLoading(false);
        showError(err);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, showError]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, error, reload, set: setData };
}
