// The start/stop/serve commands every test server in Node shares (tests/oidc, tests/smtp): `start`
// launches `serve` in the background and waits for it to write its state file (address and process
// id, one a line); `stop` ends that process. `serve(statePath)` starts the server and returns the
// lines to write.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export async function runFixtureCommand(scriptPath, argv, { name, serve, clean = () => {} }) {
  const [command, statePath] = argv;
  if (command === 'serve') {
    const lines = await serve(statePath);
    writeFileSync(statePath, `${[lines[0], process.pid, ...lines.slice(1)].join('\n')}\n`);
  } else if (command === 'start') {
    rmSync(statePath, { force: true });
    clean(statePath);
    const child = spawn(process.execPath, [scriptPath, 'serve', statePath], { detached: true, stdio: 'ignore' });
    child.unref();
    for (let i = 0; i < 200 && !existsSync(statePath); i += 1) await new Promise((r) => setTimeout(r, 50));
    if (!existsSync(statePath)) { console.error(`${name} did not start`); process.exit(1); }
    console.log(`${name}: ${readFileSync(statePath, 'utf8').split('\n')[0]}`);
  } else if (command === 'stop') {
    if (existsSync(statePath)) {
      const pid = Number(readFileSync(statePath, 'utf8').split('\n')[1]);
      try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
      rmSync(statePath, { force: true });
    }
  } else {
    console.error(`usage: ${scriptPath} start|stop|serve STATE`);
    process.exit(2);
  }
}
