/**
 * `studio staff …`: the first manager on a fresh studio, and managing accounts from a shell.
 * Passwords come from standard input (`--password-stdin`) or a hidden prompt, never from
 * an argument (which would show in `ps` and the shell's history).
 */
import type { Command } from 'commander';
import { STAFF_ROLES, type OpName } from '../contract/index';
import { readNewPassword } from './secret-input';

type Run = (name: OpName, input: unknown, print?: boolean) => Promise<unknown>;

const int = (v: string) => {
  if (!/^\d+$/.test(v)) throw new Error(`"${v}" is not a staff id`);
  return Number(v);
};

export function staffCommand(program: Command, run: Run): void {
  const staff = program.command('staff').description('staff accounts');
  staff.command('create-first').description('create the first manager account of a new studio')
    .requiredOption('--name <name>', 'full name').requiredOption('--username <username>', 'sign-in name')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (o: { name: string; username: string; passwordStdin?: boolean }) => {
      const password = await readNewPassword(Boolean(o.passwordStdin));
      const done = (await run('auth/create-first', { name: o.name, username: o.username, password }, false)) as { staff: { id: number } } | null;
      if (done) console.log(`Created the first manager, ${o.name} (${o.username}, #${done.staff.id}). Sign in at the studio with this username.`);
    });
  staff.command('list', { isDefault: true }).description('every account and whether it can sign in')
    .action(async () => { await run('staff/list', {}); });
  staff.command('create').description('add an account (the person changes the password at the first sign-in)')
    .requiredOption('--name <name>').requiredOption('--username <username>')
    .requiredOption('--role <role>', STAFF_ROLES.join(' | '))
    .option('--password-stdin', 'read the first password from standard input')
    .action(async (o: { name: string; username: string; role: string; passwordStdin?: boolean }) => {
      const password = await readNewPassword(Boolean(o.passwordStdin));
      await run('staff/create', { name: o.name, username: o.username, role: o.role, password });
    });
  staff.command('disable <staffId>').description('disable an account and end its sessions')
    .action(async (id: string) => { await run('staff/disable', { staffId: int(id) }); });
  staff.command('enable <staffId>').description('enable a disabled account')
    .action(async (id: string) => { await run('staff/enable', { staffId: int(id) }); });
  staff.command('reset-password <staffId>').description('set a new password, to be changed at the next sign-in')
    .option('--username <username>', 'for an account that has none yet')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (id: string, o: { username?: string; passwordStdin?: boolean }) => {
      const password = await readNewPassword(Boolean(o.passwordStdin));
      await run('staff/reset-password', { staffId: int(id), password, ...(o.username ? { username: o.username } : {}) });
    });
}
