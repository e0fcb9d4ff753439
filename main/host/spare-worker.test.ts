/** A host's spare worker thread: booted ahead, used by the next worker call, replaced after it, ended at close. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestHost } from './testkit';

const HEVY = resolve('../shared/data/logs/exports/mouadja02__Hevy-Coach/workout_data.csv');

describe('spare worker', () => {
  it('runs worker calls in a booted spare, one after another, and cancels them as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'studio-spare-'));
    const { host, manager } = await createTestHost(join(dir, 'studio.db'), { spareWorker: true });
    try {
      const content = readFileSync(HEVY, 'utf8');
      for (const name of ['First', 'Second']) {
        await host.workerReady();
        const progress: string[] = [];
        const env = await host.call('imports/history', { fileName: 'w.csv', content, memberName: name }, manager, (_f, m) => progress.push(m));
        expect(env).toMatchObject({ ok: true, value: { setsStored: 330, memberName: name } });
        expect(progress[0]).toBe('Reading w.csv');
      }
      // Right after a call the new spare is still booting: taken now, its late `ready` is not the answer.
      const early = await host.call('imports/history', { fileName: 'w.csv', content, memberName: 'Early' }, manager);
      expect(early).toMatchObject({ ok: true, value: { setsStored: 330 } });
      await host.workerReady();
      const controller = new AbortController();
      const env = await host.call('imports/history', { fileName: 'w.csv', content, memberName: 'Cancelled' }, manager,
        (_f, m) => { if (m.startsWith('Storing')) controller.abort(); }, controller.signal);
      expect(env).toMatchObject({ ok: false, error: { reason: 'cancelled' } });
      const count = (host.store.sqlite.prepare('SELECT count(*) AS c FROM set_logs').get() as { c: number }).c;
      expect([990, 1320]).toContain(count);
    } finally {
      host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
