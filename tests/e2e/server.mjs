// Starts the real kronobarn binary on a free port with a fresh SQLite database and demo data,
// and stops it (SIGTERM, graceful) afterwards. Used by the browser tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The demo's police officer and researcher must give a code from an authenticator app (the
// second-factor tests sign in as them); everyone else the other tests use signs in with the
// password alone.
export const SECOND_FACTOR_ROLES = 'police_officer,researcher';

export async function startServer({ children = 50 } = {}) {
  const binary = process.env.KRONOBARN_BIN;
  if (!binary) throw new Error('KRONOBARN_BIN must point at the kronobarn binary');
  const dir = mkdtempSync(join(tmpdir(), 'kronobarn-e2e-'));
  const child = spawn(binary, [
    'serve', '--migrate', '--demo-children', String(children),
    '--database', `sqlite:${join(dir, 'kronobarn.db')}`, '--listen', '127.0.0.1:0', '--log-level', 'warn',
    '--require-second-factor', SECOND_FACTOR_ROLES,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[^\s/]+)\//.exec(output);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${output}`)); });
  });
  return {
    url,
    output: () => output,
    async stop() {
      const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
