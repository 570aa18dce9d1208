// The family's own view in real Chromium (issue 5): the principal invites both guardians from the
// child's page, each activates the one-time link and signs in; keyboard-only journeys in Swedish
// and Arabic (read who opened the plan, write the child's words, withdraw a consent); axe (WCAG 2.1
// A/AA) on every page template in every language it speaks — the list of templates is checked
// against the server's routes by the C++ test RouteCoverage — and reflow at 320 px and 200 % zoom.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOA3, startServer } from './server.mjs';
import { accessibilityViolations, launchBrowser } from './browser.mjs';
import { bornYearsAgo, personalNumber } from './people.mjs';
import { enrol, passwordOnly } from './second_factor.mjs';

// Every GET page template of the server, with who opens it and in which languages. Keep in step
// with the router: tests/integration/route_coverage_test.cpp fails when a template is missing.
export const PAGE_TEMPLATES = [
  ['/logga-in', 'public', ['sv', 'en', 'ar']],
  ['/tillganglighet', 'public', ['sv', 'en', 'ar']],
  ['/aktivera/{token}', 'public', ['sv', 'en', 'ar']],
  ['/logga-in/aktivera-app', 'enrolling', ['sv', 'en']],
  ['/logga-in/kod', 'code', ['sv', 'en']],
  ['/logga-in/sso/{provider}/svar', 'public', ['sv', 'en', 'ar']],
  ['/start', 'staff', ['sv', 'en']],
  ['/oro/ny', 'staff', ['sv', 'en']],
  ['/inkorg', 'staff', ['sv', 'en']],
  ['/nodatkomst', 'staff', ['sv', 'en']],
  ['/oro/{id}', 'staff', ['sv', 'en']],
  ['/planer/{id}', 'staff', ['sv', 'en']],
  ['/planer/{id}/historik', 'staff', ['sv', 'en']],
  ['/barn/{id}', 'staff', ['sv', 'en']],
  ['/barn/{id}/samtycken', 'staff', ['sv', 'en']],
  ['/barn/{id}/hjulet', 'staff', ['sv', 'en']],
  ['/barn/{id}/hjulet/ny', 'staff', ['sv', 'en']],
  ['/barn/{id}/familj', 'staff', ['sv', 'en']],
  ['/admin/hjulet', 'admin', ['sv', 'en']],
  ['/admin/organisationer', 'county', ['sv', 'en']],
  ['/admin/personal', 'admin', ['sv', 'en']],
  ['/admin/enheter', 'admin', ['sv', 'en']],
  ['/admin/import', 'admin', ['sv', 'en']],
  ['/admin/utskick', 'county', ['sv', 'en']],
  ['/aviseringar', 'staff', ['sv', 'en']],
  ['/loggkontroll', 'reviewer', ['sv', 'en']],
  ['/statistik', 'steering', ['sv', 'en']],
  ['/familj', 'family', ['sv', 'en', 'ar']],
  ['/familj/barn/{id}', 'family', ['sv', 'en', 'ar']],
  ['/familj/barn/{id}/barnets-sida', 'family', ['sv', 'en', 'ar']],
  ['/familj/barn/{id}/samtycken', 'family', ['sv', 'en', 'ar']],
  ['/familj/barn/{id}/vem-har-oppnat', 'family', ['sv', 'en', 'ar']],
  ['/familj/aviseringar', 'family', ['sv', 'en', 'ar']],
];

let server;
let browser;
const ids = {};          // child, plan, concern ids found while walking the demo data
const links = [];        // one-time activation links handed out by the principal
const sessions = {};     // signed-in pages per person

async function newPage() {
  const context = await browser.newContext();
  return context.newPage();
}

