// What a person's authenticator app does, for the browser tests: the TOTP code of RFC 6238
// (HMAC-SHA1 from node:crypto, 6 digits, 30-second steps) from the key shown on the enrolment page.
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text) {
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) bits += BASE32.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export function totpCode(secret, atMillis = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMillis / 1000 / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

// Signs in with the password up to the second step; returns the page there.
export async function passwordOnly(browser, url, username) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/logga-in`);
  await page.fill('#username', username);
  await page.fill('#password', 'kronobarn-demo');
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/logga-in/')), page.click('button[type=submit]')]);
  return page;
}

// Sets up the app for `username` (who must be asked to) and returns its key: the code page is then
// what the next sign-in shows.
export async function enrol(browser, url, username) {
  const page = await passwordOnly(browser, url, username);
  const secret = (await page.locator('code.kb-secret').innerText()).replace(/\s/g, '');
  await page.fill('#code', totpCode(secret));
  await page.click('button[type=submit]');
  await page.locator('ol.kb-recovery-codes').waitFor();
  await page.context().close();
  return secret;
}
