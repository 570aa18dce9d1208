// A demo user logs in with the keyboard in real Chromium and sees the start page; axe-core finds no
// accessibility violations on the login page or the start page. A police officer (whose role this
// server requires a second factor of) sets up an authenticator app and signs in with its code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOA3, startServer } from './server.mjs';
import { accessibilityViolations, launchBrowser } from './browser.mjs';
import { passwordOnly, totpCode } from './second_factor.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0, 'SIGTERM must stop the server gracefully with exit code 0');
});

test('login page is accessible and in Swedish', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  assert.equal(await page.locator('h1').innerText(), 'Logga in i Kronobarn');
  assert.deepEqual(await accessibilityViolations(page), []);
  await context.close();
});

test('BVC nurse logs in with the keyboard only and sees her start page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.keyboard.press('Tab');  // skip link first
  assert.equal(await page.evaluate(() => document.activeElement.className), 'ds-skip-link');
  await page.focus('#username');
  await page.keyboard.type('bvc');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kronobarn-demo');
  await Promise.all([page.waitForURL(`${server.url}/start`), page.keyboard.press('Enter')]);
  assert.match(await page.locator('h1').innerText(), /Välkommen, Britt BVC-sköterska/);
  assert.match(await page.locator('main').innerText(), /Inkorg: obesvarade signaler/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await context.close();
});

test('wrong password shows a Swedish error and keeps the username', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.fill('#username', 'rektor');
  await page.fill('#password', 'fel-losenord');
  await page.click('button[type=submit]');
  assert.match(await page.locator('[role=alert]').innerText(), /Inloggningen misslyckades/);
  assert.equal(await page.inputValue('#username'), 'rektor');
  assert.deepEqual(await accessibilityViolations(page), []);
  await context.close();
});