async function type(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

async function pressEnterOn(page, locator) {
  await locator.focus();
  const navigated = page.waitForEvent('framenavigated');
  await page.keyboard.press('Enter');
  await navigated;
  await page.waitForLoadState();
}

async function login(username, password, landing) {
  const page = await newPage();
  await page.goto(`${server.url}/logga-in`);
  await type(page, '#username', username);
  await type(page, '#password', password);
  await Promise.all([page.waitForURL((url) => url.pathname.startsWith(landing)), page.locator('#password').press('Enter')]);
  return page;
}

// Two sign-ins stopped at their second step: the researcher's first (setting up the app) and the
// police officer's (asked for a code, the app set up once before).
let policeEnrolled = false;
async function halfwaySignIns() {
  if (!policeEnrolled) {
    await enrol(browser, server.url, 'polis');
    policeEnrolled = true;
  }
  return { enrolling: await passwordOnly(browser, server.url, 'forskare'), code: await passwordOnly(browser, server.url, 'polis') };
}

async function setLanguage(page, lang) {
  await page.goto(`${server.url}/sprak/${lang}?tillbaka=${new URL(page.url()).pathname}`);
}

async function assertAccessible(page, where) {
  assert.deepEqual(await accessibilityViolations(page), [], where);
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /\b(family|child_page|activation|a11y|layout|plan|consent)\.[a-z_]+(\.[a-z_]+)*\b/,
    `${where}: a raw catalogue key is shown`);
}

