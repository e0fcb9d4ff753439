/**
 * For tests and benchmarks: a host with its first manager created through the real first-run
 * operation (argon2id and all), and that manager as a CLI caller.
 */
import type { Caller } from './context';
import { cliCaller, createHost, type Host } from './host';

export const TEST_MANAGER = { name: 'Mia Manager', username: 'mia', password: 'correct horse battery staple' } as const;

/** Creates the first manager on `host` (a fresh studio); returns the manager as a CLI caller. */
export async function createFirstManager(host: Host): Promise<Caller> {
  const env = await host.call('auth/create-first', TEST_MANAGER, { transport: 'cli', staff: null, session: null });
  if (!env.ok) throw new Error(`auth/create-first: ${env.error.message}`);
  return cliCaller(host);
}

/** A new host on `dbPath` with its first manager; resolves to both. */
export async function createTestHost(dbPath: string, options: Parameters<typeof createHost>[1] = {}): Promise<{ host: Host; manager: Caller }> {
  const host = createHost(dbPath, options);
  return { host, manager: await createFirstManager(host) };
}