test('language switch to English is remembered, and logout ends the session', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.fill('#username', 'rektor');
  await page.fill('#password', 'kronobarn-demo');
  await Promise.all([page.waitForURL(`${server.url}/start`), page.click('button[type=submit]')]);
  await Promise.all([page.waitForURL(`${server.url}/start`), page.click('a[hreflang=en]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('h1').innerText(), /Welcome, Rut Rektorsson/);
  await Promise.all([page.waitForURL(`${server.url}/logga-in`), page.click('text=Log out')]);
  await page.goto(`${server.url}/start`);
  assert.equal(new URL(page.url()).pathname, '/logga-in');
  await context.close();
});

test('the log reviewer draws a sample and records her review, keyboard only', async () => {
  // The principal's start page lists her plans: audited reads for Växjö's log.
  const principal = await browser.newContext();
  const principalPage = await principal.newPage();
  await principalPage.goto(`${server.url}/logga-in`);
  await principalPage.fill('#username', 'rektor');
  await principalPage.fill('#password', 'kronobarn-demo');
  await Promise.all([principalPage.waitForURL(`${server.url}/start`), principalPage.click('button[type=submit]')]);
  await principal.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.focus('#username');
  await page.keyboard.type('loggranskare');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kronobarn-demo');
  await Promise.all([page.waitForURL(`${server.url}/start`), page.keyboard.press('Enter')]);
  await page.locator('a[href="/loggkontroll"]').focus();
  await Promise.all([page.waitForURL(/\/loggkontroll$/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').innerText(), 'Loggkontroll');
  assert.match(await page.locator('table').innerText(), /Rut Rektorsson \(rektor\)/, "the principal's reads are in the log");
  assert.deepEqual(await accessibilityViolations(page), []);

  await page.focus('#sample');
  await page.keyboard.type('2');
  await Promise.all([page.waitForURL(/sample=2/), page.keyboard.press('Enter')]);
  assert.match(await page.locator('main').innerText(), /Stickprov: \d+ rader, urvalsnummer \d+, till och med loggrad \d+/);
  assert.match(await page.inputValue('#review-scope'), /sample=2 seed=\d+/);

  await page.focus('#review-checked');
  await page.keyboard.type('Stickprov av dagens inloggningar');
  await page.locator('form[action="/loggkontroll/granskningar"] button').focus();
  await Promise.all([page.waitForURL(/sparad=1/), page.keyboard.press('Enter')]);
  assert.match(await page.locator('[role=status]').first().innerText(), /Granskningen är sparad/);
  assert.match(await page.locator('main').innerText(), /Stickprov av dagens inloggningar/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await context.close();
});

test('the steering group reads statistics by keyboard and downloads the table, with no child-level data', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.focus('#username');
  await page.keyboard.type('styrgrupp');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kronobarn-demo');
  await Promise.all([page.waitForURL(`${server.url}/start`), page.keyboard.press('Enter')]);
  await page.locator('a[href="/statistik"]').focus();
  await Promise.all([page.waitForURL(/\/statistik$/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').innerText(), 'Statistik');
  assert.deepEqual(await accessibilityViolations(page), []);

  await page.selectOption('#measure', 'decisions');
  await page.selectOption('#by', 'quarter');
  await page.locator('form[action="/statistik"] button').focus();
  await Promise.all([page.waitForURL(/measure=decisions/), page.keyboard.press('Enter')]);
  assert.match(await page.locator('table caption').innerText(), /Beslut efter signal/);
  assert.match(await page.locator('table thead').innerText(), /Median, dagar/);
  const main = await page.locator('main').innerText();
  assert.doesNotMatch(main, /\b(19|20)\d{6}-?\d{4}\b/, 'no personal number on the page');
  assert.deepEqual(await accessibilityViolations(page), []);

  const csvHref = await page.locator('a[href^="/statistik.csv"]').getAttribute('href');
  const csv = await page.request.get(`${server.url}${csvHref}`);
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'], /text\/csv/);
  assert.match(await csv.text(), /^\uFEFFPeriod,A: egen organisation,B: annan organisation,C: samverkan,Totalt,/);
  await context.close();
});

test('start page works at 320 px width without horizontal scrolling', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.fill('#username', 'socialsekreterare');
  await page.fill('#password', 'kronobarn-demo');
  await Promise.all([page.waitForURL(`${server.url}/start`), page.click('button[type=submit]')]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  await context.close();
});

test('the organisation administrator cannot close a school that holds children, is told what to hand over first, and merges two preschools', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.fill('#username', 'admin');
  await page.fill('#password', 'kronobarn-demo');
  await Promise.all([page.waitForURL(`${server.url}/start`), page.click('button[type=submit]')]);
  await page.locator('a[href="/admin/enheter"]').focus();
  await Promise.all([page.waitForURL(/\/admin\/enheter$/), page.keyboard.press('Enter')]);
  assert.match(await page.locator('h1').innerText(), /^Enheter i /);
  assert.deepEqual(await accessibilityViolations(page), []);

  const card = page.locator('li.kb-card', { has: page.locator('h3', { hasText: /^Växjö Centralskola$/ }) });
  await card.locator('form[action="/admin/enheter/stang"] button').focus();
  await Promise.all([page.waitForURL(/\/admin\/enheter\/stang$/), page.keyboard.press('Enter')]);
  const alert = page.locator('.kb-error-summary');
  assert.match(await alert.innerText(), /Växjö Centralskola kan inte stängas ännu/);
  assert.match(await alert.innerText(), /Barn där enheten är Barnens bästa-ansvarig: \d+\./);
  assert.match(await alert.innerText(), /Roller som personal har i enheten: \d+\./);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('kb-error-summary')), true,
    'the refusal has the focus, where the eye and a screen reader are');
  assert.doesNotMatch(await card.innerText(), /Stängd sedan/, 'nothing changed');
  assert.deepEqual(await accessibilityViolations(page), []);

  // Two preschools become one, by keyboard: the merge form is folded under the unit, says what
  // moves and that consents do not, and the result has the focus.
  const moon = page.locator('li.kb-card', { has: page.locator('h3', { hasText: /^Växjö förskola Månen$/ }) });
  await moon.locator('details[id^="form-merge-"] summary').focus();
  await page.keyboard.press('Enter');
  const merge = moon.locator('details[id^="form-merge-"][open]');
  assert.match(await merge.innerText(), /Samtycken följer inte med/);
  assert.deepEqual(await accessibilityViolations(page), [], 'the open merge form');
  await merge.locator('select[name=into_unit_id]').selectOption({ label: 'Växjö förskola Solen' });
  await merge.locator('button[type=submit]').focus();
  await Promise.all([page.waitForURL(/\/admin\/enheter\/sla-ihop$/), page.keyboard.press('Enter')]);
  const merged = page.locator('.ds-alert[data-color="success"]');
  assert.match(await merged.innerText(), /Växjö förskola Månen är sammanslagen med Växjö förskola Solen och stängd\./);
  await page.waitForFunction(() => document.activeElement?.classList.contains('ds-alert'));
  assert.match(await moon.innerText(), /Stängd sedan/);
  assert.deepEqual(await accessibilityViolations(page), [], 'the merge result');
  await context.close();
});

test('a police officer sets up an authenticator app at the first sign-in, keeps the recovery codes, then signs in with a code', async () => {
  const page = await passwordOnly(browser, server.url, 'polis');
  assert.equal(new URL(page.url()).pathname, '/logga-in/aktivera-app');
  assert.equal(await page.locator('h1').innerText(), 'Skydda ditt konto med tvåstegsverifiering');
  assert.ok(await page.locator('svg.kb-qr[role=img][aria-label]').isVisible(), 'the QR code, named for screen readers');
  const secret = (await page.locator('code.kb-secret').innerText()).replace(/\s/g, '');
  assert.equal(secret.length, 32);
  assert.deepEqual(await accessibilityViolations(page), []);

  await page.fill('#code', '000000');
  await page.click('button[type=submit]');
  await page.locator('.kb-error-summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('kb-error-summary')), true,
    'the error summary takes focus');
  assert.equal(await page.getAttribute('#code', 'aria-invalid'), 'true');
  assert.match(await page.locator('#code-error').innerText(), /Koden stämmer inte/);
  assert.deepEqual(await accessibilityViolations(page), []);

  await page.fill('#code', totpCode(secret));
  await page.click('button[type=submit]');
  await page.locator('ol.kb-recovery-codes').waitFor();
  assert.equal(await page.locator('ol.kb-recovery-codes li').count(), 10);
  assert.deepEqual(await accessibilityViolations(page), []);
  await Promise.all([page.waitForURL(`${server.url}/start`), page.getByRole('link', { name: /fortsätt/ }).click()]);
  assert.match(await page.locator('h1').innerText(), /Välkommen, Per Polis/);
  await page.context().close();

  // The next sign-in asks for the code (the app's next one: the first was used).
  const again = await passwordOnly(browser, server.url, 'polis');
  assert.equal(new URL(again.url()).pathname, '/logga-in/kod');
  assert.deepEqual(await accessibilityViolations(again), []);
  await again.fill('#code', totpCode(secret, Date.now() + 30_000));
  await Promise.all([again.waitForURL(`${server.url}/start`), again.locator('#code').press('Enter')]);
  assert.match(await again.locator('h1').innerText(), /Välkommen, Per Polis/);
  await again.context().close();
});

test('a school counsellor signs in through the Region\'s login (OpenID Connect) and signing out ends that login too', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  const button = page.getByRole('link', { name: 'Logga in via Region Kronoberg' });
  assert.ok(await button.isVisible());
  assert.deepEqual(await accessibilityViolations(page), []);
  await Promise.all([page.waitForURL((url) => url.href.startsWith(`${server.providerUrl}/interaction/`)), button.click()]);
  await page.fill('#login', 'elevhalsa');
  await page.selectOption('#acr', LOA3);
  await Promise.all([page.waitForURL(`${server.url}/start`), page.click('button[type=submit]')]);
  assert.match(await page.locator('h1').innerText(), /Välkommen, Elin Kurator/);

  // Out of Kronobarn, and a page of ours goes on to the Region's sign-out.
  await Promise.all([page.waitForURL((url) => url.href.startsWith(`${server.providerUrl}/session/end`)),
    page.getByRole('button', { name: 'Logga ut' }).click()]);
  await Promise.all([page.waitForURL(`${server.url}/logga-in`), page.locator('button[autofocus], button[type=submit]').first().click()]);
  assert.equal(await page.locator('h1').innerText(), 'Logga in i Kronobarn');
  // Both sessions are over: Kronobarn's start page and the provider's login both ask again.
  await page.goto(`${server.url}/start`);
  assert.match(page.url(), /\/logga-in/);
  await Promise.all([page.waitForURL((url) => url.href.startsWith(`${server.providerUrl}/interaction/`)),
    page.getByRole('link', { name: 'Logga in via Region Kronoberg' }).click()]);
  assert.ok(await page.locator('#login').isVisible(), 'the provider asks for a login again');
  await context.close();
});
