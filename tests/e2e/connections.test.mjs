// Issue 26's bad input at the socket: ten thousand clients that each asked once and then keep their
// connection open, idle. The server keeps them all and still answers a newcomer at once — the
// login page and a signed-in professional's page with child data — and stops cleanly afterwards.
// No browser: plain sockets from this process (the server is the real binary, in its own process).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from './server.mjs';

const IDLE_CONNECTIONS = 10_000;
const OPENED_AT_ONCE = 250;  // below the listen backlog, so no connect waits on a full queue

let server;

before(async () => {
  server = await startServer({ children: 20 });
});

after(async () => {
  await server?.stop();
});

// One keep-alive connection that has asked for /healthz and read its answer; left open.
function idleConnection(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost: kronobarn\r\n\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk;
      const end = answer.indexOf('\r\n\r\n');
      const length = /content-length: *(\d+)/i.exec(answer);
      if (end >= 0 && length && Buffer.byteLength(answer.slice(end + 4)) >= Number(length[1])) resolve({ socket, answer });
    });
  });
}

async function signIn(username) {
  const form = await fetch(`${server.url}/logga-in`);
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="csrf_token" value="([^"]*)"/.exec(await form.text())[1];
  const login = await fetch(`${server.url}/logga-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf_token: csrf, username, password: 'kronobarn-demo' }),
  });
  assert.equal(login.status, 303, 'signed in');
  return login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

test('ten thousand idle keep-alive connections: a newcomer is still answered at once', async () => {
  const port = Number(new URL(server.url).port);
  const idle = [];
  try {
    while (idle.length < IDLE_CONNECTIONS) {
      const batch = Array.from({ length: Math.min(OPENED_AT_ONCE, IDLE_CONNECTIONS - idle.length) },
        () => idleConnection(port));
      idle.push(...await Promise.all(batch));
    }
    assert.ok(idle.every(({ answer }) => answer.startsWith('HTTP/1.1 200')), 'every idle client was answered');
    assert.ok(idle.every(({ socket }) => !socket.destroyed), 'and kept its connection');

    const started = Date.now();
    const login = await fetch(`${server.url}/logga-in`);
    assert.equal(login.status, 200);
    assert.match(await login.text(), /Logga in/);
    const nurse = await signIn('bvc');
    const start = await fetch(`${server.url}/start`, { headers: { cookie: nurse } });
    assert.equal(start.status, 200, 'an audited page with child data');
    assert.ok(Date.now() - started < 10_000, `answered in ${Date.now() - started} ms beside the idle crowd`);
  } finally {
    for (const { socket } of idle) socket.destroy();
  }
  assert.equal(await server.stop(), 0, 'the server stops cleanly');
  server = undefined;
});
