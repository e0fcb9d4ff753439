// `npm start`: the desktop window when the Electron runtime is present; otherwise one line
// saying so, and the same studio served in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron'); // the binary's path; throws when the download was skipped
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (!electron) {
  console.log('The Electron runtime is not installed here, so the studio opens in the browser instead:');
  const child = spawn(process.execPath, ['bin/studio.mjs', ...process.argv.slice(2), 'serve'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  for (const [cmd, args] of [['npx', ['vite', 'build']], [process.execPath, ['scripts/build-electron.mjs']], ['npx', ['electron-builder', 'install-app-deps']]]) {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
