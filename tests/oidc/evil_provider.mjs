// A hostile OpenID Provider for the refusal tests: it speaks the protocol (discovery, keys, an
// authorisation endpoint that answers at once, a token endpoint) but each of its issuers hands out
// one kind of bad ID token, signed with node:crypto as an attacker would. Its issuers are
// BASE/<mode>, one per mode, so tests running side by side never share state:
//
//   good           a correct token (the control: the harness itself works)
//   tampered       a correct token whose payload was changed after signing (another person)
//   none           "alg": "none", no signature
//   hmac           HS256 keyed with the provider's public key (the algorithm confusion attack)
//   wrong-aud      signed for another client
//   expired        expired ten minutes ago
//   wrong-nonce    a nonce that is not the one we sent
//   no-nonce       no nonce at all
//   huge           a 200 KB token (over our 64 KiB limit)
//   megabyte       a token endpoint answer over 1 MB (over the HTTP client's limit)
//   bad-discovery  a discovery document without jwks_uri and token_endpoint
//   slow           a token endpoint that answers after 5 s
import { createHmac, createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';

const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

function base64url(value) {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

export async function startEvilProvider() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `evil-${randomUUID()}`;
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' });
  const codes = new Map();  // code → { nonce, clientId }

  const rs256 = (header, claims) => {
    const input = `${base64url(header)}.${base64url(claims)}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
  };

  function tokenFor(mode, issuer, { nonce, clientId }) {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: issuer, sub: 'sub-anna', aud: clientId, iat: now, exp: now + 300, nonce,
      preferred_username: 'anna', acr: LOA3 };
    const header = { alg: 'RS256', kid, typ: 'JWT' };
    switch (mode) {
      case 'tampered': {
        const [h, , s] = rs256(header, claims).split('.');
        return `${h}.${base64url({ ...claims, preferred_username: 'adam', sub: 'sub-adam' })}.${s}`;
      }
      case 'none': return `${base64url({ alg: 'none', kid, typ: 'JWT' })}.${base64url(claims)}.`;
      case 'hmac': {
        const input = `${base64url({ alg: 'HS256', kid, typ: 'JWT' })}.${base64url(claims)}`;
        return `${input}.${createHmac('sha256', publicPem).update(input).digest('base64url')}`;
      }
      case 'wrong-aud': return rs256(header, { ...claims, aud: 'another-client' });
      case 'expired': return rs256(header, { ...claims, iat: now - 1200, exp: now - 600 });
      case 'wrong-nonce': return rs256(header, { ...claims, nonce: 'not-the-one-you-sent' });
      case 'no-nonce': { const { nonce: _, ...rest } = claims; return rs256(header, rest); }
      case 'huge': return rs256(header, { ...claims, padding: 'x'.repeat(200 * 1024) });
      default: return rs256(header, claims);
    }
  }

  const server = http.createServer(async (req, res) => {
    const base = `http://127.0.0.1:${server.address().port}`;
    const url = new URL(req.url, base);
    const [, mode, ...rest] = url.pathname.split('/');
    const issuer = `${base}/${mode}`;
    const path = `/${rest.join('/')}`;
    const json = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === '/.well-known/openid-configuration') {
      const document = { issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`, response_types_supported: ['code'], subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'] };
      if (mode === 'bad-discovery') { delete document.jwks_uri; delete document.token_endpoint; }
      json(200, document);
    } else if (path === '/jwks') {
      json(200, { keys: [jwk] });
    } else if (path === '/auth') {
      // Signs anyone in at once and sends them back with a code.
      const code = randomUUID();
      codes.set(code, { nonce: url.searchParams.get('nonce'), clientId: url.searchParams.get('client_id') });
      const back = new URL(url.searchParams.get('redirect_uri'));
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state'));
      res.writeHead(302, { location: back.href }).end();
    } else if (path === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 5000));
      const code = new URLSearchParams(body).get('code');
      const request = codes.get(code);
      codes.delete(code);
      if (!request) { json(400, { error: 'invalid_grant' }); return; }
      const answer = { access_token: randomUUID(), token_type: 'Bearer', expires_in: 300,
        id_token: tokenFor(mode, issuer, request) };
      if (mode === 'megabyte') answer.padding = 'x'.repeat(1100 * 1024);
      json(200, answer);
    } else {
      json(404, { error: 'not_found' });
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
