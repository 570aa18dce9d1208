// A real OpenID Provider for the single sign-on tests: npm oidc-provider (the certified Node
// implementation), with a staff client and an e-ID client, an interaction page of its own (a login
// form that also chooses the assurance level, acr), and a test hook that rotates its signing key.
//
//   node tests/oidc/provider.mjs start STATE   starts it in the background; STATE gets its URL, its
//                                              process id and the hostile provider's base URL
//                                              (evil_provider.mjs), one a line
//   node tests/oidc/provider.mjs stop STATE    stops it
//   node tests/oidc/provider.mjs serve STATE   runs it in the foreground (what start launches)
//
// CTest runs start/stop as the "oidc" fixture around the SSO tests; the browser tests import
// startProvider() and run one in their own process.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import Provider from 'oidc-provider';
import { runFixtureCommand } from '../support/fixture_process.mjs';
import { startEvilProvider } from './evil_provider.mjs';

export const STAFF_CLIENT = { id: 'kronobarn-staff', secret: 'staff-client-secret-0123456789abcdef' };
export const EID_CLIENT = { id: 'kronobarn-eid', secret: 'eid-client-secret-0123456789abcdef01' };
export const PERSONAL_NUMBER_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
export const PERSONAL_NUMBER_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';
const LOA2 = 'http://id.elegnamnden.se/loa/1.0/loa2';
const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

const isMain = process.argv[1] === fileURLToPath(import.meta.url);

// Shared by every Provider instance (a key rotation makes a new one): sessions, interactions and
// codes survive it.
const storage = new Map();
class MemoryAdapter {
  constructor(model) { this.model = model; }
  key(id) { return `${this.model}:${id}`; }
  async upsert(id, payload, expiresIn) {
    storage.set(this.key(id), { payload, expires: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    if (payload.grantId) storage.set(`grant:${payload.grantId}:${this.key(id)}`, true);
    if (payload.userCode) storage.set(`userCode:${payload.userCode}`, id);
    if (payload.uid) storage.set(`uid:${payload.uid}`, id);
  }
  async find(id) {
    const entry = storage.get(this.key(id));
    if (!entry || (entry.expires && entry.expires < Date.now())) return undefined;
    return entry.payload;
  }
  async findByUid(uid) { const id = storage.get(`uid:${uid}`); return id ? this.find(id) : undefined; }
  async findByUserCode(code) { const id = storage.get(`userCode:${code}`); return id ? this.find(id) : undefined; }
  async consume(id) { const entry = storage.get(this.key(id)); if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000); }
  async destroy(id) { storage.delete(this.key(id)); }
  async revokeByGrantId(grantId) {
    for (const key of [...storage.keys()]) {
      if (key.startsWith(`grant:${grantId}:`)) { storage.delete(key.slice(`grant:${grantId}:`.length)); storage.delete(key); }
    }
  }
}

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: `test-${randomUUID()}`, use: 'sig', alg: 'RS256' };
}

// Whoever logs in: the login is the staff username (preferred_username), and a login of twelve
// digits is a person with that personal identity number (the e-ID broker's users).
async function findAccount(ctx, id) {
  return {
    accountId: id,
    async claims() {
      const claims = { sub: `sub-${id}`, preferred_username: id, email: `${id}@vaxjo.example.invalid` };
      if (/^\d{12}$/.test(id)) claims[PERSONAL_NUMBER_CLAIM] = id;
      return claims;
    },
  };
}

function configuration(key, kronobarnUrl) {
  return {
    adapter: MemoryAdapter,
    clients: [STAFF_CLIENT, EID_CLIENT].map((client) => ({
      client_id: client.id,
      client_secret: client.secret,
      application_type: 'native',  // loopback redirect URIs match on any port (RFC 8252 §7.3)
      redirect_uris: [`http://127.0.0.1/logga-in/sso/${client === STAFF_CLIENT ? 'region' : 'eid'}/svar`],
      post_logout_redirect_uris: [`${kronobarnUrl}/logga-in`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [key] },
    // acr and amr with openid: every ID token says how the person was proven, as e-ID brokers' do.
    claims: { sid: null, openid: ['sub', 'acr', 'amr', 'auth_time', 'preferred_username', 'email', PERSONAL_NUMBER_CLAIM] },
    scopes: ['openid', PERSONAL_NUMBER_SCOPE],  // the e-ID client asks for Sweden Connect's number scope
    conformIdTokenClaims: false,  // the claims in the ID token itself, as e-ID brokers do
    acrValues: [LOA2, LOA3],
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    findAccount,
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AuthorizationCode: 60, IdToken: 300, AccessToken: 300 },
    cookies: { keys: ['kronobarn-test-oidc-cookie-key'] },
  };
}

function loginPage(uid) {
  return `<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>
<main><h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login">
<label for="login">Login</label> <input id="login" name="login" autocomplete="username">
<label for="acr">Assurance</label> <select id="acr" name="acr"><option value="${LOA3}">LoA 3</option><option value="${LOA2}">LoA 2</option></select>
<button type="submit">Sign in</button></form></main></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

// Starts the provider on a free loopback port; `kronobarnUrl` is where Kronobarn runs (its sign-out
// comes back there). Returns { issuer, close() }.
export async function startProvider({ kronobarnUrl = 'http://127.0.0.1' } = {}) {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  let provider = new Provider(issuer, configuration(signingKey(), kronobarnUrl));
  server.on('request', async (req, res) => {
    try {
      const url = new URL(req.url, issuer);
      const interaction = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
      if (req.method === 'POST' && url.pathname === '/test/rotate-keys') {
        provider = new Provider(issuer, configuration(signingKey(), kronobarnUrl));
        res.writeHead(204).end();
      } else if (interaction && req.method === 'GET' && !interaction[2]) {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'consent') {
          // A native client is always asked (RFC 8252); these first-party clients consent at once.
          const grant = new provider.Grant({ clientId: details.params.client_id, accountId: details.session.accountId });
          grant.addOIDCScope(details.params.scope ?? 'openid');
          grant.addOIDCClaims(['acr', 'amr', 'auth_time', 'preferred_username', 'email', PERSONAL_NUMBER_CLAIM]);
          await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } },
            { mergeWithLastSubmission: true });
        } else {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(interaction[1]));
        }
      } else if (interaction && req.method === 'POST' && interaction[2]) {
        const form = await readForm(req);
        await provider.interactionFinished(req, res, { login: { accountId: form.login, acr: form.acr, amr: ['pwd'] } },
          { mergeWithLastSubmission: false });
      } else {
        provider.callback()(req, res);
      }
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  return { issuer, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
}

if (isMain) {
  await runFixtureCommand(fileURLToPath(import.meta.url), process.argv.slice(2), {
    name: 'oidc test provider',
    async serve() {
      const { issuer } = await startProvider();
      const evil = await startEvilProvider();
      return [issuer, evil.base];
    },
  });
}
