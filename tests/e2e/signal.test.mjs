// Stories 1, 2 and 5 of domain.md §10 in real Chromium, keyboard-friendly and axe-checked:
// a preschool teacher registers a factual signal about a 4-year-old; it reaches the BVC nurse's
// inbox; the teacher sees her own signal and its status only; another unit cannot open it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { accessibilityViolations, launchBrowser } from './browser.mjs';
import { bornYearsAgo, personalNumber } from './people.mjs';

let server;
let browser;

async function login(username) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.fill('#username', username);
  await page.fill('#password', 'kronobarn-demo');
  await Promise.all([page.waitForURL(`${server.url}/start`), page.click('button[type=submit]')]);
  return { context, page };
}

before(async () => {
  server = await startServer({ children: 20 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('teacher registers a signal, the BVC nurse receives it, nobody else sees it', async () => {
  const birth = bornYearsAgo(4);
  const teacher = await login('forskollarare');
  await Promise.all([teacher.page.waitForURL(`${server.url}/oro/ny`), teacher.page.click('text=Registrera oro för ett barn >> nth=-1')]);
  assert.match(await teacher.page.locator('#duty-to-report').innerText(), /orosanmälan till socialtjänsten/);
  assert.deepEqual(await accessibilityViolations(teacher.page), []);

  // A missing description keeps what was typed and says what to fix.
  await teacher.page.fill('#personal_number', personalNumber(birth));
  await teacher.page.fill('#given_name', 'Elsa');
  await teacher.page.fill('#family_name', 'Testsson');
  await teacher.page.selectOption('#child_unit_id', { label: 'Växjö förskola Solen' });
  await teacher.page.click('form[action="/oro"] button[type=submit]');
  assert.match(await teacher.page.locator('[role=alert]').innerText(), /Beskriv vad du har sett eller hört/);
  assert.equal(await teacher.page.inputValue('#given_name'), 'Elsa');

  await teacher.page.fill('#description', 'Elsa har kommit utan ytterkläder tre morgnar i rad <script>alert(1)</script>.');
  await teacher.page.check('#area-omvardad');
  await teacher.page.check('#gi-nej');
  await teacher.page.click('form[action="/oro"] button[type=submit]');
  await teacher.page.waitForURL(/\/oro\/\d+\?registrerad=1$/);
  const signalUrl = teacher.page.url().replace('?registrerad=1', '');
  assert.match(await teacher.page.locator('[role=status]').innerText(), /Signalen har tagits emot/);
  assert.match(await teacher.page.locator('main').innerText(), /Mottagen, inte besvarad ännu/);
  assert.match(await teacher.page.locator('main').innerText(), /<script>alert\(1\)<\/script>/, 'shown as text');
  assert.deepEqual(await accessibilityViolations(teacher.page), []);

  const nurse = await login('bvc');
  const inboxRow = nurse.page.locator('table tr', { hasText: 'Elsa Testsson' });
  assert.equal(await inboxRow.count(), 1, 'the signal is in the BVC inbox');
  assert.match(await inboxRow.innerText(), /0 dagar/);
  await Promise.all([nurse.page.waitForURL(signalUrl), inboxRow.locator('a').click()]);
  assert.match(await nurse.page.locator('main').innerText(), /Omvårdad/);
  assert.deepEqual(await accessibilityViolations(nurse.page), []);

  // Information gathering on the wheel, from the signal page.
  // The form opens from the signal with the areas it names first and open, marked as named.
  await Promise.all([nurse.page.waitForURL(/\/barn\/\d+\/hjulet\/ny\?signal=\d+$/), nurse.page.click('text=Informationsinsamling i Barnets bästa-hjulet')]);
  assert.match(await nurse.page.locator('details[open] > summary').first().innerText(), /Omvårdad\s*nämns i signalen/);
  assert.deepEqual(await accessibilityViolations(nurse.page), []);
  await nurse.page.check('#area_omvardad_status_challenging');
  await nurse.page.fill('#area_omvardad_child_words', 'Jag fryser på morgonen.');
  await nurse.page.check('#area_omvardad_support');
  await Promise.all([nurse.page.waitForURL(/\/hjulet\?sparad=1&signal=\d+$/), nurse.page.click('form.kb-form button[type=submit]')]);
  assert.equal(await nurse.page.locator('a', { hasText: 'Tillbaka till signalen och beslutet' }).count(), 1);
  assert.match(await nurse.page.locator('table.kb-wheel-table').innerText(), /Jag fryser på morgonen/);
  assert.equal(await nurse.page.locator('svg[role=img] polygon').count(), 1, 'one challenging area');
  assert.deepEqual(await accessibilityViolations(nurse.page), []);
  await nurse.page.goto(signalUrl);

  // Decision A with its rationale; the signal is answered.
  await nurse.page.fill('#rationale', 'BVC kan möta behovet tillsammans med förskolan.');
  await nurse.page.fill('#actions_taken', 'Hembesök inom en vecka.');
  await Promise.all([nurse.page.waitForURL(`${signalUrl}?beslut=1`), nurse.page.click('form[action$="/beslut"] button')]);
  assert.match(await nurse.page.locator('[role=status]').innerText(), /Beslutet är sparat/);
  assert.deepEqual(await accessibilityViolations(nurse.page), []);
  await teacher.page.goto(signalUrl);
  assert.match(await teacher.page.locator('main').innerText(), /Hanterad/);

  const principal = await login('rektor');
  const response = await principal.page.goto(signalUrl);
  assert.equal(response.status(), 404, 'another unit gets not found, not forbidden');
  assert.equal(await principal.page.locator('table tr', { hasText: 'Elsa Testsson' }).count(), 0);

  for (const session of [teacher, nurse, principal]) await session.context.close();
});

test('BVC hands coordination to the school; the principal accepts on an accessible start page', async () => {
  const birth = new Date(Date.now() - 5.5 * 365.25 * 24 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
  const teacher = await login('forskollarare');
  await teacher.page.goto(`${server.url}/oro/ny`);
  await teacher.page.fill('#personal_number', personalNumber(birth));
  await teacher.page.fill('#given_name', 'Omar');
  await teacher.page.fill('#family_name', 'Överlämning');
  await teacher.page.selectOption('#child_unit_id', { label: 'Växjö förskola Solen' });
  await teacher.page.fill('#description', 'Omar behöver stöd i språket inför förskoleklass.');
  await teacher.page.click('form[action="/oro"] button[type=submit]');
  await teacher.page.waitForURL(/\/oro\/\d+\?registrerad=1$/);
  const signalUrl = teacher.page.url().replace('?registrerad=1', '');

  const nurse = await login('bvc');
  await nurse.page.goto(signalUrl);
  await nurse.page.selectOption('#to_unit_id', { label: 'Växjö Centralskola' });
  await nurse.page.fill('#handover_note', 'Omar börjar förskoleklass; skolan har språkstödet.');
  await Promise.all([nurse.page.waitForURL(`${signalUrl}?overlamning=1`), nurse.page.click('form[action$="/overlamning"] button')]);
  assert.match(await nurse.page.locator('[role=status]').innerText(), /Överlämningen är begärd/);

  const principal = await login('rektor');
  assert.match(await principal.page.locator('main').innerText(), /Omar Överlämning – från BVC Växjö/);
  assert.deepEqual(await accessibilityViolations(principal.page), []);
  await Promise.all([principal.page.waitForURL(`${server.url}/start`), principal.page.click('form[action$="/godkann"] button')]);
  assert.doesNotMatch(await principal.page.locator('main').innerText(), /från BVC Växjö/);

  for (const session of [teacher, nurse, principal]) await session.context.close();
});
