/**
 * End-to-end tests against the real studio: `node bin/studio.mjs serve` on a fresh temporary
 * database, serving the built renderer (run `npx vite build` first; `npm run e2e` does) and the
 * HTTP API, driven through Debian's Chromium.
 *
 * The port and database path are chosen once and put into the environment, so the worker
 * processes (which load this file again) agree with the runner. Override with
 * STUDIO_E2E_PORT / STUDIO_E2E_DB, or set STUDIO_E2E_URL to test a studio that is already running.
 *
 * Before it serves, the studio gets its first manager (`studio staff create-first`, the password
 * piped in from STUDIO_E2E_PASSWORD so it shows in no process list); `StudioApp.open()` signs
 * in as them. On a reused database that already has a manager, create-first refuses and the
 * studio serves anyway. `e2e/auth.spec.ts` starts a studio of its own to see a real first run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { MANAGER } from './e2e/page-models/staff';

const root = dirname(fileURLToPath(import.meta.url));

/** Asks the OS for a free port, synchronously (a child process listens on port 0 and prints it). */
function freePort(): string {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

process.env.STUDIO_E2E_PORT ??= freePort();
process.env.STUDIO_E2E_DB ??= join(mkdtempSync(join(tmpdir(), 'studio-e2e-')), 'studio.db');
const port = process.env.STUDIO_E2E_PORT;
const db = process.env.STUDIO_E2E_DB;
const externalUrl = process.env.STUDIO_E2E_URL;

if (!externalUrl && !existsSync(join(root, 'dist/renderer/index.html'))) {
  throw new Error('dist/renderer is missing: run `npx vite build` (or `npm run e2e`) before `npx playwright test`');
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/results',
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: 'e2e/artifacts/report', open: 'never' }]],
  use: {
    baseURL: externalUrl ?? `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run',
      ],
    },
  },
  webServer: externalUrl ? undefined : {
    command: `printf '%s\\n' "$STUDIO_E2E_PASSWORD" | node bin/studio.mjs --db "${db}" staff create-first`
      + ` --name "${MANAGER.name}" --username ${MANAGER.username} --password-stdin;`
      + ` exec node bin/studio.mjs --db "${db}" serve --port ${port} --recommend-train-hour off`,
    env: { ...process.env as Record<string, string>, STUDIO_E2E_PASSWORD: MANAGER.password },
    cwd: root,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
