/** Where the studio keeps its files when `--db` is not given. */
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The default database path: `$STUDIO_DB`, else the XDG data directory
 * (`$XDG_DATA_HOME/trainer-studio/studio.db`, default `~/.local/share/...`), or Electron's
 * userData directory when the shell passes it.
 */
export function defaultDbPath(userDataDir?: string): string {
  if (process.env.STUDIO_DB) return process.env.STUDIO_DB;
  if (userDataDir) return join(userDataDir, 'studio.db');
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'trainer-studio', 'studio.db');
}
