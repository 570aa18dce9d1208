// Starts the real kronobarn binary on a free port with a fresh SQLite database and demo data,
// and stops it (SIGTERM, graceful) afterwards. Used by the browser tests. Beside it runs a real
// OpenID Provider (tests/oidc/provider.mjs) that the server trusts as "region" (Region Kronoberg's
// staff login: the demo usernames sign in there too) and as "eid" (an e-ID broker for families: a
// twelve-digit login is that personal identity number).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EID_CLIENT, PERSONAL_NUMBER_CLAIM, STAFF_CLIENT, startProvider } from '../oidc/provider.mjs';

// The demo's police officer and researcher must give a code from an authenticator app (the
// second-factor tests sign in as them); everyone else the other tests use signs in with the
// password alone.
export const SECOND_FACTOR_ROLES = 'police_officer,researcher';
export const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startServer({ children = 50, secondFactorRoles = SECOND_FACTOR_ROLES, extraArgs = [] } = {}) {
  const binary = process.env.KRONOBARN_BIN;
  if (!binary) throw new Error('KRONOBARN_BIN must point at the kronobarn binary');
  const dir = mkdtempSync(join(tmpdir(), 'kronobarn-e2e-'));
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const provider = await startProvider({ kronobarnUrl: publicUrl });
  const secretFile = join(dir, 'region.secret');
  writeFileSync(secretFile, `${STAFF_CLIENT.secret}\n`);
  chmodSync(secretFile, 0o600);
  const eidSecretFile = join(dir, 'eid.secret');
  writeFileSync(eidSecretFile, `${EID_CLIENT.secret}\n`);
  chmodSync(eidSecretFile, 0o600);
  const child = spawn(binary, [
    'serve', '--migrate', '--demo-children', String(children),
    '--database', `sqlite:${join(dir, 'kronobarn.db')}`, '--listen', `127.0.0.1:${port}`, '--log-level', 'warn',
    '--require-second-factor', secondFactorRoles,
    '--oidc-provider', `region,${provider.issuer},${STAFF_CLIENT.id},${secretFile},preferred_username,Region Kronoberg`,
    '--eid-provider', `eid,${provider.issuer},${EID_CLIENT.id},${eidSecretFile},${PERSONAL_NUMBER_CLAIM},BankID / Freja eID`,
    '--public-url', publicUrl, '--two-factor-acr', LOA3, ...extraArgs,
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
    providerUrl: provider.issuer,
    output: () => output,
    async stop() {
      const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const code = await exited;
      await provider.close();
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