before(async () => {
  server = await startServer({ children: 60 });
  browser = await launchBrowser();
  // The principal finds a plan of theirs whose consent is in force, and invites both guardians.
  const principal = await login('rektor', 'kronobarn-demo', '/start');
  sessions.principal = principal;
  const planLinks = await principal.locator('a[href^="/planer/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of planLinks) {
    await principal.goto(`${server.url}${href}`);
    const child = (await principal.locator('a[href^="/barn/"]').first().getAttribute('href')).split('/')[2];
    await principal.goto(`${server.url}/barn/${child}/samtycken`);
    const guardians = await principal.locator('input[name="guardian_id"]').count();
    if ((await principal.getByText('Gäller', { exact: true }).count()) > 0 && guardians === 2) {
      ids.plan = href.split('/')[2];
      ids.child = child;
      break;
    }
  }
  assert.ok(ids.child, 'the demo data has a plan with a consent in force and two guardians');
  // A signal of the principal's own, for the signal page's template.
  await principal.goto(`${server.url}/oro/ny`);
  await principal.fill('#personal_number', personalNumber(bornYearsAgo(9)));
  await principal.fill('#given_name', 'Sigge');
  await principal.fill('#family_name', 'Signalsson');
  await principal.selectOption('#child_unit_id', { label: 'Växjö Centralskola' });
  await principal.fill('#description', 'Sigge har varit frånvarande tre måndagar i rad.');
  await principal.click('form[action="/oro"] button[type=submit]');
  await principal.waitForURL(/\/oro\/\d+\?registrerad=1$/);
  ids.concern = new URL(principal.url()).pathname.split('/')[2];

  // A second consent (school only), so each guardian has one to withdraw in their own language.
  await principal.goto(`${server.url}/barn/${ids.child}/samtycken`);
  await principal.fill('#purpose', 'Läxhjälp i skolan');
  for (const box of await principal.locator('input[name="guardian_id"]').all()) await box.check();
  await principal.getByLabel('Växjö Centralskola', { exact: true }).check();
  await principal.getByLabel('Skola och förskola', { exact: true }).check();
  await principal.fill('#valid_to', '2099-12-31');
  await principal.click(`form[action="/barn/${ids.child}/samtycken"] button[type=submit]`);
  await principal.waitForURL(/\/samtycken\?sparat=1$/);

  for (const which of [0, 1]) {
    await principal.goto(`${server.url}/barn/${ids.child}/familj`);
    await pressEnterOn(principal, principal.locator('form[action$="/familj/inbjudan"] button').nth(which));
    // The whole address to send on, with a copy button (the script un-hides it).
    const shown = (await principal.locator('code.kb-link-once').innerText()).trim();
    assert.ok(shown.startsWith(`${server.url}/aktivera/`), shown);
    const link = new URL(shown).pathname;
    assert.match(link, /^\/aktivera\/[A-Za-z0-9_-]+$/);
    assert.equal(await principal.locator('button[data-copy="invitation-link"]').isVisible(), true);
    assert.match(await principal.locator('main').innerText(), /Länken gäller till/);
    links.push(link);
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('each guardian activates their own one-time link from the keyboard', async () => {
  for (const [index, username] of [[0, 'vardnadshavare.ett'], [1, 'vardnadshavare.tva']]) {
    const page = await newPage();
    await page.goto(`${server.url}${links[index]}`);
    await assertAccessible(page, 'activation form');
    await type(page, '#username', username);
    await type(page, '#password', 'ett långt lösenord för test');
    await type(page, '#password_repeat', 'ett långt lösenord för test');
    await pressEnterOn(page, page.locator('form button[type=submit]'));
    assert.match(page.url(), /\/logga-in\?orsak=aktiverad/);
    assert.match(await page.locator('[role=status]').innerText(), /inloggning är klar/);
    sessions[username] = await login(username, 'ett långt lösenord för test', '/familj');
  }
  // The link worked once.
  const again = await newPage();
  const response = await again.goto(`${server.url}${links[0]}`);
  assert.equal(response.status(), 410);
  await assertAccessible(again, 'used activation link');
});

test('Swedish, keyboard only: the guardian reads who opened the plan and writes what is good for the child', async () => {
  const page = sessions['vardnadshavare.ett'];
  await page.goto(`${server.url}/familj`);
  await pressEnterOn(page, page.locator(`a[href="/familj/barn/${ids.child}/vem-har-oppnat"]`).first());
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
  // Grouped per day, unit and role with a count; each group's openings on demand, by keyboard.
  const groups = await page.locator('.kb-log-groups > li').allInnerTexts();
  assert.ok(groups.some((group) => /Rektor: (en gång|\d+ gånger)/.test(group)), groups.join('\n'));
  const principalGroup = page.locator('.kb-log-groups > li', { hasText: 'Rektor' }).first();
  await principalGroup.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.match(await principalGroup.innerText(), /Barnens bästa-ansvarig/);

  await pressEnterOn(page, page.locator(`nav a[href="/familj/barn/${ids.child}/barnets-sida"]`));
  await type(page, '#entry-child_good', 'Att spela fotboll med Ali');
  await pressEnterOn(page, page.locator('#entry-child_good ~ button, form:has(#entry-child_good) button'));
  assert.match(await page.locator('[role=status]').innerText(), /sparat/);
  assert.match(await page.locator('body').innerText(), /Att spela fotboll med Ali/);
});

test('Swedish, keyboard only: a guardian says how the family\'s own action goes, and only that one', async () => {
  const page = sessions['vardnadshavare.ett'];
  await page.goto(`${server.url}/familj/barn/${ids.child}`);
  assert.equal(await page.locator('form[action$="/insats"]').count(), 1, 'a form for the family\'s action only');
  const card = page.locator('li.ds-card', { hasText: 'Läsa tillsammans en stund varje kväll' });
  await card.locator('select[name=status]').focus();
  await card.locator('select[name=status]').selectOption('ongoing');
  await pressEnterOn(page, card.locator('button'));
  assert.match(page.url(), /rapporterat=1#who-does-what$/);
  assert.match(await page.locator('[role=status]').first().innerText(), /Tack!/);
  assert.match(await page.locator('li.ds-card', { hasText: 'Läsa tillsammans' }).innerText(), /Hur går det\s+Pågår/);
  await assertAccessible(page, 'family plan after a report (sv)');

  // The principal sees the report and who made it.
  const principal = sessions.principal;
  await principal.goto(`${server.url}/planer/${ids.plan}`);
  const reported = await principal.locator('li.kb-card', { hasText: 'Läsa tillsammans en stund varje kväll' }).innerText();
  assert.match(reported, /Pågår/);
  assert.match(reported, /Senast rapporterat/);
});

test('Swedish, keyboard only: the first guardian withdraws a consent and is told what it means', async () => {
  const page = sessions['vardnadshavare.ett'];
  await page.goto(`${server.url}/familj`);
  await pressEnterOn(page, page.locator(`a[href="/familj/barn/${ids.child}/samtycken"]`).first());
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
  assert.match(await page.locator('main').innerText(), /slutar delningen direkt/);
  const before = await page.locator('form[action$="/aterkalla"]').count();
  assert.ok(before >= 2, `two consents to withdraw, found ${before}`);
  await pressEnterOn(page, page.locator('form[action$="/aterkalla"] button').first());
  assert.match(await page.locator('[role=status]').innerText(), /Samtycket är återkallat/);
  assert.equal(await page.locator('form[action$="/aterkalla"]').count(), before - 1);
  await assertAccessible(page, 'consents after withdrawal (sv)');
});

test('Arabic, keyboard only: the second guardian withdraws a consent and reads the access log, right to left', async () => {
  const page = sessions['vardnadshavare.tva'];
  await page.goto(`${server.url}/familj`);
  await setLanguage(page, 'ar');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await pressEnterOn(page, page.locator(`a[href="/familj/barn/${ids.child}/samtycken"]`).first());
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  const withdraw = page.locator('form[action$="/aterkalla"] button').first();
  await pressEnterOn(page, withdraw);
  assert.match(await page.locator('[role=status]').innerText(), /تم سحب الموافقة/);
  await assertAccessible(page, 'consents after withdrawal (ar)');

  await pressEnterOn(page, page.locator(`nav a[href="/familj/barn/${ids.child}/vem-har-oppnat"]`));
  assert.match(await page.locator('h1').innerText(), /من فتح/);
  const text = await page.locator('.kb-log-groups').innerText();
  assert.match(text, /[٠-٩]/, 'dates written with Arabic-Indic digits');

  await pressEnterOn(page, page.locator(`nav a[href="/familj/barn/${ids.child}/barnets-sida"]`));
  await type(page, '#entry-child_hard', 'الاستيقاظ في الصباح');
  await pressEnterOn(page, page.locator('form:has(#entry-child_hard) button'));
  assert.match(await page.locator('body').innerText(), /الاستيقاظ في الصباح/);
  // Back in Swedish for the next test.
  await setLanguage(page, 'sv');
});

test('the withdrawal reached the principal at once: the consent shows as withdrawn', async () => {
  const page = sessions.principal;
  await page.goto(`${server.url}/barn/${ids.child}/samtycken`);
  assert.ok((await page.getByText('Återkallat', { exact: true }).count()) > 0);
});

test('Swedish, keyboard only: the principal records a guardian\'s personal number and the guardian signs in with e-ID', async () => {
  const principal = sessions.principal;
  const number = personalNumber('19850412', '982');
  await principal.goto(`${server.url}/barn/${ids.child}/familj`);
  const fold = principal.locator('details[id^="form-pnr-"]').nth(1);
  await fold.locator('summary').focus();
  await principal.keyboard.press('Enter');
  await fold.locator('input[name="personal_number"]').focus();
  await principal.keyboard.type('8504129');  // a digit short: the mistake is shown where the eye is
  await pressEnterOn(principal, fold.locator('input[name="personal_number"]'));
  assert.equal(await principal.evaluate(() => document.activeElement.closest('.kb-error-summary') !== null), true,
    'focus lands on the error summary');
  assert.match(await principal.locator('main').innerText(), /Personnumret ska skrivas som/);
  await assertAccessible(principal, 'family page with a mistyped personal number');
  const input = principal.locator('details[open] input[name="personal_number"]');
  await input.fill('');
  await input.focus();
  await principal.keyboard.type(number);
  await pressEnterOn(principal, input);
  assert.match(principal.url(), /familj\?sparat=1$/);
  assert.match(await principal.locator('main').innerText(), new RegExp(`Personnummer för inloggning med e-legitimation: ${number}`));

  // The guardian, in a browser of their own: no link, no password — e-ID at LoA 3.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  const button = page.getByRole('link', { name: 'Logga in med BankID / Freja eID' });
  await assertAccessible(page, 'login page with e-ID for families');
  await Promise.all([page.waitForURL((url) => url.href.startsWith(`${server.providerUrl}/interaction/`)), button.focus().then(() => page.keyboard.press('Enter'))]);
  await page.fill('#login', number.replace('-', ''));
  await page.selectOption('#acr', LOA3);
  await Promise.all([page.waitForURL(`${server.url}/familj`), page.click('button[type=submit]')]);
  assert.equal(await page.locator(`main a[href="/familj/barn/${ids.child}"]`).count() > 0, true, 'their child is listed');
  const plan = await page.goto(`${server.url}/familj/barn/${ids.child}`);
  assert.equal(plan.status(), 200);
  await context.close();
});

test('Swedish, keyboard only: the principal hands coordination on and a guardian says the plan may follow', async () => {
  const principal = sessions.principal;
  await principal.goto(`${server.url}/barn/${ids.child}`);
  await principal.locator('#handover-to_unit_id').focus();
  await principal.selectOption('#handover-to_unit_id', { label: 'Socialtjänsten Växjö' });
  await type(principal, '#handover-note', 'Familjen har mest kontakt med socialtjänsten nu.');
  await pressEnterOn(principal, principal.locator(`form[action="/barn/${ids.child}/overlamning"] button`));
  const asked = await principal.locator('main').innerText();
  assert.match(asked, /Får planen följa med till Socialtjänsten Växjö\?/);
  assert.match(asked, /Har inte svarat/);
  await assertAccessible(principal, 'child page asking whether the plan may follow');

  // The guardian answers on the family's consent page; the principal sees the answer at once.
  const page = sessions['vardnadshavare.ett'];
  await page.goto(`${server.url}/familj/barn/${ids.child}/samtycken`);
  assert.match(await page.locator('#plan-follow').innerText(), /Får planen följa med till Socialtjänsten Växjö\?/);
  await pressEnterOn(page, page.getByRole('button', { name: 'Ja, planen får följa med' }));
  assert.match(page.url(), /samtycken\?planen=1$/);
  assert.match(await page.locator('[role=status]').first().innerText(), /Ditt svar är sparat/);
  assert.match(await page.locator('main').innerText(), /Du har sagt ja till att planen följer med/);
  assert.equal(await page.getByRole('button', { name: 'Ta tillbaka mitt ja' }).count(), 1, 'the yes can be withdrawn');
  await assertAccessible(page, 'consents with the plan-follow answer (sv)');
  await principal.goto(`${server.url}/barn/${ids.child}`);
  assert.match(await principal.locator('main').innerText(), /Ja \(i familjevyn/);
});

test('every page template is free of axe violations in every language it speaks', async () => {
  const admin = await login('admin', 'kronobarn-demo', '/start');
  const county = await login('lansadmin', 'kronobarn-demo', '/start');
  const family = sessions['vardnadshavare.ett'];
  const anonymous = await newPage();
  const reviewer = await login('loggranskare', 'kronobarn-demo', '/start');
  const steering = await login('styrgrupp', 'kronobarn-demo', '/start');
  const { enrolling, code } = await halfwaySignIns();
  const pageFor = { public: anonymous, staff: sessions.principal, admin, county, reviewer, steering, family, enrolling, code };
  // A fresh link for the activation form itself.
  await sessions.principal.goto(`${server.url}/barn/${ids.child}/familj`);
  await pressEnterOn(sessions.principal, sessions.principal.locator('form[action$="/familj/inbjudan"] button').first());
  const fresh = new URL((await sessions.principal.locator('code.kb-link-once').innerText()).trim()).pathname;
  const concrete = (template) => template.replace('{id}', template.startsWith('/oro/') ? ids.concern
    : template.startsWith('/planer/') ? ids.plan : ids.child).replace('{token}', fresh.split('/')[2])
    .replace('{provider}', 'region');  // without a state: the refusal, on the login page
  let checked = 0;
  for (const [template, who, languages] of PAGE_TEMPLATES) {
    const page = pageFor[who];
    for (const lang of languages) {
      const path = concrete(template);
      await page.goto(`${server.url}/sprak/${lang}?tillbaka=${path}`);
      assert.ok(new URL(page.url()).pathname.startsWith(path.split('?')[0].replace(/\/$/, '')) ||
        template === '/familj' || template === '/start', `${template} (${lang}) ended at ${page.url()}`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang, `${template} in ${lang}`);
      await assertAccessible(page, `${template} (${lang})`);
      checked += 1;
    }
  }
  // Leave everyone in Swedish.
  for (const page of Object.values(pageFor)) await page.goto(`${server.url}/sprak/sv?tillbaka=/logga-in`);
  assert.ok(checked >= 45, `only ${checked} page renders checked`);
});

// WCAG 1.4.10 reflow: at 320 CSS px (a phone, or 1280 px at 400 % zoom), at 640 px (200 % zoom) and
// at 1280 px no page of any template scrolls sideways as a whole; wide tables scroll inside their own
// focusable box, which 1.4.10 allows for data tables. On the family's plan every goal's text stays
// inside its card, in every language.
test('every page reflows at 320, 640 and 1280 px without sideways scrolling; goal texts stay in their cards', async () => {
  const family = sessions['vardnadshavare.ett'];
  const anonymous = await newPage();
  const admin = await login('admin', 'kronobarn-demo', '/start');
  const county = await login('lansadmin', 'kronobarn-demo', '/start');
  const reviewer = await login('loggranskare', 'kronobarn-demo', '/start');
  const steering = await login('styrgrupp', 'kronobarn-demo', '/start');
  const { enrolling, code } = await halfwaySignIns();
  const pageFor = { public: anonymous, staff: sessions.principal, admin, county, reviewer, steering, family, enrolling, code };
  const problems = [];
  let checked = 0;
  for (const width of [320, 640, 1280]) {
    for (const [template, who, languages] of PAGE_TEMPLATES) {
      if (template.includes('{token}')) continue;  // a used or expired link shows the same layout as /logga-in
      const page = pageFor[who];
      await page.setViewportSize({ width, height: 800 });
      for (const lang of languages) {
        const path = template.replace('{id}', template.startsWith('/oro/') ? ids.concern
          : template.startsWith('/planer/') ? ids.plan : ids.child).replace('{provider}', 'region');
        await page.goto(`${server.url}/sprak/${lang}?tillbaka=${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 1) problems.push(`${path} (${lang}) at ${width}px scrolls sideways by ${overflow}px`);
        const box = await page.locator('h1').first().boundingBox();
        if (!box || box.x < 0 || box.x + box.width > width + 1) problems.push(`${path} (${lang}) at ${width}px: the heading is cut`);
        if (template === '/familj/barn/{id}') {
          // Each goal's text inside its card (the card, not the page, is the box it must fit).
          const outside = await page.evaluate(() => [...document.querySelectorAll('.kb-cards > li dd')].filter((dd) => {
            const text = dd.getBoundingClientRect();
            const card = dd.closest('li').getBoundingClientRect();
            return text.width === 0 || text.left < card.left - 1 || text.right > card.right + 1;
          }).map((dd) => dd.textContent));
          if (outside.length > 0) problems.push(`${path} (${lang}) at ${width}px: outside its card: ${outside.join(' | ')}`);
        }
        checked += 1;
      }
    }
  }
  for (const page of Object.values(pageFor)) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/sprak/sv?tillbaka=/logga-in`);
  }
  assert.deepEqual(problems, []);
  assert.ok(checked >= 120, `only ${checked} renders checked`);
});

test('the plan PDF opens for the guardian', async () => {
  const page = sessions['vardnadshavare.ett'];
  const response = await page.request.get(`${server.url}/familj/barn/${ids.child}/plan.pdf`);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const body = await response.body();
  assert.equal(body.subarray(0, 5).toString(), '%PDF-');
});
